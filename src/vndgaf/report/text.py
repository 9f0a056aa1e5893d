"""The terminal report: one clickable line per finding, a summary line, the legal basis of each
rule with findings (as of the check's date) and the metrics.

Each finding reads ``path:line:col: CODE [severity] message`` so editors and CI logs link it to
the file; the severity token is ``error``, ``warning`` or ``note`` in every language, so that
problem matchers and scripts need one pattern. Suppressed findings are shown by default, marked
``[suppressed: reason]``, because a suppression is a reviewed decision the reader should still
see (``show_suppressed=False`` leaves them out; the summary still counts them). User text goes
through :func:`printable`, so escape sequences in a submission cannot recolour or rewrite the
terminal, even with ``color=True``.
"""

from vndgaf.diagnostics import Finding, Report, Severity
from vndgaf.report._facts import by_submitter, file_count, location_text, suppressed_count
from vndgaf.report.i18n import (
    counts_phrase,
    format_metric,
    label,
    metric_label,
    metric_order,
    summary_sentence,
)
from vndgaf.textsafe import printable

__all__ = ["render_text"]

_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
_DIM = "\x1b[2m"
_COLOURS = {Severity.ERROR: "\x1b[1;31m", Severity.WARNING: "\x1b[33m", Severity.NOTE: "\x1b[36m"}


def _paint(text: str, style: str, color: bool) -> str:
    return f"{style}{text}{_RESET}" if color else text


def _line(f: Finding, lang: str, color: bool) -> str:
    where = printable(location_text(f.location)) if f.location else label("no_location", lang)
    # The severity token is the same in every language: problem matchers and scripts match it.
    line = (
        f"{_paint(where, _BOLD, color)}: {_paint(f.code, _BOLD, color)} "
        f"{_paint(f'[{f.severity.value}]', _COLOURS[f.severity], color)} "
        f"{printable(f.message.get(lang))}"
    )
    if f.suppressed_by is not None:
        s = f.suppressed_by
        note = f"{label('suppressed_tag', lang)}: {printable(s.reason)}"
        if s.expires is not None:
            note += f" ({label('expires', lang).lower()} {s.expires.isoformat()})"
        line += " " + _paint(f"[{note}]", _DIM, color)
    return line


def _legal_basis(report: Report, lang: str, show_suppressed: bool) -> list[str]:
    """One line per rule with findings shown: its legal basis as of the check's date."""
    bases = {
        f.code: f.legal_basis.get(lang)
        for f in report.findings
        if (show_suppressed or not f.suppressed) and f.legal_basis.get(lang)
    }
    if not bases:
        return []
    head = label("legal_basis", lang)
    if report.as_of is not None:
        head += f" ({label('as_of', lang).lower()} {report.as_of.isoformat()})"
    return ["", f"{head}:", *(f"  {code}  {printable(bases[code])}" for code in sorted(bases))]


def render_text(
    report: Report, *, lang: str = "en", color: bool = False, show_suppressed: bool = True
) -> str:
    """The report as terminal text, ending with a newline; ANSI colours only when ``color``."""
    lines = [_line(f, lang, color) for f in report.findings if show_suppressed or not f.suppressed]
    if lines:
        lines.append("")
    summary = summary_sentence(report.counts(), suppressed_count(report), file_count(report), lang)
    worst = report.worst()
    lines.append(_paint(summary, _COLOURS[worst], color) if worst else summary)

    lines += _legal_basis(report, lang, show_suppressed)

    if report.reference:
        lines += ["", f"{label('reference', lang)}:"]
        lines += [f"  {printable(r)}" for r in report.reference]

    if len(report.submitters) > 1:
        lines += ["", f"{label('by_submitter', lang)}:"]
        for row in by_submitter(report):
            name = printable(row.submitter) if row.submitter else label("unattributed", lang)
            lines.append(f"  {name}: {counts_phrase(row.counts, row.suppressed, lang)}")

    if report.metrics:
        keys = metric_order(report.metrics)
        names = [printable(metric_label(k, lang)) for k in keys]
        width = max(len(n) for n in names)
        lines += ["", f"{label('metrics', lang)}:"]
        for key, name in zip(keys, names, strict=True):
            lines.append(f"  {name.ljust(width)}  {format_metric(key, report.metrics[key], lang)}")
    return "\n".join(lines) + "\n"
