"""The terminal report: clickable lines, summary, metrics, suppression and harmless text."""

import re

import attrs
import pytest
from report_fixtures import HOSTILE, check_golden

from vndgaf.diagnostics import Finding, Location, Report, Severity, Text
from vndgaf.report import render
from vndgaf.report.text import render_text


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_text_matches_golden(national_report: Report, lang: str) -> None:
    """The text report of the two-province fixture is exactly the reviewed snapshot."""
    check_golden(f"national.{lang}.txt", render_text(national_report, lang=lang))


def test_text_lines_are_clickable_and_sorted(national_report: Report) -> None:
    """Each finding is one `path:line:col: CODE [severity] message` line in report order."""
    lines = render_text(national_report).splitlines()
    assert lines[1] == (
        "submissions/ha-noi/architecture.yaml:42:7: IOP001 [error] Flow "
        "'hn-ho-tich-to-bo-tu-phap' goes from Sở Tư pháp Hà Nội to Bộ Tư pháp without an "
        "integration platform"
    )
    assert lines[0].startswith("(no location): RED001 [warning] Hà Nội and Hồ Chí Minh")
    # A location with a file but no line shows only the path.
    assert lines[4].startswith("submissions/ho-chi-minh/kiến-trúc.yaml: GOV003 [note] ")
    codes = [re.search(r" ([A-Z]{3}\d{3}) \[", line).group(1) for line in lines[:6]]  # type: ignore[union-attr]
    assert codes == ["RED001", "IOP001", "DAT002", "GOV003", "GOV003", "IOP001"]


def test_text_summary_metrics_and_submitters(national_report: Report) -> None:
    """The summary counts unsuppressed findings; metrics are formatted; submitters listed."""
    text = render_text(national_report)
    assert "\n2 errors, 2 warnings, 1 note (1 suppressed) in 2 files\n" in text
    assert "  UBND Thành phố Hà Nội: 1 error, 1 warning, 0 notes (1 suppressed)\n" in text
    assert "  (across submissions): 0 errors, 1 warning, 0 notes\n" in text
    assert re.search(r"\n  Budget of investments flagged as redundant +12,500,000,000 VND\n", text)
    assert re.search(r"\n  Services fully online +62\.5%\n", text)
    assert re.search(r"\n  custom\.metric +3\.25\n", text)


def test_text_suppressed_marked_or_omitted(national_report: Report) -> None:
    """Suppressed findings are shown with their reason by default and omitted on request."""
    shown = render_text(national_report)
    assert (
        "120:5: GOV003 [note] System 'hn-mot-cua' has no owner [suppressed: Chủ quản đang được "
        "xác định sau sáp nhập (expires 2026-12-31)]"
    ) in shown
    hidden = render_text(national_report, show_suppressed=False)
    assert "hn-mot-cua" not in hidden
    assert "(1 suppressed) in 2 files" in hidden


def test_text_vietnamese_has_diacritics_and_no_mojibake(national_report: Report) -> None:
    """The Vietnamese report uses Vietnamese labels with correct diacritics."""
    text = render_text(national_report, lang="vi")
    assert "[cảnh báo]" not in text and "[lỗi]" not in text and "[ghi chú]" not in text
    assert "2 lỗi, 2 cảnh báo, 1 ghi chú (1 đã chấp nhận) trong 2 tệp" in text
    assert "[đã chấp nhận: Chủ quản đang được xác định sau sáp nhập (hết hạn 2026-12-31)]" in text
    assert (
        "Ngân sách các khoản đầu tư bị đánh dấu trùng lặp" in text and "12.500.000.000 đồng" in text
    )
    assert "(không có vị trí): RED001" in text
    assert "Ã" not in text and "Â»" not in text


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_severity_token_is_the_same_in_every_language(national_report: Report, lang: str) -> None:
    """Each finding line carries [error], [warning] or [note] whatever the language, so one
    problem-matcher pattern (path:line:col: CODE [severity] message) reads both."""
    line = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]+\d{3}) "
                      r"\[(?P<severity>error|warning|note)\] (?P<message>.+)$")  # fmt: skip
    text = render_text(national_report, lang=lang)
    matched = [m.group("severity") for m in map(line.match, text.splitlines()) if m]
    located = [f for f in national_report.findings if f.location and f.location.line > 0]
    assert len(matched) == len(located) > 0
    assert matched == [f.severity.value for f in located]


def test_text_hostile_text_cannot_control_the_terminal(hostile_report: Report) -> None:
    """ESC, newlines and other controls in user text are printed as visible escapes."""
    for color in (False, True):
        text = render_text(hostile_report, color=color)
        escapes = re.findall(r"\x1b\[[0-9;]*m", text)
        assert set(escapes) <= {"\x1b[0m", "\x1b[1m", "\x1b[2m", "\x1b[1;31m", "\x1b[33m"}
        assert "\x1b[31m" not in text
        assert 'msg x"<b>|`\\x1b[31m\\nnext' in text
    plain = render_text(hostile_report)
    # Two findings, a blank line, a summary, the legal basis: the newline inside messages did
    # not split lines.
    assert len([line for line in plain.splitlines() if "REF001 [" in line]) == 2
    assert '  REF001  law x"<b>|`\\x1b[31m\\nnext' in plain.splitlines()
    assert 'weird.x"<b>|`\\x1b[31m\\nnext  1' in plain
    assert "bad.nan" in plain and "n/a" in plain


def test_text_color_paints_severity(national_report: Report) -> None:
    """With color the severity tag and path are wrapped in ANSI styles; without, none appear."""
    coloured = render_text(national_report, color=True)
    assert "\x1b[1;31m[error]\x1b[0m" in coloured
    assert "\x1b[33m[warning]\x1b[0m" in coloured
    assert "\x1b" not in render_text(national_report)


def test_text_without_findings() -> None:
    """An empty report is only the summary line."""
    report = Report(findings=(), inputs=("a.yaml",))
    assert render_text(report) == "0 errors, 0 warnings, 0 notes in 1 file\n"


def test_text_is_deterministic(national_report: Report) -> None:
    """Rendering twice, or from an equal report, gives identical text."""
    again = attrs.evolve(national_report, metrics=dict(reversed(national_report.metrics.items())))
    assert render(national_report, "text") == render(again, "text")
    assert render_text(national_report, lang="vi") == render_text(national_report, lang="vi")


def test_hostile_constant_is_hostile() -> None:
    """The hostile fixture text contains every dangerous character class the tests rely on."""
    assert all(c in HOSTILE for c in ['"', "<b>", "|", "`", "\x1b[31m", "\n"])


def test_location_without_column_or_line() -> None:
    """A known line without column reads path:line; no line reads path; none, (no location)."""

    def line(loc: Location | None) -> str:
        f = Finding("GOV001", "n", Severity.NOTE, Text("m", "m"), location=loc)
        return render_text(Report(findings=(f,))).splitlines()[0]

    assert line(Location("a.yaml", 7, 0)) == "a.yaml:7: GOV001 [note] m"
    assert line(Location("a.yaml", 7, 3)) == "a.yaml:7:3: GOV001 [note] m"
    assert line(Location("a.yaml")) == "a.yaml: GOV001 [note] m"
    assert line(None) == "(no location): GOV001 [note] m"
