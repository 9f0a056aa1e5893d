"""``vndgaf synth``: write a synthetic national-scale architecture and its list of defects."""

import json
from pathlib import Path

import click
import yaml

from vndgaf.cli._common import fail
from vndgaf.cli._output import target, write_all
from vndgaf.synth import Synthesis, synthesize

__all__ = ["synth_command"]


class _Dumper(yaml.CSafeDumper if hasattr(yaml, "CSafeDumper") else yaml.SafeDumper):  # type: ignore[misc]
    """libyaml's safe dumper, never emitting aliases."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def _text(synthesis: Synthesis, suffix: str) -> str:
    if suffix == ".json":
        return json.dumps(synthesis.document, ensure_ascii=False, separators=(",", ":")) + "\n"
    text: str = yaml.dump(
        synthesis.document, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100
    )
    return text


def _defects(value: str) -> int | float:
    try:
        number = float(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a count or a fraction") from None
    return int(number) if number >= 1 and number.is_integer() else number


@click.command(
    "synth",
    short_help="Write a synthetic architecture at national scale.",
)
@click.option(
    "--scale",
    default="national",
    show_default=True,
    help="national or province:CODE, optionally *FACTOR (national*10) for more systems.",
)
@click.option(
    "--flows",
    type=click.IntRange(min=0),
    default=100_000,
    show_default=True,
    help="Number of data flows between the systems.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed.")
@click.option(
    "--defects",
    "rate",
    default="0",
    show_default=True,
    help="Defects to inject: a count (25) or a fraction of the flows (0.001).",
)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False),
    help="Output file (.yaml, .yml or .json); PATH.defects.json is written beside it.",
)
def synth_command(scale: str, flows: int, seed: int, rate: str, output: str) -> None:
    """Write a synthetic, valid architecture built from the real 34 provinces and 3,321
    communes, with a chosen number of injected defects listed in OUTPUT.defects.json.
    The same seed always gives the same bytes."""
    suffix = Path(output).suffix.lower()
    if suffix not in (".json", ".yaml", ".yml"):
        fail(f"{output}: the output must end in .json, .yaml or .yml")
    destinations = target(output), target(f"{output}.defects.json")
    try:
        synthesis = synthesize(scale=scale, flows=flows, seed=seed, defects=_defects(rate))
    except ValueError as exc:
        fail(str(exc))
    write_all(
        [
            (destinations[0], _text(synthesis, suffix)),
            (destinations[1], synthesis.defects_json()),
        ]
    )
    click.echo(
        f"wrote {output}: {len(synthesis.document['flows'])} flows, "
        f"{len(synthesis.defects)} injected defects (listed in {output}.defects.json)"
    )
