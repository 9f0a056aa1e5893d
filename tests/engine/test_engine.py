"""The engine: selection, severity overrides, suppressions, --as-of, metrics, exit codes."""

import datetime as dt
import pydoc
from pathlib import Path

import pytest
from click.testing import CliRunner

import vndgaf
from vndgaf.cli import main
from vndgaf.diagnostics import Severity
from vndgaf.engine import check_loaded, find_rule, matches, select_rules
from vndgaf.load import load
from vndgaf.load.overlays import catalogue_with
from vndgaf.rules import ALL_RULES

DOC = """format_version: 1
submission: {submitter: ubnd, framework_version: "4.0", as_of: 2025-09-01}
agencies:
  - {id: ubnd, name: UBND tỉnh Tuyên Quang, level: provincial, unit: vn:province/08}
  - id: ubnd-huyen
    name: UBND huyện Yên Sơn
    level: district
    parent: ubnd
%s
"""


def _write(tmp_path: Path, suppress: str = "") -> Path:
    path = tmp_path / "s.yaml"
    path.write_text(DOC % suppress, encoding="utf-8")
    return path


def test_matches_by_code_prefix_name_and_all() -> None:
    """A rule is selected by its code, a code prefix, its kebab name, or ALL."""
    rule = next(r for r in ALL_RULES if r.code == "STR001")
    assert matches(rule, "STR001") and matches(rule, "str") and matches(rule, "STR0")
    assert matches(rule, "district-level-active") and matches(rule, "ALL")
    assert not matches(rule, "IOP") and not matches(rule, "STR002")


def test_select_and_ignore() -> None:
    """--select keeps only the named rules; --ignore removes rules afterwards."""
    chosen = select_rules(ALL_RULES, ["STR"], ["STR001"])
    assert chosen and all(r.code.startswith("STR") and r.code != "STR001" for r in chosen)
    assert select_rules(ALL_RULES, [], []) == ALL_RULES


def test_severity_override(tmp_path: Path) -> None:
    """A severity override changes the stamped severity of that rule's findings."""
    result = load([_write(tmp_path)])
    report = check_loaded(result, select=["STR001"], severity_overrides={"STR001": Severity.NOTE})
    assert [(f.code, f.severity) for f in report.findings] == [("STR001", Severity.NOTE)]


def test_suppression_with_reason_is_reported_as_suppressed(tmp_path: Path) -> None:
    """A suppression next to the element marks the finding suppressed; it no longer fails."""
    path = _write(
        tmp_path,
        "    suppress: [{rule: STR001, reason: Đang giải thể, owner: Sở Nội vụ,"
        " expires: 2026-06-30}]",
    )
    report = check_loaded(load([path]), select=["STR001"])
    [finding] = report.findings
    assert finding.suppressed and finding.suppressed_by is not None
    assert finding.suppressed_by.reason == "Đang giải thể"
    assert report.active() == ()
    run = CliRunner().invoke(main, ["check", str(path), "--select", "STR001"])
    assert run.exit_code == 0 and "suppressed" in run.output


def test_suppression_by_rule_name(tmp_path: Path) -> None:
    """A suppression may name the rule by its kebab name."""
    path = _write(tmp_path, "    suppress: [{rule: district-level-active, reason: x}]")
    [finding] = check_loaded(load([path]), select=["STR001"]).findings
    assert finding.suppressed


def test_expired_suppression_is_a_finding_again(tmp_path: Path) -> None:
    """After its expiry date a suppression no longer applies, and the message says so."""
    path = _write(tmp_path, "    suppress: [{rule: STR001, reason: x, expires: 2025-08-01}]")
    [finding] = check_loaded(load([path]), select=["STR001"]).findings
    assert not finding.suppressed
    assert "suppression expired on 2025-08-01" in finding.message.en
    assert "2025-08-01" in finding.message.vi


def test_as_of_controls_date_dependent_rules(tmp_path: Path) -> None:
    """Before 1/7/2025 the district level existed: --as-of earlier silences STR001."""
    result = load([_write(tmp_path)])
    assert check_loaded(result, select=["STR001"], as_of=dt.date(2025, 6, 30)).findings == ()
    assert check_loaded(result, select=["STR001"], as_of=dt.date(2025, 7, 1)).findings
    run = CliRunner().invoke(
        main, ["check", str(tmp_path / "s.yaml"), "--select", "STR001", "--as-of", "2025-06-01"]
    )
    assert run.exit_code == 0, run.output


def test_fail_on_threshold(tmp_path: Path) -> None:
    """Exit 1 only for findings at or above --fail-on."""
    path = str(_write(tmp_path))
    base = ["check", path, "--select", "STR001", "--severity", "STR001=note"]
    assert CliRunner().invoke(main, base).exit_code == 0
    assert CliRunner().invoke(main, [*base, "--fail-on", "note"]).exit_code == 1


def test_bad_severity_override_is_a_usage_error(tmp_path: Path) -> None:
    """--severity needs CODE=level; anything else exits 2 with one line."""
    run = CliRunner().invoke(main, ["check", str(_write(tmp_path)), "--severity", "STR001"])
    assert run.exit_code == 2 and "--severity expects" in run.output


def test_findings_are_located_and_carry_legal_basis(tmp_path: Path) -> None:
    """Every rule finding has a location in the source and its rule's legal basis."""
    [finding] = check_loaded(load([_write(tmp_path)]), select=["STR001"]).findings
    assert finding.location is not None
    assert (finding.location.line, finding.location.pointer) == (7, "/agencies/1/level")
    assert "Law 72/2025/QH15" in finding.legal_basis.en
    assert "Luật 72/2025/QH15" in finding.legal_basis.vi


def test_metrics_of_the_provincial_example() -> None:
    """Metrics count elements and shares from the model (values checked by hand)."""
    report = check_loaded(load([Path(__file__).parents[2] / "examples" / "tuyen-quang"]))
    m = report.metrics
    assert m["elements.agencies"] == 11
    assert m["elements.services"] == 3
    assert m["services.fully_online_share"] == pytest.approx(1 / 3)
    assert m["inputs.once_only_coverage"] == pytest.approx(3 / 6)
    assert m["agencies.commune"] == 4


def test_rule_lookup_and_cli_rule_page() -> None:
    """`vndgaf rule CODE` prints the documentation; unknown codes exit 2."""
    info = find_rule("str001")
    assert info is not None and info.name == "district-level-active"
    run = CliRunner().invoke(main, ["rule", "STR001"])
    assert run.exit_code == 0
    assert "What it checks" in run.output and "Legal basis" in run.output
    assert CliRunner().invoke(main, ["rule", "XYZ999"]).exit_code == 2


def test_rules_read_the_catalogue_they_are_given(tmp_path: Path) -> None:
    """Rules see the catalogue passed to check_loaded, not a global one: a special zone unknown
    to the national catalogue is flagged, and not once a catalogue lists it (an overlay adds it,
    and the engine keeps the overlay when it takes the catalogue to the check's date)."""
    path = tmp_path / "dk.yaml"
    path.write_text(
        DOC % "units:\n  - {id: dk-x, name: Đặc khu X, kind: dac_khu, code: '99999',"
        " parent: vn:province/08}",
        encoding="utf-8",
    )
    result = load([path])
    assert [f.subject for f in check_loaded(result, select=["STR007"]).findings] == ["ubnd::dk-x"]
    overlay = tmp_path / "zone.yaml"
    overlay.write_text(
        "vndgaf_overlay: 1\nname: zone-x\nunits:\n"
        "  - {id: vn:commune/99999, name: Đặc khu X, kind: dac_khu, code: '99999',\n"
        "     parent: vn:province/08, provenance: {source: test, confidence: sourced}}\n",
        encoding="utf-8",
    )
    wider = catalogue_with([overlay])
    assert wider.get("vn:commune/99999") is not None
    assert check_loaded(result, select=["STR007"], catalogue=wider).findings == ()


def test_help_of_check_loaded_does_not_spell_out_the_rules() -> None:
    """``help(vndgaf.check_loaded)`` shows readable defaults, not the tuple of every rule."""
    text = pydoc.render_doc(vndgaf.check_loaded, renderer=pydoc.plaintext)
    assert "rules: collections.abc.Sequence[vndgaf.rules.base.Rule] | None = None" in text
    assert "catalogue: vndgaf.reference.catalogue.Catalogue | None = None" in text
    assert "Rule(" not in text and len(text) < 4000


def test_a_check_dated_before_the_two_tiers_runs_every_rule(tmp_path: Path) -> None:
    """As of 2000 the units of 1/7/2025 are not yet in force (found by the fuzz test): every rule
    runs without an internal error, and a unit in force on that day (Phường I of Vị Thanh) is
    no legacy unit then."""
    path = tmp_path / "old.yaml"
    path.write_text(
        "format_version: 1\n"
        'submission: {submitter: a, framework_version: "1.0", as_of: 2000-01-01}\n'
        "units:\n  - {id: '0', name: I, kind: tinh}\n",
        encoding="utf-8",
    )
    report = vndgaf.check([path])
    assert report.as_of == dt.date(2000, 1, 1)
    assert [f.message.en for f in report.findings if f.code == "STR003"] == []
    later = vndgaf.check([path], as_of=dt.date(2025, 12, 1))
    [legacy] = [f for f in later.findings if f.code == "STR003"]
    assert "current: Phường Vị Thanh (vn:commune/31321)" in legacy.message.en


def test_suppression_on_a_flow(tmp_path: Path) -> None:
    """A flow accepts a finding about itself: flows are edges of the graph, not nodes, and the
    suppression next to the flow still applies."""
    path = tmp_path / "s.yaml"
    path.write_text(
        DOC % ""
        + """systems:
  - {id: hs, name: Hệ thống một cửa, owner: ubnd}
flows:
  - id: f-self
    source: hs
    target: hs
    suppress: [{rule: GOV004, reason: Thử nghiệm nội bộ}]
""",
        encoding="utf-8",
    )
    report = check_loaded(load([path]), select=["GOV004"])
    [finding] = report.findings
    assert finding.subject == "ubnd::f-self"
    assert finding.suppressed_by is not None
    assert finding.suppressed_by.reason == "Thử nghiệm nội bộ"
