"""to_bytes: DOT text, SVG/PNG/PDF through Graphviz, clear errors without it."""

import time

import pytest
from render_fixtures import EXAMPLES, loaded

from vndgaf.errors import InputError
from vndgaf.render import render, to_bytes
from vndgaf.render.output import reproducible_pdf


@pytest.fixture(scope="module")
def dot():
    """The overview of the Tuyên Quang example."""
    return render(loaded(EXAMPLES / "tuyen-quang")[1])


@pytest.mark.parametrize(
    ("fmt", "magic"),
    [("png", b"\x89PNG\r\n\x1a\n"), ("pdf", b"%PDF-"), ("svg", b"<?xml"), ("dot", b"digraph")],
)
def test_formats_have_their_magic_bytes(dot, fmt, magic):
    """Each format starts with its file signature."""
    assert to_bytes(dot, fmt).startswith(magic)


def test_unknown_format_is_a_value_error(dot):
    """An unknown format names the valid ones."""
    with pytest.raises(ValueError, match="formats: dot, svg, png, pdf"):
        to_bytes(dot, "gif")


def test_missing_graphviz_is_an_input_error(dot, monkeypatch, tmp_path):
    """Without the dot program, SVG fails with an install hint; DOT still works."""
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(InputError, match="Graphviz is not installed"):
        to_bytes(dot, "svg")
    assert to_bytes(dot, "dot").startswith(b"digraph vndgaf {")


def _xref_offsets_point_at_objects(pdf: bytes) -> None:
    """Every offset of the cross-reference table starts the object it names."""
    start = int(pdf.rsplit(b"startxref", 1)[1].split()[0])
    lines = pdf[start:].split(b"trailer", 1)[0].split(b"\n")
    assert lines[0].strip() == b"xref"
    first, count = (int(n) for n in lines[1].split())
    entries = [line.split() for line in lines[2 : 2 + count]]
    for number, (offset, _generation, kind) in enumerate(entries, start=first):
        if kind == b"n":
            assert pdf[int(offset) :].startswith(b"%d 0 obj" % number), number


def test_pdf_is_byte_identical_across_seconds(dot, monkeypatch):
    """Two PDFs of one diagram made in different seconds are the same bytes (cairo's
    CreationDate is removed), and the file stays a valid PDF (offsets unchanged)."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = to_bytes(dot, "pdf")
    time.sleep(1.1)
    second = to_bytes(dot, "pdf")
    assert first == second
    assert b"CreationDate" not in first
    _xref_offsets_point_at_objects(first)


def test_pdf_honours_source_date_epoch(dot, monkeypatch):
    """With SOURCE_DATE_EPOCH set, the PDF carries that date, whenever it is made."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    pdf = to_bytes(dot, "pdf")
    assert b"/CreationDate (D:20260101000000Z)" in pdf
    _xref_offsets_point_at_objects(pdf)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"<< /CreationDate (D:20260101120000Z) >>", b"<<" + b" " * 35 + b">>"),
        (b"/ModDate (D:20260101120000+07'00)", b" " * 33),
        (b"/Producer (cairo)", b"/Producer (cairo)"),
    ],
)
def test_reproducible_pdf_blanks_dates_in_place(raw, expected, monkeypatch):
    """Without SOURCE_DATE_EPOCH, dates become spaces of the same length; nothing else moves."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert reproducible_pdf(raw) == expected
