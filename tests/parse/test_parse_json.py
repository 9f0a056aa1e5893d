"""JSON parsing: duplicate keys, non-finite numbers, depth, lazy positions."""

import json

from vndgaf.load import Limits, parse_bytes
from vndgaf.load.json_scan import JsonScan


def codes(result):
    """(code, line, column, pointer) of every problem, in order."""
    return [(p.code, p.line, p.column, p.pointer) for p in result.problems]


def test_duplicate_keys_reported_at_every_level_and_first_value_kept():
    """Every duplicate key (nested, in a list item, top level) is SCH002 at the second key."""
    raw = b'{"a": {"b": 1, "b": 2},\n "c": [{"d": 1, "d": 2}],\n "a": 3}'
    result = parse_bytes(raw, "f.json")
    assert result.data == {"a": {"b": 1}, "c": [{"d": 1}]}
    assert codes(result) == [
        ("SCH002", 1, 16, "/a/b"),
        ("SCH002", 2, 17, "/c/0/d"),
        ("SCH002", 3, 2, "/a"),
    ]


def test_escaped_duplicate_key():
    """Keys equal after unescaping are duplicates; the pointer uses the unescaped key."""
    result = parse_bytes(b'{"a/b": 1, "a\\/b": 2}', "f.json")
    assert codes(result) == [("SCH002", 1, 12, "/a~1b")]


def test_nan_is_rejected_at_its_position():
    """NaN is SCH006 at its line, column and pointer."""
    result = parse_bytes(b'{"a": [1,\n  NaN]}', "f.json")
    assert result.data is None
    assert codes(result) == [("SCH006", 2, 3, "/a/1")]
    assert "NaN" in result.problems[0].message.en


def test_infinities_are_rejected():
    """Infinity, -Infinity and overflowing floats such as 1e400 are SCH006."""
    assert codes(parse_bytes(b"[-Infinity]", "f.json")) == [("SCH006", 1, 2, "/0")]
    assert codes(parse_bytes(b'{"x": Infinity}', "f.json")) == [("SCH006", 1, 7, "/x")]
    assert codes(parse_bytes(b'{"x": [1.5, 1e400]}', "f.json")) == [("SCH006", 1, 13, "/x/1")]


def test_big_integer_kept_exactly():
    """An integer beyond 64 bits is kept exactly."""
    assert parse_bytes(json.dumps({"n": 2**70}).encode(), "f.json").data == {"n": 2**70}


def test_integer_with_too_many_digits():
    """An integer Python refuses to convert (over 4300 digits) is SCH004, not an exception."""
    result = parse_bytes(b'{"n": ' + b"7" * 5000 + b"}", "f.json")
    assert codes(result) == [("SCH004", 1, 7, "/n")]


def test_deep_nesting_is_rejected():
    """100,000 nested '[' gives SCH004 at the first bracket past max_depth."""
    result = parse_bytes(b"[" * 100_000 + b"]" * 100_000, "deep.json")
    assert result.data is None
    assert codes(result) == [("SCH004", 1, 201, "/0" * 200)]
    unbalanced = parse_bytes(b"[" * 100_000, "deep.json")
    assert [p.code for p in unbalanced.problems] == ["SCH004"]


def test_nesting_within_recursion_limit_but_beyond_max_depth():
    """Depth 300 loads in json but exceeds max_depth 200: SCH004 at the 201st level."""
    raw = b'{"k": ' * 300 + b"1" + b"}" * 300
    result = parse_bytes(raw, "f.json")
    assert codes(result) == [("SCH004", 1, 1 + 6 * 200, "/k" * 200)]


def test_objects_and_arrays_in_turn_count_one_level_each():
    """{"a": [{"a": [ … 150 times is 300 levels: SCH004 at the 201st (once passed unnoticed,
    as the depth check stripped an array and the object around it in one pass)."""
    raw = b'{"a": [' * 150 + b"1" + b"]}" * 150
    result = parse_bytes(raw, "f.json")
    assert codes(result) == [("SCH004", 1, 1 + 7 * 100, "/a/0" * 100)]
    assert result.data is None
    assert codes(parse_bytes(b'{"a": [{"a": []}]}', "f.json", limits=Limits(max_depth=3))) == [
        ("SCH004", 1, 14, "/a/0/a")
    ]
    assert parse_bytes(b'{"a": [{"a": []}]}', "f.json", limits=Limits(max_depth=4)).problems == ()


def test_depth_check_ignores_brackets_in_strings():
    """Brackets inside strings (even with escapes) do not count as nesting."""
    raw = b'[["[[[[", "\\"[[", "\\\\"], {"a": "]]]]{{"}]'
    result = parse_bytes(raw, "f.json", limits=Limits(max_depth=2))
    assert result.problems == ()
    assert result.data == [["[[[[", '"[[', "\\"], {"a": "]]]]{{"}]
    assert codes(parse_bytes(raw, "f.json", limits=Limits(max_depth=1))) == [("SCH004", 1, 2, "/0")]


def test_syntax_error_position():
    """Malformed JSON is SCH001 at the error's position, counting \\r line breaks too."""
    result = parse_bytes(b'{"a": 1,\r"b": }', "f.json")
    assert codes(result) == [("SCH001", 2, 6, "")]
    assert result.problems[0].message.en.startswith("JSON syntax error")
    assert result.problems[0].message.vi.startswith("Lỗi cú pháp JSON")


def test_locate_key_versus_value_and_missing_child():
    """locate() gives value or key positions; a missing child falls back to its parent."""
    raw = b'{\n  "sys": {"name":  "x", "tags": ["a", "b"]}\n}'
    source = parse_bytes(raw, "f.json").source
    assert source.locate("/sys/name") == (2, 20)
    assert source.locate("/sys/name", key=True) == (2, 11)
    assert source.locate("/sys/tags/1") == (2, 39)
    assert source.locate("/sys/tags/9") == (2, 33)
    assert source.locate("/sys/missing/deeper") == (2, 10)
    assert source.locate("") == (1, 1)


def test_long_string_rejected():
    """A string longer than max_scalar_length is SCH004 at the string."""
    raw = b'{"a": "short", "b": ["' + b"x" * 40 + b'"]}'
    result = parse_bytes(raw, "f.json", limits=Limits(max_scalar_length=30))
    assert codes(result) == [("SCH004", 1, 22, "/b/0")]


def test_long_string_with_escaped_quotes_rejected():
    """Escaped quotes inside a long string do not hide it from the length limit."""
    raw = b'["' + b'ab\\"' * 20 + b'"]'
    result = parse_bytes(raw, "f.json", limits=Limits(max_scalar_length=50))
    assert codes(result) == [("SCH004", 1, 2, "/0")]


def test_unknown_extension_detects_json():
    """Without a known extension, text starting with '{' or '[' is JSON."""
    assert codes(parse_bytes(b'  {"a": NaN}', "data.txt")) == [("SCH006", 1, 9, "/a")]
    assert parse_bytes(b"a: [1]\n", "data.txt").data == {"a": [1]}


def test_every_repeat_of_a_key_is_reported():
    """A key repeated three times gives two SCH002 problems, each at its own occurrence."""
    result = parse_bytes(b'{"a": 1, "a": 2, "a": 3}', "f.json")
    assert result.data == {"a": 1}
    assert codes(result) == [("SCH002", 1, 10, "/a"), ("SCH002", 1, 18, "/a")]


def test_mixed_line_endings():
    """\\r\\n, \\r and \\n each end one line in JSON positions."""
    source = parse_bytes(b'{"a": 1,\r\n "b":\r 2,\n "c": [3]}', "f.json").source
    assert source.locate("/a") == (1, 7)
    assert source.locate("/b", key=True) == (2, 2)
    assert source.locate("/b") == (3, 2)
    assert source.locate("/c/0") == (4, 8)


def test_empty_json_file():
    """An empty or blank .json file is SCH001 'empty', like YAML."""
    for raw in (b"", b"  \n\t"):
        result = parse_bytes(raw, "f.json")
        assert codes(result) == [("SCH001", 1, 1, "")]
        assert "empty" in result.problems[0].message.en


def test_clean_json_locates_on_demand_as_the_full_index_does():
    """A clean JSON parse answers locate() by walking paths (no index built at parse time), with
    the full index's positions, keys included."""
    raw = b'{"a": [1, {"b": 2}]}'
    source = parse_bytes(raw, "f.json").source
    reference = JsonScan(raw.decode(), Limits(), find_fatal=False).source()
    assert source.locate("/a/1/b") == reference.locate("/a/1/b") == (1, 17)
    assert source.locate("/a/0") == reference.locate("/a/0") == (1, 8)
    assert source.locate("/a", key=True) == reference.locate("/a", key=True) == (1, 2)


def test_columns_count_characters_not_bytes():
    """Columns after non-ASCII text count characters."""
    source = parse_bytes('{"tên": "Hà Nội", "mã": 1}'.encode(), "f.json").source
    assert source.locate("/mã") == (1, 25)
    assert source.locate("/mã", key=True) == (1, 19)


def test_non_ascii_escaped_key_pointer():
    """A key written with \\u escapes is located under its unescaped pointer."""
    source = parse_bytes(b'{"t\\u00ean": {"~x": 1}}', "f.json").source
    assert source.locate("/tên/~0x") == (1, 21)
