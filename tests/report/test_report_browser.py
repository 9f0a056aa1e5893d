"""The HTML report in a real headless browser: the script runs, filters work, it renders.

Chromium comes from the system package manager (Debian package ``chromium``). When it is missing
the set-up installs it with apt-get if running as root; the tests skip only when neither works.
"""

import shutil
import struct
import subprocess
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from report_fixtures import SVG, build_national_report

from vndgaf.report.html_ import render_html

# Opens the report in a headless browser: `make quick` leaves it out, `make test` runs it.
pytestmark = pytest.mark.slow

OUTPUT = Path(__file__).resolve().parent.parent / "output"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def report_file() -> Iterator[Path]:
    """The national report with a Graphviz diagram, written under tests/output/."""
    svg = SVG
    dot = shutil.which("dot")
    if dot is not None:
        graph = 'digraph overview { "Sở Tư pháp Hà Nội" -> "NDXP" -> "Bộ Tư pháp" }'
        svg = subprocess.run(
            [dot, "-Tsvg"], input=graph.encode(), capture_output=True, check=True, timeout=60
        ).stdout.decode("utf-8")
    OUTPUT.mkdir(parents=True, exist_ok=True)
    path = OUTPUT / "report.html"
    path.write_text(render_html(build_national_report(), diagram_svg=svg), encoding="utf-8")
    yield path


def _run(chromium: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    profile = tmp_path / "profile"
    cmd = [chromium, *FLAGS, f"--user-data-dir={profile}", *args]
    return subprocess.run(cmd, capture_output=True, timeout=180, check=True)


class _Dom(HTMLParser):
    """Body class, finding rows (hidden or not), svg elements and the shown counter."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.body_class = ""
        self.rows: list[tuple[str, bool]] = []
        self.svgs = 0
        self.texts: list[str] = []
        self.shown = ""
        self._in_shown = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "body":
            self.body_class = a.get("class") or ""
        if tag == "tr" and "finding" in (a.get("class") or "").split():
            self.rows.append((a.get("data-severity") or "", "hidden" in a))
        if tag == "svg":
            self.svgs += 1
        self._in_shown = a.get("id") == "shown-count"

    def handle_endtag(self, tag: str) -> None:
        self._in_shown = False

    def handle_data(self, data: str) -> None:
        self.texts.append(data)
        if self._in_shown:
            self.shown += data


def _dom(chromium: str, tmp_path: Path, url: str) -> _Dom:
    out = _run(chromium, tmp_path, "--dump-dom", url).stdout.decode("utf-8")
    dom = _Dom()
    dom.feed(out)
    return dom


def test_browser_shows_table_and_diagram(chromium: str, report_file: Path, tmp_path: Path) -> None:
    """In Chromium the script runs under the CSP, all rows show and the diagram is an svg."""
    dom = _dom(chromium, tmp_path, report_file.as_uri())
    assert "nojs" not in dom.body_class.split()  # the script ran
    assert [sev for sev, _ in dom.rows] == ["warning", "error", "warning", "note", "note", "error"]
    assert not any(hidden for _, hidden in dom.rows)
    assert dom.shown == "6"
    assert dom.svgs == 1
    assert "Bộ Tư pháp" in "".join(dom.texts)


def test_browser_filters_from_the_link(chromium: str, report_file: Path, tmp_path: Path) -> None:
    """A fragment presetting the filters hides every row but the unsuppressed errors."""
    dom = _dom(chromium, tmp_path, report_file.as_uri() + "#severity=error&suppressed=")
    assert [sev for sev, hidden in dom.rows if not hidden] == ["error", "error"]
    assert dom.shown == "2"
    dom = _dom(chromium, tmp_path, report_file.as_uri() + "#family=GOV")
    assert [sev for sev, hidden in dom.rows if not hidden] == ["note", "note"]


def test_browser_screenshot(chromium: str, report_file: Path, tmp_path: Path) -> None:
    """Chromium renders the page to a 1280×2000 PNG under tests/output/."""
    shot = OUTPUT / "report.png"
    shot.unlink(missing_ok=True)
    _run(chromium, tmp_path, f"--screenshot={shot}", "--window-size=1280,2000",
         report_file.as_uri())  # fmt: skip
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1280, 2000)
    assert len(data) > 20_000
