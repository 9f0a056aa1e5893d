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
from collections.abc import Sequence

from vndgaf.diagnostics import Finding, Report, RuleInfo
from vndgaf.report._facts import (
    SEVERITIES,
    basis_facts,
    by_submitter,
    families,
    family_titles,
    file_count,
    location_text,
    rules_for,
    suppressed_count,
)
from vndgaf.report.html_diagrams import LinkedView, inline_svg, views_section, zoomable
from vndgaf.report.i18n import (
    format_metric,
    label,
    metric_label,
    metric_order,
    severity_label,
    summary_sentence,
)
from vndgaf.textsafe import html_text as _e

__all__ = ["PAGE_ROWS", "SCRIPT", "LinkedView", "inline_svg", "render_html"]

#: Findings rows shown before "Show all" (the filters and the search count every row).
PAGE_ROWS = 500

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
figure.diagram.actual { cursor: zoom-out; max-height: 90vh; }
figure.diagram.actual svg { max-width: none; }
.hint { color: #555; font-size: .85rem; margin: .25rem 0; }
.nojs .hint { display: none; }
td.where { min-width: 10rem; } td.rule { min-width: 8rem; }
footer { margin-top: 2rem; color: #555; font-size: .85rem; }
nav ul { display: flex; flex-wrap: wrap; gap: 1rem; list-style: none; padding: 0; margin: .5rem 0; }
td { overflow-wrap: break-word; }
.search { display: block; margin: .5rem 0; }
.search input { font: inherit; padding: .3rem .5rem; width: min(32rem, 100%); }
th button { font: inherit; font-weight: 600; border: 0; background: none; padding: 0;
  cursor: pointer; color: inherit; text-align: left; }
th[aria-sort="ascending"] button::after { content: " ▲"; }
th[aria-sort="descending"] button::after { content: " ▼"; }
.nojs .search, .nojs #show-all { display: none; }
figure.diagram svg { max-width: 100%; max-height: 85vh; width: auto; height: auto; }
button.zoom { font: inherit; margin: .25rem 0; }
.notice { border: 1px solid var(--warn); border-left-width: 4px; padding: .5rem .75rem;
  background: #fff8e6; }
a:focus, button:focus, input:focus, figure:focus { outline: 2px solid var(--note);
  outline-offset: 2px; }
details.view { border: 1px solid var(--line); border-radius: 6px; margin: .4rem 0;
  padding: .3rem .6rem; }
details.view > summary { cursor: pointer; font-weight: 600; }
details.view[open] { padding-bottom: .6rem; }
details.view:target, details.view[open] > summary { background: #eef4fb; }
@media print {
  @page { size: A4; margin: 12mm; }
  body { font-size: 8.5pt; max-width: none; padding: 0; }
  .filters, .search, .shown, .hint, button.zoom, #show-all, nav { display: none; }
  section#diagram { break-before: page; break-after: page; }
  section#views { display: none; }
  figure.diagram { border: 0; overflow: visible; }
  figure.diagram svg { max-width: 100%; max-height: 250mm; }
  h2 { break-after: avoid; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  th { white-space: normal; }
  td.where, td.rule { min-width: 0; }
  th, td { padding: .2rem .25rem; }
  .badge { color: #000; background: none; border: 1px solid #000; padding: 0 .1rem; }
  details > summary { list-style: none; }
}
"""

SCRIPT = r"""
(function () {
  "use strict";
  document.body.classList.remove("nojs");
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-filter]"));
  var search = document.getElementById("search");
  var body = document.querySelector("#findings-table tbody");
  var rows = body ? Array.prototype.slice.call(body.querySelectorAll("tr.finding")) : [];
  var shown = document.getElementById("shown-count");
  var more = document.getElementById("show-all");
  var page = more ? Number(more.dataset.page) : Infinity;
  var all = false;
  function apply() {
    var on = {severity: Object.create(null), family: Object.create(null),
              suppressed: Object.create(null)};
    boxes.forEach(function (b) { if (b.checked) { on[b.dataset.filter][b.value] = true; } });
    var words = search ? search.value.toLowerCase().split(/\s+/).filter(Boolean) : [];
    var n = 0;
    rows.forEach(function (r) {
      var ok = on.severity[r.dataset.severity] === true && on.family[r.dataset.family] === true &&
        (r.dataset.suppressed !== "true" || on.suppressed["true"] === true);
      if (ok && words.length) {
        var text = r.textContent.toLowerCase();
        ok = words.every(function (w) { return text.indexOf(w) !== -1; });
      }
      if (ok) { n += 1; }
      r.hidden = !ok || (!all && n > page);
    });
    if (shown) { shown.textContent = String(n); }
    if (more) { more.hidden = all || n <= page; }
  }
  // A link may preset the filters: #severity=error,warning&family=IOP&suppressed=&q=text
  var preset = new URLSearchParams(window.location.hash.replace(/^#/, ""));
  boxes.forEach(function (b) {
    var wanted = preset.get(b.dataset.filter);
    if (wanted !== null) { b.checked = wanted.split(",").indexOf(b.value) !== -1; }
    b.addEventListener("change", apply);
  });
  if (search) {
    if (preset.get("q") !== null) { search.value = preset.get("q"); }
    search.addEventListener("input", apply);
  }
  if (more) { more.addEventListener("click", function () { all = true; apply(); }); }
  // Sorting: each column header is a button; a second press reverses the order.
  Array.prototype.slice.call(document.querySelectorAll("#findings-table th button"))
    .forEach(function (button, column) {
      button.addEventListener("click", function () {
        var th = button.parentNode;
        var up = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.slice.call(th.parentNode.children).forEach(function (other) {
          other.removeAttribute("aria-sort");
        });
        th.setAttribute("aria-sort", up ? "ascending" : "descending");
        var key = function (r) {
          var cell = r.children[column];
          return (cell.dataset.key || cell.textContent).toLowerCase();
        };
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          var c = x < y ? -1 : (x > y ? 1 : Number(a.dataset.index) - Number(b.dataset.index));
          return up ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
        apply();
      });
    });
  apply();
  // Drill-down: a link to a view (a box of a diagram, the contents, the address bar) opens it.
  function reveal() {
    var id = window.location.hash.replace(/^#/, "");
    var view = id && /^view-[A-Za-z0-9_-]+$/.test(id) ? document.getElementById(id) : null;
    if (view && view.tagName === "DETAILS") {
      view.open = true;
      view.scrollIntoView();
    }
  }
  window.addEventListener("hashchange", reveal);
  reveal();
  Array.prototype.slice.call(document.querySelectorAll("button.zoom")).forEach(function (b) {
    var figure = document.getElementById(b.getAttribute("aria-controls"));
    b.addEventListener("click", function () {
      var actual = figure.classList.toggle("actual");
      b.setAttribute("aria-pressed", actual ? "true" : "false");
    });
  });
})();
"""

_SCRIPT_HASH = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")
_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    f"script-src 'sha256-{_SCRIPT_HASH}'"
)

#: Submitters and inputs named in the header; beyond, they are counted.
_NAMED = 5
#: Navigation: section id -> its label.
_SECTION = {
    "summary": "summary",
    "submitters": "by_submitter",
    "diagram": "diagram",
    "findings": "findings",
    "views": "views",
}


#: The ``:line:column`` at the end of a location.
_LINE_COLUMN = re.compile(r":(\d+(?::\d+)?)$")


def _where(f: Finding, lang: str) -> str:
    """The location, with a line-break opportunity after each ``/`` of its path and before its
    line and column: a long path wraps between folders, never inside a word."""
    if f.location is None:
        return f'<span class="nolocation">{_e(label("no_location", lang))}</span>'
    pointer = f.location.pointer
    title = f' title="{_e(pointer)}"' if pointer else ""
    where = _LINE_COLUMN.sub(r":<wbr>\1", _e(location_text(f.location)).replace("/", "/<wbr>"))
    return f"<code{title}>{where}</code>"


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


def _breakable(text: str) -> str:
    """Escaped ``text`` with a line-break opportunity after each ``_``, ``::`` and ``/``: an enum
    value (``identity_authentication``), a qualified id (``ubnd-x::lgsp-x``) or a catalogue id
    (``vn:db/business-registration``) wraps there, as a hyphenated word does, instead of
    widening its column past the window or the page."""
    return _e(text).replace("_", "_<wbr>").replace("::", "::<wbr>").replace("/", "/<wbr>")


def _row(f: Finding, lang: str, index: int, submitters: bool) -> str:
    sev = f.severity.value
    classes = f"finding {sev}" + (" suppressed" if f.suppressed else "")
    subject = _breakable(f.subject)
    if f.related:
        subject += " → " + ", ".join(_breakable(r) for r in f.related)
    cells = [
        f'<td data-key="{SEVERITIES.index(f.severity)}"><span class="badge {sev}">'
        f"{_e(severity_label(f.severity, lang, form='singular'))}</span></td>",
        f'<td class="rule"><code>{_e(f.code)}</code><br><span class="name">{_e(f.name)}</span>'
        "</td>",
        f'<td class="where">{_where(f, lang)}</td>',
        f'<td class="message">{_breakable(f.message.get(lang))}</td>',
        f"<td>{subject}</td>",
        f'<td class="legal">{_breakable(f.legal_basis.get(lang))}</td>',
        f'<td class="fix">{_breakable(f.fix.get(lang)) if f.fix else ""}</td>',
        f"<td>{_status(f, lang)}</td>",
    ]
    if submitters:
        cells.append(f'<td class="submitter">{_breakable(f.submitter)}</td>')
    return (
        f'<tr class="{classes}" data-severity="{_e(sev)}" data-family="{_e(f.family)}" '
        f'data-suppressed="{"true" if f.suppressed else "false"}" data-index="{index}">'
        + "".join(cells)
        + "</tr>"
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
        f'<label class="search">{_e(label("search", lang))} '
        f'<input type="search" id="search" aria-controls="findings-table"></label>',
        f'<p class="shown" role="status">{_e(label("showing", lang))} <span id="shown-count">'
        f"{len(report.findings)}</span> {_e(label('of', lang))} {len(report.findings)}</p>",
    ]


def _findings(report: Report, lang: str) -> list[str]:
    out = [f'<section id="findings"><h2>{_e(label("findings", lang))}</h2>']
    if not report.findings:
        return [*out, f"<p>{_e(label('no_findings', lang))}</p>", "</section>"]
    submitters = len(report.submitters) > 1
    heads = ["severity", "rule", "location", "message", "subject", "legal_basis", "fix", "status"]
    if submitters:
        heads.append("submitter")
    out += _filters(report, lang)
    out.append('<table id="findings-table"><thead><tr>')
    out.append("".join(f'<th scope="col"><button type="button">{_e(label(h, lang))}</button></th>'
                       for h in heads))  # fmt: skip
    out.append("</tr></thead><tbody>")
    out += [_row(f, lang, i, submitters) for i, f in enumerate(report.findings)]
    out.append("</tbody></table>")
    if len(report.findings) > PAGE_ROWS:
        out.append(
            f'<p><button type="button" id="show-all" data-page="{PAGE_ROWS}">'
            f"{_e(label('show_all', lang).format(n=len(report.findings)))}</button></p>"
        )
    out.append("</section>")
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
        f"<td>{_e(r.legal_basis.get(lang))}</td><td>{_e(sourced)}</td></tr>"
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


def render_html(
    report: Report,
    *,
    lang: str = "en",
    diagram_svg: str | None = None,
    diagram_alt: str = "",
    diagram_error: str | None = None,
    views: Sequence[LinkedView] = (),
    tool_version: str | None = None,
) -> str:
    """The report as one self-contained HTML5 document, ending with a newline.

    ``diagram_svg`` is the overview diagram from vndgaf's own renderer; it is inlined as is
    (after removing its XML declaration and DOCTYPE), so it must not come from users.
    ``diagram_alt`` describes it for screen readers; ``diagram_error`` says why there is no
    diagram (shown as a notice). ``views`` are the views its boxes link to (drill-down), each
    folded under its title in a section of their own and opened by a link to its anchor; the
    same rule as for the overview holds for their SVG. ``tool_version`` is the vndgaf version
    in the header.
    """
    doc_lang = "vi" if lang == "vi" else "en"
    title = _e(label("title", lang))
    facts = []
    if report.as_of is not None:
        facts.append(f"{_e(label('as_of', lang))}: {report.as_of.isoformat()}")
    facts += [f"{_e(label(key, lang))}: {_e(value)}" for key, value in basis_facts(report)]
    if report.submitters:
        names = list(dict.fromkeys(report.submitters))
        shown = ", ".join(_e(n) for n in names[:_NAMED])
        if len(names) > _NAMED:
            shown += " " + _e(label("and_more", lang).format(n=len(names) - _NAMED))
        facts.append(f"{_e(label('submitter', lang))} ({len(names)}): {shown}")
    if report.inputs:
        facts.append(
            f"{_e(label('inputs', lang))}: "
            + ", ".join(f"<code>{_e(i)}</code>" for i in report.inputs[:_NAMED])
            + (
                " " + _e(label("and_more", lang).format(n=len(report.inputs) - _NAMED))
                if len(report.inputs) > _NAMED
                else ""
            )
        )
    if tool_version:
        facts.append(f"vndgaf {_e(tool_version)}")
    if report.reference:
        facts.append(
            f"{_e(label('reference', lang))}: "
            + ", ".join(f"<code>{_e(r)}</code>" for r in report.reference)
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
    sections = ["summary"]
    if diagram_svg or diagram_error:
        sections.append("diagram")
    if len(report.submitters) > 1:
        sections.append("submitters")
    sections.append("findings")
    if diagram_svg and views:
        sections.append("views")
    out.append(
        f'<nav aria-label="{_e(label("contents", lang))}"><ul>'
        + "".join(f'<li><a href="#{s}">{_e(label(_SECTION[s], lang))}</a></li>' for s in sections)
        + "</ul></nav>"
    )
    out.append("</header>")
    out.append("<main>")
    out += _summary(report, lang)
    if diagram_svg:
        alt = _e(diagram_alt or label("diagram", lang))
        hint = _e(label("diagram_hint", lang))
        if views:
            hint += " " + _e(label("drill_hint", lang))
        out += [
            f'<section id="diagram"><h2>{_e(label("diagram", lang))}</h2>',
            f'<p class="hint">{hint}</p>',
            *zoomable("diagram-figure", diagram_svg, alt, lang),
            "</section>",
        ]
    elif diagram_error:
        out += [
            f'<section id="diagram"><h2>{_e(label("diagram", lang))}</h2>',
            f'<p class="notice" role="status">{_e(label("no_diagram", lang))} '
            f"{_e(diagram_error)}</p>",
            "</section>",
        ]
    out += _submitters(report, lang)
    out += _metrics(report, lang)
    out += _findings(report, lang)
    if diagram_svg:
        out += views_section(views, lang)
    out += _rules(report, lang)
    out.append("</main>")
    out += [
        f"<footer>{_e(label('generated_by', lang))}</footer>",
        f"<script>{SCRIPT}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"
