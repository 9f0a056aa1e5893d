"""Suppressions: the entry in force wins wherever it stands; an unknown rule is REF010."""

from pathlib import Path

from click.testing import CliRunner

from vndgaf.cli import main
from vndgaf.engine import check_loaded, find_rule
from vndgaf.load import load

DOC = """format_version: 1
submission: {submitter: ubnd, framework_version: "4.0", as_of: 2025-09-01}
agencies:
  - {id: ubnd, name: UBND tỉnh Tuyên Quang, level: provincial, unit: vn:province/08}
  - id: ubnd-huyen
    name: UBND huyện Yên Sơn
    level: district
    parent: ubnd
    suppress:
%s
"""


def _write(tmp_path: Path, *entries: str) -> Path:
    path = tmp_path / "s.yaml"
    path.write_text(DOC % "\n".join(f"      - {e}" for e in entries), encoding="utf-8")
    return path


def test_an_entry_in_force_wins_over_an_expired_one_before_it(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "{rule: STR001, reason: old decision, expires: 2025-08-01}",
        "{rule: district-level-active, reason: renewed, expires: 2026-06-30}",
    )
    [finding] = check_loaded(load([path]), select=["STR001"]).findings
    assert finding.suppressed_by is not None
    assert finding.suppressed_by.reason == "renewed"
    assert "expired" not in finding.message.en


def test_the_first_entry_in_force_is_the_one_reported(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "{rule: STR001, reason: first, expires: 2026-06-30}",
        "{rule: STR001, reason: second}",
    )
    [finding] = check_loaded(load([path]), select=["STR001"]).findings
    assert finding.suppressed_by is not None and finding.suppressed_by.reason == "first"


def test_when_every_entry_has_expired_the_message_says_since_the_latest(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "{rule: STR001, reason: a, expires: 2025-08-15}",
        "{rule: STR001, reason: b, expires: 2025-07-10}",
    )
    [finding] = check_loaded(load([path]), select=["STR001"]).findings
    assert not finding.suppressed
    assert finding.message.en == (
        "district-level agency 'UBND huyện Yên Sơn' is still active; the district level ended"
        " on 1/7/2025 (its suppression expired on 2025-08-15)"
    )
    assert finding.message.vi == (
        "cơ quan cấp huyện 'UBND huyện Yên Sơn' vẫn hoạt động; cấp huyện đã kết thúc từ"
        " 1/7/2025 (chấp nhận ngoại lệ đã hết hạn từ ngày 2025-08-15)"
    )
    assert finding.location is not None
    assert (str(finding.location.path), finding.location.line, finding.location.column) == (
        str(path),
        7,
        12,
    )
    assert finding.subject == "ubnd::ubnd-huyen" and finding.submitter == "ubnd"


def test_the_expired_note_is_in_the_text_report(tmp_path: Path) -> None:
    path = _write(tmp_path, "{rule: STR001, reason: a, expires: 2025-08-15}")
    run = CliRunner().invoke(main, ["check", str(path), "--select", "STR001"])
    assert f"{path}:7:12: STR001 [error]" in run.output
    assert "(its suppression expired on 2025-08-15)" in run.output


def test_an_entry_naming_no_rule_is_ref010_at_its_rule_field(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "{rule: STR01, reason: typo}",
        "{rule: district-level-active, reason: fine}",
    )
    report = check_loaded(load([path]))
    [unknown] = [f for f in report.findings if f.code == "REF010"]
    assert unknown.location is not None
    assert (str(unknown.location.path), unknown.location.line, unknown.location.column) == (
        str(path),
        10,
        16,
    )
    assert unknown.location.pointer == "/agencies/1/suppress/0/rule"
    assert unknown.message.en == (
        "suppression on 'UBND huyện Yên Sơn' names 'STR01', which is no rule or check;"
        " it accepts nothing (did you mean 'STR001'?)"
    )
    assert unknown.message.vi == (
        "chấp nhận ngoại lệ trên 'UBND huyện Yên Sơn' ghi 'STR01', không phải mã hay tên của"
        " quy tắc nào; nó không có tác dụng (có phải ý bạn là 'STR001'?)"
    )
    assert unknown.subject == "ubnd::ubnd-huyen"
    assert unknown.severity.value == "warning" and unknown.submitter == "ubnd"
    [str001] = [f for f in report.findings if f.code == "STR001"]
    assert str001.suppressed  # the valid entry still applies
    assert "REF010" in {info.code for info in report.rules}


def test_codes_and_names_of_loader_checks_are_known_too(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "{rule: ref002, reason: a}", "{rule: suppression-of-unknown-rule, reason: b}"
    )
    assert not [f for f in check_loaded(load([path])).findings if f.code == "REF010"]


def test_ref010_follows_select_and_ignore_and_is_documented(tmp_path: Path) -> None:
    path = _write(tmp_path, "{rule: NOPE999, reason: a}")
    result = load([path])
    assert not [f for f in check_loaded(result, select=["STR"]).findings if f.code == "REF010"]
    assert not [f for f in check_loaded(result, ignore=["REF010"]).findings if f.code == "REF010"]
    info = find_rule("REF010")
    assert info is not None and info.name == "suppression-of-unknown-rule"
    run = CliRunner().invoke(main, ["check", str(path), "--as-of", "2025-09-01"])
    assert f"{path}:10:16: REF010 [warning]" in run.output


def test_checked_with_another_submission_each_keeps_its_own_suppressions(tmp_path: Path) -> None:
    """Two submissions with the same local ids: each entry applies to its own element only,
    and REF010 names the element qualified by its submission."""
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    (first / "s.yaml").write_text(
        DOC % "      - {rule: STR001, reason: renewed, expires: 2026-06-30}", encoding="utf-8"
    )
    other = DOC.replace("submitter: ubnd,", "submitter: ubnd-hp,").replace(
        "{id: ubnd, name: UBND tỉnh Tuyên Quang, level: provincial, unit: vn:province/08}",
        "{id: ubnd-hp, name: UBND thành phố Hải Phòng, level: provincial, unit: vn:province/31}",
    )
    other = other.replace("parent: ubnd\n", "parent: ubnd-hp\n")
    (second / "s.yaml").write_text(
        other % "      - {rule: STR-001, reason: typo, expires: 2026-06-30}", encoding="utf-8"
    )
    report = check_loaded(load([first, second]))
    by_subject = {f.subject: f for f in report.findings if f.code == "STR001"}
    assert by_subject["ubnd::ubnd-huyen"].suppressed
    assert not by_subject["ubnd-hp::ubnd-huyen"].suppressed
    [unknown] = [f for f in report.findings if f.code == "REF010"]
    assert unknown.subject == "ubnd-hp::ubnd-huyen" and unknown.submitter == "ubnd-hp"
    assert unknown.location is not None
    assert unknown.location.path == str(second / "s.yaml") and unknown.location.line == 10


def test_ref010_suggests_a_name_and_stays_silent_when_nothing_is_close(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "{rule: district-level-actve, reason: a}",
        "{rule: accepted-by-the-board, reason: b}",
    )
    messages = [f.message.en for f in check_loaded(load([path])).findings if f.code == "REF010"]
    assert messages == [
        "suppression on 'UBND huyện Yên Sơn' names 'district-level-actve', which is no rule or"
        " check; it accepts nothing (did you mean 'district-level-active'?)",
        "suppression on 'UBND huyện Yên Sơn' names 'accepted-by-the-board', which is no rule or"
        " check; it accepts nothing",
    ]
