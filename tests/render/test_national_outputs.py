"""The national model's outputs for people: the Mermaid export refuses what Mermaid cannot draw,
naming the option that writes the collapsed country map (which fits Mermaid's default limits),
and the Markdown summary of its check fits a pull-request comment."""

import json
import re

import pytest
from click.testing import CliRunner
from render_fixtures import EXAMPLES

from vndgaf.cli import main
from vndgaf.render import MERMAID_EDGE_LIMIT, MERMAID_TEXT_LIMIT
from vndgaf.report import COMMENT_LIMIT
from vndgaf.synth import minimum_flows, synthesize


@pytest.fixture(scope="module")
def national(tmp_path_factory):
    """The synthetic national model (34 provinces) at its minimum flows, as a file."""
    synthesis = synthesize(scale="national", flows=minimum_flows("national"), seed=0, defects=300)
    path = tmp_path_factory.mktemp("national") / "national.json"
    path.write_text(json.dumps(synthesis.document, ensure_ascii=False), encoding="utf-8")
    return path


def _export(*args: str):
    return CliRunner().invoke(main, ["export", "--to", "mermaid", *args])


def test_the_full_export_of_a_national_model_is_refused_with_the_option_that_fits(national):
    result = _export(str(national))
    assert result.exit_code == 2
    assert "above what Mermaid draws by default" in result.output
    assert "--collapse" in result.output
    assert "Traceback" not in result.output


def test_the_collapsed_export_fits_mermaids_default_limits(national):
    """One box per province (34), hub and ministry, one counted line per pair."""
    result = _export("--collapse", str(national))
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith("flowchart LR\n")
    assert len(text) <= MERMAID_TEXT_LIMIT
    assert len(re.findall(r"^  m_\S+ ---\|", text, re.M)) <= MERMAID_EDGE_LIMIT
    assert len(re.findall(r"^    m_p_\d\d\[", text, re.M)) == 34
    assert re.search(r'^    m_h__vn_3a_platform_2f_ndxp\["NDXP', text, re.M)  # names, not ids


def test_a_provincial_export_is_written_whole_and_the_limit_can_be_lifted(national):
    """The example fits: written as before. --mermaid-limit 0 writes the national one whole."""
    small = _export(str(EXAMPLES / "tuyen-quang"))
    assert small.exit_code == 0 and "subgraph" in small.stdout
    whole = _export("--mermaid-limit", "0", str(national))
    assert whole.exit_code == 0 and len(whole.stdout) > MERMAID_TEXT_LIMIT


def test_the_markdown_summary_of_the_national_check_fits_a_comment(national):
    """``check --format markdown --summary`` of the national model (300 injected defects): under
    65,536 characters, with the counts per rule."""
    result = CliRunner().invoke(
        main, ["check", "--format", "markdown", "--summary", "--lang", "vi", str(national)]
    )
    assert result.exit_code == 1, result.output  # findings at or above the threshold
    text = result.stdout
    assert len(text) < COMMENT_LIMIT
    assert "### Theo quy tắc" in text and "### Lỗi" not in text


@pytest.mark.parametrize(
    ("lang", "group", "count", "other"),
    [("en", "Provinces", "flows", "luồng"), ("vi", "Tỉnh, thành phố", "luồng", "Provinces")],
)
def test_the_collapsed_export_speaks_the_language_asked_for(national, lang, group, count, other):
    """``--lang`` sets the map's group titles and counted lines, as in the SVG map."""
    result = _export("--collapse", "--lang", lang, str(national))
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert f'subgraph g_provinces["{group}"]' in text
    assert re.search(rf'---\|"[\d.,]+ {count}"\|', text)
    assert other not in text


def test_the_full_export_speaks_the_language_asked_for():
    """The tier titles of the whole-architecture flowchart follow ``--lang`` (English by
    default, as in every command)."""
    english = _export(str(EXAMPLES / "tuyen-quang"))
    vietnamese = _export("--lang", "vi", str(EXAMPLES / "tuyen-quang"))
    assert 'subgraph sg_t_provincial["Provincial"]' in english.stdout
    assert 'subgraph sg_t_provincial["Cấp tỉnh"]' in vietnamese.stdout


def test_the_full_export_names_catalogue_elements_in_the_language_asked_for():
    """Catalogue platforms and databases the flows reach show their names, not their ids."""
    english = _export(str(EXAMPLES / "tuyen-quang")).stdout
    vietnamese = _export("--lang", "vi", str(EXAMPLES / "tuyen-quang")).stdout
    assert 'n__vn_3a_platform_2f_ndxp["National Data Exchange Platform"]' in english
    assert 'n__vn_3a_platform_2f_ndxp["Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP)"]' in (
        vietnamese
    )
    assert '["vn:platform/ndxp"]' not in english + vietnamese
