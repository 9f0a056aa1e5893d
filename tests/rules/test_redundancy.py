"""Focused tests of the RED rules: clusters across submissions, messages, related ids, fields."""

from pathlib import Path

from tests.written import all_as_written

from vndgaf.diagnostics import Finding
from vndgaf.engine import check_loaded
from vndgaf.graph import build_graph
from vndgaf.load import load
from vndgaf.model import Architecture
from vndgaf.reference import catalogue
from vndgaf.rules.redundancy.capability_built_repeatedly import format_vnd

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = Path(__file__).parents[2] / "examples"
TWO = FIXTURES / "RED002" / "two-provinces"


def _findings(paths: list[Path], code: str) -> list[Finding]:
    report = check_loaded(load(paths), select=[code])
    return [f for f in all_as_written(report.findings) if f.code == code]


def test_two_provinces_together_reveal_a_duplicate_neither_shows_alone() -> None:
    """RED002: each provincial submission is clean alone; checked together they form a cluster."""
    assert _findings([TWO / "tuyen-quang.yaml"], "RED002") == []
    assert _findings([TWO / "cao-bang.yaml"], "RED002") == []
    [finding] = _findings([TWO / "tuyen-quang.yaml", TWO / "cao-bang.yaml"], "RED002")
    assert finding.subject == "dt-hntt-cao-bang"
    assert finding.related == ("dt-hntt-tuyen-quang", "hntt-cao-bang")
    assert "built separately by 2 provinces" in finding.message.en
    assert finding.message.en.endswith("total budget at stake: 19,250,000,000 VND")
    assert finding.message.vi.endswith("tổng kinh phí liên quan: 19.250.000.000 đồng")
    assert finding.location is not None
    assert finding.location.path.endswith("cao-bang.yaml")
    assert finding.location.pointer.endswith("/capability")


def test_cluster_does_not_depend_on_file_order() -> None:
    """RED002: the same single finding whichever order the submissions are given in."""
    forward = _findings([TWO / "tuyen-quang.yaml", TWO / "cao-bang.yaml"], "RED002")
    backward = _findings([TWO / "cao-bang.yaml", TWO / "tuyen-quang.yaml"], "RED002")
    assert forward == backward


def test_commune_cluster_names_the_province_and_counts_communes_not_elements() -> None:
    """RED002: a system and an investment of one commune count once; the province is named."""
    [finding] = _findings([FIXTURES / "RED002" / "bad-communes.yaml"], "RED002")
    assert finding.subject == "bad-bao-cao-xa-a"
    assert finding.related == ("bc-xa-b", "dt-bao-cao-xa-b")
    assert "by 2 communes of Tỉnh Tuyên Quang (08)" in finding.message.en
    assert "1,500,000,000 VND" in finding.message.en


def test_budget_is_formatted_per_language() -> None:
    """Amounts use comma groups in English and dot groups with 'đồng' in Vietnamese."""
    assert format_vnd(21500000000, "en") == "21,500,000,000 VND"
    assert format_vnd(21500000000, "vi") == "21.500.000.000 đồng"
    assert format_vnd(0, "en") == "0 VND"


def test_templates_are_not_national_capabilities() -> None:
    """The LGSP and procedure-system templates provide nothing nationally; VNeID does."""
    graph = build_graph(Architecture(format_version=1), catalogue())
    national = graph.national_capabilities
    assert "procedure_case_handling" not in national
    assert [p.id for p in national["identity_authentication"]] == ["vn:platform/vneid"]
    assert [p.id for p in national["data_integration"]] == [
        "vn:platform/ndop",
        "vn:platform/ndxp",
    ]


def test_duplicate_of_national_platform_points_at_capabilities() -> None:
    """RED001: the finding names the national platform and points at 'capabilities'."""
    found = {f.subject: f for f in _findings([FIXTURES / "RED001" / "bad.yaml"], "RED001")}
    sso = found["bad-sso-tinh"]
    assert sso.related == ("vn:platform/vneid",)
    assert "builds identity_authentication again" in sso.message.en
    assert "video_conferencing" not in sso.message.en
    assert sso.location is not None and sso.location.pointer.endswith("/capabilities")
    assert found["bad-thanh-toan-tinh"].related == ("vn:platform/npsp-payment",)


def test_competing_masters_point_at_the_claim() -> None:
    """RED003: one finding per claim, at the authoritative_for item, with the rival claimants."""
    found = {f.subject: f for f in _findings([FIXTURES / "RED003" / "bad.yaml"], "RED003")}
    assert found["bad-csdl-dan-cu-tinh"].related == ("vn:db/population", "vn:entity/person")
    rival = found["bad-csdl-quy-hoach-b"]
    assert rival.related == ("bad-csdl-quy-hoach-a", "quy-hoach")
    assert rival.location is not None
    assert rival.location.pointer.endswith("/authoritative_for/0")


def test_procedure_system_kept_is_the_template_deployment() -> None:
    """RED006: the deployment of vn:platform/tthc-system is kept; the department's is flagged."""
    found = {f.subject: f for f in _findings([FIXTURES / "RED006" / "bad.yaml"], "RED006")}
    assert found["bad-mot-cua-so-xd"].related == ("tthc-tinh",)
    assert found["bad-cong-dvc-xa"].related == ("cong-dvc-tinh",)
    assert "Bộ Tư pháp (vn:agency/bo-tu-phap) has 2 administrative-procedure systems" in (
        found["bad-tthc-cuc"].message.en
    )


def test_provincial_example_shows_redundant_investment() -> None:
    """The Tuyên Quang example flags its own single sign-on and its payment investment."""
    report = check_loaded(load([EXAMPLES / "tuyen-quang"]), select=["RED"])
    pairs = {(f.code, f.subject) for f in all_as_written(report.findings)}
    assert ("RED001", "sso-tuyen-quang") in pairs
    assert ("RED005", "dt-thanh-toan-tinh") in pairs


def test_large_cluster_lists_ten_ids_and_relates_all(tmp_path: Path) -> None:
    """RED002: a cluster of 12 communes gives one finding; the message lists 10 ids, related all."""
    lines = [
        "format_version: 1",
        'submission: {submitter: ubnd-tinh, framework_version: "4.0", as_of: 2025-11-15}',
        "agencies:",
        "  - {id: ubnd-tinh, name: UBND tỉnh, level: provincial, unit: vn:province/08}",
    ]
    lines += [
        f"  - {{id: ubnd-xa-{i:02}, name: UBND xã {i}, level: commune, parent: ubnd-tinh}}"
        for i in range(12)
    ]
    lines.append("systems:")
    lines += [
        f"  - {{id: hntt-xa-{i:02}, name: Hội nghị truyền hình xã {i}, owner: ubnd-xa-{i:02}, "
        "capabilities: [video_conferencing]}"
        for i in range(12)
    ]
    path = tmp_path / "communes.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    [finding] = _findings([path], "RED002")
    assert finding.subject == "hntt-xa-00"
    assert len(finding.related) == 11
    assert "by 12 communes of Tỉnh Tuyên Quang (08)" in finding.message.en
    assert "'Hội nghị truyền hình xã 9' and 2 more)" in finding.message.en
    assert "'Hội nghị truyền hình xã 9' và 2 phần tử khác)" in finding.message.vi
