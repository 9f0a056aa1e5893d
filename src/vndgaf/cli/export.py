"""``vndgaf export``: re-emit a submission normalised, or in an exchange format."""

import click

from vndgaf import converter
from vndgaf.cli._common import fail, guarded, paths_argument, write_output
from vndgaf.diagnostics import Severity
from vndgaf.exchange import EXPORT_FORMATS, export
from vndgaf.load import load

__all__ = ["export_command"]

FORMATS = ("yaml", "json", *EXPORT_FORMATS)


@click.command("export")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--to", "fmt", type=click.Choice(FORMATS), required=True, help="Output format.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write to FILE instead of standard output.",
)
def export_command(paths: tuple[str, ...], fmt: str, output: str | None) -> None:
    """Export PATH... as one normalised YAML/JSON submission (elements sorted by id, defaults
    omitted), or as ArchiMate exchange XML, Mermaid or GraphML. Refuses input with errors."""
    items = paths_argument(paths)
    result = guarded(lambda: load(items))
    errors = [f for f in result.findings if f.severity is Severity.ERROR]
    if errors:
        first = errors[0]
        fail(
            f"{len(errors)} error(s) in the input, first: {first.location}: {first.code} "
            f"{first.message.en} (run `vndgaf validate`)"
        )
    arch = converter.normalise(result.architecture)
    text = converter.dumps(arch, fmt) if fmt in ("yaml", "json") else export(arch, fmt)
    if output:
        write_output(output, text)
    else:
        click.echo(text, nl=False)
