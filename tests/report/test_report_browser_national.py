"""The HTML report of a national check, as a person sees it in headless Chromium.

A national report (55 submitters, 3,300 findings, the country overview) is opened at desktop
width and measured by a script added to a copy of the page (the report itself allows only its own
script): the overview fits the window, nothing scrolls sideways, the search filters rows. Its
print style is measured the same way at the width of an A4 page, and the report is printed to
PDF: no word in the findings table is broken across lines (no column narrower than a word; a
line may break after the hyphen of ``flow-bypasses-…`` or the slash of a path, as text does), the
table fits the page, and the PDF's pages are A4.
"""

import datetime as dt
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from report_fixtures import build_scaled_report
from test_report_browser import FLAGS

from vndgaf.cli import main
from vndgaf.graph import build_graph
from vndgaf.load import load
from vndgaf.reference import catalogue
from vndgaf.render import render, to_bytes
from vndgaf.report.html_ import render_html

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "tests" / "output"

#: Measures what a person sees and writes it, as JSON, into <pre id="measured">.
_MEASURE = """
<script>
(function () {
  var out = {width: window.innerWidth, height: window.innerHeight};
  out.pageWidth = document.documentElement.scrollWidth;
  var svg = document.querySelector("figure.diagram svg");
  if (svg) { var r = svg.getBoundingClientRect(); out.svg = [r.width, r.height, r.top]; }
  var table = document.getElementById("findings-table");
  out.tableWidth = table.getBoundingClientRect().width;
  var visible = function () {
    return Array.prototype.filter.call(table.tBodies[0].rows, function (r) {
      return !r.hidden; }).length;
  };
  out.rowsShown = visible();
  var search = document.getElementById("search");
  search.value = "TỈNH SỐ 07";
  search.dispatchEvent(new Event("input"));
  out.rowsFound = visible();
  out.counter = document.getElementById("shown-count").textContent;
  search.value = "";
  search.dispatchEvent(new Event("input"));
  var broken = [];
  var cells = table.tBodies[0].querySelectorAll("tr:not([hidden]) td");
  Array.prototype.slice.call(cells, 0, 400).forEach(function (cell) {
    var walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    var node;
    while ((node = walker.nextNode())) {
      var re = /[^\\s\\/-]+[\\/-]?/g, m;  // words; a line may break after "-" or "/"
      while ((m = re.exec(node.data))) {
        var range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        var tops = {};
        Array.prototype.forEach.call(range.getClientRects(), function (rect) {
          if (rect.width > 0) { tops[Math.round(rect.top)] = true; }
        });
        if (Object.keys(tops).length > 1) { broken.push(m[0]); }
      }
    }
  });
  out.broken = broken;
  var pre = document.createElement("pre");
  pre.id = "measured";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>
"""


@pytest.fixture(scope="module")
def national_html() -> str:
    """The report of 55 submitters with 3,300 findings and the country overview of the two
    bundled examples (the map, with its 34 provinces), in English."""
    loaded = load([str(ROOT / "examples" / "tuyen-quang"), str(ROOT / "examples" / "bo-tu-phap")])
    graph = build_graph(loaded.architecture, catalogue(), dt.date(2025, 12, 1))
    svg = to_bytes(render(graph, view="overview", lang="en"), "svg").decode("utf-8")
    report = build_scaled_report(per_submitter=10)
    return render_html(report, lang="en", diagram_svg=svg, diagram_alt="Country overview")


def _measured(
    chromium: str, tmp_path: Path, html: str, width: int, height: int, script: str = _MEASURE
) -> dict:
    """Open ``html`` with a measuring ``script`` at ``width`` × ``height`` CSS pixels."""
    page = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    page = page.replace("</body>", script + "</body>")
    path = tmp_path / "measured.html"
    path.write_text(page, encoding="utf-8")
    cmd = [
        chromium,
        *FLAGS,
        f"--user-data-dir={tmp_path / 'profile'}",
        f"--window-size={width},{height}",
        "--virtual-time-budget=5000",  # timers of the measuring script run before the dump
        "--dump-dom",
        path.as_uri(),
    ]
    dom = subprocess.run(cmd, capture_output=True, timeout=300, check=True).stdout.decode()

    class _Pre(HTMLParser):
        text = ""
        inside = False

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.inside = ("id", "measured") in attrs

        def handle_data(self, data: str) -> None:
            if self.inside:
                self.text += data

    parser = _Pre()
    parser.feed(dom)
    return json.loads(parser.text)


def test_at_desktop_width_the_overview_fits_and_nothing_scrolls_sideways(
    chromium: str, national_html: str, tmp_path: Path
) -> None:
    measured = _measured(chromium, tmp_path, national_html, 1280, 900)
    width, height, _ = measured["svg"]
    assert 0 < width <= measured["width"] and 0 < height <= measured["height"]
    assert measured["pageWidth"] <= measured["width"]  # no horizontal scrollbar
    assert measured["rowsShown"] == 500  # the first page; "Show all" gives the rest
    assert measured["rowsFound"] == 60 and measured["counter"] == "60"  # one submitter's rows
    assert measured["broken"] == []


def test_printed_on_a4_no_column_is_narrower_than_a_word(
    chromium: str, national_html: str, tmp_path: Path
) -> None:
    """The print style, applied at the width of an A4 page less its margins (186 mm, 703 CSS
    pixels): the table fits and no word of the first 400 cells is broken across lines."""
    as_print = national_html.replace("@media print {", "@media all {")
    measured = _measured(chromium, tmp_path, as_print, 703, 1000)
    assert measured["tableWidth"] <= 703
    assert measured["pageWidth"] <= 703
    assert measured["broken"] == []


def test_the_report_prints_to_a4_pages(chromium: str, national_html: str, tmp_path: Path) -> None:
    """Chromium prints the report to PDF on A4 pages (595 × 842 pt), several of them."""
    path = tmp_path / "report.html"
    path.write_text(national_html, encoding="utf-8")
    OUTPUT.mkdir(parents=True, exist_ok=True)
    pdf = OUTPUT / "report-national.pdf"
    pdf.unlink(missing_ok=True)
    cmd = [
        chromium,
        *FLAGS,
        f"--user-data-dir={tmp_path / 'profile'}",
        "--no-pdf-header-footer",
        f"--print-to-pdf={pdf}",
        path.as_uri(),
    ]
    subprocess.run(cmd, capture_output=True, timeout=300, check=True)
    data = pdf.read_bytes()
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    assert len(boxes) > 3
    assert {(round(float(w)), round(float(h))) for w, h in boxes} == {(595, 842)}
    if shutil.which("pdftoppm"):  # a look at the first page, for a person
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", str(pdf),
                        str(OUTPUT / "report-national-page")], check=True, timeout=120)  # fmt: skip


#: Clicks the Tuyên Quang box of the overview, then says what a person sees.
_CLICK = """
<script>
(function () {
  var out = {width: window.innerWidth, height: window.innerHeight};
  var box = document.querySelector('#diagram-figure a[*|href="#view-province-08"]');
  out.focusable = box !== null && box.tabIndex >= 0;
  box.dispatchEvent(new MouseEvent("click", {bubbles: true, cancelable: true, view: window}));
  setTimeout(function () {
    var view = document.getElementById("view-province-08");
    var svg = view.querySelector("svg").getBoundingClientRect();
    out.hash = window.location.hash;
    out.open = view.open;
    out.others = document.querySelectorAll("details.view[open]").length;
    out.svg = [svg.left, svg.top, svg.width, svg.height];
    out.pageWidth = document.documentElement.scrollWidth;
    var pre = document.createElement("pre");
    pre.id = "measured";
    pre.textContent = JSON.stringify(out);
    document.body.appendChild(pre);
  }, 200);
})();
</script>
"""


def test_a_click_on_a_province_of_the_overview_opens_its_view(
    chromium: str, tmp_path: Path
) -> None:
    """The report of the two bundled examples, as ``check --format html`` writes it: a click on
    Tuyên Quang in the overview (a box the keyboard reaches too) opens that province's view
    and scrolls to it; the view fits the window and nothing scrolls sideways."""
    out = tmp_path / "report.html"
    examples = [str(ROOT / "examples" / "tuyen-quang"), str(ROOT / "examples" / "bo-tu-phap")]
    result = CliRunner().invoke(main, ["check", "--format", "html", "-o", str(out), *examples])
    assert result.exit_code == 1, result.output
    measured = _measured(
        chromium, tmp_path, out.read_text(encoding="utf-8"), 1280, 900, script=_CLICK
    )
    assert measured["focusable"]
    assert measured["hash"] == "#view-province-08"
    assert measured["open"] and measured["others"] == 1
    left, top, width, height = measured["svg"]
    assert left >= 0 and left + width <= measured["width"]
    assert 0 <= top < measured["height"] and height > 100  # in sight, not a thumbnail
    assert measured["pageWidth"] <= measured["width"]


@pytest.fixture(scope="module")
def synthetic_national_html(tmp_path_factory: pytest.TempPathFactory) -> str:
    """``vndgaf check --format html`` of the synthetic national model (34 provinces, the smallest
    national flow count, 300 injected defects): the country map and its 49 drill-down views."""
    from vndgaf.synth import minimum_flows, synthesize

    synthesis = synthesize(scale="national", flows=minimum_flows("national"), seed=0, defects=300)
    folder = tmp_path_factory.mktemp("synthetic")
    path = folder / "national.json"
    path.write_text(json.dumps(synthesis.document, ensure_ascii=False), encoding="utf-8")
    out = folder / "report.html"
    result = CliRunner().invoke(main, ["check", "--format", "html", "-o", str(out), str(path)])
    assert result.exit_code == 1, result.output
    return out.read_text(encoding="utf-8")


def test_the_synthetic_national_report_as_a_person_sees_it(
    chromium: str, synthetic_national_html: str, tmp_path: Path
) -> None:
    """The report of the national model itself: the map fits the window, nothing scrolls
    sideways, no word is broken; printed at A4 width the table fits with every column a word
    wide; a click on Tuyên Quang opens its view in sight."""
    desktop = _measured(chromium, tmp_path, synthetic_national_html, 1280, 900)
    width, height, _ = desktop["svg"]
    assert 0 < width <= desktop["width"] and 0 < height <= desktop["height"]
    assert desktop["pageWidth"] <= desktop["width"]
    assert desktop["broken"] == []
    as_print = synthetic_national_html.replace("@media print {", "@media all {")
    printed = _measured(chromium, tmp_path, as_print, 703, 1000)
    assert printed["tableWidth"] <= 703 and printed["pageWidth"] <= 703
    assert printed["broken"] == []
    clicked = _measured(chromium, tmp_path, synthetic_national_html, 1280, 900, script=_CLICK)
    assert clicked["hash"] == "#view-province-08" and clicked["open"]
    left, top, width, height = clicked["svg"]
    assert left >= 0 and left + width <= clicked["width"] and 0 <= top < clicked["height"]
