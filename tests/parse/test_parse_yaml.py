"""YAML parsing: safety, core-schema scalars, duplicate keys, limits and positions."""

import itertools

import yaml

from vndgaf.load import Limits, parse_bytes


def codes(result):
    """(code, line, column, pointer) of every problem, in order."""
    return [(p.code, p.line, p.column, p.pointer) for p in result.problems]


def test_duplicate_keys_reported_at_every_level_and_first_value_kept():
    """Every duplicate key (top level, nested, in a list item) is SCH002 at the second key."""
    raw = b"a: 1\nb:\n  c: 2\n  c: 3\na: 4\nl:\n  - x: 1\n    x: 2\n"
    result = parse_bytes(raw, "f.yaml")
    assert result.data == {"a": 1, "b": {"c": 2}, "l": [{"x": 1}]}
    assert codes(result) == [
        ("SCH002", 4, 3, "/b/c"),
        ("SCH002", 5, 1, "/a"),
        ("SCH002", 8, 5, "/l/0/x"),
    ]
    assert "'c'" in result.problems[0].message.en
    assert "trùng lặp" in result.problems[0].message.vi


def test_duplicate_value_does_not_move_first_position():
    """locate() of a duplicated key points at the first occurrence, whose value is kept."""
    result = parse_bytes(b"a:\n  x: 1\na:\n  x: 2\n", "f.yaml")
    assert result.data == {"a": {"x": 1}}
    assert result.source.locate("/a/x") == (2, 6)
    assert result.source.locate("/a", key=True) == (1, 1)


def test_python_tag_is_rejected_and_not_executed(tmp_path):
    """A !!python/object/apply tag is SCH003 and the call never runs."""
    marker = tmp_path / "ran"
    raw = f"a: !!python/object/apply:os.system ['touch {marker}']\n".encode()
    result = parse_bytes(raw, "f.yaml")
    assert result.data is None
    assert codes(result) == [("SCH003", 1, 4, "/a")]
    assert "!!python/object/apply:os.system" in result.problems[0].message.en
    assert not marker.exists()


def test_local_and_non_core_tags_are_rejected():
    """Local tags and non-core standard tags (!!binary, !!timestamp, !!set) are SCH003."""
    for text in (
        "x: !foo 1\n",
        "x: !!binary aGk=\n",
        "x: !!timestamp 2025-01-01\n",
        "x: !!set {a}\n",
    ):
        result = parse_bytes(text.encode(), "f.yaml")
        assert codes(result) == [("SCH003", 1, 4, "/x")], text


def test_core_tags_are_accepted():
    """Explicit core tags convert the scalar; a value that does not fit the tag is SCH001."""
    result = parse_bytes(b'a: !!int "12"\nb: !!str 12\nc: !!float 1\nd: !!map {}\n', "f.yaml")
    assert result.data == {"a": 12, "b": "12", "c": 1.0, "d": {}}
    assert codes(parse_bytes(b"a: !!int x\n", "f.yaml")) == [("SCH001", 1, 4, "/a")]


def test_alias_bomb_is_rejected():
    """A 'billion laughs' alias bomb (9 levels) stops with SCH004 instead of expanding."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    names = "abcdefghij"
    for prev, name in itertools.pairwise(names):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    result = parse_bytes("\n".join(lines).encode(), "bomb.yaml")
    assert result.data is None
    assert [p.code for p in result.problems] == ["SCH004"]
    assert "alias" in result.problems[0].message.en


def test_aliases_share_the_anchored_object():
    """An alias yields the anchored object itself; small expansions are fine."""
    result = parse_bytes(b"a: &x [1, 2]\nb: *x\n", "f.yaml")
    assert result.data == {"a": [1, 2], "b": [1, 2]}
    assert result.data["a"] is result.data["b"]
    assert result.source.locate("/b/1") == (2, 4)


def test_alias_limit_counts_expanded_nodes():
    """max_alias_nodes bounds the nodes produced by aliases (3 per use of a 2-item list)."""
    raw = b"a: &x [1, 2]\nb: [*x, *x]\n"
    assert parse_bytes(raw, "f.yaml", limits=Limits(max_alias_nodes=6)).problems == ()
    result = parse_bytes(raw, "f.yaml", limits=Limits(max_alias_nodes=5))
    assert codes(result) == [("SCH004", 2, 9, "/b/1")]


def test_undefined_alias_is_a_syntax_problem():
    """An alias to an anchor not defined before it is SCH001 at the alias."""
    assert codes(parse_bytes(b"a: *nope\n", "f.yaml")) == [("SCH001", 1, 4, "/a")]


def test_deep_flow_nesting_is_rejected():
    """100,000 nested '[' in YAML gives SCH004, not a crash."""
    result = parse_bytes(b"[" * 100_000, "deep.yaml")
    assert result.data is None
    assert [p.code for p in result.problems] == ["SCH004"]
    assert result.problems[0].line == 1


def test_deep_flow_mapping_nesting_is_rejected():
    """100,000 nested flow mappings in YAML give SCH004."""
    result = parse_bytes(b"{a: " * 100_000, "deep.yaml")
    assert [p.code for p in result.problems] == ["SCH004"]


def test_block_nesting_beyond_max_depth():
    """Block mappings nested one level deeper than max_depth are SCH004 at the deepest one."""
    raw = "".join(" " * i + "k:\n" for i in range(6)).encode()
    assert parse_bytes(raw, "f.yaml", limits=Limits(max_depth=6)).problems == ()
    result = parse_bytes(raw, "f.yaml", limits=Limits(max_depth=5))
    assert codes(result) == [("SCH004", 6, 6, "/k/k/k/k/k")]


def test_core_schema_scalars():
    """yes/on and dates stay strings, 0x1F is 31, 0o17 is 15, ~ is null, quotes make strings."""
    raw = (
        b"a: yes\nb: on\nc: 2025-07-01\nd: 0x1F\ne: 0o17\nf: 1.5e3\ng: ~\nh: 'true'\n"
        b"i: TRUE\nj: no\nk:\nl: -7\n"
    )
    assert parse_bytes(raw, "f.yaml").data == {
        "a": "yes", "b": "on", "c": "2025-07-01", "d": 31, "e": 15, "f": 1500.0, "g": None,
        "h": "true", "i": True, "j": "no", "k": None, "l": -7,
    }  # fmt: skip


def test_big_integer_kept_exactly():
    """An integer beyond 64 bits is kept as an exact Python int."""
    assert parse_bytes(f"n: {2**70}\n".encode(), "f.yaml").data == {"n": 2**70}


def test_non_finite_floats_are_rejected():
    """.nan and .inf are SCH006 at the value."""
    assert codes(parse_bytes(b"a:\n  - .nan\n", "f.yaml")) == [("SCH006", 2, 5, "/a/0")]
    assert codes(parse_bytes(b"x: -.inf\n", "f.yaml")) == [("SCH006", 1, 4, "/x")]


def test_non_string_keys_become_strings():
    """Scalar keys keep their text as strings; a mapping used as a key is SCH001."""
    raw = b"1: a\ntrue: b\n0x1F: c\n0E0: d\nnull: e\n.nan: f\n"
    data = {"1": "a", "true": "b", "0x1F": "c", "0E0": "d", "null": "e", ".nan": "f"}
    assert parse_bytes(raw, "f.yaml").data == data
    aliased = parse_bytes(b"a: &n 7\nb: {*n : x}\n", "f.yaml").data
    assert aliased == {"a": 7, "b": {"7": "x"}}
    assert codes(parse_bytes(b"? [a]\n: 1\n", "f.yaml")) == [("SCH001", 1, 3, "")]


def test_multiple_documents_rejected():
    """A second document in the stream is SCH001 where it starts."""
    result = parse_bytes(b"a: 1\n---\nb: 2\n", "f.yaml")
    assert result.data is None
    assert codes(result) == [("SCH001", 2, 1, "")]
    assert "one document" in result.problems[0].message.en


def test_empty_file():
    """An empty or comment-only file is SCH001 'empty' with no data."""
    for raw in (b"", b"# only a comment\n"):
        result = parse_bytes(raw, "f.yaml")
        assert result.data is None
        assert codes(result) == [("SCH001", 1, 1, "")]
        assert "empty" in result.problems[0].message.en


def test_syntax_error_position():
    """A YAML syntax error is SCH001 at the position libyaml reports, with the pointer of the
    value being read (here the list's next item; an escape libyaml refuses: its value)."""
    result = parse_bytes(b"a: [1, 2\n", "f.yaml")
    assert codes(result) == [("SCH001", 2, 1, "/a/2")]
    escape = parse_bytes(b'a:\n  b: "S\\udfff"\n', "f.yaml")
    assert codes(escape) == [("SCH001", 2, 10, "/a/b")]
    assert result.problems[0].message.en.startswith("YAML syntax error")


def test_control_character_is_a_syntax_problem():
    """A NUL character is SCH001 at its column."""
    assert codes(parse_bytes(b"ab\x00c\n", "f.yaml")) == [("SCH001", 1, 3, "")]


def test_crlf_and_mixed_line_endings():
    """\\r\\n, \\r and \\n each end one line."""
    result = parse_bytes(b"a: 1\r\nb: 2\rc:\n  - x\r\n  - y\n", "f.yaml")
    assert result.data == {"a": 1, "b": 2, "c": ["x", "y"]}
    assert result.source.locate("/b") == (2, 4)
    assert result.source.locate("/c", key=True) == (3, 1)
    assert result.source.locate("/c/1") == (5, 5)


def test_locate_key_versus_value():
    """locate() gives the value's position, or the key's with key=True."""
    result = parse_bytes(b"top:\n  name:   v\n  list:\n    - 1\n", "f.yaml")
    assert result.source.locate("/top/name") == (2, 11)
    assert result.source.locate("/top/name", key=True) == (2, 3)
    assert result.source.locate("/top/list/0", key=True) == (4, 7)


def test_locate_missing_child_falls_back_to_parent():
    """locate() of a pointer that does not exist gives the deepest existing ancestor."""
    result = parse_bytes(b"a:\n  b: 1\n", "f.yaml")
    assert result.source.locate("/a/zz/0") == (2, 3)
    assert result.source.locate("/nope") == (1, 1)


def test_pointer_escaping():
    """Keys with '/' and '~' are escaped as ~1 and ~0 in pointers."""
    result = parse_bytes(b"a/b:\n  c~d: 1\n", "f.yaml")
    assert result.source.locate("/a~1b/c~0d") == (2, 8)
    dup = parse_bytes(b"x:\n  a/b: 1\n  a/b: 2\n", "f.yaml")
    assert codes(dup) == [("SCH002", 3, 3, "/x/a~1b")]


def test_columns_count_characters():
    """Columns count characters, not UTF-8 bytes."""
    result = parse_bytes("tên: Hà Nội\nkhác: [đ, x]\n".encode(), "f.yaml")
    assert result.source.locate("/khác/1") == (2, 11)


def test_long_scalar_rejected():
    """A scalar longer than max_scalar_length is SCH004 at the scalar."""
    result = parse_bytes(b"a: xxxxxx\n", "f.yaml", limits=Limits(max_scalar_length=5))
    assert codes(result) == [("SCH004", 1, 4, "/a")]


def test_safe_dump_round_trip_of_strings_that_look_like_other_types():
    """Strings that YAML 1.1 would read as bools round-trip through safe_dump."""
    data = {"a": "yes", "b": "2025-07-01", "c": "0x1F", "d": "null"}
    assert parse_bytes(yaml.safe_dump(data).encode(), "f.yaml").data == data


def test_recursive_alias_is_rejected():
    """An alias to an anchor still being defined (a cycle) is SCH001, never a cyclic object."""
    result = parse_bytes(b"a: &x [1, *x]\n", "f.yaml")
    assert codes(result) == [("SCH001", 1, 11, "/a/1")]


def test_non_specific_tag_gives_a_string():
    """The non-specific tag '!' makes a plain scalar a string."""
    assert parse_bytes(b"a: ! 12\n", "f.yaml").data == {"a": "12"}


def test_duplicate_in_flow_mapping_and_after_fatal():
    """Duplicates found before a fatal problem are still reported, before it."""
    result = parse_bytes(b"x: {a: 1, a: 2}\ny: !!python/name:os.system\n", "f.yaml")
    assert codes(result) == [("SCH002", 1, 11, "/x/a"), ("SCH003", 2, 4, "/y")]


def test_block_scalars_and_quoted_scalars_are_strings():
    """Literal, folded and quoted scalars stay strings even when they look like numbers."""
    raw = b"a: |\n  12\nb: >\n  true\nc: '0x1F'\nd: \"~\"\n"
    assert parse_bytes(raw, "f.yaml").data == {"a": "12\n", "b": "true\n", "c": "0x1F", "d": "~"}


def test_merge_key_is_a_plain_key():
    """'<<' is not a merge key in YAML 1.2 core: it stays an ordinary key."""
    result = parse_bytes(b"base: &b {x: 1}\nd:\n  <<: *b\n  y: 2\n", "f.yaml")
    assert result.data == {"base": {"x": 1}, "d": {"<<": {"x": 1}, "y": 2}}


def test_float_forms():
    """Core-schema floats: 1.5, .5, 1e3, -2.5E-1; '1_000' and '1:30' stay strings."""
    raw = b"a: 1.5\nb: .5\nc: 1e3\nd: -2.5E-1\ne: 1_000\nf: 1:30\n"
    assert parse_bytes(raw, "f.yaml").data == {
        "a": 1.5, "b": 0.5, "c": 1000.0, "d": -0.25, "e": "1_000", "f": "1:30",
    }  # fmt: skip


def test_anchored_key_can_be_aliased():
    """An anchor on a key names the key's text, usable later as a value or a key."""
    result = parse_bytes(b"&k name: 1\nother: *k\nm: {*k : 2}\n", "f.yaml")
    assert result.data == {"name": 1, "other": "name", "m": {"name": 2}}
