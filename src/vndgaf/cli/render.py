"""``vndgaf render``: draw a view of a submission as DOT, SVG, PNG or PDF."""

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import click

from vndgaf import __version__
from vndgaf.cli._common import (
    EXIT_FINDINGS,
    fail,
    follow_symlinks_option,
    guarded,
    input_errors,
    lang_option,
    reference_catalogue,
    reference_option,
)
from vndgaf.cli._complete import complete_view
from vndgaf.cli._config import ConfiguredCommand
from vndgaf.cli._inputs import read_inputs, stdin_filename_option
from vndgaf.cli._output import target, write, write_all
from vndgaf.diagnostics import Finding
from vndgaf.engine import check_loaded
from vndgaf.gcpause import paused_gc
from vndgaf.graph import ArchGraph, build_graph
from vndgaf.load import load
from vndgaf.render import FORMATS, Stamp, drill_down, render, to_bytes, view_slug
from vndgaf.textsafe import printable

__all__ = ["render_command"]


def _drill_down(
    graph: ArchGraph,
    output: str,
    fmt: str,
    findings: Sequence[Finding],
    highlight: bool,
    lang: str,
    inputs: Sequence[str],
    stamp: Stamp,
) -> None:
    """Write the overview to ``output`` and each view it links to beside it, all or none."""
    folder = Path(output).parent
    name = Path(output).name

    def href(view: str) -> str:
        return name if view == "overview" else f"{view_slug(view)}.{fmt}"

    drawn = guarded(
        lambda: drill_down(
            graph,
            href=href,
            findings=findings,
            highlight=highlight,
            lang=lang,
            fmt=fmt,
            stamp=stamp,
        )
    )
    failed = [d for d in drawn.values() if d.data is None]
    if failed:
        fail(f"{failed[0].view}: {failed[0].error}")
    files = [
        (target(str(folder / href(view)), inputs=inputs), d.data or b"")
        for view, d in drawn.items()
    ]
    write_all(files, inputs=inputs)
    click.echo(printable(f"{output}: overview and {len(files) - 1} linked views ({fmt})"))


@click.command(
    "render", cls=ConfiguredCommand, short_help="Draw a view of a submission with Graphviz."
)
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False),
    help="Output file, or - for standard output; the suffix picks the format unless --format "
    "is given.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Diagram format (default: the output file's suffix; needed with -o -).",
)
@click.option(
    "--view",
    default="overview",
    show_default=True,
    shell_complete=complete_view,
    help="overview (the country map when the model spans several provinces or ministries, "
    "else tiers), country, tiers, province:CODE, agency:ID, entity:ID, impact:ID (a platform) "
    "or hub:ID.",
)
@click.option("--highlight", is_flag=True, help="Colour elements by their worst finding.")
@click.option("--expand", is_flag=True, help="Tiers view: draw communes one by one.")
@click.option(
    "--drill-down",
    "drill",
    is_flag=True,
    help="Overview in .svg or .dot: also write, next to FILE, every view its boxes link to "
    "(province-CODE.svg, hub-….svg, agency-….svg), so that a click opens them.",
)
@lang_option("Language of labels and legends.")
@reference_option()
@follow_symlinks_option()
@stdin_filename_option()
def render_command(
    paths: tuple[str, ...],
    output: str,
    fmt: str | None,
    view: str,
    highlight: bool,
    expand: bool,
    drill: bool,
    lang: str,
    references: tuple[str, ...],
    follow_symlinks: bool,
    stdin_filename: str | None,
) -> None:
    """Draw a view of PATH... (files, directories, or - for standard input) into FILE. Exit 0
    when written, 1 when the input has errors (the diagram shows what could be loaded), 2 on
    usage, I/O or Graphviz errors."""
    inputs = read_inputs(paths, stdin_filename)
    if fmt is None:
        fmt = Path(output).suffix.lower().lstrip(".")
        if fmt not in FORMATS:
            fail(
                f"{output}: unknown diagram format; use one of .{', .'.join(FORMATS)}, "
                "or give --format"
            )
    if drill and (view.strip() != "overview" or fmt not in ("svg", "dot") or output == "-"):
        fail(
            "--drill-down draws the overview and the views it links to: use it with "
            "--view overview and an .svg or .dot file"
        )
    destination = target(output, inputs=inputs.names)
    cat = reference_catalogue(references, lang=lang)
    with paused_gc():  # as in check: collections would walk the whole model again and again
        result = guarded(
            lambda: load(
                inputs.paths,
                catalogue=cat,
                follow_symlinks=follow_symlinks,
                documents=inputs.documents,
            )
        )
        as_of = max((s.as_of for s in result.submissions), default=dt.date.today())
        graph = guarded(lambda: build_graph(result.architecture, cat.at(as_of), as_of))
        stamp = Stamp.of(result.submissions, cat.at(as_of), tool=f"vndgaf {__version__}")
        findings = (
            guarded(lambda: check_loaded(result, catalogue=cat).findings) if highlight else ()
        )
    if drill:
        _drill_down(graph, output, fmt, findings, highlight, lang, result.files, stamp)
    else:
        try:
            dot = render(
                graph,
                view=view,
                findings=findings,
                highlight=highlight,
                expand=expand,
                lang=lang,
                stamp=stamp,
            )
        except ValueError as exc:
            fail(str(exc))
        data = guarded(lambda: to_bytes(dot, fmt))
        write(destination, data, inputs=result.files)
        # The confirmation goes to standard error when the diagram itself went to standard output.
        click.echo(printable(f"{output}: {view} ({fmt})"), err=destination.fd is not None)
    problem = input_errors(result.findings)
    if problem:
        click.echo(
            f"vndgaf: error: {printable(problem)}; the diagram shows only what could be loaded",
            err=True,
        )
        raise SystemExit(EXIT_FINDINGS)
