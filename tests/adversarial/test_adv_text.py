"""Text-level attacks: encodings and byte-order marks, Unicode normal forms, line endings."""

import json
import unicodedata
from pathlib import Path

import pytest
from advkit import agency, document, run_cli, where, write_json

from vndgaf.load import load, parse_bytes
from vndgaf.reference import resolve_units

# Runs the command line in subprocesses: `make quick` leaves it out, `make test` runs it.
pytestmark = pytest.mark.slow

VALID = b"format_version: 1\nagencies:\n  - {id: a, name: B, level: central}\n"


def test_utf8_bom_is_accepted_and_positions_ignore_it() -> None:
    """A UTF-8 BOM is skipped: same data, and line 3 column 5 is still the first agency."""
    plain = parse_bytes(VALID, "x.yaml")
    bom = parse_bytes(b"\xef\xbb\xbf" + VALID, "x.yaml")
    assert bom.problems == ()
    assert bom.data == plain.data
    assert bom.source.locate("/agencies/0") == plain.source.locate("/agencies/0") == (3, 5)
    json_bom = parse_bytes(b'\xef\xbb\xbf{"format_version": 1}', "x.json")
    assert json_bom.problems == () and json_bom.data == {"format_version": 1}


@pytest.mark.parametrize(
    ("codec", "name"),
    [
        ("utf-16", "UTF-16"),
        ("utf-32", "UTF-32"),
    ],
)
@pytest.mark.parametrize("suffix", ["yaml", "json"])
def test_utf16_and_utf32_are_rejected_with_sch005(codec: str, name: str, suffix: str) -> None:
    """A UTF-16/UTF-32 file (with its BOM) is one SCH005 naming the encoding, at 1:1."""
    raw = '{"format_version": 1}'.encode(codec)
    result = parse_bytes(raw, f"x.{suffix}")
    assert [(p.code, p.line, p.column, p.message.en) for p in result.problems] == [
        ("SCH005", 1, 1, f"The file is encoded as {name}; save it as UTF-8.")
    ]


def test_big_endian_utf16_without_the_usual_bom_order_is_rejected() -> None:
    """UTF-16 BE (BOM FE FF) is recognised and rejected the same way."""
    result = parse_bytes(b"\xfe\xff" + "a: 1\n".encode("utf-16-be"), "x.yaml")
    assert [(p.code, p.message.en) for p in result.problems] == [
        ("SCH005", "The file is encoded as UTF-16; save it as UTF-8.")
    ]


@pytest.mark.parametrize(
    ("raw", "line", "column", "byte"),
    [
        (b"format_version: 1\nname: a\xffb\n", 2, 8, "FF"),
        (b"a: 1\r\nb: \xc3\n", 2, 4, "C3"),  # a truncated two-byte sequence
        (b"a: \xed\xa0\x80\n", 1, 4, "ED"),  # an encoded surrogate
        (b'{"a": "x\xc0\xaf"}', 1, 9, "C0"),  # an overlong slash
    ],
)
def test_invalid_utf8_is_sch005_at_the_first_bad_byte(
    raw: bytes, line: int, column: int, byte: str
) -> None:
    """Invalid UTF-8 is SCH005 at the line and column of the first bad byte, naming the byte."""
    name = "x.json" if raw.startswith(b"{") else "x.yaml"
    result = parse_bytes(raw, name)
    assert [(p.code, p.line, p.column) for p in result.problems] == [("SCH005", line, column)]
    assert f"(byte 0x{byte})" in result.problems[0].message.en


def test_invalid_utf8_through_the_cli_is_a_located_finding(tmp_path: Path) -> None:
    """`vndgaf validate` prints path:2:8: SCH005 and exits 1, without a traceback."""
    path = tmp_path / "latin1.yaml"
    path.write_bytes("format_version: 1\nname: Hà Nội\n".encode("latin-1", "replace"))
    run = run_cli(["validate", str(path)])
    assert run.code == 1
    assert f"{path}:2:8: SCH005" in run.text


NAME_NFC = unicodedata.normalize("NFC", "Tỉnh Tuyên Quang")
NAME_NFD = unicodedata.normalize("NFD", NAME_NFC)


def test_nfc_and_nfd_unit_names_resolve_to_the_same_unit() -> None:
    """`units resolve`: the NFC and NFD spellings of a Vietnamese name give the same answer."""
    assert NAME_NFC != NAME_NFD
    nfc, nfd = resolve_units([NAME_NFC, NAME_NFD])
    assert [u.id for u in nfc.units] == [u.id for u in nfd.units] == ["vn:province/08"]
    assert nfc.status == nfd.status
    assert nfc.matched == nfd.matched


def test_nfc_and_nfd_through_the_cli_differ_only_in_the_echoed_query() -> None:
    """The JSON answers for NFC and NFD input are equal once the echoed query is removed."""
    answers = []
    for query in (NAME_NFC, NAME_NFD):
        run = run_cli(["units", "resolve", "--format", "json", query])
        assert run.code == 0
        (answer,) = json.loads(run.text)
        assert answer.pop("query") == query
        answers.append(answer)
    assert answers[0] == answers[1]
    assert answers[0]["units"][0]["id"] == "vn:province/08"


def test_names_are_kept_verbatim_and_ids_must_be_ascii(tmp_path: Path) -> None:
    """A name in NFD loads unchanged; an id with a diacritic (either form) is SCH013."""
    doc = document(
        agencies=[
            agency("ok", NAME_NFD),
            agency(unicodedata.normalize("NFC", "sở-tp")),
            agency(unicodedata.normalize("NFD", "sở-tp")),
        ]
    )
    result = load([write_json(tmp_path / "ids.json", doc)])
    assert result.architecture.agencies[0].name == NAME_NFD
    assert [f.code for f in result.findings] == ["SCH013", "SCH013"]
    assert [loc[2] for loc in where(result.findings, "SCH013")] == [
        "/agencies/1/id",
        "/agencies/2/id",
    ]


def test_ids_differing_only_by_case_are_two_elements(tmp_path: Path) -> None:
    """'So-TP' and 'so-tp' are different ids: both load, no duplicate-id finding."""
    doc = document(agencies=[agency("So-TP"), agency("so-tp")])
    result = load([write_json(tmp_path / "case.json", doc)])
    assert result.findings == ()
    assert sorted(a.id for a in result.architecture.agencies) == ["So-TP", "so-tp"]


LINES = [
    "format_version: 1",
    "submission: {submitter: vn:agency/bo-tu-phap, framework_version: '4.0', as_of: 2025-12-01}",
    "agencies:",
    "  - id: a",
    "    name: A",
    "    level: central",
    "    colour: red",
    "  - id: a",
    "    name: A",
    "    name: B",
    "    level: central",
]


@pytest.mark.parametrize(
    "endings",
    [
        ["\n"],
        ["\r\n"],
        ["\r"],
        ["\r\n", "\r", "\n"],
        ["\n", "\n", "\r\n", "\r"],
    ],
)
def test_mixed_line_endings_keep_line_numbers(tmp_path: Path, endings: list[str]) -> None:
    """Whatever mix of \\n, \\r\\n and \\r ends the lines, findings point at the same lines."""
    text = "".join(line + endings[i % len(endings)] for i, line in enumerate(LINES))
    path = tmp_path / "endings.yaml"
    path.write_bytes(text.encode("utf-8"))
    result = load([path])
    got = [(f.code, f.location.line, f.location.column) for f in result.findings if f.location]
    assert got == [("SCH010", 7, 5), ("REF002", 8, 9), ("SCH002", 10, 5)]


def test_mixed_line_endings_in_json_keep_line_numbers(tmp_path: Path) -> None:
    """JSON with \\r, \\r\\n and \\n: a duplicate key on the fourth line is reported at 4:1."""
    raw = b'{"format_version": 1,\r"agencies": [],\r\n"flows": [],\n"flows": []\r\n}'
    path = tmp_path / "endings.json"
    path.write_bytes(raw)
    result = load([path])
    got = [(f.code, f.location.line, f.location.column) for f in result.findings if f.location]
    assert got == [("REF006", 0, 0), ("SCH002", 4, 1)]
