"""Every label the reporters print, in English and Vietnamese, and how numbers are written.

Findings carry their own messages in both languages and rule families their own titles; this
module holds the rest: headings, column names, severity names, metric names and the summary
sentence. Number formatting depends only on
the report language, never on the machine's locale, so the same report is byte-identical
everywhere: English ``1,250,000 VND`` and ``62.5%``, Vietnamese ``1.250.000 đồng`` and ``62,5%``.
"""

import math
from collections.abc import Mapping

from vndgaf.diagnostics import Severity, Text

__all__ = [
    "LABELS",
    "METRICS",
    "counts_phrase",
    "format_metric",
    "format_number",
    "label",
    "metric_label",
    "metric_order",
    "severity_label",
    "summary_sentence",
]

LABELS: Mapping[str, Text] = {
    "title": Text("vndgaf report", "Báo cáo vndgaf"),
    "summary": Text("Summary", "Tóm tắt"),
    "findings": Text("Findings", "Phát hiện"),
    "metrics": Text("Metrics", "Chỉ số"),
    "metric": Text("Metric", "Chỉ số"),
    "value": Text("Value", "Giá trị"),
    "severity": Text("Severity", "Mức độ"),
    "count": Text("Count", "Số lượng"),
    "total": Text("Total", "Tổng"),
    "code": Text("Code", "Mã"),
    "rule": Text("Rule", "Quy tắc"),
    "rules": Text("Rules", "Quy tắc"),
    "rule_title": Text("Title", "Tên quy tắc"),
    "default_level": Text("Default severity", "Mức độ mặc định"),
    "sourced": Text("Sourced", "Có nguồn pháp lý"),
    "yes": Text("yes", "có"),
    "no": Text("no", "không"),
    "family": Text("Family", "Nhóm quy tắc"),
    "message": Text("Message", "Nội dung"),
    "location": Text("Location", "Vị trí"),
    "no_location": Text("(no location)", "(không có vị trí)"),
    "subject": Text("Element", "Thành phần"),
    "related": Text("Related", "Liên quan"),
    "legal_basis": Text("Legal basis", "Cơ sở pháp lý"),
    "fix": Text("Fix", "Cách khắc phục"),
    "status": Text("Status", "Trạng thái"),
    "open": Text("open", "cần xử lý"),
    "suppressed": Text("Suppressed", "Đã chấp nhận (suppressed)"),
    "suppressed_tag": Text("suppressed", "đã chấp nhận"),
    "reason": Text("Reason", "Lý do"),
    "expires": Text("Expires", "Hết hạn"),
    "owner": Text("Owner", "Người chịu trách nhiệm"),
    "submitter": Text("Submitter", "Đơn vị nộp"),
    "by_submitter": Text("By submitter", "Theo đơn vị nộp"),
    "inputs": Text("Inputs", "Tệp đầu vào"),
    "as_of": Text("As of", "Tính đến ngày"),
    "reference": Text("Catalogue overlays", "Tệp bổ sung danh mục"),
    "framework": Text("Framework", "Khung kiến trúc"),
    "catalogue": Text("Catalogue", "Danh mục tham chiếu"),
    "filter": Text("Filter", "Lọc"),
    "show_suppressed": Text("Show suppressed findings", "Hiện các phát hiện đã chấp nhận"),
    "showing": Text("Showing", "Đang hiển thị"),
    "of": Text("of", "trên"),
    "diagram": Text("Overview diagram", "Sơ đồ tổng quan"),
    "diagram_hint": Text(
        "The diagram fits the window; the button shows it at its actual size. Point at a box for "
        "its name, kind and id.",
        "Sơ đồ vừa khung cửa sổ; nút bên dưới hiện sơ đồ theo kích thước thật. Trỏ vào một ô để "
        "xem tên, loại và mã.",
    ),
    "zoom": Text("Actual size", "Kích thước thật"),
    "drill_hint": Text(
        "Click a box (or tab to it and press Enter) to open its own view below.",
        "Bấm vào một ô (hoặc chuyển tới ô bằng Tab rồi nhấn Enter) để mở sơ đồ chi tiết của ô đó "
        "ở bên dưới.",
    ),
    "views": Text("Drill-down views", "Sơ đồ chi tiết"),
    "views_hint": Text(
        "The views the overview links to, each with its own links; open one here or from the "
        "overview.",
        "Các sơ đồ mà sơ đồ tổng quan liên kết tới, mỗi sơ đồ có liên kết riêng; mở tại đây hoặc "
        "từ sơ đồ tổng quan.",
    ),
    "back_to_overview": Text("Back to the overview", "Quay lại sơ đồ tổng quan"),
    "no_view": Text("This view could not be drawn:", "Không vẽ được sơ đồ này:"),
    "no_diagram": Text("The diagram could not be drawn:", "Không vẽ được sơ đồ:"),
    "search": Text("Search", "Tìm kiếm"),
    "show_all": Text("Show all {n} findings", "Hiện tất cả {n} phát hiện"),
    "contents": Text("Contents", "Mục lục"),
    "no_findings": Text("No findings.", "Không có phát hiện nào."),
    "unattributed": Text("(across submissions)", "(liên quan nhiều đơn vị)"),
    "more_rows": Text(
        "… and {n} more not shown here (see the full report).",
        "… và {n} phát hiện khác không hiển thị ở đây (xem báo cáo đầy đủ).",
    ),
    "not_available": Text("n/a", "không có số liệu"),
    "by_rule": Text("By rule", "Theo quy tắc"),
    "and_more": Text("and {n} more", "và {n} mục khác"),
    "more_submitters": Text(
        "… and {n} more submitters (see the full report).",
        "… và {n} đơn vị nộp khác (xem báo cáo đầy đủ).",
    ),
    "first_findings": Text(
        "The first {n} of {total} findings", "{n} phát hiện đầu tiên trên tổng số {total}"
    ),
    "full_report_at": Text("Full report: {where}", "Báo cáo đầy đủ: {where}"),
    "full_report_how": Text(
        "Full report: `vndgaf check --format html -o report.html` (the same inputs).",
        "Báo cáo đầy đủ: `vndgaf check --format html -o report.html` (cùng các tệp đầu vào).",
    ),
    "generated_by": Text("Generated by vndgaf", "Được tạo bởi vndgaf"),
}

_SEVERITY: Mapping[Severity, tuple[Text, Text, Text]] = {
    # (heading form, singular, plural)
    Severity.ERROR: (Text("Errors", "Lỗi"), Text("error", "lỗi"), Text("errors", "lỗi")),
    Severity.WARNING: (
        Text("Warnings", "Cảnh báo"),
        Text("warning", "cảnh báo"),
        Text("warnings", "cảnh báo"),
    ),
    Severity.NOTE: (Text("Notes", "Ghi chú"), Text("note", "ghi chú"), Text("notes", "ghi chú")),
}

# key -> (label, kind); kind is "count", "share" (a fraction shown as a percentage) or "vnd".
METRICS: Mapping[str, tuple[Text, str]] = {
    "elements.agencies": (Text("Agencies", "Cơ quan"), "count"),
    "elements.systems": (Text("Information systems", "Hệ thống thông tin"), "count"),
    "elements.platforms": (Text("Platforms", "Nền tảng"), "count"),
    "elements.databases": (Text("Databases", "Cơ sở dữ liệu"), "count"),
    "elements.entities": (Text("Data entities", "Thực thể dữ liệu"), "count"),
    "elements.flows": (Text("Data flows", "Luồng dữ liệu"), "count"),
    "elements.services": (Text("Public services", "Dịch vụ công"), "count"),
    "elements.investments": (Text("Investments", "Khoản đầu tư"), "count"),
    "elements.communes": (
        Text("Commune-level units covered", "Đơn vị hành chính cấp xã có trong hồ sơ"),
        "count",
    ),
    "agencies.central": (Text("Central agencies", "Cơ quan trung ương"), "count"),
    "agencies.provincial": (Text("Provincial-level agencies", "Cơ quan cấp tỉnh"), "count"),
    "agencies.commune": (Text("Commune-level agencies", "Cơ quan cấp xã"), "count"),
    "services.fully_online_share": (
        Text("Services fully online", "Tỷ lệ dịch vụ công trực tuyến toàn trình"),
        "share",
    ),
    "inputs.once_only_coverage": (
        Text(
            "Service inputs taken from shared data (once-only)",
            "Tỷ lệ thành phần hồ sơ khai thác từ dữ liệu dùng chung (chỉ cung cấp một lần)",
        ),
        "share",
    ),
    "databases.shared_share": (
        Text(
            "Databases shared with at least one consumer",
            "Tỷ lệ cơ sở dữ liệu được chia sẻ (có luồng dữ liệu đi ra)",
        ),
        "share",
    ),
    "investments.redundant_budget_vnd": (
        Text(
            "Budget of investments flagged as redundant",
            "Ngân sách các khoản đầu tư bị đánh dấu trùng lặp",
        ),
        "vnd",
    ),
    "agencies.unreachable_from_ndxp": (
        Text(
            "Agencies with no system connected to the NDXP",
            "Cơ quan chưa có hệ thống kết nối tới NDXP",
        ),
        "count",
    ),
    "communes.unreachable_from_ndxp": (
        Text(
            "Commune-level units with no agency connected to the NDXP",
            "Đơn vị cấp xã chưa có cơ quan kết nối tới NDXP",
        ),
        "count",
    ),
}


def label(key: str, lang: str) -> str:
    """The label ``key`` in ``lang``; an unknown key is a programming error (KeyError)."""
    return LABELS[key].get(lang)


def severity_label(severity: Severity, lang: str, *, form: str = "heading") -> str:
    """``severity`` as a heading (``Errors``), ``singular`` (``error``) or ``plural`` word."""
    heading, singular, plural = _SEVERITY[severity]
    return {"heading": heading, "singular": singular, "plural": plural}[form].get(lang)


def metric_label(key: str, lang: str) -> str:
    """The name of a metric, or its key when the metric is not a known one."""
    entry = METRICS.get(key)
    return entry[0].get(lang) if entry else key


def metric_order(keys: "list[str] | tuple[str, ...] | Mapping[str, float]") -> list[str]:
    """Known metrics in the order of :data:`METRICS`, then unknown ones sorted by key."""
    present = set(keys)
    known = [k for k in METRICS if k in present]
    return known + sorted(present - set(METRICS))


def _kind(key: str) -> str:
    if key in METRICS:
        return METRICS[key][1]
    if key.endswith(("_share", "_coverage", "_ratio")):
        return "share"
    if key.endswith("_vnd"):
        return "vnd"
    return "count"


def _group(digits: str, sep: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return sep.join(parts)


def format_number(value: float, lang: str, *, decimals: int = 0) -> str:
    """``value`` with thousands grouped and ``decimals`` places, in the convention of ``lang``.

    >>> format_number(1234567.891, "en", decimals=2), format_number(1234567.891, "vi", decimals=2)
    ('1,234,567.89', '1.234.567,89')
    """
    if not math.isfinite(value):
        return label("not_available", lang)
    thousands, point = (".", ",") if lang == "vi" else (",", ".")
    text = f"{abs(value):.{decimals}f}"
    whole, _, frac = text.partition(".")
    sign = "-" if value < 0 and float(text) != 0 else ""
    out = sign + _group(whole, thousands)
    return f"{out}{point}{frac}" if frac else out


def format_metric(key: str, value: float, lang: str) -> str:
    """A metric value as a reader expects it: counts grouped, shares as %, budgets in VND."""
    kind = _kind(key)
    if not math.isfinite(value):
        return label("not_available", lang)
    if kind == "share":
        return format_number(value * 100, lang, decimals=1) + "%"
    if kind == "vnd":
        return format_number(value, lang) + (" đồng" if lang == "vi" else " VND")
    decimals = 0 if float(value).is_integer() else 2
    return format_number(value, lang, decimals=decimals)


def counts_phrase(counts: Mapping[Severity, int], suppressed: int, lang: str) -> str:
    """``3 errors, 2 warnings, 1 note (1 suppressed)`` in ``lang``."""
    parts = []
    for severity in (Severity.ERROR, Severity.WARNING, Severity.NOTE):
        n = counts.get(severity, 0)
        word = severity_label(severity, lang, form="singular" if n == 1 else "plural")
        parts.append(f"{n} {word}")
    text = ", ".join(parts)
    if suppressed:
        text += f" ({suppressed} {label('suppressed_tag', lang)})"
    return text


def summary_sentence(counts: Mapping[Severity, int], suppressed: int, files: int, lang: str) -> str:
    """``3 errors, 2 warnings, 1 note (1 suppressed) in 2 files`` in ``lang``."""
    text = counts_phrase(counts, suppressed, lang)
    if lang == "vi":
        return f"{text} trong {files} tệp"
    return f"{text} in {files} {'file' if files == 1 else 'files'}"
