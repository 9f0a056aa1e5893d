"""``vndgaf import archimate``: read an ArchiMate exchange file into a vndgaf submission."""

from collections import Counter
from pathlib import Path

import click

from vndgaf import converter
from vndgaf.cli._common import fail, guarded
from vndgaf.cli._output import target, write
from vndgaf.errors import InputError
from vndgaf.exchange import ImportResult, import_archimate

__all__ = ["import_group"]


def _read(path: str) -> str:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start})") from None


def summary(result: ImportResult) -> list[str]:
    """Lines telling what was mapped (counted by kind) and every item kept aside, with why."""
    counts = Counter(m.kind for m in result.mapped)
    mapped = ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items())) or "nothing"
    lines = [f"mapped {len(result.mapped)}: {mapped}"]
    lines.append(f"kept aside {len(result.kept_aside)}" + (":" if result.kept_aside else ""))
    for item in result.kept_aside:
        what = " ".join(p for p in (item.archimate_type, repr(item.name) if item.name else "") if p)
        lines.append(f"  - {what} [{item.source_id}]: {item.reason}")
    return lines


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
def import_archimate_command(file: str, output: str | None) -> None:
    """Map an ArchiMate exchange file (3.0/3.1, or 2.1) onto a vndgaf submission.

    The summary on standard error lists what was mapped and everything kept aside, with the
    reason; nothing is dropped silently.
    """
    destination = target(output, inputs=(file,))
    result = guarded(lambda: import_archimate(_read(file), path=file))
    fmt = "json" if output and output.lower().endswith(".json") else "yaml"
    try:
        text = converter.dumps(result.architecture, fmt)
    except ValueError as exc:
        fail(str(exc))
    for line in summary(result):
        click.echo(line, err=True)
    write(destination, text, inputs=(file,))
