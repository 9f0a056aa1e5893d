"""A diagram says what it was drawn from under its title: the as-of date, the framework
versions, the catalogue's version and date, the overlays and the vndgaf that drew it."""

import datetime as dt

from click.testing import CliRunner
from render_fixtures import EXAMPLES

from vndgaf import __version__
from vndgaf.cli import main
from vndgaf.graph import build_graph
from vndgaf.load import load
from vndgaf.reference import catalogue
from vndgaf.render import Stamp, render, stamp_text

STAMP = Stamp(
    as_of=dt.date(2025, 11, 15),
    frameworks=("4.0",),
    catalogue="2026.12",
    catalogue_date=dt.date(2026, 9, 20),
    overlays=("ubnd-x-2026 (overlay.yaml, 1a2b3c)",),
    tool="vndgaf 9.9",
)


def test_the_stamp_reads_in_the_diagrams_language():
    assert stamp_text(STAMP, "en") == (
        "As of 2025-11-15 · framework 4.0 · catalogue 2026.12 (2026-09-20) · catalogue overlays: "
        "ubnd-x-2026 (overlay.yaml, 1a2b3c) · vndgaf 9.9"
    )
    assert stamp_text(STAMP, "vi").startswith(
        "Tính đến 2025-11-15 · khung kiến trúc 4.0 · danh mục tham chiếu 2026.12 (2026-09-20)"
    )
    assert stamp_text(Stamp(frameworks=("3.0", "4.0")), "en") == "Framework 3.0, 4.0"
    assert stamp_text(Stamp(), "vi") == ""


def test_every_view_writes_the_stamp_under_its_title_and_only_when_given():
    """The country map and the views drawn from the scene alike; without a stamp, nothing."""
    result = load([str(EXAMPLES / "tuyen-quang"), str(EXAMPLES / "bo-tu-phap")])
    both = build_graph(result.architecture, catalogue(), dt.date(2025, 12, 1))
    for view in ("overview", "province:08", "agency:vn:agency/bo-tu-phap"):
        stamped = render(both, view=view, lang="en", stamp=STAMP)
        title = str(stamped.get_attributes()["tooltip"])
        assert "framework 4.0 · catalogue 2026.12 (2026-09-20)" in title, view
        plain = render(both, view=view, lang="en")
        assert "catalogue 2026.12" not in str(plain.get_attributes()["tooltip"]), view


def test_render_stamps_what_it_read(tmp_path):
    """``vndgaf render``: the submission's date and framework, the catalogue in force then,
    the vndgaf version, in the language asked for."""
    out = tmp_path / "overview.dot"
    result = CliRunner().invoke(
        main, ["render", "--lang", "vi", "-o", str(out), str(EXAMPLES / "tuyen-quang")]
    )
    assert result.exit_code == 0, result.output
    version = catalogue(dt.date(2025, 11, 15))
    expected = (
        f"Tính đến 2025-11-15 · khung kiến trúc 4.0 · danh mục tham chiếu {version.version} "
        f"({version.date.isoformat()}) · vndgaf {__version__}"
    )
    assert expected in out.read_text(encoding="utf-8")
