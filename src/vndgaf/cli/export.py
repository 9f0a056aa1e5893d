"""``vndgaf export``: re-emit a submission normalised, or in an exchange format."""

import datetime as dt
import re
from collections.abc import Iterable

import click

from vndgaf import converter
from vndgaf.cli._common import (
    fail,
    follow_symlinks_option,
    guarded,
    input_errors,
    lang_option,
    reference_catalogue,
    reference_option,
)
from vndgaf.cli._config import ConfiguredCommand
from vndgaf.cli._inputs import read_inputs, stdin_filename_option
from vndgaf.cli._output import target, write, write_tree
from vndgaf.cli.exchange import read_text
from vndgaf.exchange import (
    EXPORT_FORMATS,
    export,
    export_chunks,
    load_agency_map,
    merge_archimate,
    read_model,
)
from vndgaf.graph import build_graph
from vndgaf.load import LoadResult, load
from vndgaf.model import Architecture
from vndgaf.reference import Catalogue
from vndgaf.render import MERMAID_EDGE_LIMIT, MERMAID_TEXT_LIMIT, map_mermaid
from vndgaf.render.country import build_country
from vndgaf.render.placement import display_name

__all__ = ["export_command"]

FORMATS = ("yaml", "json", *EXPORT_FORMATS)


@click.command(
    "export",
    cls=ConfiguredCommand,
    short_help="Export a submission as YAML, JSON, ArchiMate, Mermaid or GraphML.",
)
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--to", "fmt", type=click.Choice(FORMATS), required=True, help="Output format.")
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    default=None,
    help="Write to FILE instead of standard output; with several submissions and --to yaml|json, "
    "the folder to write them to (one subfolder per submission).",
)
@click.option(
    "--base",
    "base_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="With --to archimate: the ArchiMate file the submission was imported from; the output "
    "is that model with the changes made in vndgaf applied (nothing of it is lost).",
)
@click.option(
    "--agencies",
    "agencies_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="With --base: the agency map given to `vndgaf import archimate`.",
)
@click.option(
    "--collapse",
    is_flag=True,
    help="With --to mermaid: the country map (one box per province, national hub and ministry, "
    "one line per pair with its number of flows), which Mermaid draws at any scale.",
)
@click.option(
    "--mermaid-limit",
    type=click.IntRange(min=0),
    default=MERMAID_TEXT_LIMIT,
    show_default=True,
    help="With --to mermaid: refuse an export longer than this many characters (Mermaid's "
    f"default maxTextSize) or with more than {MERMAID_EDGE_LIMIT} lines (its maxEdges); 0: no "
    "limit, for a viewer configured with larger ones.",
)
@lang_option(
    "With --to mermaid: language of the group titles (tiers, units, entities) and of the "
    "country map's labels and counts (--collapse)."
)
@reference_option()
@follow_symlinks_option()
@stdin_filename_option()
def export_command(
    paths: tuple[str, ...],
    fmt: str,
    output: str | None,
    base_file: str | None,
    agencies_file: str | None,
    collapse: bool,
    mermaid_limit: int,
    lang: str,
    references: tuple[str, ...],
    follow_symlinks: bool,
    stdin_filename: str | None,
) -> None:
    """Export PATH... (files, directories, or - for standard input) as one normalised YAML/JSON
    submission (elements sorted by id, defaults omitted), or as ArchiMate exchange XML, Mermaid
    or GraphML. Refuses input with errors.

    Several submissions export to YAML/JSON as a folder (-o DIR) holding each submission in its
    own subfolder, as written (its ids, its external declarations), so that 'vndgaf check DIR'
    gives the same findings and per-submitter table; the other formats hold them all in one
    file, every id qualified (submitter::id).

    With ``--to archimate --base FILE`` the ArchiMate output is the model FILE (exchange 3.x or
    2.1, or Archi's .archimate) with every element, relationship, property, view and folder it
    has, and the changes made in vndgaf applied; what could not be applied is said on standard
    error.
    """
    inputs = read_inputs(paths, stdin_filename)
    if (collapse or mermaid_limit != MERMAID_TEXT_LIMIT) and fmt != "mermaid":
        fail("--collapse and --mermaid-limit go with --to mermaid")
    if (base_file or agencies_file) and fmt != "archimate":
        fail("--base and --agencies go with --to archimate")
    if agencies_file and not base_file:
        fail("--agencies goes with --base")
    extra = [p for p in (base_file, agencies_file) if p]
    cat = reference_catalogue(references, lang=lang)
    result = guarded(
        lambda: load(
            inputs.paths,
            catalogue=cat,
            follow_symlinks=follow_symlinks,
            documents=inputs.documents,
        )
    )
    problem = input_errors(result.findings)
    if problem:
        fail(problem)
    if fmt in ("yaml", "json") and len(result.parts) > 1:
        if output is None:
            fail(
                f"{len(result.parts)} submissions export to a folder, one subfolder each: "
                "give -o DIR"
            )
        guarded(lambda: write_tree(output, _submission_files(result, fmt), force=False))
        return
    destination = target(output, inputs=[*inputs.names, *extra])
    arch = converter.normalise(result.architecture)
    if base_file is not None:
        base = guarded(lambda: read_model(read_text(base_file), path=base_file))
        agencies = (
            guarded(lambda: load_agency_map(read_text(agencies_file), path=agencies_file))
            if agencies_file
            else None
        )
        merged = guarded(lambda: merge_archimate(arch, base.root, agencies=agencies))
        for note in merged.notes:
            click.echo(f"note: {note}", err=True)
        write(destination, merged.text, inputs=[*result.files, *extra])
        return
    text: str | Iterable[str]
    if fmt == "mermaid":
        text = _mermaid(result, arch, cat, collapse=collapse, limit=mermaid_limit, lang=lang)
    elif fmt in ("yaml", "json"):
        text = converter.dump_chunks(arch, fmt)
    else:
        text = export_chunks(arch, fmt)
    write(destination, text, inputs=result.files)


def _mermaid(
    result: LoadResult,
    arch: Architecture,
    cat: Catalogue,
    *,
    collapse: bool,
    limit: int,
    lang: str,
) -> str:
    """The Mermaid text in ``lang``: the country map with ``collapse`` (drawn from the catalogue
    the submissions were read with, overlays included); else the whole architecture, refused
    when Mermaid would not draw it (above ``limit`` characters or its edge limit)."""
    as_of = max((s.as_of for s in result.submissions), default=dt.date.today())
    reference = cat.at(as_of)
    if collapse:
        graph = guarded(lambda: build_graph(result.architecture, reference, as_of))
        return map_mermaid(build_country(graph, lang=lang), lang=lang)
    text = export(arch, "mermaid", lang=lang, names=_catalogue_names(arch, reference, lang))
    edges = sum(1 for line in text.splitlines() if " -->" in line)
    if limit and (len(text) > limit or edges > MERMAID_EDGE_LIMIT):
        fail(
            f"the Mermaid export has {len(text):,} characters and {edges:,} lines, above what "
            f"Mermaid draws by default (maxTextSize {limit:,}, maxEdges {MERMAID_EDGE_LIMIT}): "
            "use --collapse for the country map (one box per province, hub and ministry), which "
            "fits, or --mermaid-limit 0 to write it whole for a viewer configured with larger "
            "limits"
        )
    return text


def _catalogue_names(arch: Architecture, reference: Catalogue, lang: str) -> dict[str, str]:
    """The display name in ``lang`` of each catalogue element a flow of ``arch`` reaches."""
    names: dict[str, str] = {}
    for flow in arch.flows:
        for ident in (flow.source, *flow.via, flow.target):
            element = reference.get(ident) if ident not in names else None
            if element is not None:
                names[ident] = display_name(element, lang)
    return names


def _submission_files(result: LoadResult, fmt: str) -> dict[str, str]:
    """Each submission of ``result`` as one file in a subfolder named after its submitter."""
    files: dict[str, str] = {}
    for part in result.parts:
        folder = re.sub(r"[^A-Za-z0-9._-]+", "-", part.namespace).strip("-.") or "no-submission"
        name, n = folder, 1
        while f"{name}/architecture.{fmt}" in files:  # two submitters, one folder-safe name
            n += 1
            name = f"{folder}-{n}"
        files[f"{name}/architecture.{fmt}"] = converter.dumps(
            converter.normalise(part.architecture), fmt
        )
    return files
