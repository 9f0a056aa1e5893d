"""Several submissions checked at once: cross-submission findings and per-submitter summaries."""

import json
from pathlib import Path

from click.testing import CliRunner

from vndgaf.cli import main
from vndgaf.diagnostics import Report
from vndgaf.engine import check_loaded
from vndgaf.load import load
from vndgaf.report import render


def _province(code: str, slug: str, name: str, extra: str = "") -> str:
    """A small, clean provincial submission with one video-conferencing investment."""
    return f"""format_version: 1
submission:
  submitter: ubnd-{slug}
  framework_version: "4.0"
  as_of: 2026-01-15
agencies:
  - {{id: ubnd-{slug}, name: Ủy ban nhân dân tỉnh {name}, level: provincial,
     type: provincial_peoples_committee, unit: vn:province/{code}}}
platforms:
  - id: lgsp-{slug}
    name: Nền tảng tích hợp, chia sẻ dữ liệu tỉnh {name}
    instance_of: vn:platform/lgsp
    owner: ubnd-{slug}
    layer: integration
    scope: provincial
    capabilities: [data_integration]
flows:
  - {{id: f-lgsp-{slug}-ndxp, source: lgsp-{slug}, target: vn:platform/ndxp}}
investments:
  - id: dt-hntt-{slug}
    name: Hệ thống hội nghị truyền hình tỉnh {name}
    owner: ubnd-{slug}
    capability: video_conferencing
    budget_vnd: 12000000000
    justification: Chưa có nền tảng quốc gia dùng chung cho hội nghị truyền hình.
{extra}"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "architecture.yaml").write_text(text, encoding="utf-8")
    return folder


def _two(tmp_path: Path, extra_a: str = "") -> tuple[Path, Path]:
    return (
        _write(tmp_path, "tuyen-quang", _province("08", "tuyen-quang", "Tuyên Quang", extra_a)),
        _write(tmp_path, "cao-bang", _province("04", "cao-bang", "Cao Bằng")),
    )


def _check(*folders: Path) -> Report:
    result = load(list(folders))
    assert result.findings == ()
    return check_loaded(result)


def test_duplicated_investment_appears_only_when_checked_together(tmp_path: Path) -> None:
    """Each province alone has no RED002; together their two video-conferencing projects do."""
    a, b = _two(tmp_path)
    assert [f for f in _check(a).findings if f.code == "RED002"] == []
    assert [f for f in _check(b).findings if f.code == "RED002"] == []
    [finding] = [f for f in _check(a, b).findings if f.code == "RED002"]
    assert finding.subject == "ubnd-cao-bang::dt-hntt-cao-bang"
    assert finding.related == ("ubnd-tuyen-quang::dt-hntt-tuyen-quang",)
    assert "video_conferencing" in finding.message.en
    assert "2 provinces" in finding.message.en
    assert "24,000,000,000 VND" in finding.message.en
    assert "24.000.000.000 đồng" in finding.message.vi
    assert finding.submitter == "ubnd-cao-bang"
    assert finding.location is not None and finding.location.path.endswith(
        "cao-bang/architecture.yaml"
    )


def test_findings_carry_their_submitter(tmp_path: Path) -> None:
    """Every finding of a merged check names the submission that defines its subject."""
    reporting = """  - id: dt-bao-cao-tq
    name: Hệ thống báo cáo riêng của tỉnh
    owner: ubnd-tuyen-quang
    capability: reporting
"""
    a, b = _two(tmp_path, extra_a=reporting)
    report = _check(a, b)
    assert report.submitters == ("ubnd-cao-bang", "ubnd-tuyen-quang")
    by_subject = {f.subject: f.submitter for f in report.findings}
    assert by_subject["ubnd-tuyen-quang::dt-bao-cao-tq"] == "ubnd-tuyen-quang"
    assert by_subject["ubnd-cao-bang::dt-hntt-cao-bang"] == "ubnd-cao-bang"
    assert all(f.submitter in report.submitters for f in report.findings)


def test_json_and_markdown_summarise_per_submitter(tmp_path: Path) -> None:
    """The JSON summary and the Markdown report have one row per submitter with its counts."""
    a, b = _two(tmp_path)
    report = _check(a, b)
    rows = json.loads(render(report, "json"))["summary"]["by_submitter"]
    assert [r["submitter"] for r in rows] == ["ubnd-cao-bang", "ubnd-tuyen-quang"]
    expected = {
        s: sum(1 for f in report.active() if f.submitter == s and f.severity.value == "warning")
        for s in report.submitters
    }
    assert {r["submitter"]: r["warning"] for r in rows} == expected
    assert expected["ubnd-cao-bang"] >= 1  # the RED002 warning is counted for its submitter
    markdown = render(report, "markdown")
    assert "### By submitter" in markdown
    assert "| Submitter | Errors | Warnings | Notes | Suppressed |" in markdown
    cao_bang = [line for line in markdown.splitlines() if line.startswith("| ubnd-cao-bang |")]
    assert len(cao_bang) == 1
    assert f"| {expected['ubnd-cao-bang']} |" in cao_bang[0]
    vi = render(report, "markdown", lang="vi")
    assert "### Theo đơn vị nộp" in vi


_CAO_BANG_DECLARED = """externals:
  agencies:
    - {id: ubnd-cao-bang::ubnd-cao-bang, name: Ủy ban nhân dân tỉnh Cao Bằng, level: provincial,
       type: provincial_peoples_committee, unit: vn:province/04}
  platforms:
    - {id: ubnd-cao-bang::lgsp-cao-bang, name: "Nền tảng tích hợp, chia sẻ dữ liệu tỉnh Cao Bằng",
       instance_of: vn:platform/lgsp, owner: ubnd-cao-bang::ubnd-cao-bang}
"""


def test_flow_between_submissions_resolves_and_is_checked(tmp_path: Path) -> None:
    """A flow to another submission's platform names it by its qualified id and declares it: the
    submission checks alone, and together the direct link is IOP001 on the flow's submission."""
    direct = (
        "flows:\n"
        "  - {id: f-truc-tiep, source: lgsp-tuyen-quang, target: ubnd-cao-bang::lgsp-cao-bang,"
        " network: internet}\n"
    )
    text = _province("08", "tuyen-quang", "Tuyên Quang").replace("flows:\n", direct, 1)
    a = _write(tmp_path, "tuyen-quang", text + _CAO_BANG_DECLARED)
    b = _write(tmp_path, "cao-bang", _province("04", "cao-bang", "Cao Bằng"))
    alone = check_loaded(load([a]))
    assert [f.code for f in alone.findings if f.code.startswith(("REF", "SCH"))] == []
    report = _check(a, b)
    [finding] = [f for f in report.findings if f.code == "IOP001"]
    assert finding.subject == "ubnd-tuyen-quang::f-truc-tiep"
    assert finding.related == ("ubnd-cao-bang::lgsp-cao-bang", "ubnd-tuyen-quang::lgsp-tuyen-quang")
    assert finding.submitter == "ubnd-tuyen-quang"
    [alone_finding] = [f for f in alone.findings if f.code == "IOP001"]
    assert (alone_finding.subject, alone_finding.message) == (finding.subject, finding.message)


def test_undeclared_reference_to_another_submission_is_reported_alone_and_together(
    tmp_path: Path,
) -> None:
    """A qualified reference without a declaration is REF001, whatever it is checked with."""
    direct = (
        "flows:\n"
        "  - {id: f-truc-tiep, source: lgsp-tuyen-quang, target: ubnd-cao-bang::lgsp-cao-bang}\n"
    )
    text = _province("08", "tuyen-quang", "Tuyên Quang").replace("flows:\n", direct, 1)
    a = _write(tmp_path, "tuyen-quang", text)
    b = _write(tmp_path, "cao-bang", _province("04", "cao-bang", "Cao Bằng"))
    for folders in ([a], [a, b], [b, a]):
        [dangling] = [f for f in load(folders).findings if f.code == "REF001"]
        assert dangling.subject == "ubnd-tuyen-quang::f-truc-tiep"
        assert dangling.submitter == "ubnd-tuyen-quang"
        assert "declare it under externals" in dangling.message.en
        assert dangling.location is not None and dangling.location.pointer == "/flows/0/target"


def test_equal_ids_in_two_submissions_are_two_elements(tmp_path: Path) -> None:
    """The same id in two submissions is no duplicate: each submission has its own ids, and the
    merged architecture holds both elements under their qualified ids."""
    a = _write(tmp_path, "a", _province("08", "tuyen-quang", "Tuyên Quang"))
    clash = _province("04", "cao-bang", "Cao Bằng").replace(
        "dt-hntt-cao-bang", "dt-hntt-tuyen-quang"
    )
    b = _write(tmp_path, "b", clash)
    result = load([a, b])
    assert result.findings == ()
    ids = [i.id for i in result.architecture.investments]
    assert ids == ["ubnd-cao-bang::dt-hntt-tuyen-quang", "ubnd-tuyen-quang::dt-hntt-tuyen-quang"]
    located = result.locate("ubnd-cao-bang::dt-hntt-tuyen-quang")
    assert located is not None and located.path.endswith("b/architecture.yaml")


def test_duplicate_ids_within_one_submission_stay_an_error(tmp_path: Path) -> None:
    """Two files of one submission defining one id: REF002 on the second, with its submitter."""
    a = _write(tmp_path, "a", _province("08", "tuyen-quang", "Tuyên Quang"))
    (a / "more.yaml").write_text(
        "format_version: 1\nagencies:\n"
        "  - {id: ubnd-tuyen-quang, name: Trùng, level: provincial}\n",
        encoding="utf-8",
    )
    b = _write(tmp_path, "b", _province("04", "cao-bang", "Cao Bằng"))
    [dup] = [f for f in load([a, b]).findings if f.code == "REF002"]
    assert dup.subject == "ubnd-tuyen-quang::ubnd-tuyen-quang"
    assert dup.submitter == "ubnd-tuyen-quang"
    assert dup.location is not None and dup.location.path.endswith("a/more.yaml")


def test_cli_checks_many_directories_with_a_submitter_table(tmp_path: Path) -> None:
    """`vndgaf check A B` prints the by-submitter block and finds the cross-province RED002."""
    a, b = _two(tmp_path)
    run = CliRunner().invoke(main, ["check", str(a), str(b)])
    assert run.exit_code == 0, run.output  # RED002 is a warning: below --fail-on error
    assert "RED002" in run.output
    assert "By submitter:" in run.output
    run = CliRunner().invoke(main, ["check", str(a), str(b), "--fail-on", "warning"])
    assert run.exit_code == 1
