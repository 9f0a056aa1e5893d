"""to_bytes: DOT text, SVG/PNG/PDF through Graphviz, clear errors without it."""

import pytest
from render_fixtures import EXAMPLES, loaded

from vndgaf.errors import InputError
from vndgaf.render import render, to_bytes


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
