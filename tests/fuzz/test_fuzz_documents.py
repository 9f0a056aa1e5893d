"""Fuzzing over arbitrary and mutated documents: parse, load and check never raise.

The mutated documents start from the shipped examples (valid and broken) and apply byte, line
and key mutations, so the fuzzer spends its time near real submissions instead of in noise.
"""

import tempfile
from pathlib import Path

import pytest
from fuzz_budget import budget
from hypothesis import given
from hypothesis import strategies as st

from vndgaf.engine import all_rule_infos, check_loaded
from vndgaf.load import INPUT_CHECKS, Limits, load, parse_bytes

# Hypothesis examples by the hundred: `make quick` leaves it out, `make test` runs it.
pytestmark = pytest.mark.slow

KNOWN_CODES = frozenset(i.code for i in (*all_rule_infos(), *INPUT_CHECKS))
EXAMPLES = Path(__file__).parents[2] / "examples"
SEEDS = {
    p.relative_to(EXAMPLES).as_posix(): p.read_bytes()
    for p in sorted(EXAMPLES.rglob("*.yaml"))
    if p.stat().st_size < 20_000
}
KEYS = (
    b"id",
    b"name",
    b"owner",
    b"parent",
    b"source",
    b"target",
    b"via",
    b"level",
    b"format_version",
    b"submission",
    b"agencies",
    b"flows",
    b"systems",
    b"suppress",
    b"<<",
    b"&a",
    b"*a",
    b"!!python/object",
)
SMALL = Limits(max_depth=50, max_alias_nodes=2_000, max_scalar_length=10_000)


def _load_and_check(raw: bytes, name: str) -> None:
    """Write ``raw`` as ``name``, load it and check it; assert the outcome is well-formed."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(raw)
        result = load([path])
        lines = raw.count(b"\n") + raw.count(b"\r") + 2
        for finding in result.findings:
            assert finding.code in KNOWN_CODES
            if finding.location is not None:
                assert finding.location.path == path.as_posix()
                assert 0 <= finding.location.line <= lines
        report = check_loaded(result)
    assert {f.code for f in report.findings} <= KNOWN_CODES


@budget(fast=150, fuzz=10_000)
@given(raw=st.binary(max_size=400), name=st.sampled_from(["x.yaml", "x.json", "x.txt"]))
def test_arbitrary_bytes_never_raise(raw: bytes, name: str) -> None:
    """parse_bytes returns problems, never raises; each problem has a 1-based position."""
    result = parse_bytes(raw, name, limits=SMALL)
    for problem in result.problems:
        assert problem.code.startswith("SCH")
        assert problem.line >= 1 and problem.column >= 1
    assert (result.data is None) or not any(
        p.code in ("SCH001", "SCH003", "SCH004", "SCH005", "SCH006") for p in result.problems
    )


YAMLISH = st.text(alphabet=st.sampled_from(list("ab:-[]{},&*!'\"#|>?%@` \n\t\r.0123456789~")))


@budget(fast=100, fuzz=4_000)
@given(text=YAMLISH, name=st.sampled_from(["x.yaml", "x.json"]))
def test_yaml_and_json_shaped_noise_loads_and_checks(text: str, name: str) -> None:
    """Text made of YAML/JSON punctuation goes through load and check without raising."""
    _load_and_check(text.encode("utf-8"), name)


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    """An example file with a few byte, line or key mutations."""
    name = draw(st.sampled_from(sorted(SEEDS)))
    data = bytearray(SEEDS[name])
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "insert", "delete", "dup-line", "drop-line", "key"]))
        lines = bytes(data).split(b"\n")
        if kind == "flip" and data:
            at = draw(st.integers(0, len(data) - 1))
            data[at] = draw(st.integers(0, 255))
        elif kind == "insert":
            at = draw(st.integers(0, len(data)))
            data[at:at] = draw(st.binary(min_size=1, max_size=8) | st.sampled_from(KEYS))
        elif kind == "delete" and data:
            at = draw(st.integers(0, len(data) - 1))
            del data[at : at + draw(st.integers(1, 20))]
        elif kind == "dup-line":
            at = draw(st.integers(0, len(lines) - 1))
            lines.insert(at, lines[at])
            data = bytearray(b"\n".join(lines))
        elif kind == "drop-line":
            del lines[draw(st.integers(0, len(lines) - 1))]
            data = bytearray(b"\n".join(lines))
        elif kind == "key":
            old, new = draw(st.sampled_from(KEYS)), draw(st.sampled_from(KEYS))
            data = bytearray(bytes(data).replace(old + b":", new + b":", 1))
    return name, bytes(data)


@budget(fast=60, fuzz=5_000)
@given(case=mutated())
def test_mutated_examples_load_and_check(case: tuple[str, bytes]) -> None:
    """Mutated examples load and check without raising; findings carry known codes and lines
    inside the file."""
    name, raw = case
    _load_and_check(raw, name.replace("/", "__"))


@budget(fast=30, fuzz=1_500)
@given(case=mutated())
def test_mutated_examples_as_json_load_and_check(case: tuple[str, bytes]) -> None:
    """The same mutations read with a .json name (YAML text fed to the JSON parser) never raise."""
    name, raw = case
    _load_and_check(raw, name.replace("/", "__").replace(".yaml", ".json"))
