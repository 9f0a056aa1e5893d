"""Mutation fuzzing all the way to the outputs: a mutated example, as YAML or as JSON (where a
mutation can make an escape a lone surrogate), loads, checks, diffs against the original and is
written in every report and export format without raising, and every output is valid UTF-8.

The crashes of the attack in issue 21 all happened after loading (a name holding ``\\ud800``
crashed every ``check -o`` format, ``export --to json`` and ``diff``), which the load-and-check
fuzzing in test_fuzz_documents.py could not see. A crash found here becomes a case of
tests/adversarial/corpus/ with its expected findings.
"""

import json
import tempfile
from pathlib import Path

import yaml
from fuzz_budget import budget
from hypothesis import given
from hypothesis import strategies as st

from vndgaf import converter
from vndgaf.diff import diff, render_diff_json, render_diff_text
from vndgaf.engine import check_loaded
from vndgaf.exchange import EXPORT_FORMATS, export
from vndgaf.load import LoadResult, load
from vndgaf.report import render

EXAMPLES = Path(__file__).parents[2] / "examples"
# What the attack put into submissions: escapes of half a surrogate pair, bidi and C1 controls,
# separators, autolinks and mentions, a long value, a twin id with a trailing newline.
HOSTILE = (
    b"\\udfff",
    b"\\ud800",
    b"\\udc80x",
    b"\\u202e",
    "\u202e\u2066\u2028\x9b\x7f".encode(),
    b"@admin https://evil.example #12",
    b"x" * 300,
    b"\\n",
    b"&a",
    b"*a",
)


def _json_seeds() -> dict[str, bytes]:
    """Each example as ASCII JSON: every non-ASCII character is a ``\\uXXXX`` escape to mutate."""
    seeds = {}
    for path in sorted(EXAMPLES.glob("*/*.yaml")):
        if path.parent.name == "broken" or path.stat().st_size > 20_000:
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        text = json.dumps(data, indent=1, default=str, ensure_ascii=True)
        seeds[f"{path.parent.name}__{path.stem}.json"] = text.encode("ascii")
    return seeds


SEEDS = {
    **{
        f"{p.parent.name}__{p.name}": p.read_bytes()
        for p in sorted(EXAMPLES.glob("*/*.yaml"))
        if p.stat().st_size < 20_000
    },
    **_json_seeds(),
}


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes, bytes]:
    """(name, original, mutated): one to three insertions of hostile text or byte changes."""
    name = draw(st.sampled_from(sorted(SEEDS)))
    original = SEEDS[name]
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["hostile", "hostile", "flip", "delete"]))
        if kind == "hostile":
            data[at:at] = draw(st.sampled_from(HOSTILE))
        elif kind == "flip" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 8))]
    return name, original, bytes(data)


def _loaded(tmp: Path, name: str, raw: bytes) -> LoadResult:
    (tmp / name).write_bytes(raw)
    return load([tmp / name])


@budget(fast=25, fuzz=1_200)
@given(case=mutated())
def test_mutated_examples_reach_every_output_as_utf8(case: tuple[str, bytes, bytes]) -> None:
    name, original, raw = case
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "old").mkdir()
        Path(tmp, "new").mkdir()
        old = _loaded(Path(tmp, "old"), name, original)
        new = _loaded(Path(tmp, "new"), name, raw)
    old_report, report = check_loaded(old), check_loaded(new)
    for fmt in ("text", "json", "sarif", "markdown", "html"):
        render(report, fmt).encode("utf-8")
    if not any(f.severity.value == "error" for f in new.findings):
        arch = converter.normalise(new.architecture)
        for fmt in ("yaml", "json"):
            converter.dumps(arch, fmt).encode("utf-8")
        for fmt in EXPORT_FORMATS:
            export(arch, fmt).encode("utf-8")
    changes = diff(old, new, old_report, report)
    render_diff_text(changes).encode("utf-8")
    json.loads(render_diff_json(changes))
