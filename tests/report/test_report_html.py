"""The self-contained HTML report, checked with the standard library's HTML parser."""

import base64
import hashlib
import re
from html.parser import HTMLParser

import attrs
import pytest
from report_fixtures import HOSTILE, SVG

from vndgaf.diagnostics import Report
from vndgaf.report import render
from vndgaf.report.html_ import LinkedView, inline_svg, render_html
from vndgaf.textsafe import printable


class _Page(HTMLParser):
    """What a test needs from the page: tags, attributes, rows, controls, scripts, svg."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.rows: list[tuple[dict[str, str], list[str]]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._stack: list[str] = []
        self._in_body_table = False
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.append((tag, a))
        if tag == "table" and a.get("id") == "findings-table":
            self._in_body_table = True
        if self._in_body_table and tag == "tr" and "finding" in a.get("class", "").split():
            self.rows.append((a, []))
        if self._in_body_table and tag == "td":
            self._cell = []
        if tag not in ("meta", "input", "br", "ellipse"):
            self._stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self._cell is not None:
            self.rows[-1][1].append("".join(self._cell))
            self._cell = None
        if tag == "table":
            self._in_body_table = False
        if self._stack and self._stack[-1] == tag:
            self._stack.pop()

    def handle_data(self, data: str) -> None:
        if self._stack and self._stack[-1] == "script":
            self.scripts.append(data)
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)

    def all(self, tag: str) -> list[dict[str, str]]:
        return [a for t, a in self.tags if t == tag]


def _page(text: str) -> _Page:
    page = _Page()
    page.feed(text)
    page.close()
    return page


def test_html_document_head(national_report: Report) -> None:
    """HTML5 with utf-8, the report language, a title and a CSP that blocks the network."""
    text = render_html(national_report, lang="vi")
    assert text.startswith('<!DOCTYPE html>\n<html lang="vi">\n')
    page = _page(text)
    assert {"charset": "utf-8"} in page.all("meta")
    csp = next(m["content"] for m in page.all("meta") if m.get("http-equiv"))
    assert "default-src 'none'" in csp
    assert page.all("html")[0]["lang"] == "vi"
    assert _page(render_html(national_report)).all("html")[0]["lang"] == "en"
    assert "<title>Báo cáo vndgaf</title>" in text


def test_html_script_is_allowed_by_its_csp_hash(national_report: Report) -> None:
    """The one inline script's SHA-256 is the one the CSP allows, so browsers run it."""
    page = _page(render_html(national_report))
    assert len(page.all("script")) == 1
    script = "".join(page.scripts)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    csp = next(m["content"] for m in page.all("meta") if m.get("http-equiv"))
    assert f"script-src 'sha256-{digest}'" in csp


def test_html_findings_table_rows(national_report: Report) -> None:
    """One row per finding with severity, family and suppression as data attributes."""
    page = _page(render_html(national_report))
    rows = page.rows
    assert [(a["data-severity"], a["data-family"], a["data-suppressed"]) for a, _ in rows] == [
        ("warning", "RED", "false"),
        ("error", "IOP", "false"),
        ("warning", "DAT", "false"),
        ("note", "GOV", "true"),
        ("note", "GOV", "false"),
        ("error", "IOP", "false"),
    ]
    _, cells = rows[1]
    assert cells[0] == "error"
    assert cells[1] == "IOP001flow-bypasses-integration-platform"
    assert cells[2] == "submissions/ha-noi/architecture.yaml:42:7"
    assert cells[4] == "hn-ho-tich-to-bo-tu-phap → vn:agency/bo-tu-phap, vn:platform/ndxp"
    assert cells[5] == "Decree 194/2025/NĐ-CP, Art. 20"
    assert cells[6] == "Route the flow through the provincial LGSP and the NDXP."
    assert cells[7] == "open"
    suppressed_attrs, suppressed_cells = rows[3]
    assert "suppressed" in suppressed_attrs["class"].split()
    assert suppressed_cells[7] == (
        "SuppressedReason: Chủ quản đang được xác định sau sáp nhập"
        "Expires: 2026-12-31Owner: Sở Khoa học và Công nghệ Hà Nội"
    )
    assert rows[0][1][2] == "(no location)"


def test_html_filter_controls(national_report: Report) -> None:
    """Checkboxes filter by each severity, each family present, and suppression."""
    page = _page(render_html(national_report))
    inputs = page.all("input")
    assert inputs[-1]["type"] == "search" and inputs[-1]["id"] == "search"
    boxes = [(a["data-filter"], a["value"]) for a in inputs[:-1]]
    assert boxes == [
        ("severity", "error"), ("severity", "warning"), ("severity", "note"),
        ("family", "DAT"), ("family", "GOV"), ("family", "IOP"), ("family", "RED"),
        ("suppressed", "true"),
    ]  # fmt: skip
    assert all(a["type"] == "checkbox" and "checked" in a for a in inputs[:-1])
    assert "Interoperability (2)" in "".join(page.text)


def test_html_summary_metrics_and_submitters(national_report: Report) -> None:
    """Summary cards, formatted metrics and the per-submitter table appear."""
    text = render_html(national_report, lang="vi")
    assert '<p class="lead" id="summary-line">2 lỗi, 2 cảnh báo, 1 ghi chú (1 đã chấp nhận)' in text
    assert '<div class="card warning"><b>2</b>Cảnh báo</div>' in text
    assert '<td class="num">12.500.000.000 đồng</td>' in text
    assert '<section id="submitters">' in text and "UBND Thành phố Hồ Chí Minh" in text
    assert "Cơ sở pháp lý" in text and "Cách khắc phục" in text and "Ã" not in text


def test_html_inlines_the_diagram(national_report: Report) -> None:
    """The SVG is inlined without XML declaration or DOCTYPE; no diagram, no section."""
    text = render_html(national_report, diagram_svg=SVG)
    page = _page(text)
    assert len(page.all("svg")) == 1
    assert page.all("svg")[0]["viewbox"] == "0 0 220 60"
    assert "<?xml" not in text and "<!DOCTYPE svg" not in text and "svg11.dtd" not in text
    assert "Sở Tư pháp Hà Nội</text>" in text
    assert '<section id="diagram">' not in render_html(national_report)
    assert inline_svg(SVG).startswith("<!-- Generated by graphviz -->\n<svg ")


def test_html_is_self_contained(national_report: Report) -> None:
    """No stylesheet link, no src, no http(s) reference except SVG namespace declarations."""
    text = render_html(national_report, diagram_svg=SVG)
    page = _page(text)
    assert page.all("link") == [] and page.all("img") == [] and page.all("iframe") == []
    for _, a in page.tags:
        assert "src" not in a
        assert not a.get("href", "").startswith(("http:", "https:", "//"))
    urls = set(re.findall(r"https?://[^\s\"'<>)]+", text))
    assert urls == {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}
    assert "@import" not in text and "url(" not in text


def test_html_hostile_text_is_escaped(hostile_report: Report) -> None:
    """User text cannot open tags, attributes or scripts; it reads literally in the page."""
    text = render_html(hostile_report)
    page = _page(text)
    assert "\x1b" not in text
    assert len(page.all("script")) == 1
    literal = printable(HOSTILE)
    cells = [c for _, cs in page.rows for c in cs]
    assert f"msg {literal}" in cells
    assert f"law {literal}" in cells
    assert f"fix {literal}" in cells
    assert any(c.startswith(f"dir/{literal}.yaml") for c in cells)
    assert "&lt;b&gt;" in text and "&quot;" in text


def test_html_status_bold_only_from_the_reporter(hostile_report: Report) -> None:
    """The only <b> elements are the reporter's own suppressed labels and summary numbers."""
    page = _page(render_html(hostile_report))
    bold_texts = re.findall(r"<b>([^<]*)</b>", render_html(hostile_report))
    assert sorted(set(bold_texts)) == ["0", "1", "Suppressed"]
    assert len(page.all("b")) == len(bold_texts)


def test_html_without_findings() -> None:
    """An empty report says so and has no findings table or filters."""
    text = render_html(Report(findings=()))
    assert "<p>No findings.</p>" in text
    page = _page(text)
    assert page.all("input") == [] and page.rows == []
    assert [a for a in page.all("table") if a.get("id") == "findings-table"] == []


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_html_is_deterministic(national_report: Report, lang: str) -> None:
    """Rendering twice, or through render(), gives identical bytes."""
    one = render_html(national_report, lang=lang, diagram_svg=SVG)
    assert one == render(national_report, "html", lang=lang, diagram_svg=SVG)
    shuffled = attrs.evolve(national_report, metrics=dict(sorted(national_report.metrics.items())))
    assert one == render_html(shuffled, lang=lang, diagram_svg=SVG)


def test_render_rejects_unknown_format_and_language(national_report: Report) -> None:
    """render() names the valid formats and languages on a bad value."""
    with pytest.raises(ValueError, match="text, json, sarif, markdown, html"):
        render(national_report, "pdf")
    with pytest.raises(ValueError, match="en, vi"):
        render(national_report, "text", lang="fr")


def _linked_svg(target: str) -> str:
    """A diagram with one box linking to ``target`` (as Graphviz writes a link)."""
    return SVG.replace(
        "</svg>", f'<g><a xlink:href="{target}" xlink:title="x"><text>x</text></a></g></svg>'
    )


def test_html_drill_down_views_are_folded_sections_the_links_open(national_report: Report):
    """Each view the overview links to is a folded section whose id is the link's anchor, with a
    way back; the contents and the hint say they are there; a view that could not be drawn says
    why instead of vanishing."""
    views = [
        LinkedView("view-province-08", "Province: Tuyên Quang (08)", _linked_svg("#diagram")),
        LinkedView("view-hub-ndxp", "NDXP: its links", None, "Graphviz ran out of time"),
    ]
    text = render_html(
        national_report, lang="en", diagram_svg=_linked_svg("#view-province-08"), views=views
    )
    page = _page(text)
    folded = {a["id"]: a for a in page.all("details") if "id" in a}
    assert {"view-province-08", "view-hub-ndxp"} <= set(folded)
    assert "open" not in folded["view-province-08"]
    overview_links = [a["xlink:href"] for a in page.all("a") if "xlink:href" in a]
    assert overview_links.count("#view-province-08") == 1
    assert overview_links.count("#diagram") == 1  # the province view's link back
    assert [a["href"] for a in page.all("a") if a.get("href") == "#diagram"].count("#diagram") >= 2
    assert '<a href="#views">Drill-down views</a>' in text
    assert "Click a box (or tab to it and press Enter) to open its own view below." in text
    assert "<summary>Province: Tuyên Quang (08)</summary>" in text
    assert "This view could not be drawn: Graphviz ran out of time" in text
    assert text.index('id="findings"') < text.index('id="views"')  # after the findings
    figures = page.all("figure")
    assert [f["id"] for f in figures] == ["diagram-figure", "view-province-08-figure"]
    assert all("role" not in f and f["aria-labelledby"] == f["id"] + "-caption" for f in figures)


def test_html_views_need_an_overview_and_anchors_of_their_own(national_report: Report):
    """Views without the overview they hang from are not shown; an anchor that could break out
    of its attribute is refused."""
    views = [LinkedView("view-province-08", "Province", SVG)]
    assert '<section id="views">' not in render_html(national_report, views=views)
    with pytest.raises(ValueError, match="anchor"):
        LinkedView('view-x" onclick="alert(1)', "x", SVG)


def test_html_views_print_hidden_and_the_script_opens_a_view_by_its_anchor() -> None:
    """On paper the folded views are left out (the overview and the findings are the report);
    the page's script opens the view a link points at."""
    text = render_html(Report(findings=()), diagram_svg=SVG, views=[LinkedView("view-a", "A")])
    print_css = text[text.index("@media print {") :]
    assert "section#views { display: none; }" in print_css
    assert "view.open = true;" in text and 'addEventListener("hashchange", reveal)' in text
