"""JSON positions by path walk (JsonLocator) agree exactly with the full tokenizer index
(JsonScan), and the skipping it relies on agrees with json's own decoder."""

import json
import random

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from vndgaf.diagnostics import pointer_token
from vndgaf.load import Limits, SourceMap, json_locator, json_skip, parse_bytes
from vndgaf.load.json_locator import JsonLocator
from vndgaf.load.json_scan import JsonScan

_BOM = b"\xef\xbb\xbf"
_KEYS = st.sampled_from(
    [
        "a",
        "a/b",
        "m~n",
        "~0",
        "~1",
        "~",
        "~2",
        "/",
        "",
        "tên",
        'say "hi"',
        "back\\slash",
        "0",
        "1",
        "x\ny",
    ]
) | st.text(max_size=5)
_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(alphabet=st.sampled_from('ab{}[],:"\\/é\n\t😀'), max_size=6)
)
_DATA = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(_KEYS, inner, max_size=5),
    max_leaves=30,
)
# Item and key separators with any JSON whitespace around the comma and colon.
_SEPARATORS = st.sampled_from(
    [(",", ":"), (", ", ": "), (" ,\t", "\r\n:\n"), ("\n,", " : "), (",\r\n", ":\t")]
)


def pointers(data, prefix=""):
    """Every RFC 6901 pointer into data (keys escaped)."""
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from pointers(value, f"{prefix}/{pointer_token(key)}")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from pointers(value, f"{prefix}/{index}")


def probes(data):
    """Existing pointers plus missing children of each: bad indexes, bad escapes, absent keys."""
    out = []
    for pointer in pointers(data):
        out.append(pointer)
        for tail in ("/zz", "/0", "/1", "/01", "/-", "/99", "/~2", "/~", "/", "/a/b", "/0/0"):
            out.append(pointer + tail)
    return out


def full_index(text):
    """The reference: the one-pass tokenizer index over the whole text."""
    return JsonScan(text, Limits(), find_fatal=False).source()


def assert_agrees(raw, order_seed=0, window=None):
    """Every probe, value and key, in a shuffled order, locates as the full index does (with
    ``window``: by a locator testing that many characters of records at a time)."""
    result = parse_bytes(raw, "f.json")
    assert result.problems == ()
    text = raw.decode("utf-8").removeprefix("\ufeff")
    reference = full_index(text)
    source = result.source
    if window is not None:
        source = SourceMap(locator=JsonLocator(text, Limits(), window=window).locate)
    asks = [(p, k) for p in probes(result.data) for k in (False, True)]
    random.Random(order_seed).shuffle(asks)
    for pointer, key in asks:
        assert source.locate(pointer, key=key) == reference.locate(pointer, key=key), (pointer, key)


@pytest.mark.slow
@settings(max_examples=300)
@given(
    _DATA,
    st.sampled_from([None, 0, 1, 2, "\t"]),
    _SEPARATORS,
    st.booleans(),
    st.sampled_from(["\n", "\r\n", "\r"]),
    st.sampled_from(["", " ", "\r\n\t"]),
    st.booleans(),
    st.integers(0, 2**16),
)
@example({"a/b": {"m~n": [1, {"": 2}]}, "tên": '"}', "x": [[], {}]}, 2, (",", ":"), False, "\r\n",
         "", True, 0)  # fmt: skip
def test_locator_agrees_with_full_index(
    data, indent, separators, ascii_only, newline, padding, bom, order_seed
):
    """Hypothesis JSON (odd keys, any whitespace, \\r\\n or \\r, BOM) locates as the full index."""
    text = json.dumps(data, indent=indent, separators=separators, ensure_ascii=ascii_only)
    text = padding + text.replace("\n", newline) + padding
    raw = (_BOM if bom else b"") + text.encode("utf-8")
    assert_agrees(raw, order_seed)


def test_locator_examples_by_hand():
    """Hand-checked positions: escaped keys, missing children, key of an item, whitespace root."""
    raw = b'\r\n  {"a\\/b": [10, {"k\\"q": "v"}],\r\n "t\\u00ean": {"~x": null}, "n": 0}'
    source = parse_bytes(raw, "f.json").source
    assert source.locate("") == (2, 3)
    assert source.locate("", key=True) == (2, 3)
    assert source.locate("/a~1b") == (2, 12)
    assert source.locate("/a~1b", key=True) == (2, 4)
    assert source.locate('/a~1b/1/k"q') == (2, 26)
    assert source.locate('/a~1b/1/k"q', key=True) == (2, 18)
    assert source.locate("/a~1b/0", key=True) == (2, 13)
    assert source.locate("/a~1b/00") == (2, 12)
    assert source.locate("/a~1b/2") == (2, 12)
    assert source.locate("/tên/~0x") == (3, 21)
    assert source.locate("/tên/~0x/deeper", key=True) == (3, 21)
    assert source.locate("/n") == (3, 33)
    assert source.locate("/a/b") == (2, 3)
    assert source.locate("no-leading-slash") == (2, 3)


def test_duplicate_keys_keep_the_full_index():
    """With duplicate keys the first value and first key win, at the positions of the full index."""
    raw = b'{"a": 1, "b": {"c": 2, "c": 3},\n "a": [4]}'
    result = parse_bytes(raw, "f.json")
    assert [p.code for p in result.problems] == ["SCH002", "SCH002"]
    assert result.source.locate("/a") == (1, 7)
    assert result.source.locate("/a", key=True) == (1, 2)
    assert result.source.locate("/b/c") == (1, 21)
    assert result.source.locate("/b/c", key=True) == (1, 16)
    reference = full_index(raw.decode())
    for pointer in ("", "/a", "/a/0", "/b", "/b/c", "/b/zz", "/zz"):
        for key in (False, True):
            assert result.source.locate(pointer, key=key) == reference.locate(pointer, key=key)


def test_lookups_in_any_order_give_the_same_positions():
    """Later lookups reuse what earlier ones learnt: any order, and a repeated lookup, give the
    hand-checked positions (items of x passed as records, of a as scalars)."""
    raw = b'{"x": [{"i": 0}, {"i": 1}, {"i": 2}], "a": [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], "z": 1}'
    expected = {"/z": (1, 81), "/x/2/i": (1, 34), "/a/5": (1, 60), "/a/2": (1, 51)}
    expected |= {"/a/99": (1, 44), "/x/1": (1, 18), "/x": (1, 7)}
    for seed in range(8):
        source = parse_bytes(raw, "f.json").source
        order = list(expected) * 2
        random.Random(seed).shuffle(order)
        assert {p: source.locate(p) for p in order} == expected


def test_an_array_is_located_from_its_furthest_item_on():
    """Items after the furthest one seen, before it, and past the end of an array."""
    source = parse_bytes(b"[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]", "f.json").source
    assert source.locate("/5") == (1, 17)
    assert source.locate("/2") == (1, 8)
    assert source.locate("/7") == (1, 23)
    assert source.locate("/10") == (1, 1)
    assert source.locate("/9") == (1, 29)


def test_a_failed_walk_falls_back_to_the_full_index(monkeypatch):
    """If the path walk raises, locate() answers from the full index instead of failing."""

    def broken(text, end, strict):
        raise ValueError("simulated")

    monkeypatch.setattr(json_locator, "SCAN_STRING", broken)
    raw = b'{"a": {"b": [1, 2]}}'
    source = parse_bytes(raw, "f.json").source
    assert source.locate("/a/b/1") == (1, 17)
    assert source.locate("/a/b", key=True) == (1, 8)


@pytest.mark.parametrize(
    "text",
    [
        '{"a": "}"}',
        '{"a": "\\"}", "b": 1}',
        '[["]"], 1]',
        '{"a": {"b": 1}, "c": 2}',
        '["\\\\", "]"]',
        '{"k": "\\\\"}',
        "[1, [2], 3]",
        '[{"a": "]"}, 2]',
        "{}",
        "[ ]",
        '{"a": [1, {"b": "x{"}]}',
        '"a]b"',
        "-12.5e3",
        "true",
    ],
)
def test_fast_skip_ends_where_the_decoder_ends(text):
    """skip() ends every value exactly where json's own decoder does, brackets in strings too."""
    padded = " , " + text + " ]"
    assert json_skip.skip(padded, 3) == json.JSONDecoder().raw_decode(padded, 3)[1]


@pytest.mark.slow
@settings(max_examples=200)
@given(_DATA, st.sampled_from([None, 1]), st.booleans())
def test_fast_skip_agrees_with_the_decoder_at_every_value(data, indent, ascii_only):
    """At every value offset of a document, skip() gives the decoder's end offset."""
    text = json.dumps(data, indent=indent, ensure_ascii=ascii_only)
    for offset in set(JsonScan(text, Limits(), find_fatal=False).values.values()):
        assert json_skip.skip(text, offset) == json.JSONDecoder().raw_decode(text, offset)[1]


# Arrays of records are skipped a window at a time (json_skip.records).

_RECORD_VALUES = (
    st.none()
    | st.integers(-5, 5)
    | st.text(alphabet=st.sampled_from('ab{}[],:"\\é'), max_size=6)
    | st.lists(st.text(alphabet=st.sampled_from("ab}]"), max_size=3), max_size=3)
)
_RECORD = st.dictionaries(
    st.sampled_from(["id", "a", "b}", "[c", 'q"']), _RECORD_VALUES, max_size=4
)
_ITEM = (
    _RECORD  # mostly flat records, with now and then something the fast path must refuse
    | _RECORD.map(lambda r: {**r, "nested": {"x": 1}})
    | st.lists(_RECORD, max_size=2)
    | _SCALARS
)


@pytest.mark.slow
@settings(max_examples=300)
@given(
    st.lists(st.one_of(_RECORD, _RECORD, _RECORD, _ITEM), max_size=40),
    st.sampled_from([None, 0, 2]),
    _SEPARATORS,
    st.sampled_from([1, 8, 40, 200, 1 << 16]),
    st.integers(0, 2**16),
)
def test_record_runs_locate_as_the_full_index(records, indent, separators, window, order_seed):
    """Arrays of records (brackets and quotes in strings, nested values, non-object items, any
    whitespace), with windows small enough to split them anywhere, locate as the full index."""
    text = json.dumps({"head": 1, "rows": records, "tail": records[:3]}, indent=indent,
                      separators=separators, ensure_ascii=False)  # fmt: skip
    assert_agrees(text.encode("utf-8"), order_seed, window)


@pytest.mark.parametrize(
    ("chunk", "flat"),
    [
        ('{"a":1},{"b":"x"},{}', True),
        ('{"a":["x","y"]}, {"b":null}', True),  # arrays of scalars inside records are fine
        ('{"a":"}"},{"b":1}', False),  # a closing brace inside a string
        ('{"a":"[{"}', False),
        ('{"a":"x\\"}"}', False),  # ... after an escaped quote
        ('{"a":"\\\\"},{"b":1}', True),  # an escaped backslash ends no string early
        ('{"a":{"b":1}}', False),  # a nested object
        ('{"a":[[1]]}', False),  # a nested array of arrays
        ('{"a":1}],"b":[{"c":2}', False),  # runs past the end of the array
        ('{"a":"}', False),  # cut inside a string
    ],
)
def test_only_flat_objects(chunk, flat):
    """The window test accepts flat records only, whatever the strings hold."""
    brackets = json_skip.brackets_outside_strings(chunk.encode())
    assert (brackets is not None and json_skip.only_flat_objects(brackets)) is flat


def _no_bracket_in(value):
    """True when no string inside ``value`` (keys included) holds a bracket."""
    if isinstance(value, str):
        return not any(c in value for c in "{}[]")
    if isinstance(value, dict):
        return all(_no_bracket_in(k) and _no_bracket_in(v) for k, v in value.items())
    if isinstance(value, list):
        return all(map(_no_bracket_in, value))
    return True


@pytest.mark.slow
@settings(max_examples=300)
@example([{"id": []}], (",", ":"), 40, 1)  # a record holding a "]" of its own
@given(
    st.lists(st.one_of(_RECORD, _RECORD, _RECORD, _ITEM), max_size=40),
    _SEPARATORS,
    st.sampled_from([1, 8, 40, 200, 1 << 16]),
    st.integers(0, 45),
)
def test_records_start_where_the_full_index_puts_the_items(records, separators, window, most):
    """records() gives the start of each of the first ``most`` items while they are objects,
    exactly as the full index places them, then where the item after them starts."""
    text = json.dumps({"rows": records, "z": 1}, separators=separators, ensure_ascii=False)
    reference = JsonScan(text, Limits(), find_fatal=False).values
    items = [reference[f"/rows/{i}"] for i in range(len(records))]
    at = items[0] if items else json_skip.past(json_skip.SPACE, text, reference["/rows"] + 1)
    starts, after, retry = json_skip.records(text, at, most, window)
    assert starts == items[: len(starts)]
    close = text.rindex("]", 0, text.rindex('"z"'))  # the bracket closing "rows", not one inside
    assert after == (items[len(starts)] if len(starts) < len(items) else close)
    assert retry >= after
    if window == 1 << 16 and all(isinstance(r, dict) and _no_bracket_in(r) for r in records):
        assert len(starts) == min(most, len(records))  # no window fails: every record passed


def test_compact_starts_are_the_record_braces():
    """In a compact window the record starts are exactly its braces; a spaced window is left to
    the record-by-record path."""
    rows = [{"id": f"r{i}", "via": ["p"] * (i % 3), "n": "é" * i} for i in range(12)]
    chunk = json.dumps(rows, separators=(",", ":"), ensure_ascii=False)[1:-1]
    assert json_skip.compact_starts(chunk, 100, chunk.count("{")) == [
        100 + i for i, c in enumerate(chunk) if c == "{"
    ]
    spaced = json.dumps(rows, ensure_ascii=False)[1:-1]
    assert json_skip.compact_starts(spaced, 0, spaced.count("{")) is None


@pytest.mark.parametrize("separators", [(",", ":"), (", ", ": ")])
def test_records_with_nested_objects_end_at_their_balancing_brace(separators):
    """Records holding objects (a service's inputs) are passed whole, by brace counting."""
    rows = [
        {"id": f"s{i}", "inputs": [{"entity": "e", "from": "citizen"}] * (i % 3), "x": {}}
        for i in range(40)
    ]
    raw = json.dumps({"rows": rows, "z": 1}, separators=separators).encode()
    source = parse_bytes(raw, "f.json").source
    reference = full_index(raw.decode())
    for pointer in ("/rows/33/inputs/1", "/rows/39/id", "/z", "/rows/2/x"):
        assert source.locate(pointer) == reference.locate(pointer)
    text = raw.decode()
    found, _after, _retry = json_skip.records(text, text.index("{", 1), 40)
    assert [(1, at + 1) for at in found] == [reference.locate(f"/rows/{i}") for i in range(40)]
