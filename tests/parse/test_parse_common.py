"""Encoding, size limits, files and the format choice, shared by YAML and JSON."""

import pytest

from vndgaf.errors import InputError
from vndgaf.load import Limits, parse_bytes, parse_file


def codes(result):
    """(code, line, column, pointer) of every problem, in order."""
    return [(p.code, p.line, p.column, p.pointer) for p in result.problems]


@pytest.mark.parametrize("path", ["f.yaml", "f.json"])
def test_invalid_utf8_reported_at_the_bad_byte(path):
    """A byte that is not UTF-8 is SCH005 at its line and (character) column."""
    raw = '{"ký": 1,\n "b": "đx\xff"}'.encode().replace(b"\xc3\xbf", b"\xff")
    result = parse_bytes(raw, path)
    assert result.data is None
    assert codes(result) == [("SCH005", 2, 10, "")]
    assert "0xFF" in result.problems[0].message.en
    assert "UTF-8" in result.problems[0].message.vi


@pytest.mark.parametrize("path", ["f.yaml", "f.json"])
def test_utf8_bom_is_skipped_without_shifting_columns(path):
    """A UTF-8 BOM is accepted and columns still start at 1."""
    result = parse_bytes(b'\xef\xbb\xbf{"a": 1}', path)
    assert result.problems == ()
    assert result.data == {"a": 1}
    assert result.source.locate("/a", key=True) == (1, 2)


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("a: 1\n".encode("utf-16"), "UTF-16"),
        ("a: 1\n".encode("utf-16-be").join([b"\xfe\xff", b""]), "UTF-16"),
        ("a: 1\n".encode("utf-32"), "UTF-32"),
    ],
)
def test_utf16_and_utf32_boms_ask_for_utf8(raw, name):
    """A UTF-16/32 BOM is SCH005 telling the user to save as UTF-8."""
    result = parse_bytes(raw, "f.yaml")
    assert codes(result) == [("SCH005", 1, 1, "")]
    assert name in result.problems[0].message.en
    assert "save it as UTF-8" in result.problems[0].message.en


def test_input_larger_than_max_bytes():
    """Input larger than max_bytes is SCH004 before any parsing."""
    result = parse_bytes(b"a: 1\n" * 10, "f.yaml", limits=Limits(max_bytes=49))
    assert codes(result) == [("SCH004", 1, 1, "")]
    exact = parse_bytes(b"[1]" + b" " * 47, "f.json", limits=Limits(max_bytes=50))
    assert (exact.data, exact.problems) == ([1], ())


def test_parse_file_reads_and_labels(tmp_path):
    """parse_file reads the file, picks the format by extension and keeps the path."""
    path = tmp_path / "sub.yml"
    path.write_bytes(b"a: [1, 2]\n")
    result = parse_file(path)
    assert result.path == str(path)
    assert result.data == {"a": [1, 2]}


def test_parse_file_respects_max_bytes(tmp_path):
    """parse_file reports an oversized file as SCH004 instead of reading it all."""
    path = tmp_path / "big.json"
    path.write_bytes(b"[" + b"1," * 100 + b"1]")
    assert [p.code for p in parse_file(path, limits=Limits(max_bytes=100)).problems] == ["SCH004"]


def test_parse_file_io_errors(tmp_path):
    """Missing files and directories raise InputError; nothing else does."""
    with pytest.raises(InputError, match=r"missing\.yaml"):
        parse_file(tmp_path / "missing.yaml")
    with pytest.raises(InputError, match="directory"):
        parse_file(tmp_path)


def test_parse_file_does_not_allocate_the_byte_limit(tmp_path):
    """Reading a small file with the default 256 MB limit allocates little (no read(limit))."""
    import tracemalloc

    path = tmp_path / "small.yaml"
    path.write_bytes(b"a: 1\n")
    tracemalloc.start()
    result = parse_file(path)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert result.data == {"a": 1}
    assert peak < 5 * 1024 * 1024


def test_bounded_read_of_unsized_stream():
    """A stream whose size is unknown (size hint 0) is read up to the limit plus one byte."""
    import io

    from vndgaf.load.read import read_bounded

    assert read_bounded(io.BytesIO(b"0123456789"), 0, 100) == b"0123456789"
    assert read_bounded(io.BytesIO(b"0123456789"), 0, 5) == b"012345"
    assert read_bounded(io.BytesIO(b"0123456789"), 10, 100) == b"0123456789"
