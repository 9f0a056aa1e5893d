"""``vndgaf import archimate``: read an ArchiMate model into a vndgaf submission."""

import os
from pathlib import Path

import click

from vndgaf import converter
from vndgaf.cli._common import fail, guarded
from vndgaf.cli._output import Target, target, write_all
from vndgaf.errors import InputError
from vndgaf.exchange import import_archimate
from vndgaf.exchange.archimate_agencies import AgencyMap, load_agency_map
from vndgaf.exchange.archimate_read import MAX_BYTES
from vndgaf.exchange.archimate_summary import import_report, summary_lines
from vndgaf.textsafe import json_text, printable

__all__ = ["import_group", "read_text"]


def read_text(path: str) -> str:
    """The file as text (UTF-8, a byte-order mark allowed); errors are one line. A file over
    the import's size bound is refused before it is read."""
    try:
        with open(path, "rb") as handle:
            if os.fstat(handle.fileno()).st_size > MAX_BYTES:
                raise InputError(f"{path}: larger than {MAX_BYTES // (1024 * 1024)} MiB")
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    if len(data) > MAX_BYTES:  # a pipe or a file that grew while being read
        raise InputError(f"{path}: larger than {MAX_BYTES // (1024 * 1024)} MiB")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start})") from None


@click.group("import")
def import_group() -> None:
    """Import models written by other tools."""


@import_group.command("archimate")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write the submission to FILE (.yaml or .json) instead of standard output.",
)
@click.option(
    "--agencies",
    "agencies_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="YAML file saying which organisation is which agency (tier, unit, catalogue id).",
)
@click.option(
    "--report",
    "report_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write the full list of what was imported, derived and kept aside to FILE (JSON).",
)
def import_archimate_command(
    file: str, output: str | None, agencies_file: str | None, report_file: str | None
) -> None:
    """Map an ArchiMate model onto a vndgaf submission: an exchange file (3.x or 2.1) or an
    Archi ``.archimate`` file.

    Standard error gets a short summary: counts by kind and by ArchiMate type of what was
    imported, derived and kept aside, and what each kept-aside group means for the checks.
    ``--report FILE`` writes every item with its reason. Nothing is dropped silently.
    """
    inputs = (file,) if agencies_file is None else (file, agencies_file)
    destination = target(output, inputs=inputs)
    report_to = target(report_file, inputs=inputs) if report_file is not None else None
    agencies: AgencyMap | None = None
    if agencies_file is not None:
        agencies = guarded(lambda: load_agency_map(read_text(agencies_file), path=agencies_file))
    result = guarded(lambda: import_archimate(read_text(file), path=file, agencies=agencies))
    fmt = "json" if output and output.lower().endswith(".json") else "yaml"
    try:
        text = converter.dumps(result.architecture, fmt)
    except ValueError as exc:
        fail(str(exc))
    source = Path(file).name
    outputs: list[tuple[Target, str]] = [(destination, text)]
    if report_to is not None:
        outputs.append(
            (report_to, json_text(import_report(result, source=source), sort_keys=False))
        )
    for line in summary_lines(result, source=source):
        click.echo(printable(line), err=True)
    if report_to is None:
        click.echo("the full list: --report FILE", err=True)
    if output:
        again = f" --agencies {agencies_file}" if agencies_file else ""
        click.echo(
            f"back to ArchiMate, with your changes: vndgaf export {output} --to archimate "
            f"--base {file}{again} -o FILE",
            err=True,
        )
    write_all(outputs, inputs=inputs)
