"""Issue 17's acceptance on the model it names: ``vndgaf synth --scale national --flows 100000``.

The other national tests use the smallest national model (quicker, same bounds: the map and the
views fold what they draw). Here the commands run once on the full one, as a reviewer would: the
overview SVG fits 2,000 × 2,000 pt with every province coloured and linked, one province's view
is at most 4,000 pt wide, the Markdown summary fits a pull-request comment, the full Mermaid
export is refused naming --collapse, and the collapsed one fits Mermaid's limits. (That the
overview renders in less time than the check is measured by ``make bench``, as a ratio.)
"""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from vndgaf.cli import main
from vndgaf.reference.tiles import province_tiles
from vndgaf.render import MERMAID_EDGE_LIMIT, MERMAID_TEXT_LIMIT
from vndgaf.report import COMMENT_LIMIT
from vndgaf.synth import synthesize

pytestmark = pytest.mark.slow

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"


@pytest.fixture(scope="module")
def national(tmp_path_factory) -> str:
    synthesis = synthesize(scale="national", flows=100_000, seed=0, defects=25)
    path = tmp_path_factory.mktemp("national") / "national.json"
    path.write_text(json.dumps(synthesis.document, ensure_ascii=False), encoding="utf-8")
    return str(path)


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def _size(svg: ET.Element) -> tuple[float, float]:
    return float(svg.get("width", "0pt")[:-2]), float(svg.get("height", "0pt")[:-2])


def test_overview_and_province_view(national, tmp_path) -> None:
    """``render --drill-down``: the overview fits 2,000 pt each way; each of the 34 provinces is
    a filled box linking to its own view, which was written and is at most 4,000 pt wide."""
    out = tmp_path / "overview.svg"
    result = _run("render", national, "--drill-down", "--highlight", "-o", str(out))
    assert result.exit_code == 0, result.output
    root = ET.parse(out).getroot()
    width, height = _size(root)
    assert width <= 2000 and height <= 2000
    linked = {}
    for anchor in root.iter(f"{SVG}a"):
        href = anchor.get(f"{XLINK}href", "")
        match = re.fullmatch(r"province-(\d\d)\.svg", href)
        if match:
            fills = {
                p.get("fill") for p in anchor.iter() if p.tag in (f"{SVG}path", f"{SVG}polygon")
            }
            linked[match.group(1)] = fills - {None, "none", "transparent"}
    assert set(linked) == set(province_tiles())
    assert all(linked.values()), "a province box without a fill colour"
    assert _size(ET.parse(tmp_path / "province-08.svg").getroot())[0] <= 4000


def test_markdown_summary_fits_a_comment(national) -> None:
    result = _run("check", national, "--format", "markdown", "--summary")
    assert result.exit_code == 1, result.output  # the injected defects
    assert len(result.stdout) < COMMENT_LIMIT


def test_mermaid_is_refused_naming_the_option_and_the_collapsed_map_fits(national) -> None:
    refused = _run("export", national, "--to", "mermaid")
    assert refused.exit_code == 2
    assert "--collapse" in refused.output and "Traceback" not in refused.output
    collapsed = _run("export", national, "--to", "mermaid", "--collapse")
    assert collapsed.exit_code == 0, collapsed.output
    assert len(collapsed.stdout) <= MERMAID_TEXT_LIMIT
    assert collapsed.stdout.count(" ---|") <= MERMAID_EDGE_LIMIT
