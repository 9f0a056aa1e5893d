"""The limits json.loads does not enforce (depth, string length, finite numbers) are checked on
the bytes by cheap passes; they must stop a document exactly when the full scan finds a fatal
spot, and report it where the scan places it."""

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vndgaf.load import Limits, parse_bytes
from vndgaf.load.json_scan import JsonScan

# Hypothesis examples by the hundred: `make quick` leaves it out, `make test` runs it.
pytestmark = pytest.mark.slow

_STRINGS = st.text(alphabet=st.sampled_from('ab[]{}"\\é\n'), max_size=12)
_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | _STRINGS
)
_DATA = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_STRINGS, inner, max_size=3),
    max_leaves=25,
)


def _depth(value):
    """Containers nested in ``value`` (a scalar: 0)."""
    if isinstance(value, dict):
        return 1 + max(map(_depth, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(_depth, value), default=0)
    return 0


def _strings(value):
    """Every string in ``value``, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _numbers(value):
    if isinstance(value, float):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _numbers(item)
    elif isinstance(value, list):
        for item in value:
            yield from _numbers(item)


@settings(max_examples=400)
@given(_DATA, st.integers(1, 6), st.integers(1, 10), st.sampled_from([None, 1]), st.booleans())
def test_limit_checks_stop_where_the_full_scan_does(data, max_depth, max_len, indent, ascii_only):
    """A document is stopped exactly when it breaks a limit, with the problem the full scan
    finds first, at the scan's position."""
    text = json.dumps(data, indent=indent, ensure_ascii=ascii_only)
    limits = Limits(max_depth=max_depth, max_scalar_length=max_len)
    broken = (
        _depth(data) > max_depth
        or any(len(s) > max_len for s in _strings(data))
        or not all(map(math.isfinite, _numbers(data)))
    )
    reference = JsonScan(text, limits, find_fatal=True).fatal
    assert (reference is not None) is broken
    result = parse_bytes(text.encode("utf-8"), "f.json", limits=limits)
    assert result.problems == (() if reference is None else (reference,))
    if not broken:
        assert result.data == data
