"""Sanitising user text and the bilingual labels and number formats."""

import json
import unicodedata

import pytest

from vndgaf.diagnostics import Finding, Report, Severity, Text
from vndgaf.engine import all_rule_infos
from vndgaf.report._facts import family_titles
from vndgaf.report.i18n import (
    LABELS,
    METRICS,
    format_metric,
    format_number,
    metric_label,
    metric_order,
    severity_label,
    summary_sentence,
)
from vndgaf.textsafe import json_text, printable


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b[31mred", "\\x1b[31mred"),
        ("a\nb\tc\rd", "a\\nb\\tc\\rd"),
        ("nul\x00del\x7fcsi\x9b", "nul\\x00del\\x7fcsi\\x9b"),
        ("rtl\u202eevil\u2066", "rtl\\u202eevil\\u2066"),
        ("line\u2028sep", "line\\u2028sep"),
        ("Sở Tư pháp Hà Nội — “đúng, đủ”", "Sở Tư pháp Hà Nội — “đúng, đủ”"),
    ],
)
def test_printable_escapes_controls_and_keeps_vietnamese(raw: str, shown: str) -> None:
    """Controls, C1, bidi and separators become visible escapes; Vietnamese text is untouched."""
    assert printable(raw) == shown


def test_json_text_escapes_what_json_dumps_leaves_raw() -> None:
    """DEL, C1 and bidi characters become \\u escapes and the decoded data is unchanged."""
    data = {"k": "a\x7fb\x9bc\u202ed\nđ"}
    hardened = json_text(data)
    assert "\x7f" not in hardened and "\x9b" not in hardened and "\u202e" not in hardened
    assert "\\u007f" in hardened and "\\u202e" in hardened and "đ" in hardened
    assert json.loads(hardened) == data


def test_every_label_has_both_languages_in_nfc() -> None:
    """Each label has non-empty English and Vietnamese forms, the Vietnamese one NFC-composed."""
    families = [i.family.title for i in all_rule_infos()]
    texts = [*LABELS.values(), *families, *(t for t, _ in METRICS.values())]
    for text in texts:
        assert text.en and text.vi
        assert unicodedata.normalize("NFC", text.vi) == text.vi
        assert "Ã" not in text.vi


def test_vietnamese_labels_carry_diacritics() -> None:
    """Key report words are spelled with their diacritics."""
    assert severity_label(Severity.ERROR, "vi", form="singular") == "lỗi"
    assert severity_label(Severity.WARNING, "vi", form="plural") == "cảnh báo"
    assert severity_label(Severity.NOTE, "vi", form="heading") == "Ghi chú"
    assert LABELS["summary"].vi == "Tóm tắt"
    assert LABELS["findings"].vi == "Phát hiện"
    assert LABELS["legal_basis"].vi == "Cơ sở pháp lý"
    assert LABELS["fix"].vi == "Cách khắc phục"
    assert LABELS["location"].vi == "Vị trí"
    assert LABELS["suppressed"].vi == "Đã chấp nhận (suppressed)"


@pytest.mark.parametrize(
    ("value", "lang", "decimals", "text"),
    [
        (0, "en", 0, "0"),
        (999, "en", 0, "999"),
        (1000, "en", 0, "1,000"),
        (12_500_000_000, "en", 0, "12,500,000,000"),
        (12_500_000_000, "vi", 0, "12.500.000.000"),
        (1234.5, "en", 1, "1,234.5"),
        (1234.5, "vi", 1, "1.234,5"),
        (-1234567, "en", 0, "-1,234,567"),
        (-0.01, "en", 1, "0.0"),
        (float("nan"), "en", 0, "n/a"),
        (float("inf"), "vi", 0, "không có số liệu"),
    ],
)
def test_format_number_groups_thousands_per_language(
    value: float, lang: str, decimals: int, text: str
) -> None:
    """Thousands and decimal separators follow the report language, not the machine locale."""
    assert format_number(value, lang, decimals=decimals) == text


@pytest.mark.parametrize(
    ("key", "value", "lang", "text"),
    [
        ("services.fully_online_share", 0.625, "en", "62.5%"),
        ("services.fully_online_share", 0.625, "vi", "62,5%"),
        ("databases.shared_share", 1.0, "en", "100.0%"),
        ("investments.redundant_budget_vnd", 1_250_000.0, "en", "1,250,000 VND"),
        ("investments.redundant_budget_vnd", 1_250_000.0, "vi", "1.250.000 đồng"),
        ("elements.communes", 3321.0, "en", "3,321"),
        ("other.thing_share", 0.5, "en", "50.0%"),
        ("other.cost_vnd", 5000.0, "vi", "5.000 đồng"),
        ("other.ratio_like", 2.5, "en", "2.50"),
    ],
)
def test_format_metric_by_kind(key: str, value: float, lang: str, text: str) -> None:
    """Shares are percentages, budgets VND, counts grouped; unknown keys are typed by suffix."""
    assert format_metric(key, value, lang) == text


def test_metric_labels_fall_back_to_the_key() -> None:
    """An unknown metric prints its key; known ones print their name."""
    assert metric_label("elements.agencies", "vi") == "Cơ quan"
    assert metric_label("made.up", "vi") == "made.up"


def test_family_titles_come_from_the_rules_of_the_report() -> None:
    """A family is titled as its rules declare it; a family no rule of the report declares (a
    finding from an older or foreign source) is titled by its code."""
    iop = next(i for i in all_rule_infos() if i.code == "IOP001")
    message = Text("m", "m")
    findings = (
        Finding(code="IOP001", name=iop.name, severity=Severity.ERROR, message=message),
        Finding(code="XYZ001", name="made-up", severity=Severity.NOTE, message=message),
    )
    titles = family_titles(Report(findings=findings, rules=(iop,)))
    assert titles["IOP"] == Text("Interoperability", "Kết nối, liên thông")
    assert titles["XYZ"] == Text("XYZ", "XYZ")


def test_metric_order_known_first_then_sorted() -> None:
    """Known metrics come in catalogue order, unknown ones after them sorted by key."""
    keys = ["z.last", "elements.flows", "a.first", "elements.agencies"]
    assert metric_order(keys) == ["elements.agencies", "elements.flows", "a.first", "z.last"]


def test_summary_sentence_singular_plural_and_vietnamese() -> None:
    """The summary uses singular for one, plural otherwise, and reads naturally in Vietnamese."""
    counts = {Severity.ERROR: 3, Severity.WARNING: 2, Severity.NOTE: 1}
    assert summary_sentence(counts, 1, 2, "en") == (
        "3 errors, 2 warnings, 1 note (1 suppressed) in 2 files"
    )
    one = {Severity.ERROR: 1, Severity.WARNING: 0, Severity.NOTE: 0}
    assert summary_sentence(one, 0, 1, "en") == "1 error, 0 warnings, 0 notes in 1 file"
    assert summary_sentence(counts, 1, 2, "vi") == (
        "3 lỗi, 2 cảnh báo, 1 ghi chú (1 đã chấp nhận) trong 2 tệp"
    )
