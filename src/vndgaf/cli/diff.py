"""``vndgaf diff OLD NEW``: what changed between two versions of a submission."""

import datetime as dt

import click

from vndgaf.cli._common import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    follow_symlinks_option,
    guarded,
    lang_option,
)
from vndgaf.cli._config import ConfiguredCommand
from vndgaf.cli._output import target, write
from vndgaf.diff import diff, render_diff_json, render_diff_text
from vndgaf.engine import check_loaded
from vndgaf.load import load

__all__ = ["diff_command"]


@click.command("diff", cls=ConfiguredCommand, short_help="Compare two versions of a submission.")
@click.argument("old", type=click.Path())
@click.argument("new", type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@lang_option("Language of labels and finding messages (text format).")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write the diff to FILE instead of standard output.",
)
@click.option(
    "--as-of",
    "as_of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Check both versions as of this date (default: each version's own as_of).",
)
@follow_symlinks_option()
def diff_command(
    old: str,
    new: str,
    fmt: str,
    lang: str,
    output: str | None,
    as_of: dt.datetime | None,
    follow_symlinks: bool,
) -> None:
    """Compare two versions of a submission (files or directories): elements added, removed or
    changed, and findings introduced or resolved. Exit 0 when nothing changed, 1 when something
    changed (like diff), 2 on usage or I/O errors."""
    destination = target(output, inputs=(old, new))
    old_result = guarded(lambda: load([old], follow_symlinks=follow_symlinks))
    new_result = guarded(lambda: load([new], follow_symlinks=follow_symlinks))
    date = as_of.date() if as_of else None
    old_report = guarded(lambda: check_loaded(old_result, as_of=date))
    new_report = guarded(lambda: check_loaded(new_result, as_of=date))
    changes = diff(old_result, new_result, old_report, new_report)
    text = render_diff_json(changes) if fmt == "json" else render_diff_text(changes, lang)
    write(destination, text, inputs=(*old_result.files, *new_result.files))
    raise SystemExit(EXIT_CLEAN if changes.empty else EXIT_FINDINGS)
