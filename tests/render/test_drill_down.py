"""Drill-down files: the overview and every view it links to, side by side, links that work."""

import re

from click.testing import CliRunner
from render_fixtures import EXAMPLES

from vndgaf.cli import main

XLINK = re.compile(rb'xlink:href="([^"]+)"')


def test_drill_down_writes_every_linked_view_and_the_links_resolve(tmp_path):
    """Two submissions: the map links to Tuyên Quang's view, the hubs and the ministries; each
    file exists, and the province view links back to the overview."""
    out = tmp_path / "review" / "overview.svg"
    out.parent.mkdir()
    args = ["render", "--drill-down", "--lang", "en", "-o", str(out)]
    result = CliRunner().invoke(
        main, [*args, str(EXAMPLES / "tuyen-quang"), str(EXAMPLES / "bo-tu-phap")]
    )
    assert result.exit_code == 0, result.output
    assert "overview and" in result.output and "linked views (svg)" in result.output
    links = set(XLINK.findall(out.read_bytes()))
    assert b"province-08.svg" in links
    assert any(link.startswith(b"hub-") for link in links)
    assert any(link.startswith(b"agency-") for link in links)
    for link in links:
        assert (out.parent / link.decode()).is_file(), link
    back = set(XLINK.findall((out.parent / "province-08.svg").read_bytes()))
    assert b"overview.svg" in back


def test_drill_down_goes_with_the_overview_in_svg_or_dot(tmp_path):
    result = CliRunner().invoke(
        main,
        ["render", "--drill-down", "--view", "province:08", "-o", str(tmp_path / "p.svg"),
         str(EXAMPLES / "tuyen-quang")],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "--drill-down draws the overview" in result.output
    assert not (tmp_path / "p.svg").exists()


HREF = re.compile(r'xlink:href="([^"]+)"')


def test_the_html_report_embeds_every_linked_view_and_its_links_resolve(tmp_path):
    """``check --format html`` of two submissions: every box of the overview that links points
    at a folded view of the same page (Tuyên Quang, the hubs, the ministries), in the report's
    language, and each view links back to the overview."""
    out = tmp_path / "report.html"
    result = CliRunner().invoke(
        main,
        ["check", "--format", "html", "--lang", "vi", "-o", str(out),
         str(EXAMPLES / "tuyen-quang"), str(EXAMPLES / "bo-tu-phap")],
    )  # fmt: skip
    assert result.exit_code == 1, result.output  # the examples have errors
    page = out.read_text(encoding="utf-8")
    overview = page[
        page.index('<section id="diagram">') : page.index(
            "</section>", page.index('<section id="diagram">')
        )
    ]
    views = page[page.index('<section id="views">') :]
    anchors = set(re.findall(r'<details class="view" id="([^"]+)">', views))
    links = set(HREF.findall(overview))
    assert "#view-province-08" in links
    assert any(link.startswith("#view-hub-") for link in links)
    assert any(link.startswith("#view-agency-") for link in links)
    assert {link[1:] for link in links} <= anchors
    province = views[views.index('id="view-province-08"') :]
    province = province[: province.index("</details>")]
    assert "<summary>Tỉnh/thành phố: Tỉnh Tuyên Quang (08)</summary>" in province
    assert '<a href="#diagram">Quay lại sơ đồ tổng quan</a>' in province
    assert "#diagram" in HREF.findall(province)  # its box of the province links back too
