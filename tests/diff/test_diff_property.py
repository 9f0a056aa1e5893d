"""Properties of vndgaf.diff on generated architectures."""

from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from tests.strategies import architectures
from vndgaf import converter
from vndgaf.diagnostics import Report
from vndgaf.diff import DIFF_KINDS, diff
from vndgaf.load import LoadResult
from vndgaf.model import Architecture

# Hypothesis examples by the hundred: `make quick` leaves it out, `make test` runs it.
pytestmark = pytest.mark.slow


def _unique(arch: Architecture) -> Architecture:
    """The architecture with the first element of each id kept (the loader's rule)."""
    changes = {}
    for name, _label in DIFF_KINDS:
        seen: dict[str, Any] = {}
        for element in getattr(arch, name):
            seen.setdefault(element.id, element)
        changes[name] = tuple(seen.values())
    return attrs.evolve(arch, **changes)


def _loaded(arch: Architecture) -> LoadResult:
    subs = (arch.submission,) if arch.submission else ()
    return LoadResult(arch, (), (), {}, {}, submissions=subs)


def _path(element: Any, dotted: str) -> Any:
    value = element
    for part in dotted.split("."):
        value = getattr(value, part)
    return converter.unstructure(value)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(architectures(), architectures())
def test_diff_lists_exactly_the_differences(a: Architecture, b: Architecture) -> None:
    """Added/removed are the id set differences; each changed field holds both real values."""
    a, b = _unique(a), _unique(b)
    empty = Report(findings=())
    assert diff(_loaded(a), _loaded(a), empty, empty).empty
    d = diff(_loaded(a), _loaded(b), empty, empty)
    for name, _label in DIFF_KINDS:
        old = {e.id: e for e in getattr(a, name)}
        new = {e.id: e for e in getattr(b, name)}
        part = d.kind(name)
        assert part.added == tuple(sorted(new.keys() - old.keys()))
        assert part.removed == tuple(sorted(old.keys() - new.keys()))
        assert [c.id for c in part.changed] == sorted(
            i for i in old.keys() & new.keys() if old[i] != new[i]
        )
        for change in part.changed:
            assert change.fields
            for field in change.fields:
                assert field.old == _path(old[change.id], field.field)
                assert field.new == _path(new[change.id], field.field)
                assert field.old != field.new
