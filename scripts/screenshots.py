"""Make the screenshots of docs/img/ that show the national picture as a person sees it.

    python scripts/screenshots.py   # needs Graphviz and Chromium (make browser-deps)

The report is the national test report (55 submitters, 3,300 findings, tests/report) with the
country overview of the two bundled examples; the print view is the same page with its A4 print
style applied on screen at the width of an A4 page less its margins.
"""

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "report"))

from report_fixtures import build_scaled_report  # noqa: E402

from vndgaf.graph import build_graph  # noqa: E402
from vndgaf.load import load  # noqa: E402
from vndgaf.reference import catalogue  # noqa: E402
from vndgaf.render import render, to_bytes  # noqa: E402
from vndgaf.report.html_ import render_html  # noqa: E402

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


if __name__ == "__main__":
    main()
