"""``vndgaf export``: re-emit a submission normalised, or in an exchange format."""

import click

from vndgaf import converter
from vndgaf.cli._common import (
    fail,
    follow_symlinks_option,
    guarded,
    input_errors,
)
from vndgaf.cli._config import ConfiguredCommand
from vndgaf.cli._inputs import read_inputs, stdin_filename_option
from vndgaf.cli._output import target, write
from vndgaf.cli.exchange import read_text
from vndgaf.exchange import EXPORT_FORMATS, export, load_agency_map, merge_archimate, read_model
from vndgaf.load import load

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
    type=click.Path(dir_okay=False),
    default=None,
    help="Write to FILE instead of standard output.",
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
@follow_symlinks_option()
@stdin_filename_option()
def export_command(
    paths: tuple[str, ...],
    fmt: str,
    output: str | None,
    base_file: str | None,
    agencies_file: str | None,
    follow_symlinks: bool,
    stdin_filename: str | None,
) -> None:
    """Export PATH... (files, directories, or - for standard input) as one normalised YAML/JSON
    submission (elements sorted by id, defaults omitted), or as ArchiMate exchange XML, Mermaid
    or GraphML. Refuses input with errors.

    With ``--to archimate --base FILE`` the ArchiMate output is the model FILE (exchange 3.x or
    2.1, or Archi's .archimate) with every element, relationship, property, view and folder it
    has, and the changes made in vndgaf applied; what could not be applied is said on standard
    error.
    """
    inputs = read_inputs(paths, stdin_filename)
    if (base_file or agencies_file) and fmt != "archimate":
        fail("--base and --agencies go with --to archimate")
    if agencies_file and not base_file:
        fail("--agencies goes with --base")
    extra = [p for p in (base_file, agencies_file) if p]
    destination = target(output, inputs=[*inputs.names, *extra])
    result = guarded(
        lambda: load(inputs.paths, follow_symlinks=follow_symlinks, documents=inputs.documents)
    )
    problem = input_errors(result.findings)
    if problem:
        fail(problem)
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
    text = converter.dumps(arch, fmt) if fmt in ("yaml", "json") else export(arch, fmt)
    write(destination, text, inputs=result.files)
