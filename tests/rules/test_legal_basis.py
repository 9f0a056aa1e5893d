"""The rules' legal basis: citations of the instruments table, rendered in the report's language
as of the check's date, successors for repealed instruments, inferences labelled as such."""

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from vndgaf.cli import main
from vndgaf.diagnostics import Severity
from vndgaf.engine import check
from vndgaf.load.overlays import catalogue_with
from vndgaf.model import Citation
from vndgaf.reference import Catalogue, InstrumentState, catalogue
from vndgaf.report import render
from vndgaf.rules import ALL_RULES, rules_by_instrument
from vndgaf.rules.basis import LegalBasis

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ("tuyen-quang", "tuyen-quang-v2", "bo-tu-phap")
RULES = {r.code: r for r in ALL_RULES}


def _example(name: str) -> str:
    return str(ROOT / "examples" / name)


def _repealed_on(cat: Catalogue, on: dt.date) -> list[str]:
    """The labels (en, vi) of every instrument of the table repealed on ``on``."""
    labels = []
    for instrument in cat.instruments:
        status = cat.instrument_status(instrument.id, on)
        if status is not None and status.state is InstrumentState.REPEALED:
            labels += [instrument.label("en"), instrument.label("vi")]
    return labels


def _outside_successor_notes(text: str) -> str:
    """The basis without its "(successor of …)" / "(thay thế …)" notes, which name the repealed
    instrument on purpose."""
    return re.sub(r"\((successor of|thay thế) [^)]*\)", "", text)


def test_every_citation_is_an_instrument_of_the_table() -> None:
    table = {i.id for i in catalogue().instruments}
    cited = {(r.code, c.instrument) for r in ALL_RULES for c in r.basis.cites}
    assert {(code, ident) for code, ident in cited if ident not in table} == set()


def test_a_rule_resting_on_an_inference_says_so_and_is_at_most_a_warning() -> None:
    for r in ALL_RULES:
        info = r.info()
        if r.basis.inference is None:
            assert r.basis.cites, f"{r.code} cites nothing and states no inference"
            assert "inference" not in info.legal_basis.en
            continue
        assert not info.sourced
        assert "design inference, not law" in info.legal_basis.en, r.code
        assert "suy luận thiết kế, không phải quy định pháp luật" in info.legal_basis.vi, r.code
        if r.basis.cites:  # the model-integrity checks cite nothing and may be errors
            assert r.severity is not Severity.ERROR, r.code


@pytest.mark.parametrize("code", ["IOP001", "IOP003", "IOP008", "RED006", "DAT009", "STR005"])
def test_the_rules_the_2026_review_found_labelled_as_law_are_inferences(code: str) -> None:
    assert not RULES[code].sourced
    assert RULES[code].severity is not Severity.ERROR


def test_avoid_is_a_warning_not_an_error() -> None:
    """RED001: the texts say "avoid duplicate investment", not "must not"."""
    assert RULES["RED001"].severity is Severity.WARNING
    assert "avoid" in RULES["RED001"].doc and "not an error" in RULES["RED001"].doc


def test_the_district_level_ended_by_nq_203_and_str004_names_nq_176() -> None:
    ids = {code: {c.instrument for c in RULES[code].basis.cites} for code in RULES}
    assert "nq-203-2025-qh15" in ids["STR001"] and "nq-202-2025-qh15" not in ids["STR001"]
    assert "nq-203-2025-qh15" in ids["STR002"] and "nq-202-2025-qh15" not in ids["STR002"]
    assert ids["STR004"] == {"nq-176-2025-qh15"}


@pytest.mark.parametrize(
    ("on", "cited", "not_cited"),
    [
        (dt.date(2025, 8, 1), "Decree 47/2024/NĐ-CP", "194/2025"),
        (dt.date(2025, 12, 1), "Decree 194/2025/NĐ-CP, Art. 20", "47/2024"),
    ],
)
def test_the_basis_cites_the_instruments_in_force_on_the_date(
    on: dt.date, cited: str, not_cited: str
) -> None:
    info = RULES["IOP002"].info(catalogue(on))
    assert cited in info.legal_basis.en
    assert not_cited not in info.legal_basis.en


def test_a_repealed_instrument_gives_way_to_its_successor() -> None:
    info = RULES["DAT001"].info(catalogue(dt.date(2025, 12, 1)))
    # The replacement of NĐ 47/2020 by NĐ 278/2025 is known from a secondary source: it says so.
    assert info.legal_basis.en.startswith(
        "Decree 278/2025/NĐ-CP (successor of Decree 47/2020/NĐ-CP, Art. 9(3), repealed from "
        "22/10/2025; the corresponding article is not identified; the repeal is reported by a "
        "secondary source); "
    )
    assert info.legal_basis.vi.startswith(
        "Nghị định 278/2025/NĐ-CP (thay thế khoản 3 Điều 9 Nghị định 47/2020/NĐ-CP, hết hiệu lực "
        "từ ngày 22/10/2025; chưa xác định điều khoản tương ứng; việc thay thế theo nguồn thứ "
        "cấp); "
    )
    sourced = RULES["RED004"].info(catalogue(dt.date(2025, 12, 1))).legal_basis.en
    assert sourced.startswith(
        "Decree 194/2025/NĐ-CP (successor of Decree 47/2024/NĐ-CP, repealed from 19/8/2025); "
    )
    assert info.instruments == ("nd-278-2025", "qd-942-2021-ttg", "nd-194-2025")
    before = RULES["DAT001"].info(catalogue(dt.date(2025, 9, 1)))
    assert before.legal_basis.en.startswith("Decree 47/2020/NĐ-CP, Art. 9(3); ")


def test_an_instrument_not_yet_in_force_is_not_cited() -> None:
    """Law 148/2025/QH15 is in force from 1/7/2026: RED001 cites it from that day only."""
    assert "148/2025" not in RULES["RED001"].info(catalogue(dt.date(2026, 6, 30))).legal_basis.en
    later = RULES["RED001"].info(catalogue(dt.date(2026, 7, 1)))
    assert "Law 148/2025/QH15, Art. 7" in later.legal_basis.en
    assert "luat-148-2025-qh15" in later.instruments


def test_a_basis_with_nothing_in_force_says_so_plainly() -> None:
    basis = LegalBasis(RULES["GOV002"].basis.cites)  # NĐ 47/2020 only, before NĐ 278 existed
    text = basis.on(catalogue(dt.date(2019, 1, 1))).text
    assert text.en == "no instrument cited is in force on 1/1/2019"
    assert text.vi == "không văn bản nào được viện dẫn còn hiệu lực vào ngày 1/1/2019"
    assert not basis.on(catalogue(dt.date(2019, 1, 1))).sourced


@pytest.mark.parametrize("name", EXAMPLES)
def test_no_rule_cites_an_instrument_repealed_at_the_examples_date(name: str) -> None:
    report = check([_example(name)])
    assert report.as_of is not None
    cat = catalogue(report.as_of)
    repealed = _repealed_on(cat, report.as_of)
    assert repealed, "the examples' dates are after the 2025 repeals"
    for info in report.rules:
        for ident in info.instruments:
            status = cat.instrument_status(ident, report.as_of)
            assert status is not None and status.in_force, (name, info.code, ident)
        for text in (info.legal_basis.en, info.legal_basis.vi):
            rest = _outside_successor_notes(text)
            assert [label for label in repealed if label in rest] == [], (info.code, text)
    for finding in report.findings:
        rest = _outside_successor_notes(finding.legal_basis.en)
        assert [label for label in repealed if label in rest] == [], finding.code


def test_the_same_submission_at_two_dates_cites_what_is_in_force_at_each() -> None:
    path = [_example("tuyen-quang")]
    early = check(path, as_of=dt.date(2025, 8, 1))
    late = check(path, as_of=dt.date(2026, 12, 1))
    basis = {
        report.as_of: {f.code: f.legal_basis.en for f in report.findings}
        for report in (early, late)
    }
    early_text, late_text = basis[dt.date(2025, 8, 1)], basis[dt.date(2026, 12, 1)]
    shared = sorted(set(early_text) & set(late_text) & {"IOP001", "IOP002", "RED004", "DAT001"})
    assert shared, "the example has findings of rules resting on the repealed decrees"
    for code in shared:
        assert early_text[code] != late_text[code], code
        assert "47/2024" not in _outside_successor_notes(late_text[code])
        assert "47/2020" not in _outside_successor_notes(late_text[code])


@pytest.mark.parametrize("fmt", ["json", "sarif", "markdown", "html", "text"])
def test_a_vietnamese_report_shows_the_legal_basis_in_vietnamese(fmt: str) -> None:
    report = check([_example("tuyen-quang")])
    dat = next(f for f in report.findings if f.legal_basis.vi.startswith("Nghị định"))
    vi = render(report, fmt, lang="vi")
    en = render(report, fmt, lang="en")
    vi_basis = dat.legal_basis.vi
    en_basis = dat.legal_basis.en
    if fmt in ("json", "sarif"):  # escaped inside JSON strings
        vi_basis, en_basis = (
            json.dumps(vi_basis, ensure_ascii=False)[1:-1],
            json.dumps(en_basis, ensure_ascii=False)[1:-1],
        )
    if fmt == "html":
        vi_basis, en_basis = vi_basis.replace("&", "&amp;"), en_basis.replace("&", "&amp;")
    assert vi_basis in vi
    assert en_basis in en
    assert en_basis not in vi


def test_the_json_report_lists_the_instruments_each_rule_cites() -> None:
    doc = json.loads(render(check([_example("bo-tu-phap")]), "json", lang="vi"))
    rules = {r["code"]: r for r in doc["rules"]}
    assert "nd-194-2025" in rules["IOP002"]["instruments"]
    assert "nd-47-2024" not in rules["IOP002"]["instruments"]
    assert rules["IOP002"]["legal_basis"] == "Điều 20 Nghị định 194/2025/NĐ-CP"


def test_a_users_overlay_that_repeals_a_decree_moves_the_citation_to_its_successor(
    tmp_path: Path,
) -> None:
    overlay = tmp_path / "nd-1-2027.yaml"
    overlay.write_text(
        """\
vndgaf_overlay: 1
name: new-decree
defaults:
  provenance: {source: "Công báo 2027", confidence: sourced}
instruments:
  - {id: nd-1-2027, type: decree, number: 1/2027/NĐ-CP, issuer: Chính phủ, issuer_en: Government,
     title: Nghị định mới, title_en: New decree, issued: 2027-01-01}
effects:
  - {instrument: nd-194-2025, kind: replaced, by: {instrument: nd-1-2027, article: "50"},
     effective: 2027-02-01}
""",
        "utf-8",
    )
    cat = catalogue_with([overlay], dt.date(2027, 3, 1))
    info = RULES["IOP002"].info(cat)
    assert info.legal_basis.en == (
        "Decree 1/2027/NĐ-CP (successor of Decree 194/2025/NĐ-CP, Art. 20, repealed from "
        "1/2/2027; the corresponding article is not identified)"
    )
    assert info.instruments == ("nd-1-2027",)
    report = check([_example("tuyen-quang")], as_of=dt.date(2027, 3, 1), catalogue=cat)
    assert any("Decree 1/2027/NĐ-CP" in f.legal_basis.en for f in report.findings)


def test_rules_by_instrument_names_the_rules_resting_on_each_decree() -> None:
    citing = rules_by_instrument()
    assert set(citing["nd-47-2024"]) == {"IOP001", "IOP002", "RED004", "DAT008"}
    assert set(citing["nd-47-2020"]) >= {"DAT001", "DAT002", "DAT003", "GOV001", "GOV002"}


def test_the_rule_page_says_the_repealing_clause_is_not_the_counterpart_article() -> None:
    """Docs show NĐ 278's Art. 23(2) as the provision that repeals NĐ 47/2020, with the same
    caveats as reports: no counterpart article known, the repeal from a secondary source."""
    text = LegalBasis((Citation("nd-47-2020", "9", "3"),)).history(catalogue()).text.en
    assert text == (
        "Decree 47/2020/NĐ-CP, Art. 9(3) (replaced from 22/10/2025 by Decree 278/2025/NĐ-CP, "
        "Art. 23(2), the repealing provision; the corresponding article is not identified; the "
        "repeal is reported by a secondary source)"
    )


def test_the_instrument_table_says_how_sure_each_status_is() -> None:
    """`reference instruments`: the repeal of NĐ 47/2020 rests on a secondary source, though the
    decree itself is sourced."""
    result = CliRunner().invoke(main, ["reference", "instruments", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(result.output))}
    assert rows["nd-47-2020"]["status_confidence"] == "secondary"
    assert rows["nd-47-2020"]["confidence"] == "sourced"
    assert rows["nd-47-2024"]["status_confidence"] == "sourced"
