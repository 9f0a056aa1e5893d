"""The HTML report: one self-contained file a reviewer can open offline, file and forward.

Inline CSS and one small inline script, no external resources: summary counts, metrics, the
overview diagram as inline SVG when given, and a findings table that can be filtered by severity,
rule family and suppression. A Content-Security-Policy allows only that script (by its hash) and
no network access, so nothing in a submission or a diagram can run code or fetch anything. Every
user text goes through :func:`~vndgaf.textsafe.html_text` (printable, then HTML-escaped). Without
JavaScript the whole table shows.
A link can preset the filters in its fragment, e.g. ``report.html#severity=error&family=IOP``
(``suppressed=`` hides suppressed findings).
"""

import base64
import hashlib
import re

from vndgaf.diagnostics import Finding, Report, RuleInfo
from vndgaf.report._facts import (
    SEVERITIES,
    by_submitter,
    families,
    family_titles,
    file_count,
    location_text,
    rules_for,
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
from vndgaf.textsafe import html_text as _e

__all__ = ["SCRIPT", "inline_svg", "render_html"]

_CSS = """
:root { color-scheme: light; --err: #b3261e; --warn: #8a5a00; --note: #0b5cad; --line: #d0d4da; }
* { box-sizing: border-box; }
body { font: 15px/1.45 "DejaVu Sans", "Segoe UI", Arial, sans-serif; margin: 0 auto;
  max-width: 1400px; padding: 1.5rem; color: #1b1f24; background: #fff; }
h1 { margin: 0 0 .25rem; font-size: 1.6rem; }
h2 { margin: 2rem 0 .6rem; font-size: 1.2rem; border-bottom: 1px solid var(--line); }
.lead { font-size: 1.1rem; font-weight: 600; margin: .25rem 0; }
.facts { color: #555; margin: 0; }
.cards { display: flex; flex-wrap: wrap; gap: .75rem; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: .5rem 1rem; min-width: 8rem; }
.card b { display: block; font-size: 1.6rem; }
.card.error b { color: var(--err); } .card.warning b { color: var(--warn); }
.card.note b { color: var(--note); }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left;
  vertical-align: top; }
td { overflow-wrap: anywhere; }
th { background: #f3f5f7; white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.compact { width: auto; min-width: 24rem; }
.badge { display: inline-block; border-radius: 4px; padding: 0 .4rem; color: #fff;
  font-size: .85rem; white-space: nowrap; }
.badge.error { background: var(--err); } .badge.warning { background: var(--warn); }
.badge.note { background: var(--note); }
tr.suppressed td { background: #f6f6f6; color: #6b6f75; }
tr.suppressed td.message { text-decoration: line-through; }
.status.accepted { font-style: italic; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: .9em; }
.filters { display: flex; flex-wrap: wrap; gap: 1rem; margin: .5rem 0; }
.filters fieldset { border: 1px solid var(--line); border-radius: 6px; }
.filters label { margin-right: .75rem; white-space: nowrap; }
.nojs .filters, .nojs .shown { display: none; }
figure.diagram { margin: 0; overflow: auto; border: 1px solid var(--line); padding: .5rem;
  cursor: zoom-in; }
figure.diagram svg { max-width: 100%; height: auto; }
figure.diagram.actual { cursor: zoom-out; max-height: 90vh; }
figure.diagram.actual svg { max-width: none; }
.hint { color: #555; font-size: .85rem; margin: .25rem 0; }
.nojs .hint { display: none; }
td.where { min-width: 12rem; } td.rule { min-width: 10rem; }
footer { margin-top: 2rem; color: #777; font-size: .85rem; }
"""

SCRIPT = """
(function () {
  "use strict";
  document.body.classList.remove("nojs");
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-filter]"));
  var rows = Array.prototype.slice.call(
    document.querySelectorAll("#findings-table tbody tr.finding"));
  var shown = document.getElementById("shown-count");
  function apply() {
    var on = {severity: Object.create(null), family: Object.create(null),
              suppressed: Object.create(null)};
    boxes.forEach(function (b) { if (b.checked) { on[b.dataset.filter][b.value] = true; } });
    var n = 0;
    rows.forEach(function (r) {
      var ok = on.severity[r.dataset.severity] === true && on.family[r.dataset.family] === true &&
        (r.dataset.suppressed !== "true" || on.suppressed["true"] === true);
      r.hidden = !ok;
      if (ok) { n += 1; }
    });
    if (shown) { shown.textContent = String(n); }
  }
  // A link may preset the filters: #severity=error,warning&family=IOP&suppressed=
  var preset = new URLSearchParams(window.location.hash.replace(/^#/, ""));
  boxes.forEach(function (b) {
    var wanted = preset.get(b.dataset.filter);
    if (wanted !== null) { b.checked = wanted.split(",").indexOf(b.value) !== -1; }
    b.addEventListener("change", apply);
  });
  apply();
  var figure = document.querySelector("figure.diagram");
  if (figure) {
    figure.addEventListener("click", function () { figure.classList.toggle("actual"); });
  }
})();
"""

_SCRIPT_HASH = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")
_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    f"script-src 'sha256-{_SCRIPT_HASH}'"
)

_XML_DECL = re.compile(r"<\?xml[^>]*\?>\s*", re.IGNORECASE)
_DOCTYPE = re.compile(r"<!DOCTYPE[^>\[]*(?:\[[^\]]*\])?\s*>\s*", re.IGNORECASE)


def inline_svg(svg: str) -> str:
    """SVG markup ready to sit inside HTML: XML declaration and DOCTYPE removed."""
    return _DOCTYPE.sub("", _XML_DECL.sub("", svg)).strip()


def _where(f: Finding, lang: str) -> str:
    if f.location is None:
        return f'<span class="nolocation">{_e(label("no_location", lang))}</span>'
    pointer = f.location.pointer
    title = f' title="{_e(pointer)}"' if pointer else ""
    return f"<code{title}>{_e(location_text(f.location))}</code>"


def _status(f: Finding, lang: str) -> str:
    s = f.suppressed_by
    if s is None:
        return f'<span class="status open">{_e(label("open", lang))}</span>'
    parts = [
        f"<b>{_e(label('suppressed', lang))}</b>",
        f"{_e(label('reason', lang))}: {_e(s.reason)}",
    ]
    if s.expires is not None:
        parts.append(f"{_e(label('expires', lang))}: {s.expires.isoformat()}")
    if s.owner:
        parts.append(f"{_e(label('owner', lang))}: {_e(s.owner)}")
    return '<span class="status accepted">' + "<br>".join(parts) + "</span>"


def _row(f: Finding, lang: str) -> str:
    sev = f.severity.value
    classes = f"finding {sev}" + (" suppressed" if f.suppressed else "")
    subject = _e(f.subject)
    if f.related:
        subject += " → " + ", ".join(_e(r) for r in f.related)
    cells = [
        f'<td><span class="badge {sev}">{_e(severity_label(f.severity, lang, form="singular"))}'
        "</span></td>",
        f'<td class="rule"><code>{_e(f.code)}</code><br><span class="name">{_e(f.name)}</span>'
        "</td>",
        f'<td class="where">{_where(f, lang)}</td>',
        f'<td class="message">{_e(f.message.get(lang))}</td>',
        f"<td>{subject}</td>",
        f'<td class="legal">{_e(f.legal_basis)}</td>',
        f'<td class="fix">{_e(f.fix.get(lang)) if f.fix else ""}</td>',
        f"<td>{_status(f, lang)}</td>",
    ]
    return (
        f'<tr class="{classes}" data-severity="{_e(sev)}" data-family="{_e(f.family)}" '
        f'data-suppressed="{"true" if f.suppressed else "false"}">' + "".join(cells) + "</tr>"
    )


def _checkbox(kind: str, value: str, text: str) -> str:
    return (
        f'<label><input type="checkbox" data-filter="{kind}" value="{_e(value)}" checked> '
        f"{text}</label>"
    )


def _filters(report: Report, lang: str) -> list[str]:
    per_severity = {s: sum(1 for f in report.findings if f.severity is s) for s in SEVERITIES}
    per_family = {c: sum(1 for f in report.findings if f.family == c) for c in families(report)}
    sev = [
        _checkbox("severity", s.value, f"{_e(severity_label(s, lang))} ({n})")
        for s, n in per_severity.items()
    ]
    titles = family_titles(report)
    fam = [
        _checkbox("family", code, f"<code>{_e(code)}</code> {_e(titles[code].get(lang))} ({n})")
        for code, n in per_family.items()
    ]
    return [
        '<div class="filters" id="filters">',
        f"<fieldset><legend>{_e(label('severity', lang))}</legend>{''.join(sev)}</fieldset>",
        f"<fieldset><legend>{_e(label('family', lang))}</legend>{''.join(fam)}</fieldset>",
        f"<fieldset><legend>{_e(label('status', lang))}</legend>"
        + _checkbox("suppressed", "true", _e(label("show_suppressed", lang)))
        + "</fieldset>",
        "</div>",
        f'<p class="shown">{_e(label("showing", lang))} <span id="shown-count">'
        f"{len(report.findings)}</span> {_e(label('of', lang))} {len(report.findings)}</p>",
    ]


def _findings(report: Report, lang: str) -> list[str]:
    out = [f'<section id="findings"><h2>{_e(label("findings", lang))}</h2>']
    if not report.findings:
        return [*out, f"<p>{_e(label('no_findings', lang))}</p>", "</section>"]
    heads = ("severity", "rule", "location", "message", "subject", "legal_basis", "fix", "status")
    out += _filters(report, lang)
    out.append('<table id="findings-table"><thead><tr>')
    out.append("".join(f"<th>{_e(label(h, lang))}</th>" for h in heads))
    out.append("</tr></thead><tbody>")
    out += [_row(f, lang) for f in report.findings]
    out += ["</tbody></table>", "</section>"]
    return out


def _summary(report: Report, lang: str) -> list[str]:
    counts = report.counts()
    cards = [
        f'<div class="card {s.value}"><b>{counts[s]}</b>{_e(severity_label(s, lang))}</div>'
        for s in SEVERITIES
    ]
    cards.append(
        f'<div class="card suppressed"><b>{suppressed_count(report)}</b>'
        f"{_e(label('suppressed', lang))}</div>"
    )
    return [
        f'<section id="summary"><h2>{_e(label("summary", lang))}</h2>',
        f'<div class="cards">{"".join(cards)}</div>',
        "</section>",
    ]


def _submitters(report: Report, lang: str) -> list[str]:
    if len(report.submitters) <= 1:
        return []
    head = [
        label("submitter", lang),
        *(severity_label(s, lang) for s in SEVERITIES),
        label("suppressed", lang),
    ]
    rows = []
    for r in by_submitter(report):
        name = _e(r.submitter) if r.submitter else f"<i>{_e(label('unattributed', lang))}</i>"
        nums = "".join(f'<td class="num">{r.counts[s]}</td>' for s in SEVERITIES)
        rows.append(f'<tr><td>{name}</td>{nums}<td class="num">{r.suppressed}</td></tr>')
    return [
        f'<section id="submitters"><h2>{_e(label("by_submitter", lang))}</h2>',
        '<table class="compact"><thead><tr>'
        + "".join(f"<th>{_e(h)}</th>" for h in head)
        + "</tr></thead><tbody>",
        *rows,
        "</tbody></table></section>",
    ]


def _metrics(report: Report, lang: str) -> list[str]:
    if not report.metrics:
        return []
    rows = [
        f'<tr><td title="{_e(k)}">{_e(metric_label(k, lang))}</td>'
        f'<td class="num">{_e(format_metric(k, report.metrics[k], lang))}</td></tr>'
        for k in metric_order(report.metrics)
    ]
    return [
        f'<section id="metrics"><h2>{_e(label("metrics", lang))}</h2>',
        f'<table class="compact"><thead><tr><th>{_e(label("metric", lang))}</th>'
        f"<th>{_e(label('value', lang))}</th></tr></thead><tbody>",
        *rows,
        "</tbody></table></section>",
    ]


def _rule_row(r: RuleInfo, lang: str) -> str:
    sourced = label("yes" if r.sourced else "no", lang)
    return (
        f"<tr><td><code>{_e(r.code)}</code></td><td>{_e(r.name)}</td>"
        f"<td>{_e(r.title.get(lang))}</td>"
        f'<td><span class="badge {r.severity.value}">'
        f"{_e(severity_label(r.severity, lang, form='singular'))}</span></td>"
        f"<td>{_e(r.legal_basis)}</td><td>{_e(sourced)}</td></tr>"
    )


def _rules(report: Report, lang: str) -> list[str]:
    rules = rules_for(report)
    if not rules:
        return []
    heads = ("code", "rule", "rule_title", "default_level", "legal_basis", "sourced")
    return [
        '<section id="rules">',
        f"<details><summary>{_e(label('rules', lang))} ({len(rules)})</summary>",
        "<table><thead><tr>"
        + "".join(f"<th>{_e(label(h, lang))}</th>" for h in heads)
        + "</tr></thead><tbody>",
        *(_rule_row(r, lang) for r in rules),
        "</tbody></table></details></section>",
    ]


def render_html(report: Report, *, lang: str = "en", diagram_svg: str | None = None) -> str:
    """The report as one self-contained HTML5 document, ending with a newline.

    ``diagram_svg`` is the overview diagram from vndgaf's own renderer; it is inlined as is
    (after removing its XML declaration and DOCTYPE), so it must not come from users.
    """
    doc_lang = "vi" if lang == "vi" else "en"
    title = _e(label("title", lang))
    facts = []
    if report.as_of is not None:
        facts.append(f"{_e(label('as_of', lang))}: {report.as_of.isoformat()}")
    if report.inputs:
        facts.append(
            f"{_e(label('inputs', lang))}: "
            + ", ".join(f"<code>{_e(i)}</code>" for i in report.inputs)
        )
    summary = summary_sentence(report.counts(), suppressed_count(report), file_count(report), lang)
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{doc_lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="generator" content="vndgaf">',
        f"<title>{title}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        '<body class="nojs">',
        f"<header><h1>{title}</h1>",
        f'<p class="lead" id="summary-line">{_e(summary)}</p>',
    ]
    if facts:
        out.append(f'<p class="facts">{" · ".join(facts)}</p>')
    out.append("</header>")
    out += _summary(report, lang)
    out += _submitters(report, lang)
    out += _metrics(report, lang)
    if diagram_svg:
        out += [
            f'<section id="diagram"><h2>{_e(label("diagram", lang))}</h2>',
            f'<p class="hint">{_e(label("diagram_hint", lang))}</p>',
            f'<figure class="diagram">{inline_svg(diagram_svg)}</figure>',
            "</section>",
        ]
    out += _findings(report, lang)
    out += _rules(report, lang)
    out += [
        f"<footer>{_e(label('generated_by', lang))}</footer>",
        f"<script>{SCRIPT}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"
