"""Whatever the converter dumps validates against the schema and loads back equal."""

import json
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from tests.strategies import architectures
from vndgaf import converter
from vndgaf.load import parse_bytes, validate
from vndgaf.model import Architecture

# Hypothesis examples by the hundred: `make quick` leaves it out, `make test` runs it.
pytestmark = pytest.mark.slow


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(architectures())
def test_dump_validates_and_loads_back_equal(arch: Architecture) -> None:
    """load(dump(x)) == x for YAML and JSON, and the dump is schema-valid."""
    for fmt, name in (("yaml", "x.yaml"), ("json", "x.json")):
        text = converter.dumps(arch, fmt)
        parsed = parse_bytes(text.encode("utf-8"), name)
        assert parsed.problems == ()
        assert validate(parsed.data) == ()
        assert converter.structure(parsed.data, Architecture) == arch


@settings(max_examples=30, deadline=None)
@given(architectures())
def test_dump_is_deterministic(arch: Architecture) -> None:
    """The same model always gives the same bytes."""
    assert converter.dumps(arch, "yaml") == converter.dumps(arch, "yaml")
    assert converter.dumps(arch, "json") == converter.dumps(arch, "json")
    json.loads(converter.dumps(arch, "json"))


def test_normalise_sorts_elements_by_id(tmp_path: Path) -> None:
    """The canonical form sorts every element list by id."""
    from vndgaf.model import Agency, Level

    arch = Architecture(
        format_version=1,
        agencies=(
            Agency(id="b", name="B", level=Level.CENTRAL),
            Agency(id="a", name="A", level=Level.CENTRAL),
        ),
    )
    assert [a.id for a in converter.normalise(arch).agencies] == ["a", "b"]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(architectures())
def test_dump_in_pieces_is_the_dump(arch: Architecture) -> None:
    """dump_chunks (what `vndgaf export --to yaml|json` writes, one element at a time) joins
    to exactly dumps; every element is its own piece."""
    for fmt in ("yaml", "json"):
        pieces = list(converter.dump_chunks(arch, fmt))
        assert "".join(pieces) == converter.dumps(arch, fmt)
        elements = sum(
            len(v) for v in attrs.asdict(arch, recurse=False).values() if v and isinstance(v, tuple)
        )
        assert len(pieces) >= elements
