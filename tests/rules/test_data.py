"""Focused tests of the DAT rules: where findings point, how gaps are worded, what they name."""

from pathlib import Path

from tests.written import all_as_written

from vndgaf.diagnostics import Finding
from vndgaf.engine import check_loaded
from vndgaf.load import load

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = Path(__file__).parents[2] / "examples"

MINISTRY = """\
format_version: 1
submission: {submitter: vn:agency/bo-tu-phap, framework_version: "4.0", as_of: 2025-11-15}
systems:
  - {id: tthc-rieng, name: Phần mềm TTHC chưa kết nối, owner: vn:agency/bo-tu-phap}
services:
  - id: dv-ly-lich
    name: Cấp Phiếu lý lịch tư pháp
    owner: vn:agency/bo-tu-phap
    handled_by: tthc-rieng
    required_inputs:
      - {entity: vn:entity/person, obtained_from: shared_data}
"""


def _by_subject(path: Path, code: str) -> dict[str, list[Finding]]:
    report = check_loaded(load([path]), select=[code])
    found: dict[str, list[Finding]] = {}
    for finding in all_as_written(report.findings):
        if finding.code == code:
            found.setdefault(finding.subject, []).append(finding)
    return found


def test_once_only_points_at_the_input_and_names_the_source() -> None:
    """DAT001: one finding per citizen input, at that input, naming entity and source."""
    found = _by_subject(FIXTURES / "DAT001" / "bad.yaml", "DAT001")
    [person] = found["bad-dv-chung-thuc"]
    assert person.related == ("vn:db/population", "vn:entity/person")
    assert person.location is not None
    assert person.location.pointer.endswith("/required_inputs/0")
    assert "handling system 'Hệ thống giải quyết TTHC tỉnh' can fetch" in person.message.en
    assert "yêu cầu người dân cung cấp 'Công dân'" in person.message.vi
    assert found["bad-dv-cap-phep"][0].related == ("csdl-quy-hoach", "quy-hoach")


def test_unreachable_data_names_the_missing_link() -> None:
    """DAT002: the wording depends on which side of the route is missing."""
    found = _by_subject(FIXTURES / "DAT002" / "bad.yaml", "DAT002")
    [isolated] = found["bad-dv-co-lap"]
    assert isolated.message.en.endswith(
        "add a flow from 'Một cửa chưa kết nối' through the provincial integration platform to NDXP"
    )
    [land] = found["bad-dv-dia-chinh"]
    assert "its authoritative database 'CSDL địa chính tỉnh' has no route" in land.message.en
    assert land.location is not None
    assert land.location.pointer.endswith("/required_inputs/1")
    assert "no database is its authoritative source" in found["bad-dv-khong-nguon"][0].message.en
    assert "no handling system" in found["bad-dv-khong-he-thong"][0].message.en


def test_ministry_handler_is_told_to_use_the_ministry_platform(tmp_path: Path) -> None:
    """DAT002: a central procedure system is pointed at the ministry integration platform."""
    path = tmp_path / "ministry.yaml"
    path.write_text(MINISTRY, encoding="utf-8")
    [finding] = _by_subject(path, "DAT002")["dv-ly-lich"]
    assert "through the ministry integration platform to NDXP" in finding.message.en
    assert "qua nền tảng tích hợp cấp bộ tới NDXP" in finding.message.vi


def test_state_secret_flow_points_at_the_offending_field() -> None:
    """DAT006: 'via' for a hub hop, 'network' for the internet, 'target' for a hub target."""
    found = _by_subject(FIXTURES / "DAT006" / "bad.yaml", "DAT006")
    pointers = {
        subject: findings[0].location.pointer.rsplit("/", 1)[-1]
        for subject, findings in found.items()
        if findings[0].location is not None
    }
    assert pointers == {
        "bad-f-qua-ndxp": "via",
        "bad-f-toi-ndop": "target",
        "bad-f-internet": "network",
        "bad-f-tong-hop": "target",
    }
    assert found["bad-f-qua-ndxp"][0].related == ("csdl-mat",)


def test_failing_quality_attributes_are_listed_in_slogan_order() -> None:
    """DAT010: every attribute set to false is named, at the first one."""
    [finding] = _by_subject(FIXTURES / "DAT010" / "bad.yaml", "DAT010")["bad-csdl-ho-tich"]
    assert "declares đủ (complete), sống (live) not met" in finding.message.en
    assert finding.message.vi.endswith("khai báo chưa đạt: đủ, sống")
    assert finding.location is not None and finding.location.pointer.endswith("/quality/du")


def test_aggregate_sync_message_marks_national_master_data() -> None:
    """DAT007: national master entities are called out in the message."""
    found = _by_subject(FIXTURES / "DAT007" / "bad.yaml", "DAT007")
    [master] = found["bad-csdl-ho-kinh-doanh"]
    assert "(national master data: 'Hộ kinh doanh')" in master.message.en
    assert master.related == ("vn:db/national-aggregate",)
    assert "national master" not in found["bad-csdl-quy-hoach"][0].message.en


def test_provincial_example_shows_once_only_findings() -> None:
    """The Tuyên Quang example asks citizens for residence, land and person data it can fetch."""
    report = check_loaded(load([EXAMPLES / "tuyen-quang"]), select=["DAT001"])
    assert sorted(f.subject for f in all_as_written(report.findings)) == [
        "dv-cap-phep-xay-dung",
        "dv-chung-thuc",
        "dv-dang-ky-khai-sinh",
    ]
