"""Property: JSON-compatible data survives json.dumps / yaml.safe_dump and every pointer locates."""

import json
import re

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from vndgaf.load import parse_bytes

# Hypothesis examples by the hundred: `make quick` leaves it out, `make test` runs it.
pytestmark = pytest.mark.slow

# PyYAML dumps YAML 1.1, which leaves strings such as "1e3" or "0o17" unquoted although YAML 1.2
# (which vndgaf reads) makes them numbers; test_yaml_12_numbers_from_pyyaml pins that difference.
_YAML_12_ONLY_NUMBER = re.compile(
    r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+"
)
_text = st.text(max_size=12).filter(lambda s: not _YAML_12_ONLY_NUMBER.fullmatch(s))
_scalars = st.none() | st.booleans() | st.integers() | _text
_TRICKY = {
    "yes": "on", "~": "2025-07-01", "0x1F": "a/b~c", "": " lead", "line\nbreak": "\r",
    "é": "\u2028", "null": "NO", "-": "[x]", "#": "*a", "big": 2**70, "nested": [{"k": []}],
}  # fmt: skip
_data = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=20,
)


def pointers(data, prefix=""):
    """Every RFC 6901 pointer into data (keys escaped)."""
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            escaped = key.replace("~", "~0").replace("/", "~1")
            yield from pointers(value, f"{prefix}/{escaped}")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from pointers(value, f"{prefix}/{index}")


def assert_round_trip(data, text, path):
    """Parsing text gives back data, and every pointer locates inside the text."""
    result = parse_bytes(text.encode("utf-8"), path)
    assert result.problems == ()
    assert result.data == data
    lines = re.split(r"\r\n|\r|\n", text)
    for pointer in pointers(data):
        for key in (False, True):
            line, column = result.source.locate(pointer, key=key)
            assert 1 <= line <= len(lines), (pointer, line)
            assert 1 <= column <= len(lines[line - 1]) + 1, (pointer, line, column)


@settings(max_examples=150, deadline=None)
@given(_data)
@example(_TRICKY)
def test_json_round_trip(data):
    """json.dumps(data) parses back to data with every pointer located in the text."""
    assert_round_trip(data, json.dumps(data, indent=1), "f.json")


@settings(max_examples=150, deadline=None)
@given(_data)
@example(_TRICKY)
def test_yaml_round_trip(data):
    """yaml.safe_dump(data) parses back to data with every pointer located in the text."""
    assert_round_trip(data, yaml.safe_dump(data), "f.yaml")


def test_yaml_12_numbers_from_pyyaml():
    """Strings PyYAML leaves plain (YAML 1.1) but YAML 1.2 reads as numbers come back as numbers."""
    text = yaml.safe_dump({"a": "1e3", "b": "0o17"})
    assert text == "a: 1e3\nb: 0o17\n"
    assert parse_bytes(text.encode(), "f.yaml").data == {"a": 1000.0, "b": 15}


def offset_of(text, line, column):
    """Character offset of a 1-based (line, column) in text with any line endings."""
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    return starts[line - 1] + column - 1


def items(data, prefix=""):
    """(pointer, key or None, value) for every node below the root."""
    if isinstance(data, dict):
        for key, value in data.items():
            pointer = f"{prefix}/{key.replace('~', '~0').replace('/', '~1')}"
            yield pointer, key, value
            yield from items(value, pointer)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            pointer = f"{prefix}/{index}"
            yield pointer, None, value
            yield from items(value, pointer)


@settings(max_examples=150, deadline=None)
@given(_data, st.sampled_from(["\n", "\r\n", "\r"]), st.sampled_from([None, 1, 2]))
@example(_TRICKY, "\r\n", 2)
def test_json_positions_point_at_the_token(data, newline, indent):
    """In JSON, locate() of a key or scalar points at exactly its written form, any line ending."""
    text = json.dumps(data, indent=indent).replace("\n", newline)
    source = parse_bytes(text.encode(), "f.json").source
    assert source.locate("") == (1, 1)
    for pointer, key, value in items(data):
        at = offset_of(text, *source.locate(pointer))
        if isinstance(value, dict | list):
            assert text[at] == ("{" if isinstance(value, dict) else "[")
        else:
            assert text.startswith(json.dumps(value), at), pointer
        if key is not None:
            key_at = offset_of(text, *source.locate(pointer, key=True))
            assert text.startswith(json.dumps(key), key_at), pointer


@settings(max_examples=100, deadline=None)
@given(_data, st.sampled_from(["\r\n", "\r"]))
def test_yaml_line_endings_do_not_change_data_or_lines(data, newline):
    """YAML with \\r\\n or \\r line endings parses to the same data with the same positions."""
    text = yaml.safe_dump(data)
    plain = parse_bytes(text.encode(), "f.yaml")
    other = parse_bytes(text.replace("\n", newline).encode(), "f.yaml")
    assert other.problems == ()
    assert other.data == data
    for pointer in pointers(data):
        assert other.source.locate(pointer) == plain.source.locate(pointer)
        assert other.source.locate(pointer, key=True) == plain.source.locate(pointer, key=True)
