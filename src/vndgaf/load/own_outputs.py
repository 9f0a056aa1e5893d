"""vndgaf's own outputs are never loaded as submissions.

``vndgaf check arch/ --format json -o arch/report.json`` puts a JSON report into the directory
the next run reads; so do a SARIF log, a ``diff`` in JSON, ``synth``'s list of defects and
``schema --write``. Such a file is recognised by what it holds — the top-level keys of its
documented format, and no ``format_version`` (which every submission has) — and is not loaded:
a note (SCH009) says so, so nothing disappears silently.
"""

from typing import Any

from vndgaf.diagnostics import Finding, Location, Severity, Text
from vndgaf.load.checks import finding, input_check
from vndgaf.schema import SCHEMA_ID

__all__ = ["CHECKS", "OWN_OUTPUT", "own_output", "skipped"]

OWN_OUTPUT = input_check(
    "SCH009",
    "vndgaf-output-not-loaded",
    Severity.NOTE,
    Text(
        "A file written by vndgaf (a report, a diff) is not loaded as a submission",
        "Tệp do vndgaf tạo ra (báo cáo, so sánh) không được nạp như hồ sơ",
    ),
    Text(
        "Write reports outside the submission directory, or leave this note: the file is "
        "ignored either way.",
        "Ghi báo cáo ra ngoài thư mục hồ sơ, hoặc bỏ qua ghi chú này: tệp luôn bị bỏ qua.",
    ),
    "Reports written into the directory being checked would otherwise be read back as broken "
    "submissions on the next run. vndgaf recognises its JSON report, SARIF log, JSON diff, "
    "list of synthetic defects and submission schema by their top-level keys.",
)
CHECKS = (OWN_OUTPUT,)

# (what it is, keys a document of that kind always has at the top)
_KINDS: tuple[tuple[tuple[str, str], frozenset[str]], ...] = (
    (
        ("a vndgaf JSON report", "báo cáo JSON của vndgaf"),
        frozenset({"version", "findings", "summary", "inputs", "rules"}),
    ),
    (
        ("a vndgaf JSON diff", "bản so sánh JSON của vndgaf"),
        frozenset({"version", "changed", "elements", "findings", "old", "new"}),
    ),
    (
        ("a list of synthetic defects (vndgaf synth)", "danh sách lỗi tổng hợp (vndgaf synth)"),
        frozenset({"scale", "seed", "as_of", "defects"}),
    ),
)


def _sarif_by_vndgaf(data: dict[str, Any]) -> bool:
    runs = data.get("runs")
    if not isinstance(runs, list) or "sarif" not in str(data.get("$schema", "")).lower():
        return False
    for run in runs:
        driver = run.get("tool", {}).get("driver", {}) if isinstance(run, dict) else {}
        if isinstance(driver, dict) and driver.get("name") == "vndgaf":
            return True
    return False


def own_output(data: Any) -> tuple[str, str] | None:
    """What vndgaf output ``data`` (a parsed document) is, in English and Vietnamese, or None
    when it is not one (every submission is None: it has ``format_version``)."""
    if not isinstance(data, dict) or "format_version" in data:
        return None
    if _sarif_by_vndgaf(data):
        return "a SARIF log written by vndgaf", "nhật ký SARIF do vndgaf tạo"
    if data.get("$id") == SCHEMA_ID:
        return "the vndgaf submission schema", "lược đồ hồ sơ của vndgaf"
    keys = data.keys()
    for kind, required in _KINDS:
        if required <= keys:
            return kind
    return None


def skipped(path: str, kind: tuple[str, str]) -> Finding:
    """The note saying that ``path``, a vndgaf output of ``kind``, was not loaded."""
    return finding(
        OWN_OUTPUT,
        Text(
            f"This file is {kind[0]}, not a submission; it is not loaded.",
            f"Tệp này là {kind[1]}, không phải hồ sơ; không được nạp.",
        ),
        Location(path),
    )
