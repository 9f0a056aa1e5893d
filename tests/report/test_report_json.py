"""The versioned JSON report."""

import json

import pytest
from report_fixtures import HOSTILE, check_golden

from vndgaf.diagnostics import Report
from vndgaf.report import render
from vndgaf.report._facts import fingerprint
from vndgaf.report.json_ import render_json


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_json_matches_golden(national_report: Report, lang: str) -> None:
    """The JSON report of the two-province fixture is exactly the reviewed snapshot."""
    check_golden(f"national.{lang}.json", render_json(national_report, lang=lang))


def test_json_layout_and_values(national_report: Report) -> None:
    """Top-level keys, version, summary and the fields of one finding carry the report's values."""
    text = render_json(national_report)
    assert text.endswith("}\n")
    doc = json.loads(text)
    assert sorted(doc) == [
        "as_of", "catalogue", "findings", "frameworks", "inputs", "lang", "metrics",
        "reference", "rules", "submitters", "summary", "version",
    ]  # fmt: skip
    assert doc["reference"] == []
    assert doc["version"] == 1
    assert doc["as_of"] == "2026-01-15"
    assert doc["summary"] | {"by_submitter": None} == {
        "error": 2, "warning": 2, "note": 1, "suppressed": 1, "total": 6, "files": 2,
        "worst": "error", "by_submitter": None,
    }  # fmt: skip
    assert doc["summary"]["by_submitter"][2] == {
        "submitter": "", "error": 0, "warning": 1, "note": 0, "suppressed": 0,
    }  # fmt: skip
    first_iop = doc["findings"][1]
    assert first_iop["code"] == "IOP001" and first_iop["family"] == "IOP"
    assert first_iop["location"] == {
        "path": "submissions/ha-noi/architecture.yaml", "line": 42, "column": 7,
        "pointer": "/flows/3",
    }  # fmt: skip
    assert first_iop["related"] == ["vn:agency/bo-tu-phap", "vn:platform/ndxp"]
    assert first_iop["legal_basis"] == "Decree 194/2025/NĐ-CP, Art. 20"
    assert first_iop["fix"] == "Route the flow through the provincial LGSP and the NDXP."
    assert first_iop["suppressed"] is False and first_iop["suppression"] is None
    assert first_iop["fingerprint"] == fingerprint(national_report.findings[1])
    assert doc["findings"][0]["location"] is None
    assert doc["metrics"]["elements.agencies"] == 48
    assert doc["metrics"]["services.fully_online_share"] == 0.625
    assert doc["rules"][0]["code"] == "DAT002"


def test_json_suppression_details(national_report: Report) -> None:
    """A suppressed finding carries its rule, reason, expiry and owner."""
    doc = json.loads(render_json(national_report, lang="vi"))
    accepted = [f for f in doc["findings"] if f["suppressed"]]
    assert [f["subject"] for f in accepted] == ["hn-mot-cua"]
    assert accepted[0]["suppression"] == {
        "rule": "GOV003",
        "reason": "Chủ quản đang được xác định sau sáp nhập",
        "expires": "2026-12-31",
        "owner": "Sở Khoa học và Công nghệ Hà Nội",
    }
    assert accepted[0]["message"] == "Hệ thống 'hn-mot-cua' chưa có chủ quản"


def test_json_vietnamese_is_readable_utf8(national_report: Report) -> None:
    """Vietnamese text is written as UTF-8 characters, not \\u escapes, and without mojibake."""
    text = render_json(national_report, lang="vi")
    assert "cảnh báo" not in text  # labels are not part of JSON; messages are
    assert "Luồng 'hn-ho-tich-to-bo-tu-phap' từ Sở Tư pháp Hà Nội" in text
    assert "\\u1ed9" not in text and "Ã" not in text


def test_json_hostile_text_roundtrips_and_stays_inert(hostile_report: Report) -> None:
    """Hostile strings decode to exactly themselves; the raw output has no control characters."""
    text = render_json(hostile_report)
    assert "\x1b" not in text
    assert "\\u001b[31m" in text
    doc = json.loads(text)
    assert doc["findings"][0]["message"] == f"msg {HOSTILE}"
    assert doc["findings"][0]["location"]["path"] == f"dir/{HOSTILE}.yaml"
    assert doc["metrics"]["bad.nan"] is None
    assert doc["metrics"][f"weird.{HOSTILE}"] == 1


def test_json_is_deterministic(national_report: Report) -> None:
    """Rendering twice gives identical bytes; render() dispatches to the same function."""
    assert render_json(national_report) == render_json(national_report)
    assert render(national_report, "json", lang="vi") == render_json(national_report, lang="vi")
