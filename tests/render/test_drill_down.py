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
