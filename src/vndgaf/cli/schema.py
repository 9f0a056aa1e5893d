"""``vndgaf schema``: print or write the JSON Schema of the submission format."""

from pathlib import Path

import click

from vndgaf.cli._common import fail
from vndgaf.cli._output import target, write
from vndgaf.schema import SCHEMA_FILENAME, schema_json

__all__ = ["schema_command"]


@click.command("schema")
@click.option(
    "--write",
    "directory",
    type=click.Path(file_okay=False),
    default=None,
    help=f"Write {SCHEMA_FILENAME} into DIR instead of printing it.",
)
def schema_command(directory: str | None) -> None:
    """The JSON Schema (draft 2020-12) of submission files, generated from the model."""
    if directory is None:
        write(target(None), schema_json())
        return
    folder = Path(directory)
    if not folder.is_dir():
        fail(f"{folder}: no such directory")
    write(target(str(folder / SCHEMA_FILENAME)), schema_json())
    click.echo(f"wrote {folder / SCHEMA_FILENAME}")
