"""``vndgaf validate``: schema and references only."""

import sys

import click

from vndgaf.cli._colour import color_option, wants_colour
from vndgaf.cli._common import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    fail_on_option,
    follow_symlinks_option,
    guarded,
    lang_option,
    reference_catalogue,
    reference_option,
    submissions_only_option,
)
from vndgaf.cli._config import ConfiguredCommand
from vndgaf.cli._inputs import read_inputs, stdin_filename_option
from vndgaf.cli._progress import Progress
from vndgaf.diagnostics import Report, Severity
from vndgaf.load import INPUT_CHECKS, load
from vndgaf.report import render


@click.command("validate", cls=ConfiguredCommand, short_help="Check schema and references only.")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@submissions_only_option()
@fail_on_option()
@reference_option()
@lang_option("Language of messages.")
@color_option()
@follow_symlinks_option()
@stdin_filename_option()
def validate_command(
    paths: tuple[str, ...],
    fmt: str,
    fail_on: str,
    references: tuple[str, ...],
    lang: str,
    color: str,
    follow_symlinks: bool,
    submissions_only: bool,
    stdin_filename: str | None,
) -> None:
    """Check PATH... (files, directories, or - for standard input) against the submission
    schema and resolve every reference. Exit 0 when clean, 1 with findings, 2 on usage or I/O
    errors."""
    inputs = read_inputs(paths, stdin_filename)
    cat = reference_catalogue(references, lang=lang)
    Progress().parsing(inputs.names)
    result = guarded(
        lambda: load(
            inputs.paths,
            catalogue=cat,
            follow_symlinks=follow_symlinks,
            submissions_only=submissions_only,
            documents=inputs.documents,
        )
    )
    report = Report(
        findings=result.findings,
        rules=INPUT_CHECKS,
        inputs=result.files,
        reference=tuple(o.label for o in cat.user_overlays),
    )
    options = {"color": wants_colour(color, sys.stdout)} if fmt == "text" else {}
    click.echo(render(report, fmt, lang=lang, **options), nl=False)
    threshold = Severity(fail_on).rank
    failing = [f for f in report.active() if f.severity.rank >= threshold]
    raise SystemExit(EXIT_FINDINGS if failing else EXIT_CLEAN)


__all__ = ["validate_command"]
