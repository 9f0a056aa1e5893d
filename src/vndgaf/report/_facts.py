"""Facts about a report that several formats show: counts, files, submitters, fingerprints.

Computed once here so that the text, JSON, SARIF, Markdown and HTML reports always agree.
"""

import json

import attrs

from vndgaf.diagnostics import Family, Finding, Location, Report, RuleInfo, Severity, Text
from vndgaf.textsafe import digest

__all__ = [
    "SEVERITIES",
    "SubmitterCounts",
    "basis_facts",
    "by_submitter",
    "families",
    "family_titles",
    "file_count",
    "fingerprint",
    "location_text",
    "rules_for",
    "suppressed_count",
]

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.NOTE)


def basis_facts(report: Report) -> list[tuple[str, str]]:
    """What the check measured against, as (label key, value) pairs for a report's header: the
    framework versions declared and the catalogue's version and date.

    >>> import datetime as dt
    >>> basis_facts(Report((), frameworks=("4.0",), catalogue="2026.12",
    ...                    catalogue_date=dt.date(2026, 9, 20)))
    [('framework', '4.0'), ('catalogue', '2026.12 (2026-09-20)')]
    """
    facts = []
    if report.frameworks:
        facts.append(("framework", ", ".join(report.frameworks)))
    if report.catalogue:
        dated = f" ({report.catalogue_date.isoformat()})" if report.catalogue_date else ""
        facts.append(("catalogue", report.catalogue + dated))
    return facts


def fingerprint(finding: Finding) -> str:
    """SHA-256 (hex) of the finding's identity (code, subject, related), joined unambiguously.

    The identity is serialised as a compact JSON array, so no choice of separator inside an id
    can make two different identities collide.
    """
    code, subject, related = finding.identity
    blob = json.dumps([code, subject, list(related)], ensure_ascii=False, separators=(",", ":"))
    return digest(blob)


def location_text(loc: Location) -> str:
    """``path:line:col``, ``path:line`` when the column is unknown, ``path`` without a line."""
    if loc.line <= 0:
        return loc.path
    if loc.column <= 0:
        return f"{loc.path}:{loc.line}"
    return f"{loc.path}:{loc.line}:{loc.column}"


def suppressed_count(report: Report) -> int:
    """How many findings are accepted by a suppression."""
    return sum(1 for f in report.findings if f.suppressed)


def file_count(report: Report) -> int:
    """The number of inputs checked; the distinct finding files when the inputs are not known."""
    if report.inputs:
        return len(set(report.inputs))
    return len({f.location.path for f in report.findings if f.location and f.location.path})


def families(report: Report) -> list[str]:
    """The rule families of the findings, sorted."""
    return sorted({f.family for f in report.findings})


@attrs.frozen
class SubmitterCounts:
    """Unsuppressed findings per severity, and suppressed ones, for one submitter."""

    submitter: str
    counts: dict[Severity, int]
    suppressed: int

    @property
    def total(self) -> int:
        """All unsuppressed findings."""
        return sum(self.counts.values())


def by_submitter(report: Report) -> list[SubmitterCounts]:
    """One row per submitter in ``report.submitters`` order, then one for unattributed findings.

    Findings of no listed submitter (for example cross-submission findings) are gathered under the
    empty name, shown only when there are any.
    """
    names = list(dict.fromkeys(report.submitters))
    rows = {name: (dict.fromkeys(SEVERITIES, 0), [0]) for name in [*names, ""]}
    for f in report.findings:
        counts, suppressed = rows[f.submitter if f.submitter in rows else ""]
        if f.suppressed:
            suppressed[0] += 1
        else:
            counts[f.severity] += 1
    out = [SubmitterCounts(n, rows[n][0], rows[n][1][0]) for n in names if n]
    rest = rows[""]
    if sum(rest[0].values()) or rest[1][0]:
        out.append(SubmitterCounts("", rest[0], rest[1][0]))
    return out


def rules_for(report: Report) -> list[RuleInfo]:
    """The report's rules sorted by code, plus a minimal entry for any finding code not among them.

    Loader findings (schema, references) may come without rule documentation; every finding must
    still point at a rule in SARIF.
    """
    known = {r.code: r for r in report.rules}
    for f in report.findings:
        if f.code not in known:
            known[f.code] = _minimal_rule(f)
    return [known[code] for code in sorted(known)]


def family_titles(report: Report) -> dict[str, Text]:
    """Family code -> its title, as the report's rules declare it (a family no rule of the
    report declares is titled by its code)."""
    return {r.family.code: r.family.title for r in rules_for(report)}


def _minimal_rule(f: Finding) -> RuleInfo:
    return RuleInfo(
        code=f.code,
        name=f.name,
        severity=f.severity,
        title=Text(f.name, f.name),
        legal_basis=f.legal_basis,
        sourced=False,
        family=Family(f.family, Text(f.family, f.family)),
        fix=f.fix,
    )
