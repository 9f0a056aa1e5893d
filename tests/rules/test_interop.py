"""Focused tests of the IOP rules: severities per case, locations, counts and messages."""

import datetime as dt
from pathlib import Path

from tests.written import all_as_written

from vndgaf.diagnostics import Finding, Severity
from vndgaf.engine import check_loaded
from vndgaf.load import load

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = Path(__file__).parents[2] / "examples"


def _findings(
    path: Path | str,
    code: str,
    *,
    severity_overrides: dict[str, Severity] | None = None,
    as_of: dt.date | None = None,
) -> dict[str, Finding]:
    report = check_loaded(
        load([path]), select=[code], severity_overrides=severity_overrides, as_of=as_of
    )
    return {f.subject: f for f in all_as_written(report.findings) if f.code == code}


def test_cross_organisation_flow_is_a_warning_and_points_at_via() -> None:
    """IOP001: a provincial system writing straight to a ministry database is a warning at
    'via' (the rule is an inference)."""
    found = _findings(FIXTURES / "IOP001" / "bad.yaml", "IOP001")
    finding = found["bad-f-direct-ministry"]
    assert finding.severity is Severity.WARNING
    assert finding.location is not None
    assert finding.location.pointer.endswith("/via")
    assert finding.related == ("hotich", "vn:db/civil-status")
    assert "(Tỉnh Tuyên Quang) to 'Cơ sở dữ liệu hộ tịch điện tử' (Bộ Tư pháp)" in (
        finding.message.en
    )
    assert "kết nối điểm-điểm trực tiếp" in finding.message.vi
    assert found["bad-f-lgsp-only"].severity is Severity.WARNING


def test_same_organisation_flow_is_a_note() -> None:
    """IOP001: a direct link between two agencies of one province or ministry is a note."""
    province = _findings(FIXTURES / "IOP001" / "bad.yaml", "IOP001")
    ministry = _findings(FIXTURES / "IOP001" / "bad-ministry.yaml", "IOP001")
    assert province["bad-f-same-province"].severity is Severity.NOTE
    assert province["bad-f-commune-department"].severity is Severity.NOTE
    assert ministry["bad-f-inside-ministry"].severity is Severity.NOTE
    assert ministry["bad-f-population"].severity is Severity.WARNING
    assert "without passing its integration platform (LGSP)" in (
        province["bad-f-same-province"].message.en
    )


def test_user_severity_override_beats_the_per_case_severity() -> None:
    """A --severity override applies to every finding of the rule, milder cases included."""
    found = _findings(
        FIXTURES / "IOP001" / "bad.yaml", "IOP001", severity_overrides={"IOP001": Severity.NOTE}
    )
    assert {f.severity for f in found.values()} == {Severity.NOTE}


def test_missing_platform_of_a_catalogue_ministry_is_reported_on_the_submission(
    tmp_path: Path,
) -> None:
    """IOP002: a ministry submitted by a catalogue agency is flagged on its submission block."""
    path = tmp_path / "bo.yaml"
    path.write_text(
        "format_version: 1\n"
        "submission: {submitter: vn:agency/bo-tu-phap, framework_version: '4.0',"
        " as_of: 2025-12-01}\n"
        "agencies:\n"
        "  - {id: cuc-cntt, name: Cục CNTT, level: central, parent: vn:agency/bo-tu-phap}\n",
        encoding="utf-8",
    )
    found = _findings(path, "IOP002")
    assert list(found) == ["@submission:vn:agency/bo-tu-phap"]
    finding = found["@submission:vn:agency/bo-tu-phap"]
    assert finding.location is not None and finding.location.line == 2
    assert finding.message.en == (
        "'Bộ Tư pháp' has no ministry/provincial integration platform (LGSP) connected to NDXP"
    )


def test_second_integration_platform_is_a_warning_naming_the_first() -> None:
    """IOP002: an extra LGSP of a province is a warning related to the linked one."""
    found = _findings(FIXTURES / "IOP002" / "bad-second.yaml", "IOP002")
    finding = found["bad-a-lgsp-y-te"]
    assert finding.severity is Severity.WARNING
    assert finding.related == ("lgsp-tinh",)
    assert "second integration platform 'LGSP ngành y tế' besides 'LGSP tỉnh'" in (
        finding.message.en
    )


def test_missing_platform_flags_the_provincial_peoples_committee() -> None:
    """IOP002: a province without an LGSP is reported on its People's Committee, as an error."""
    found = _findings(FIXTURES / "IOP002" / "bad-missing.yaml", "IOP002")
    assert found["bad-ubnd-tinh"].severity is Severity.ERROR
    assert found["bad-ubnd-tinh"].message.vi == (
        "'Tỉnh Tuyên Quang' chưa có nền tảng tích hợp, chia sẻ dữ liệu cấp bộ/cấp tỉnh (LGSP) "
        "kết nối với NDXP"
    )


def test_single_point_of_failure_counts_every_agency_and_caps_related(tmp_path: Path) -> None:
    """IOP009: the message counts all agencies cut off; related lists the first 20, sorted."""
    departments = "".join(
        f"  - {{id: so-{i:02d}, name: Sở {i}, level: provincial, parent: ubnd}}\n"
        for i in range(25)
    )
    path = tmp_path / "spof.yaml"
    path.write_text(
        "format_version: 1\n"
        "submission: {submitter: ubnd, framework_version: '4.0', as_of: 2025-11-01}\n"
        "agencies:\n"
        "  - {id: ubnd, name: UBND tỉnh, level: provincial, unit: vn:province/08}\n"
        + departments
        + "platforms:\n"
        "  - {id: lgsp, name: LGSP tỉnh, instance_of: vn:platform/lgsp, owner: ubnd,"
        f" tenants: [{', '.join(f'so-{i:02d}' for i in range(25))}]}}\n"
        "flows:\n"
        "  - {id: f, source: lgsp, target: vn:platform/ndxp}\n",
        encoding="utf-8",
    )
    finding = _findings(path, "IOP009")["lgsp"]
    assert "26 agencies of the submission lose every path to NDXP" in finding.message.en
    assert "26 cơ quan" in finding.message.vi
    assert finding.related == tuple(f"so-{i:02d}" for i in range(20))


def test_mandatory_sharing_is_a_warning_until_the_deadline_then_an_error() -> None:
    """IOP010: 'migration pending' warning on 31/12/2026, error from 1/1/2027."""
    before = _findings(FIXTURES / "IOP010" / "bad-before-deadline.yaml", "IOP010")
    after = _findings(FIXTURES / "IOP010" / "bad-after-deadline.yaml", "IOP010")
    assert before["bad-f-dancu"].severity is Severity.WARNING
    assert "migration pending" in before["bad-f-dancu"].message.en
    assert after["bad-f-dancu"].severity is Severity.ERROR
    assert "the deadline was 31/12/2026" in after["bad-f-dancu"].message.en


def test_as_of_option_moves_the_single_window_date() -> None:
    """IOP005/IOP006 depend on the check date: before 1/7/2025 nothing is flagged."""
    path = FIXTURES / "IOP005" / "bad.yaml"
    assert _findings(path, "IOP005", as_of=dt.date(2025, 6, 30)) == {}
    found = _findings(path, "IOP005")
    assert sorted(found) == ["bad-chung-thuc", "bad-khai-sinh", "bad-khong-kenh"]
    assert found["bad-chung-thuc"].location is not None
    assert found["bad-chung-thuc"].location.pointer.endswith("/channels")


def test_provincial_example_shows_the_point_to_point_flow() -> None:
    """The Tuyên Quang example reports its direct civil-status flow to the ministry."""
    report = check_loaded(load([EXAMPLES / "tuyen-quang"]), select=["IOP"])
    pairs = {(f.code, f.subject, f.severity) for f in all_as_written(report.findings)}
    assert ("IOP001", "f-hotich-bo", Severity.WARNING) in pairs
    assert ("IOP007", "qlvb-tuyen-quang", Severity.ERROR) in pairs
    assert ("IOP006", "dv-chung-thuc", Severity.WARNING) in pairs


def test_ministry_example_has_no_interoperability_errors() -> None:
    """The Ministry of Justice example is clean of IOP errors (warnings and notes only)."""
    report = check_loaded(load([EXAMPLES / "bo-tu-phap"]), select=["IOP"])
    assert [f.subject for f in report.findings if f.severity is Severity.ERROR] == []


def test_idle_system_message_names_the_system() -> None:
    """IOP008: the message names the idle system, in English and Vietnamese."""
    found = _findings(FIXTURES / "IOP008" / "bad.yaml", "IOP008")
    assert sorted(found) == ["bad-cap-phep", "bad-csdl-dat-dai", "bad-gis-cu", "bad-sso-tinh"]
    assert found["bad-gis-cu"].message.en == (
        "system 'GIS quy hoạch cũ' is operating but has no data flow, no tenants and handles no "
        "public service"
    )
    assert found["bad-gis-cu"].message.vi.startswith("hệ thống đang vận hành 'GIS quy hoạch cũ'")


def test_commune_system_message_says_the_province_has_no_platform() -> None:
    """IOP003: without a provincial LGSP the message says the province declares none."""
    found = _findings(FIXTURES / "IOP003" / "bad-no-lgsp.yaml", "IOP003")
    assert found["bad-ql-xa-a"].message.en == (
        "commune system 'Quản lý phường Hà Giang 1' is not connected to an integration platform "
        "('Tỉnh Tuyên Quang' declares none)"
    )
    assert found["bad-ql-xa-a"].related == ()


def test_commune_flow_outside_the_province_names_the_commune_system() -> None:
    """IOP013: the finding names the commune system, the other end and the provincial LGSP."""
    found = _findings(FIXTURES / "IOP013" / "bad.yaml", "IOP013")
    finding = found["bad-f-xa-hcm"]
    assert finding.severity is Severity.WARNING
    assert finding.related == ("lgsp-tinh", "ql-xa")
    assert "'Quản lý phường Hà Giang 1' to 'Kho dữ liệu TP.HCM' outside 'Tỉnh Tuyên Quang'" in (
        finding.message.en
    )


def test_ministry_without_platform_is_found_when_submissions_are_checked_together(
    tmp_path: Path,
) -> None:
    """IOP002: checked with a province, a ministry without an LGSP is found as when it is
    checked alone, on its submission block (its submitter is a catalogue agency)."""
    ministry = tmp_path / "bo"
    ministry.mkdir()
    (ministry / "bo.yaml").write_text(
        "format_version: 1\n"
        "submission: {submitter: vn:agency/bo-y-te, framework_version: '4.0', as_of: 2025-12-01}\n"
        "agencies:\n"
        "  - {id: cuc-cntt-byt, name: Cục CNTT Bộ Y tế, level: central,"
        " parent: vn:agency/bo-y-te}\n",
        encoding="utf-8",
    )
    province = tmp_path / "tinh"
    province.mkdir()
    (province / "tinh.yaml").write_text(
        "format_version: 1\n"
        "submission: {submitter: ubnd, framework_version: '4.0', as_of: 2025-12-01}\n"
        "agencies:\n"
        "  - {id: ubnd, name: UBND tỉnh, level: provincial, type: provincial_peoples_committee,"
        " unit: vn:province/08}\n"
        "platforms:\n"
        "  - {id: lgsp, name: LGSP tỉnh, instance_of: vn:platform/lgsp, owner: ubnd}\n"
        "flows:\n"
        "  - {id: f, source: lgsp, target: vn:platform/ndxp}\n",
        encoding="utf-8",
    )
    found = _findings(tmp_path, "IOP002")
    assert list(found) == ["@submission:vn:agency/bo-y-te"]
    assert found["@submission:vn:agency/bo-y-te"].message.en.startswith("'Bộ Y tế' has no")
    assert found["@submission:vn:agency/bo-y-te"].submitter == "vn:agency/bo-y-te"
    assert list(_findings(ministry, "IOP002")) == ["@submission:vn:agency/bo-y-te"]
