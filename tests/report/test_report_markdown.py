"""The Markdown report for pull-request comments, checked through a real Markdown parser."""

import html
import re
from html.parser import HTMLParser

import attrs
import pytest
from markdown_it import MarkdownIt
from report_fixtures import HOSTILE, check_golden

from vndgaf.diagnostics import Report
from vndgaf.report.markdown import render_markdown
from vndgaf.textsafe import markdown_text, printable


class _Tables(HTMLParser):
    """Collects every table of rendered HTML as rows of cell texts, and every tag seen."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self.tags: set[str] = set()
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _parse(markdown: str) -> _Tables:
    rendered = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)
    parser = _Tables()
    parser.feed(rendered)
    return parser


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_markdown_matches_golden(national_report: Report, lang: str) -> None:
    """The Markdown report of the two-province fixture is exactly the reviewed snapshot."""
    check_golden(f"national.{lang}.md", render_markdown(national_report, lang=lang))


def test_markdown_tables(national_report: Report) -> None:
    """Summary, submitters, metrics and one table per severity group plus the suppressed one."""
    text = render_markdown(national_report)
    assert text.startswith("## vndgaf report\n\n**2 errors, 2 warnings, 1 note (1 suppressed)")
    headings = re.findall(r"^### (.+)$", text, flags=re.MULTILINE)
    assert headings == [
        "Summary", "By submitter", "Metrics", "Errors (2)", "Warnings (2)", "Notes (1)",
        "Suppressed (1)",
    ]  # fmt: skip
    tables = _parse(text).tables
    assert len(tables) == 7
    summary, submitters, metrics, errors, warnings, notes, suppressed = tables
    assert summary[1:] == [["Errors", "2"], ["Warnings", "2"], ["Notes", "1"], ["Suppressed", "1"]]
    assert submitters[1] == ["UBND Thành phố Hà Nội", "1", "1", "0", "1"]
    assert submitters[3] == ["(across submissions)", "0", "1", "0", "0"]
    assert ["Budget of investments flagged as redundant", "12,500,000,000 VND"] in metrics
    assert errors[0] == ["Location", "Rule", "Message", "Element", "Legal basis", "Fix"]
    assert errors[1][0] == "submissions/ha-noi/architecture.yaml:42:7"
    assert errors[1][3] == "hn-ho-tich-to-bo-tu-phap → vn:agency/bo-tu-phap, vn:platform/ndxp"
    assert warnings[1][0] == "(no location)"
    assert notes[1][1] == "GOV003 system-without-owner"
    assert suppressed[1][4:] == [
        "Chủ quản đang được xác định sau sáp nhập", "2026-12-31", "Sở Khoa học và Công nghệ Hà Nội",
    ]  # fmt: skip


def test_markdown_single_submitter_has_no_submitter_table(national_report: Report) -> None:
    """The per-submitter table appears only when several submissions are checked together."""
    one = attrs.evolve(national_report, submitters=("UBND Thành phố Hà Nội",))
    assert "### By submitter" not in render_markdown(one)


def test_markdown_vietnamese(national_report: Report) -> None:
    """Vietnamese headings and labels with diacritics, no mojibake."""
    text = render_markdown(national_report, lang="vi")
    for word in ("Tóm tắt", "Cảnh báo (2)", "Cơ sở pháp lý", "Cách khắc phục", "Vị trí",
                 "Đã chấp nhận (suppressed) (1)", "Theo đơn vị nộp", "62,5%"):  # fmt: skip
        assert word in text
    assert "Ã" not in text


def test_markdown_hostile_text_renders_literally(hostile_report: Report) -> None:
    """Pipes, backticks, tags, ESC and newlines in user text neither break tables nor format."""
    text = render_markdown(hostile_report)
    assert "\x1b" not in text and "<b>" not in text
    parsed = _parse(text)
    assert parsed.tags <= {"h2", "h3", "p", "strong", "table", "thead", "tbody", "tr", "th", "td"}
    errors = parsed.tables[3]
    assert all(len(row) == 6 for row in errors)
    literal = printable(HOSTILE)
    assert errors[1][2] == f"msg {literal}"
    assert errors[1][0] == f"dir/{literal}.yaml:3:5"
    assert errors[1][5] == f"fix {literal}"
    suppressed = parsed.tables[4]
    assert all(len(row) == 7 for row in suppressed)
    assert suppressed[1][4] == f"why {literal}"


@pytest.mark.parametrize(
    "raw", ["**bold** _it_ ~~s~~", "[link](http://x)", "a & b &amp; <i>", "$x$ \\ `c`", HOSTILE]
)
def test_markdown_text_roundtrips_through_a_parser(raw: str) -> None:
    """Whatever Markdown syntax the text holds, the rendered paragraph shows it verbatim (with
    a zero-width space inside a URL scheme, so nothing links)."""
    rendered = MarkdownIt("commonmark").enable("strikethrough").render(markdown_text(raw))
    inner = re.fullmatch(r"<p>(.*)</p>\n", rendered, flags=re.DOTALL)
    assert inner is not None
    shown = html.unescape(inner.group(1))
    assert "://" not in shown
    assert shown.replace("\u200b", "") == printable(raw)


def test_markdown_is_deterministic(national_report: Report) -> None:
    """Rendering twice gives identical text."""
    assert render_markdown(national_report, lang="vi") == render_markdown(
        national_report, lang="vi"
    )


def test_markdown_max_rows_caps_each_table(national_report: Report) -> None:
    """With max_rows=1 each findings table keeps one row and says how many were left out."""
    text = render_markdown(national_report, max_rows=1)
    tables = _parse(text).tables
    assert [len(t) - 1 for t in tables[3:]] == [1, 1, 1, 1]
    assert text.count("… and 1 more not shown here (see the full report).") == 2
    vi = render_markdown(national_report, lang="vi", max_rows=0)
    assert "… và 2 phát hiện khác không hiển thị ở đây (xem báo cáo đầy đủ)." in vi
    assert render_markdown(national_report, max_rows=10) == render_markdown(national_report)
