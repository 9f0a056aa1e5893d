"""The Markdown summary for pull requests: under a comment's size at any scale."""

import pytest
from markdown_it import MarkdownIt
from report_fixtures import build_national_report, build_scaled_report

from vndgaf.report.markdown_summary import COMMENT_LIMIT, render_markdown_summary


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_national_summary_fits_a_pull_request_comment(lang: str) -> None:
    """55 submitters with 16,500 findings: the summary is under 65,536 characters, counts every
    rule and submitter, lists the first findings errors first and says how many are left."""
    report = build_scaled_report(per_submitter=50)
    assert len(report.findings) == 55 * 50 * 6
    text = render_markdown_summary(report, lang=lang)
    assert len(text) <= COMMENT_LIMIT
    html = MarkdownIt("commonmark").enable("table").render(text)
    for rule in ("IOP001", "DAT002", "GOV003", "RED001"):
        assert rule in html
    assert html.count("UBND tỉnh số ") >= 55  # every submitter has its row
    active = sum(1 for f in report.findings if not f.suppressed)
    errors = report.counts()[next(iter(report.counts()))]
    assert str(errors) in text
    more = "more not shown here" if lang == "en" else "phát hiện khác không hiển thị"
    assert more in text and str(active) in text


def test_the_summary_shows_fewer_findings_to_fit_a_small_limit() -> None:
    """With a limit of 8,000 characters the summary still fits, listing fewer findings."""
    report = build_scaled_report(per_submitter=5, submitters=3)
    full = render_markdown_summary(report)
    small = render_markdown_summary(report, limit=8_000)
    assert len(small) <= 8_000 < len(full)
    assert small.count("\n| ") < full.count("\n| ")


def test_the_summary_says_where_the_full_report_is() -> None:
    report = build_national_report()
    assert "report.html" in render_markdown_summary(report, full_report="out/report.html")
    assert "--format html" in render_markdown_summary(report)
