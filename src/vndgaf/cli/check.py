"""``vndgaf check``: the whole pipeline against the national reference."""

import datetime as dt
import sys

import click

from vndgaf import __version__
from vndgaf.cli._colour import color_option, wants_colour
from vndgaf.cli._common import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    as_of_option,
    fail,
    fail_on_option,
    follow_symlinks_option,
    guarded,
    lang_option,
    reference_catalogue,
    reference_option,
    submissions_only_option,
)
from vndgaf.cli._complete import complete_rules
from vndgaf.cli._config import ConfiguredCommand
from vndgaf.cli._inputs import read_inputs, stdin_filename_option
from vndgaf.cli._output import target, write
from vndgaf.cli._progress import Progress
from vndgaf.diagnostics import Report, Severity
from vndgaf.engine import check_loaded, select_rules
from vndgaf.errors import InputError, InternalError
from vndgaf.gcpause import paused_gc
from vndgaf.load import LoadResult, load
from vndgaf.reference import Catalogue
from vndgaf.report import FORMATS, LinkedView, render, source_root
from vndgaf.rules import ALL_RULES

__all__ = ["check_command", "exit_code", "split_codes"]


def split_codes(values: tuple[str, ...]) -> list[str]:
    """``--select IOP,RED001 --select STR`` -> ["IOP", "RED001", "STR"]."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _overrides(values: tuple[str, ...]) -> dict[str, Severity]:
    out: dict[str, Severity] = {}
    for value in split_codes(values):
        code, sep, level = value.partition("=")
        if not sep or level.strip().lower() not in {s.value for s in Severity}:
            fail(f"--severity expects CODE=error|warning|note, got {value!r}")
        out[code.strip().upper()] = Severity(level.strip().lower())
    return out


def exit_code(report: Report, fail_on: str) -> int:
    """1 when an unsuppressed finding is at or above ``fail_on``, else 0."""
    threshold = Severity(fail_on).rank
    return (
        EXIT_FINDINGS if any(f.severity.rank >= threshold for f in report.active()) else EXIT_CLEAN
    )


def _view_anchor(view: str) -> str:
    """Where a link to ``view`` points in the HTML report: the overview's section, or the
    folded section of a drill-down view."""
    from vndgaf.render import view_slug

    return "#diagram" if view == "overview" else f"#view-{view_slug(view)}"


def _diagram(result: LoadResult, report: Report, lang: str, cat: Catalogue) -> dict[str, object]:
    """The overview diagram for the HTML report, in the report's language, with every view its
    boxes link to (drill-down: the links are anchors in the report): their SVG and text
    alternatives, or why the overview could not be drawn (the report says so instead of
    dropping it)."""
    try:
        from vndgaf.graph import build_graph
        from vndgaf.render import drill_down
    except ImportError as exc:  # pragma: no cover - pydot is a mandated dependency
        return {"diagram_error": f"the diagram renderer is not installed ({exc.name})"}
    try:
        as_of = report.as_of or cat.as_of
        graph = build_graph(result.architecture, cat.at(as_of), as_of)
        drawn = drill_down(
            graph, href=_view_anchor, findings=report.findings, highlight=True, lang=lang
        )
    except (InputError, InternalError, ValueError, OSError) as exc:
        return {"diagram_error": str(exc)}
    overview = drawn.pop("overview")
    if overview.data is None:
        return {"diagram_error": overview.error}
    views = [
        LinkedView(
            anchor=_view_anchor(d.view)[1:],
            title=d.alt,
            svg=d.data.decode("utf-8") if d.data is not None else None,
            error=d.error,
        )
        for d in drawn.values()
    ]
    return {
        "diagram_svg": overview.data.decode("utf-8"),
        "diagram_alt": overview.alt,
        "views": views,
    }


@click.command(
    "check", cls=ConfiguredCommand, short_help="Check submissions against the framework rules."
)
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Report format.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write the report to FILE instead of standard output.",
)
@click.option(
    "--select",
    multiple=True,
    metavar="CODES",
    shell_complete=complete_rules,
    help="Run only these rules: codes, prefixes (IOP) or names; comma-separated.",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="CODES",
    shell_complete=complete_rules,
    help="Skip these rules: codes, prefixes or names; comma-separated.",
)
@click.option(
    "--severity",
    "severities",
    multiple=True,
    metavar="CODE=LEVEL",
    help="Override a rule's severity, e.g. IOP011=warning.",
)
@click.option(
    "--root",
    type=click.Path(file_okay=False, exists=True),
    default=None,
    metavar="DIR",
    help="SARIF only: write file paths relative to DIR. Default: the top of the Git work tree "
    "holding the inputs, else the current directory.",
)
@submissions_only_option()
@click.option(
    "--summary",
    is_flag=True,
    help="With --format markdown: a summary that fits a pull-request comment (under 65,536 "
    "characters at any scale): counts per severity, rule and submitter, the first findings, and "
    "how to get the full report.",
)
@fail_on_option()
@as_of_option()
@reference_option()
@lang_option()
@color_option()
@follow_symlinks_option()
@stdin_filename_option()
def check_command(
    paths: tuple[str, ...],
    fmt: str,
    output: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    severities: tuple[str, ...],
    summary: bool,
    fail_on: str,
    as_of: dt.datetime | None,
    references: tuple[str, ...],
    lang: str,
    color: str,
    follow_symlinks: bool,
    root: str | None,
    submissions_only: bool,
    stdin_filename: str | None,
) -> None:
    """Check PATH... (files, directories, or - for standard input; several submissions are
    merged into one national picture) against the framework rules. Exit 0 when clean, 1 with
    findings at or above --fail-on, 2 on usage or I/O errors."""
    inputs = read_inputs(paths, stdin_filename)
    if summary and fmt != "markdown":
        fail("--summary goes with --format markdown")
    overrides = _overrides(severities)
    destination = target(output, inputs=inputs.names)
    progress = Progress()
    progress.parsing(inputs.names)
    with paused_gc():  # one pause for the whole run, not one collection between the steps
        cat = reference_catalogue(references, as_of.date() if as_of else None, lang)
        result = guarded(
            lambda: load(
                inputs.paths,
                catalogue=cat,
                follow_symlinks=follow_symlinks,
                submissions_only=submissions_only,
                documents=inputs.documents,
            )
        )
        progress.checking(len(select_rules(ALL_RULES, split_codes(select), split_codes(ignore))))
        report = guarded(
            lambda: check_loaded(
                result,
                select=split_codes(select),
                ignore=split_codes(ignore),
                severity_overrides=overrides,
                as_of=as_of.date() if as_of else None,
                catalogue=cat,
            )
        )
        options: dict[str, object] = {}
        if fmt == "html":
            options.update(_diagram(result, report, lang, cat))
            options["tool_version"] = __version__
        if summary:
            options["summary"] = True
        if fmt == "text" and destination.fd in (1, 2):
            stream = sys.stdout if destination.fd == 1 else sys.stderr
            options["color"] = wants_colour(color, stream)
        if fmt == "sarif":
            options["root"] = root if root is not None else source_root(inputs.names)
        text = render(report, fmt, lang=lang, **options)
    write(destination, text, inputs=result.files)
    raise SystemExit(exit_code(report, fail_on))
