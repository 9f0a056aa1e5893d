"""``vndgaf export``: re-emit a submission normalised, or in an exchange format."""

import click

from vndgaf import converter
from vndgaf.cli._common import fail, guarded, input_errors, paths_argument
from vndgaf.cli._output import target, write
from vndgaf.exchange import EXPORT_FORMATS, export
from vndgaf.load import load

__all__ = ["export_command"]

FORMATS = ("yaml", "json", *EXPORT_FORMATS)


@click.command("export")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--to", "fmt", type=click.Choice(FORMATS), required=True, help="Output format.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write to FILE instead of standard output.",
)
def export_command(paths: tuple[str, ...], fmt: str, output: str | None) -> None:
    """Export PATH... as one normalised YAML/JSON submission (elements sorted by id, defaults
    omitted), or as ArchiMate exchange XML, Mermaid or GraphML. Refuses input with errors."""
    items = paths_argument(paths)
    destination = target(output, inputs=items)
    result = guarded(lambda: load(items))
    problem = input_errors(result.findings)
    if problem:
        fail(problem)
    arch = converter.normalise(result.architecture)
    text = converter.dumps(arch, fmt) if fmt in ("yaml", "json") else export(arch, fmt)
    write(destination, text, inputs=result.files)
