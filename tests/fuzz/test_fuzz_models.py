"""Fuzzing over valid models: load and check raise nothing, and load(dump(x)) == x."""

import tempfile
from pathlib import Path

import attrs
import pytest
from fuzz_budget import budget
from hypothesis import given
from hypothesis import strategies as st
from tests.strategies import architectures

from vndgaf import converter
from vndgaf.engine import all_rule_infos, check_loaded
from vndgaf.load import INPUT_CHECKS, load
from vndgaf.model import ELEMENT_LISTS, Architecture

# Hypothesis examples by the hundred: `make quick` leaves it out, `make test` runs it.
pytestmark = pytest.mark.slow

KNOWN_CODES = frozenset(i.code for i in (*all_rule_infos(), *INPUT_CHECKS))
# Findings that make the loader drop or merge elements: then the model cannot come back equal.
DROPPING = frozenset({"REF002"})


def element_ids(arch: Architecture) -> list[str]:
    """Every element id of ``arch``, in list order."""
    return [e.id for name, _kind in ELEMENT_LISTS for e in getattr(arch, name)]


@budget(fast=40, fuzz=2_500)
@given(arch=architectures(), fmt=st.sampled_from(["yaml", "json"]))
def test_valid_models_load_back_equal_and_check_cleanly(arch: Architecture, fmt: str) -> None:
    """A dumped model loads back equal (unless ids collide), with known finding codes only, and
    `check` runs every rule on it without raising."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"model.{fmt}"
        path.write_text(converter.dumps(arch, fmt), encoding="utf-8")
        result = load([path])
        found = {f.code for f in result.findings}
        assert found <= KNOWN_CODES
        assert not any(c.startswith("SCH") for c in found), result.findings
        if not found & DROPPING:
            assert result.architecture == arch
        report = check_loaded(result)
    assert {f.code for f in report.findings} <= KNOWN_CODES
    assert all(f.location is None or f.location.path == path.as_posix() for f in report.findings)


@budget(fast=20, fuzz=700)
@given(arch=architectures())
def test_normalised_export_is_a_fixed_point(arch: Architecture) -> None:
    """normalise(load(dump(normalise(x)))) == normalise(x): the export/import cycle is stable."""
    once = converter.normalise(arch)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "n.yaml"
        path.write_text(converter.dumps(once, "yaml"), encoding="utf-8")
        result = load([path])
    if {f.code for f in result.findings} & DROPPING:
        return
    again = converter.normalise(result.architecture)
    assert again == once
    assert converter.dumps(again, "yaml") == converter.dumps(once, "yaml")
    assert attrs.asdict(again) == attrs.asdict(once)
