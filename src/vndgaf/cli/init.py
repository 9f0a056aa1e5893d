"""``vndgaf init``: write a starter submission for a province or a ministry."""

import datetime as dt
from pathlib import Path

import click

from vndgaf.cli._common import fail
from vndgaf.cli._output import write_tree
from vndgaf.starter import StarterError, starter

__all__ = ["init_command"]


@click.command(
    "init",
    short_help="Write a starter submission for a province or a ministry.",
)
@click.option(
    "--province",
    metavar="CODE",
    default=None,
    help='Official province code (08, 79) or name ("Tuyên Quang", "HCMC").',
)
@click.option(
    "--ministry", metavar="ID", default=None, help="Catalogue agency id, e.g. bo-tu-phap."
)
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(file_okay=False),
    required=True,
    help="Directory to write the submission to (created if missing).",
)
@click.option("--force", is_flag=True, help="Overwrite files that already exist.")
@click.option(
    "--as-of",
    "as_of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Date written as the submission's as_of (default: today).",
)
def init_command(
    province: str | None,
    ministry: str | None,
    output: str,
    force: bool,
    as_of: dt.datetime | None,
) -> None:
    """Write a starter submission for a province (--province CODE|NAME) or a ministry
    (--ministry ID), pre-filled from the national catalogue, into DIR. Placeholders are marked
    TODO. Refuses to overwrite existing files unless --force. Exit 0 on success, 2 on errors."""
    if (province is None) == (ministry is None):
        fail("give exactly one of --province CODE or --ministry ID")
    try:
        files = starter(province, ministry, as_of=as_of.date() if as_of else dt.date.today())
    except StarterError as exc:
        fail(str(exc))
    root = Path(output)
    write_tree(output, files, force=force)
    yaml_files = sum(1 for name in files if name.endswith(".yaml"))
    click.echo(
        f"wrote {yaml_files} submission files, README.md and the schema to {root}; "
        f"next: edit the TODOs, then `vndgaf check {root}`"
    )
