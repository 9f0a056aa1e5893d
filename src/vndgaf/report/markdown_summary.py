"""The Markdown summary, for a pull-request comment: it fits the comment whatever the scale.

A pull-request comment holds at most :data:`COMMENT_LIMIT` characters; a national check has
thousands of findings. The summary gives the counts per severity, per rule and per submitter, the
first findings (errors first), and where the full report is; when that is still too long, it
shows fewer findings, then fewer submitters, until it fits. Every user text goes through
:func:`~vndgaf.textsafe.markdown_text` like the full Markdown report, and long cells are cut.
"""

from collections import Counter

from vndgaf.diagnostics import Finding, Report
from vndgaf.report._facts import (
    SEVERITIES,
    basis_facts,
    by_submitter,
    file_count,
    rules_for,
    suppressed_count,
)
from vndgaf.report.i18n import label, severity_label, summary_sentence
from vndgaf.report.markdown import findings_table, table
from vndgaf.textsafe import markdown_text

__all__ = ["COMMENT_LIMIT", "SUMMARY_ROWS", "render_markdown_summary"]

#: The largest pull-request comment GitHub accepts, in characters.
COMMENT_LIMIT = 65_536
#: Findings listed by default (the first ones, errors first).
SUMMARY_ROWS = 50
#: Submitters listed at most (the ones with most errors first); the rest are counted.
_SUBMITTER_ROWS = 60
#: A cell holds at most this many characters of user text.
_CELL = 300
#: Inputs named in the header at most; beyond, they are counted.
_INPUTS = 10


def _cut(text: str) -> str:
    return text if len(text) <= _CELL else text[: _CELL - 1] + "…"


def _header(report: Report, lang: str, full_report: str | None) -> list[str]:
    counts = report.counts()
    out = [
        f"## {label('title', lang)}",
        "",
        f"**{summary_sentence(counts, suppressed_count(report), file_count(report), lang)}**",
    ]
    facts = []
    if report.as_of is not None:
        facts.append(f"{label('as_of', lang)}: {report.as_of.isoformat()}")
    facts += [f"{label(key, lang)}: {markdown_text(value)}" for key, value in basis_facts(report)]
    if report.inputs:
        shown = [_cut(markdown_text(i)) for i in report.inputs[:_INPUTS]]
        if len(report.inputs) > _INPUTS:
            shown.append(label("and_more", lang).format(n=len(report.inputs) - _INPUTS))
        facts.append(f"{label('inputs', lang)}: " + ", ".join(shown))
    if facts:
        out += ["", " · ".join(facts)]
    where = (
        label("full_report_at", lang).format(where=_cut(markdown_text(full_report)))
        if full_report
        else label("full_report_how", lang)
    )
    out += ["", where]
    rows = [[severity_label(s, lang), str(counts[s])] for s in SEVERITIES]
    rows.append([label("suppressed", lang), str(suppressed_count(report))])
    out += ["", f"### {label('summary', lang)}", ""]
    out += table([label("severity", lang), label("count", lang)], rows, "lr")
    return out


def _by_rule(report: Report, lang: str) -> list[str]:
    active: Counter[str] = Counter(f.code for f in report.findings if not f.suppressed)
    accepted: Counter[str] = Counter(f.code for f in report.findings if f.suppressed)
    rules = [r for r in rules_for(report) if active[r.code] or accepted[r.code]]
    if not rules:
        return []
    rules.sort(key=lambda r: (-r.severity.rank, -active[r.code], r.code))
    rows = [
        [
            f"{markdown_text(r.code)} {markdown_text(r.name)}",
            severity_label(r.severity, lang, form="singular"),
            str(active[r.code]),
            str(accepted[r.code]),
        ]
        for r in rules
    ]
    head = [label("rule", lang), label("severity", lang), label("count", lang)]
    head.append(label("suppressed", lang))
    return ["", f"### {label('by_rule', lang)}", "", *table(head, rows, "llrr")]


def _by_submitter(report: Report, lang: str, limit: int) -> list[str]:
    if len(report.submitters) <= 1:
        return []
    counted = sorted(
        by_submitter(report),
        key=lambda r: (*(-r.counts[s] for s in SEVERITIES), r.submitter),
    )
    head = [
        label("submitter", lang),
        *(severity_label(s, lang) for s in SEVERITIES),
        label("suppressed", lang),
    ]
    rows = [
        [
            _cut(markdown_text(r.submitter)) if r.submitter else label("unattributed", lang),
            *(str(r.counts[s]) for s in SEVERITIES),
            str(r.suppressed),
        ]
        for r in counted[:limit]
    ]
    out = ["", f"### {label('by_submitter', lang)}", "", *table(head, rows, "lrrrr")]
    if len(counted) > limit:
        out += ["", label("more_submitters", lang).format(n=len(counted) - limit)]
    return out


def _first(report: Report, lang: str, limit: int) -> list[str]:
    order = {s: i for i, s in enumerate(SEVERITIES)}
    active: list[Finding] = sorted(
        (f for f in report.findings if not f.suppressed), key=lambda f: order[f.severity]
    )
    if not active:
        return ["", label("no_findings", lang)]
    shown = active[:limit]
    heading = label("first_findings", lang).format(n=len(shown), total=len(active))
    out = ["", f"### {heading}", ""] if shown else []
    if shown:
        out += findings_table(shown, lang, cell=_cut)
    if len(active) > len(shown):
        out += ["", label("more_rows", lang).format(n=len(active) - len(shown))]
    return out


def render_markdown_summary(
    report: Report,
    *,
    lang: str = "en",
    rows: int = SUMMARY_ROWS,
    full_report: str | None = None,
    limit: int = COMMENT_LIMIT,
) -> str:
    """The summary of ``report`` in Markdown, at most ``limit`` characters (a pull-request
    comment's), ending with a newline.

    ``rows`` findings are listed at most (errors first), fewer when the summary would not fit;
    ``full_report`` says where the whole report is (a path or a link).
    """
    shown, submitters = max(0, rows), _SUBMITTER_ROWS
    while True:
        parts = _header(report, lang, full_report)
        parts += _by_rule(report, lang)
        parts += _by_submitter(report, lang, submitters)
        parts += _first(report, lang, shown)
        text = "\n".join(parts) + "\n"
        if len(text) <= limit:
            return text
        if shown:
            shown //= 2
        elif submitters:
            submitters //= 2
        else:
            return text[: limit - 2].rstrip("\n") + "\n"
