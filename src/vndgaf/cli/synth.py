"""``vndgaf synth``: write a synthetic national-scale architecture and its list of defects."""

import json
import math
from pathlib import Path

import click
import yaml

from vndgaf.cli._common import fail
from vndgaf.cli._output import target, write_all
from vndgaf.diagnostics import shortened
from vndgaf.synth import MAX_DEFECTS, MAX_FLOWS, MAX_SEED, Synthesis, synthesize
from vndgaf.synth.scale import MAX_FACTOR
from vndgaf.textsafe import printable

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
    """A count from 0 to MAX_DEFECTS, or a fraction in [0, 1)."""
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not 0 <= number <= MAX_DEFECTS or (number >= 1 and not number.is_integer()):
        raise click.BadParameter(
            f"expected a count from 0 to {MAX_DEFECTS} or a fraction in [0, 1), "
            f"not {printable(shortened(value, 40))!r}",
            param_hint="'--defects'",
        )
    return int(number) if number >= 1 else number


@click.command(
    "synth",
    short_help="Write a synthetic architecture at national scale.",
)
@click.option(
    "--scale",
    default="national",
    show_default=True,
    help=f"national or province:CODE, optionally *FACTOR (national*10, FACTOR from 1 to "
    f"{MAX_FACTOR}) for more systems.",
)
@click.option(
    "--flows",
    type=click.IntRange(0, MAX_FLOWS),
    default=100_000,
    show_default=True,
    help="Number of data flows between the systems.",
)
@click.option(
    "--seed",
    type=click.IntRange(-MAX_SEED - 1, MAX_SEED),
    default=0,
    show_default=True,
    help="Random seed (a signed 64-bit integer).",
)
@click.option(
    "--defects",
    "rate",
    default="0",
    show_default=True,
    help=f"Defects to inject: a count (25, at most {MAX_DEFECTS}) or a fraction of the flows "
    "(0.001).",
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
