"""Make the screenshots of docs/img/ that show the national picture as a person sees it.

    python scripts/screenshots.py   # needs Graphviz and Chromium (make browser-deps)

The report is the national test report (55 submitters, 3,300 findings, tests/report) with the
country overview of the two bundled examples; the print view is the same page with its A4 print
style applied on screen at the width of an A4 page less its margins. The drill-down picture is
the report ``vndgaf check --format html`` writes for the two examples, showing the view a click on
Tuyên Quang opens. The national overview is ``vndgaf render`` of the synthetic national model
(``vndgaf synth --flows 100000 --seed 0 --defects 25``) as PNG, stamped as the command stamps it.
"""

import datetime as dt
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "report"))

from click.testing import CliRunner  # noqa: E402
from report_fixtures import build_scaled_report  # noqa: E402

from vndgaf import __version__  # noqa: E402
from vndgaf.cli import main as cli  # noqa: E402
from vndgaf.graph import build_graph  # noqa: E402
from vndgaf.load import load  # noqa: E402
from vndgaf.reference import catalogue  # noqa: E402
from vndgaf.render import Stamp, render, to_bytes  # noqa: E402
from vndgaf.report.html_ import render_html  # noqa: E402
from vndgaf.synth import synthesize  # noqa: E402

IMG = ROOT / "docs" / "img"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run"]


def _shot(html: str, name: str, width: int, height: int) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("chromium is missing (make browser-deps)")
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "page.html"
        page.write_text(html, encoding="utf-8")
        cmd = [
            chromium,
            *FLAGS,
            f"--user-data-dir={tmp}/profile",
            f"--window-size={width},{height}",
            f"--screenshot={IMG / name}",
            page.as_uri(),
        ]
        subprocess.run(cmd, check=True, capture_output=True, timeout=300)
    print(f"wrote docs/img/{name}")


def main() -> None:
    both = load([str(ROOT / "examples" / "tuyen-quang"), str(ROOT / "examples" / "bo-tu-phap")])
    graph = build_graph(both.architecture, catalogue(), dt.date(2025, 12, 1))
    svg = to_bytes(render(graph, view="overview", lang="en"), "svg").decode("utf-8")
    html = render_html(
        build_scaled_report(per_submitter=10),
        lang="en",
        diagram_svg=svg,
        diagram_alt="Country overview of the two bundled examples",
        tool_version="(docs)",
    )
    _shot(html, "report-national.png", 1280, 2400)
    _shot(html.replace("@media print {", "@media all {"), "report-national-print.png", 703, 1400)
    _drill_down_shot()
    _national_overview()


def _drill_down_shot() -> None:
    """The report of the two examples with Tuyên Quang's view open, as after a click on its box:
    the other sections are hidden so that the view is at the top of the picture."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.html"
        examples = [str(ROOT / "examples" / "tuyen-quang"), str(ROOT / "examples" / "bo-tu-phap")]
        CliRunner().invoke(cli, ["check", "--format", "html", "-o", str(out), *examples])
        html = out.read_text(encoding="utf-8")
    html = html.replace('<details class="view" id="view-province-08">',
                        '<details class="view" id="view-province-08" open>')  # fmt: skip
    hide = (
        "<style>header, main > section:not(#views), #views > .hint, "
        "details.view:not([open]) { display: none; }</style>"
    )
    _shot(html.replace("</head>", hide + "</head>"), "report-drill-down.png", 1280, 900)


def _national_overview() -> None:
    """The country overview of the synthetic national model (100,000 flows) as PNG."""
    synthesis = synthesize(scale="national", flows=100_000, seed=0, defects=25)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "national.json"
        path.write_text(json.dumps(synthesis.document, ensure_ascii=False), encoding="utf-8")
        result = load([str(path)])
    as_of = result.submissions[0].as_of
    cat = catalogue(as_of)
    graph = build_graph(result.architecture, cat, as_of)
    stamp = Stamp.of(result.submissions, cat, tool=f"vndgaf {__version__}")
    png = to_bytes(render(graph, view="overview", lang="en", stamp=stamp), "png")
    (IMG / "national-overview.png").write_bytes(png)
    print("wrote docs/img/national-overview.png")


if __name__ == "__main__":
    main()
