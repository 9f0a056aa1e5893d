"""Write docs/reports.md from reports_doc_template.md with samples made by the reporters.

Run from the repository root: ``.venv/bin/python tests/report/make_reports_doc.py``. The samples
come from a small hand-built report (a subset of the reporter tests' fixture); swap
:func:`sample_report` for a check of the real examples to show those instead.
"""

import re
import sys
from pathlib import Path

import attrs
from report_fixtures import SVG, build_national_report

from vndgaf.diagnostics import Finding, Report
from vndgaf.report import render

DOC = Path(__file__).resolve().parents[2] / "docs" / "reports.md"
TEMPLATE = Path(__file__).resolve().parent / "reports_doc_template.md"


def _wanted(f: Finding) -> bool:
    if f.code == "RED001":
        return True
    if f.code == "IOP001":
        return f.location is not None and "ha-noi" in f.location.path
    return f.code == "GOV003" and f.suppressed


def sample_report() -> Report:
    """Three findings of the national fixture (one unlocated, one suppressed), a few metrics."""
    full = build_national_report()
    keys = ("elements.agencies", "services.fully_online_share", "investments.redundant_budget_vnd")
    return attrs.evolve(
        full,
        findings=tuple(f for f in full.findings if _wanted(f)),
        metrics={k: full.metrics[k] for k in keys},
    )


def one_finding(report: Report) -> Report:
    """The sample reduced to its first located finding and that finding's rule."""
    finding = next(f for f in report.findings if f.location)
    rules = tuple(r for r in report.rules if r.code == finding.code)
    return attrs.evolve(report, findings=(finding,), rules=rules, submitters=report.submitters[:1])


def fence(lang: str, text: str) -> str:
    """``text`` in a fenced block long enough not to be closed by backticks inside it."""
    ticks = "`" * max(3, max((len(m) for m in re.findall(r"`+", text)), default=0) + 1)
    return f"{ticks}{lang}\n{text.rstrip()}\n{ticks}"


def html_excerpt(html: str) -> str:
    """The filter controls and the first row of the findings table."""
    filters = re.search(r'<div class="filters".*?</div>', html, flags=re.DOTALL)
    row = re.search(r'<tr class="finding.*?</tr>', html, flags=re.DOTALL)
    assert filters and row
    return filters.group() + "\n…\n" + row.group()


def build() -> str:
    """The whole page."""
    report = sample_report()
    single = one_finding(report)
    html = render(report, "html", diagram_svg=SVG)
    samples = {
        "text_en": fence("text", render(report, "text")),
        "text_vi": fence("text", render(report, "text", lang="vi")),
        "json": fence("json", render(single, "json")),
        "sarif": fence("json", render(single, "sarif", tool_version="0.1.0")),
        "markdown": fence("markdown", render(report, "markdown")),
        "markdown_vi": fence("markdown", render(report, "markdown", lang="vi")),
        "html": fence("html", html_excerpt(html)),
    }
    page = TEMPLATE.read_text(encoding="utf-8")
    return re.sub(r"<!-- sample:(\w+) -->", lambda m: samples[m.group(1)], page)


if __name__ == "__main__":
    DOC.write_text(build(), encoding="utf-8")
    sys.stdout.write(f"wrote {DOC}\n")
