"""``vndgaf render``: draw a view of a submission as DOT, SVG, PNG or PDF."""

import datetime as dt
from pathlib import Path

import click

from vndgaf.cli._common import (
    EXIT_FINDINGS,
    fail,
    follow_symlinks_option,
    guarded,
    input_errors,
    lang_option,
)
from vndgaf.cli._complete import complete_view
from vndgaf.cli._config import ConfiguredCommand
from vndgaf.cli._inputs import read_inputs, stdin_filename_option
from vndgaf.cli._output import target, write
from vndgaf.engine import check_loaded
from vndgaf.graph import build_graph
from vndgaf.load import load
from vndgaf.reference import catalogue
from vndgaf.render import FORMATS, render, to_bytes
from vndgaf.textsafe import printable

__all__ = ["render_command"]


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
    help="overview, province:CODE, agency:ID, entity:ID or impact:ID (a platform).",
)
@click.option("--highlight", is_flag=True, help="Colour elements by their worst finding.")
@click.option("--expand", is_flag=True, help="Overview: draw communes one by one.")
@lang_option("Language of labels and legends.")
@follow_symlinks_option()
@stdin_filename_option()
def render_command(
    paths: tuple[str, ...],
    output: str,
    fmt: str | None,
    view: str,
    highlight: bool,
    expand: bool,
    lang: str,
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
    destination = target(output, inputs=inputs.names)
    result = guarded(
        lambda: load(inputs.paths, follow_symlinks=follow_symlinks, documents=inputs.documents)
    )
    as_of = max((s.as_of for s in result.submissions), default=dt.date.today())
    graph = guarded(lambda: build_graph(result.architecture, catalogue(), as_of))
    findings = guarded(lambda: check_loaded(result).findings) if highlight else ()
    try:
        dot = render(
            graph, view=view, findings=findings, highlight=highlight, expand=expand, lang=lang
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
