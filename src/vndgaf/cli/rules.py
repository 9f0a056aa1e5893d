"""``vndgaf rules`` and ``vndgaf rule CODE``: the rule catalogue and each rule's documentation."""

import click

from vndgaf.cli._common import fail, lang_option
from vndgaf.cli._complete import complete_rule
from vndgaf.cli._config import ConfiguredCommand
from vndgaf.engine import all_rule_infos, find_rule
from vndgaf.report.i18n import label
from vndgaf.textsafe import json_text

__all__ = ["rule_command", "rules_command"]


@click.command("rules", cls=ConfiguredCommand)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format: one line per rule, or a JSON list.",
)
@lang_option("Language of the titles.")
def rules_command(fmt: str, lang: str) -> None:
    """List every rule: code, name, default severity and title."""
    infos = all_rule_infos()
    if fmt == "json":
        data = [
            {
                "code": i.code,
                "name": i.name,
                "severity": i.severity.value,
                "title": i.title.get(lang),
                "legal_basis": i.legal_basis.get(lang),
                "instruments": list(i.instruments),
                "sourced": i.sourced,
            }
            for i in infos
        ]
        click.echo(json_text(data, sort_keys=False), nl=False)
        return
    for i in infos:
        click.echo(f"{i.code}  {i.severity.value:<7}  {i.name:<40}  {i.title.get(lang)}")


@click.command("rule", cls=ConfiguredCommand)
@click.argument("code", shell_complete=complete_rule)
@lang_option("Language of the documentation.")
def rule_command(code: str, lang: str) -> None:
    """Show the documentation of one rule (by code or name)."""
    info = find_rule(code)
    if info is None:
        fail(f"no rule {code!r}; `vndgaf rules` lists them")
    click.echo(f"{info.code} {info.name} [{info.severity.value}]\n{info.title.get(lang)}\n")
    click.echo(f"{label('legal_basis', lang)}: {info.legal_basis.get(lang)}")
    if info.fix:
        click.echo(f"{label('fix', lang)}: {info.fix.get(lang)}")
    click.echo(f"\n{info.doc}")
