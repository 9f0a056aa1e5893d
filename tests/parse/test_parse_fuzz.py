"""Fuzz: any input gives a ParseResult (never an exception) with problems inside the text."""

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from vndgaf.load import Limits, parse_bytes

# Hypothesis examples by the hundred: `make quick` leaves it out, `make test` runs it.
pytestmark = pytest.mark.slow

FATAL = {"SCH001", "SCH003", "SCH004", "SCH005", "SCH006"}

# Characters that make YAML and JSON interesting: structure, quotes, escapes, tags, anchors.
_alphabet = st.sampled_from([*list("{}[]:,-?\"'\\!&*#|>%@` \t\r\n.0123456789eExaN~/"), "é", "\x00"])
_structured = st.lists(_alphabet, max_size=60).map("".join).map(str.encode)


def check(raw, path):
    """The parse returns; a fatal problem comes last and leaves no data; positions fit."""
    result = parse_bytes(raw, path, limits=Limits(max_depth=8, max_alias_nodes=50))
    codes = [p.code for p in result.problems]
    assert sum(code in FATAL for code in codes) <= 1
    if any(code in FATAL for code in codes):
        assert codes[-1] in FATAL
        assert result.data is None
    text = raw.decode("utf-8", "replace")
    lines = re.split(r"\r\n|\r|\n", text)
    for problem in result.problems:
        assert 1 <= problem.line <= len(lines) + 1, (raw, problem)
        assert problem.column >= 1, (raw, problem)
        assert problem.message.en and problem.message.vi


@settings(max_examples=300, deadline=None)
@given(_structured, st.sampled_from(["f.yaml", "f.json", "f.txt"]))
@example(b"&a [*a]", "f.yaml")
@example(b'{"a": 1, "a": [NaN]}', "f.json")
@example(b"? - 1\n: 2", "f.yaml")
def test_structured_noise_never_raises(raw, path):
    """Random structure characters never raise out of parse_bytes."""
    check(raw, path)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=80), st.sampled_from(["f.yaml", "f.json"]))
def test_random_bytes_never_raise(raw, path):
    """Random bytes (often not UTF-8) never raise out of parse_bytes."""
    check(raw, path)
