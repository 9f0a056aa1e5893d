"""Hostile names in every output: shown harmlessly, and every structured output still parses.

The hostile text carries quotes, markup, DOT/Markdown/CSV/Mermaid delimiters, a CDATA end, an
XML comment end, terminal escapes (ESC [31m, BEL), a carriage return, a newline, a bidi override
and a zero-width space. It reaches outputs as names (exports, diagrams, HTML) and inside finding
messages (an invalid id, an unknown key and a dangling reference echo it back).
"""

import csv
import io
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
from advkit import Run, agency, document, run_cli, write_json
from markdown_it import MarkdownIt

from vndgaf.load import parse_bytes
from vndgaf.reference import catalogue

# Runs the command line in subprocesses: `make quick` leaves it out, `make test` runs it.
pytestmark = pytest.mark.slow

HOSTILE = (
    "Evil \"q\" 's' <b>&amp;</b> ]]> --> {x} [y] |z| `c` *m* #h \\ ; , "
    "\x1b[31mRED\x1b[0m \x07bell \rCR\n2nd \u202eLTR\u200b"
)
# Raw bytes that must never reach any output: ESC and BEL (terminal control), CR (overwrites a
# line in a terminal, splits a line in CSV/Markdown). The bidi override is data: exports keep it
# (they must round-trip names), terminal-oriented outputs escape it (see BIDI below).
RAW = (b"\x1b", b"\x07", b"\r")
BIDI = "\u202e".encode()
SARIF_SCHEMA = Path(__file__).parents[1] / "data" / "sarif" / "sarif-schema-2.1.0.json"


def _assert_harmless(data: bytes, what: str) -> None:
    for raw in RAW:
        assert raw not in data, f"{what} contains raw {raw!r}"


@pytest.fixture(scope="module")
def hostile_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A valid hostile submission, and one whose errors echo the hostile text in messages."""
    base = tmp_path_factory.mktemp("hostile")
    sub = document(
        agencies=[agency("ag-1", HOSTILE, name_en=HOSTILE)],
        systems=[
            {"id": "s-1", "name": HOSTILE, "owner": "ag-1", "properties": {HOSTILE: HOSTILE}},
            {"id": "s-2", "name": HOSTILE, "owner": "ag-1"},
        ],
        flows=[
            {"id": "f-1", "name": HOSTILE, "source": "s-1", "target": "s-2"},
            {"id": "f-2", "name": HOSTILE, "source": "s-2", "target": "s-2"},
        ],
    )
    sub["submission"]["title"] = HOSTILE
    valid = write_json(base / "valid" / "hostile.json", sub) if _mkdir(base / "valid") else None
    broken = dict(sub)
    broken["agencies"] = [*sub["agencies"], {"id": HOSTILE, "name": "x", "level": "central"}]
    broken["flows"] = [*sub["flows"], {"id": "f-3", "source": HOSTILE, "target": "s-1"}]
    broken[HOSTILE] = HOSTILE
    _mkdir(base / "broken")
    bad = write_json(base / "broken" / "hostile.json", broken)
    assert valid is not None
    return valid, bad


def _mkdir(path: Path) -> bool:
    path.mkdir(parents=True, exist_ok=True)
    return True


def _check(path: Path, fmt: str, lang: str = "en") -> Run:
    run = run_cli(["check", "--format", fmt, "--lang", lang, str(path)])
    assert run.code == 1, run.err
    _assert_harmless(run.out, f"check --format {fmt}")
    if fmt in ("text", "markdown", "json", "sarif"):
        assert BIDI not in run.out
    return run


def test_text_and_markdown_reports_show_escapes(hostile_files: tuple[Path, Path]) -> None:
    """Text and Markdown reports show ESC as \\x1b; Markdown escapes its own syntax."""
    _valid, bad = hostile_files
    text = _check(bad, "text").text
    assert "\\x1b[31mRED\\x1b[0m" in text
    markdown = _check(bad, "markdown").text
    assert "\\x1b\\[31mRED" in markdown
    tokens = MarkdownIt("commonmark").parse(markdown)
    inline = [c for t in tokens for c in (t.children or [])]
    assert not [c for c in inline if c.type == "html_inline" and "<b>" in c.content]


def test_json_report_parses_and_keeps_the_text(hostile_files: tuple[Path, Path]) -> None:
    """The JSON report parses; the echoed hostile id decodes back to the original characters."""
    _valid, bad = hostile_files
    data = json.loads(_check(bad, "json").text)
    messages = [f["message"] for f in data["findings"]]
    assert any("\x1b[31mRED" in m for m in messages)


def test_sarif_report_is_schema_valid(hostile_files: tuple[Path, Path]) -> None:
    """The SARIF log of the hostile input validates against the OASIS 2.1.0 schema."""
    _valid, bad = hostile_files
    log = json.loads(_check(bad, "sarif").text)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert list(jsonschema.Draft7Validator(schema).iter_errors(log)) == []
    assert log["runs"][0]["results"]


class _Bold(HTMLParser):
    """Collects the text of every <b> element (the report uses <b> only for its count cards)."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = False
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "b":
            self.inside = True
            self.texts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "b":
            self.inside = False

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.texts[-1] += data


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_html_report_escapes_markup(hostile_files: tuple[Path, Path], lang: str) -> None:
    """The HTML report shows the hostile <b> as text: every real <b> element is a count card."""
    valid, _bad = hostile_files
    html = _check(valid, "html", lang).text
    parser = _Bold()
    parser.feed(html)
    assert parser.texts and all(t.isdigit() for t in parser.texts), parser.texts
    assert "&lt;b&gt;&amp;amp;&lt;/b&gt;" in html


@pytest.mark.parametrize("fmt", ["yaml", "json", "archimate", "mermaid", "graphml"])
def test_exports_are_harmless_and_parse(
    hostile_files: tuple[Path, Path], tmp_path: Path, fmt: str
) -> None:
    """Each export holds no raw escape; YAML/JSON load back, XML formats parse."""
    valid, _bad = hostile_files
    run = run_cli(["export", "--to", fmt, str(valid)])
    assert run.code == 0, run.err
    _assert_harmless(run.out, f"export --to {fmt}")
    if fmt in ("yaml", "json"):
        parsed = parse_bytes(run.out, f"x.{fmt}")
        assert parsed.problems == ()
        assert parsed.data is not None
        assert [s["name"] for s in parsed.data["systems"]] == [HOSTILE, HOSTILE]
        assert parsed.data["systems"][0]["properties"] == {HOSTILE: HOSTILE}
    elif fmt in ("archimate", "graphml"):
        root = ET.fromstring(run.out)
        assert root.tag.endswith("model") or root.tag.endswith("graphml")
    else:
        assert run.text.startswith("flowchart") or run.text.startswith("%%")
        assert "<b>" not in run.text


@pytest.mark.parametrize("suffix", ["dot", "svg"])
def test_diagrams_are_harmless(
    hostile_files: tuple[Path, Path], tmp_path: Path, suffix: str
) -> None:
    """render -o x.dot / x.svg succeeds; the SVG parses as XML and shows the name as text."""
    valid, _bad = hostile_files
    out = tmp_path / f"x.{suffix}"
    run = run_cli(["render", str(valid), "-o", str(out)])
    assert run.code == 0, run.err
    data = out.read_bytes()
    _assert_harmless(data, f"render .{suffix}")
    if suffix == "svg":
        root = ET.fromstring(data)
        texts = "".join(root.itertext())
        assert "Evil" in texts and "<b>&amp;</b>" in texts


def test_validate_and_diff_are_harmless(hostile_files: tuple[Path, Path]) -> None:
    """validate (text, json) and diff (text, json) between the two files never emit raw escapes."""
    valid, bad = hostile_files
    for args in (
        ["validate", str(bad)],
        ["validate", "--format", "json", str(bad)],
        ["diff", str(valid), str(bad)],
        ["diff", "--format", "json", str(valid), str(bad)],
    ):
        run = run_cli(args)
        assert run.code == 1, (args, run.err)
        _assert_harmless(run.out, " ".join(args[:2]))
        if args[0] == "validate":
            assert BIDI not in run.out
        if "json" in args:
            json.loads(run.text)


def test_units_resolve_echoes_the_query_harmlessly() -> None:
    """`units resolve` shows a query with ESC/BEL as escapes in text and JSON."""
    query = "Ba \x1b[31mĐình\x07\u202e"
    text = run_cli(["units", "resolve", query])
    assert text.code == 1
    _assert_harmless(text.out, "units resolve")
    assert BIDI not in text.out
    assert text.text.startswith("Ba \\x1b[31mĐình\\x07\\u202e: unknown")
    as_json = run_cli(["units", "resolve", "--format", "json", query])
    _assert_harmless(as_json.out, "units resolve --format json")
    assert BIDI not in as_json.out
    assert json.loads(as_json.text)[0]["query"] == query


def test_error_messages_are_one_harmless_line(tmp_path: Path) -> None:
    """A missing file whose name holds ESC and a newline gives one escaped 'error:' line."""
    name = tmp_path / "bad\x1b[2Jname\n.yaml"
    run = run_cli(["check", str(name)])
    assert run.code == 2
    assert "\x1b" not in run.err
    assert run.err.count("\n") == 1
    assert "bad\\x1b[2Jname\\n.yaml: no such file or directory" in run.err


def test_reference_csv_parses_row_for_row() -> None:
    """`reference communes --format csv` parses back to one row per commune with 5 columns."""
    run = run_cli(["reference", "communes", "--format", "csv"])
    assert run.code == 0
    _assert_harmless(run.out, "reference communes --format csv")
    rows = list(csv.reader(io.StringIO(run.text)))
    assert rows[0] == ["id", "code", "name", "kind", "province_code"]
    communes = catalogue().communes
    assert len(rows) == len(communes) + 1
    assert all(len(r) == 5 for r in rows)
    assert {r[0] for r in rows[1:]} == {c.id for c in communes}
