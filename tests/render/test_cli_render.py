"""`vndgaf render`: formats by suffix, views, highlight, one-line errors with exit 2."""

import pytest
from click.testing import CliRunner
from render_fixtures import EXAMPLES, svg_labels

from vndgaf.cli import main
from vndgaf.diagnostics import Severity
from vndgaf.render.theme import SEVERITY_COLOURS

TQ = str(EXAMPLES / "tuyen-quang")


def _run(*args):
    return CliRunner().invoke(main, list(args))


def test_render_svg_overview(tmp_path):
    """The default view is written as SVG with the province's names, in Vietnamese with
    --lang vi and in English by default, as in every command."""
    out = tmp_path / "tq.svg"
    result = _run("render", TQ, "-o", str(out), "--lang", "vi")
    assert result.exit_code == 0, result.output
    labels = svg_labels(out.read_bytes())
    assert any("Ủy ban nhân dân tỉnh Tuyên Quang" in n for n in labels["node"])
    assert f"{out}: overview (svg)" in result.output
    default = tmp_path / "default.dot"
    assert _run("render", TQ, "-o", str(default)).exit_code == 0
    assert "Architecture overview" in default.read_text(encoding="utf-8")


def test_render_dot_view_with_highlight(tmp_path):
    """A .dot output with --view and --highlight holds the red of STR001's subject."""
    out = tmp_path / "p.dot"
    result = _run("render", TQ, "-o", str(out), "--view", "province:08", "--highlight")
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("digraph vndgaf {")
    line = next(x for x in text.splitlines() if x.startswith("n_ubnd_huyen_yen_son "))
    assert SEVERITY_COLOURS[Severity.ERROR] in line


def test_render_english_pdf(tmp_path):
    """--lang en and a .pdf suffix give a PDF file."""
    out = tmp_path / "e.pdf"
    result = _run("render", TQ, "-o", str(out), "--lang", "en", "--view", "entity:vn:entity/person")
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("--view", "agency:nope"), "unknown agency 'nope'"),
        (("--view", "nonsense"), "unknown view 'nonsense'"),
    ],
)
def test_bad_view_is_one_line_and_exit_2(tmp_path, args, needle):
    """An unknown view or id is one error line, exit 2, and no file."""
    out = tmp_path / "x.svg"
    result = _run("render", TQ, "-o", str(out), *args)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0]
    assert not out.exists()


def test_bad_suffix_and_missing_input_exit_2(tmp_path):
    """An unknown suffix or a missing input path fails with exit 2."""
    result = _run("render", TQ, "-o", str(tmp_path / "x.gif"))
    assert result.exit_code == 2
    assert "unknown diagram format; use one of .dot, .svg, .png, .pdf" in result.output
    result = _run("render", str(tmp_path / "missing"), "-o", str(tmp_path / "x.svg"))
    assert result.exit_code == 2
    assert "vndgaf: error:" in result.output


def test_missing_graphviz_is_exit_2(tmp_path, monkeypatch):
    """Without Graphviz, SVG output is one clear error line and exit 2."""
    monkeypatch.setenv("PATH", str(tmp_path))
    result = _run("render", TQ, "-o", str(tmp_path / "x.svg"))
    assert result.exit_code == 2
    assert "Graphviz is not installed" in result.output
    assert "Traceback" not in result.output
