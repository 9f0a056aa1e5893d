"""The Markdown report, for pull-request comments and documents.

A summary table, the metrics, and the findings grouped by severity (suppressed ones last, with
their reason), one table row each. User text is escaped so that nothing in a submission can
break a table, open a code span, inject HTML, format text, link or mention anyone: every user
text goes through :func:`~vndgaf.textsafe.markdown_text`.
"""

from collections.abc import Callable, Iterable

from vndgaf.diagnostics import Finding, Report
from vndgaf.report._facts import (
    SEVERITIES,
    basis_facts,
    by_submitter,
    file_count,
    location_text,
    suppressed_count,
)
from vndgaf.report.i18n import (
    format_metric,
    label,
    metric_label,
    metric_order,
    severity_label,
    summary_sentence,
)
from vndgaf.textsafe import markdown_text

__all__ = ["findings_table", "render_markdown", "table"]


def table(head: Iterable[str], rows: Iterable[Iterable[str]], align: str = "") -> list[str]:
    head = list(head)
    marks = ["---:" if a == "r" else "---" for a in (align or "l" * len(head))]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join(marks) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _where(f: Finding, lang: str) -> str:
    return (
        markdown_text(location_text(f.location))
        if f.location
        else markdown_text(label("no_location", lang))
    )


def _rule_cell(f: Finding) -> str:
    return f"{markdown_text(f.code)} {markdown_text(f.name)}".strip()


def _subject_cell(f: Finding) -> str:
    out = markdown_text(f.subject)
    if f.related:
        out += " → " + ", ".join(markdown_text(r) for r in f.related)
    return out


def findings_table(
    findings: list[Finding], lang: str, cell: Callable[[str], str] = str
) -> list[str]:
    """One row per finding; ``cell`` shapes each cell's text (the summary cuts long ones)."""
    head = [
        label(k, lang) for k in ("location", "rule", "message", "subject", "legal_basis", "fix")
    ]
    rows = [
        [
            cell(_where(f, lang)),
            cell(_rule_cell(f)),
            cell(markdown_text(f.message.get(lang))),
            cell(_subject_cell(f)),
            cell(markdown_text(f.legal_basis.get(lang))),
            cell(markdown_text(f.fix.get(lang))) if f.fix else "",
        ]
        for f in findings
    ]
    return table(head, rows)


def _suppressed_table(findings: list[Finding], lang: str) -> list[str]:
    head = [
        label(k, lang)
        for k in ("location", "rule", "message", "subject", "reason", "expires", "owner")
    ]
    rows = []
    for f in findings:
        s = f.suppressed_by
        assert s is not None  # only suppressed findings are passed here
        rows.append(
            [
                _where(f, lang),
                _rule_cell(f),
                markdown_text(f.message.get(lang)),
                _subject_cell(f),
                markdown_text(s.reason),
                s.expires.isoformat() if s.expires else "",
                markdown_text(s.owner or ""),
            ]
        )
    return table(head, rows)


def _limited(table: list[str], shown: int, total: int, lang: str) -> list[str]:
    if shown >= total:
        return table
    return [*table, "", label("more_rows", lang).format(n=total - shown)]


def render_markdown(report: Report, *, lang: str = "en", max_rows: int | None = None) -> str:
    """The report as GitHub-flavoured Markdown, ending with a newline.

    ``max_rows`` caps the rows of each findings table (a pull-request comment has a size limit);
    the rest are counted in a line below the table.
    """
    cap = len(report.findings) if max_rows is None else max(0, max_rows)
    counts = report.counts()
    suppressed = suppressed_count(report)
    out = [
        f"## {label('title', lang)}",
        "",
        f"**{summary_sentence(counts, suppressed, file_count(report), lang)}**",
    ]
    facts = []
    if report.as_of is not None:
        facts.append(f"{label('as_of', lang)}: {report.as_of.isoformat()}")
    facts += [f"{label(key, lang)}: {markdown_text(value)}" for key, value in basis_facts(report)]
    if report.inputs:
        facts.append(
            f"{label('inputs', lang)}: " + ", ".join(markdown_text(i) for i in report.inputs)
        )
    if report.reference:
        facts.append(
            f"{label('reference', lang)}: " + ", ".join(markdown_text(r) for r in report.reference)
        )
    if facts:
        out += ["", " · ".join(facts)]

    out += ["", f"### {label('summary', lang)}", ""]
    rows = [[severity_label(s, lang), str(counts[s])] for s in SEVERITIES]
    rows.append([label("suppressed", lang), str(suppressed)])
    out += table([label("severity", lang), label("count", lang)], rows, "lr")

    if len(report.submitters) > 1:
        out += ["", f"### {label('by_submitter', lang)}", ""]
        head = [
            label("submitter", lang),
            *(severity_label(s, lang) for s in SEVERITIES),
            label("suppressed", lang),
        ]
        rows = [
            [
                markdown_text(r.submitter) if r.submitter else label("unattributed", lang),
                *(str(r.counts[s]) for s in SEVERITIES),
                str(r.suppressed),
            ]
            for r in by_submitter(report)
        ]
        out += table(head, rows, "lrrrr")

    if report.metrics:
        out += ["", f"### {label('metrics', lang)}", ""]
        rows = [
            [markdown_text(metric_label(k, lang)), format_metric(k, report.metrics[k], lang)]
            for k in metric_order(report.metrics)
        ]
        out += table([label("metric", lang), label("value", lang)], rows, "lr")

    active = report.active()
    if not report.findings:
        out += ["", label("no_findings", lang)]
    for severity in SEVERITIES:
        group = [f for f in active if f.severity is severity]
        if group:
            out += ["", f"### {severity_label(severity, lang)} ({len(group)})", ""]
            out += _limited(findings_table(group[:cap], lang), cap, len(group), lang)
    accepted = [f for f in report.findings if f.suppressed]
    if accepted:
        out += ["", f"### {label('suppressed', lang)} ({len(accepted)})", ""]
        out += _limited(_suppressed_table(accepted[:cap], lang), cap, len(accepted), lang)
    return "\n".join(out) + "\n"
