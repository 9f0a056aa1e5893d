"""The machine-readable report: versioned JSON with findings, metrics, rules and a summary.

``"version": 1`` names this layout; a change that breaks readers bumps it. Texts are given in the
requested language; numbers are raw (shares as fractions, budgets in VND); metrics that are not
finite numbers become ``null`` so the output is always valid JSON. Keys are sorted and the output
is byte-identical for the same report.
"""

import math
from typing import Any

from vndgaf.diagnostics import Finding, Report, RuleInfo
from vndgaf.report._facts import (
    SEVERITIES,
    by_submitter,
    file_count,
    fingerprint,
    rules_for,
    suppressed_count,
)
from vndgaf.textsafe import json_text

__all__ = ["FORMAT_VERSION", "render_json"]

FORMAT_VERSION = 1


def _number(value: float) -> int | float | None:
    if not math.isfinite(value):
        return None
    return int(value) if float(value).is_integer() else value


def _finding(f: Finding, lang: str) -> dict[str, Any]:
    loc = f.location
    suppression = f.suppressed_by
    return {
        "code": f.code,
        "name": f.name,
        "severity": f.severity.value,
        "family": f.family,
        "message": f.message.get(lang),
        "location": None
        if loc is None
        else {"path": loc.path, "line": loc.line, "column": loc.column, "pointer": loc.pointer},
        "subject": f.subject,
        "related": list(f.related),
        "legal_basis": f.legal_basis.get(lang),
        "fix": f.fix.get(lang) if f.fix else None,
        "suppressed": f.suppressed,
        "suppression": None
        if suppression is None
        else {
            "rule": suppression.rule,
            "reason": suppression.reason,
            "expires": suppression.expires.isoformat() if suppression.expires else None,
            "owner": suppression.owner,
        },
        "submitter": f.submitter,
        "fingerprint": fingerprint(f),
    }


def _rule(r: RuleInfo, lang: str) -> dict[str, Any]:
    return {
        "code": r.code,
        "name": r.name,
        "severity": r.severity.value,
        "title": r.title.get(lang),
        "legal_basis": r.legal_basis.get(lang),
        "instruments": list(r.instruments),
        "sourced": r.sourced,
        "fix": r.fix.get(lang) if r.fix else None,
    }


def _summary(report: Report) -> dict[str, Any]:
    counts = report.counts()
    worst = report.worst()
    out: dict[str, Any] = {s.value: counts[s] for s in SEVERITIES}
    out |= {
        "suppressed": suppressed_count(report),
        "total": len(report.findings),
        "files": file_count(report),
        "worst": worst.value if worst else None,
    }
    if report.submitters:
        out["by_submitter"] = [
            {
                "submitter": row.submitter,
                **{s.value: row.counts[s] for s in SEVERITIES},
                "suppressed": row.suppressed,
            }
            for row in by_submitter(report)
        ]
    return out


def render_json(report: Report, *, lang: str = "en") -> str:
    """The report as indented JSON (sorted keys, readable UTF-8), ending with a newline."""
    doc = {
        "version": FORMAT_VERSION,
        "lang": lang,
        "findings": [_finding(f, lang) for f in report.findings],
        "metrics": {k: _number(v) for k, v in report.metrics.items()},
        "rules": [_rule(r, lang) for r in rules_for(report)],
        "inputs": list(report.inputs),
        "as_of": report.as_of.isoformat() if report.as_of else None,
        "reference": list(report.reference),
        "frameworks": list(report.frameworks),
        "catalogue": {
            "version": report.catalogue or None,
            "date": report.catalogue_date.isoformat() if report.catalogue_date else None,
        },
        "submitters": list(report.submitters),
        "summary": _summary(report),
    }
    return json_text(doc)
