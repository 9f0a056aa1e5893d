"""Theme tables: shapes per kind, styles per mark, colours per severity, fonts, fixed labels.

Kept in one place so that the legend always matches what the views draw.
"""

from vndgaf.diagnostics import Severity

__all__ = [
    "CLUSTER_STYLE",
    "EDGE_STYLES",
    "FONT",
    "KIND_ORDER",
    "KIND_STYLES",
    "MARK_ORDER",
    "MARK_STYLES",
    "SEVERITY_COLOURS",
    "STATUS_FILLS",
    "TIER_ORDER",
    "counted",
    "number",
    "text",
]

#: Font with Vietnamese glyphs; the Makefile installs fonts-dejavu-core when it is missing.
FONT = "DejaVu Sans"

#: Node attributes per drawn kind.
KIND_STYLES: dict[str, dict[str, str]] = {
    "hub": {"shape": "doubleoctagon", "style": "filled,bold", "fillcolor": "#ffe599"},
    "integration": {"shape": "hexagon", "style": "filled", "fillcolor": "#d9ead3"},
    "platform": {"shape": "component", "style": "filled", "fillcolor": "#d0e0e3"},
    "system": {"shape": "box", "style": "rounded,filled", "fillcolor": "#ffffff"},
    "database": {"shape": "cylinder", "style": "filled", "fillcolor": "#fce5cd"},
    "agency": {"shape": "house", "style": "filled", "fillcolor": "#e6e0f8"},
    "group": {"shape": "box3d", "style": "filled", "fillcolor": "#eeeeee"},
    "entity": {"shape": "note", "style": "filled", "fillcolor": "#fff2cc"},
    "service": {"shape": "ellipse", "style": "filled", "fillcolor": "#ffffff"},
    "other": {"shape": "box", "style": "filled", "fillcolor": "#ffffff"},
}

#: Legend order of kinds.
KIND_ORDER = (
    "hub",
    "integration",
    "platform",
    "system",
    "database",
    "agency",
    "group",
    "entity",
    "service",
    "other",
)

#: Extra node attributes per mark; a mark's ``style`` is added to the kind's style.
MARK_STYLES: dict[str, dict[str, str]] = {
    "authoritative": {"peripheries": "2", "style": "bold"},
    "copy": {"style": "dashed"},
    "failed": {"style": "bold,diagonals", "penwidth": "3"},
    "lost": {"style": "dashed", "fontcolor": "#666666"},
    "focus": {"style": "bold", "penwidth": "2"},
}
MARK_ORDER = ("focus", "authoritative", "copy", "failed", "lost")

#: Edge attributes per link style.
EDGE_STYLES: dict[str, dict[str, str]] = {
    "flow": {},
    "copy": {"style": "dashed"},
    "lineage": {"style": "bold"},
    "relation": {"style": "dotted", "arrowhead": "open"},
    "link": {"dir": "none"},
    "reach": {"style": "dashed", "dir": "none", "color": "#999999"},
}

#: Error red, warning orange, note blue.
SEVERITY_COLOURS: dict[Severity, str] = {
    Severity.ERROR: "#d62728",
    Severity.WARNING: "#ff7f0e",
    Severity.NOTE: "#1f77b4",
}

#: Tiers from top to bottom; entities are drawn above everything.
TIER_ORDER: dict[str, int] = {
    "data": -1,
    "central": 0,
    "provincial": 1,
    "district": 2,
    "commune": 3,
    "other": 4,
}

#: Fill of a province tile on the country map, by status (see vndgaf.render.country). Text on
#: every fill is dark grey (contrast above 7:1).
STATUS_FILLS: dict[str, str] = {
    "connected": "#d9ead3",
    "isolated": "#fce5cd",
    "no-platform": "#f4cccc",
    "absent": "#f3f3f3",
}

CLUSTER_STYLE: dict[str, dict[str, str]] = {
    "tier": {"style": "rounded,filled", "fillcolor": "#f7f7f7", "color": "#999999"},
    "hubs": {"style": "rounded,filled", "fillcolor": "#fffbe6", "color": "#bf9000"},
    "province": {"style": "rounded", "color": "#6d9eeb"},
    "agency": {"style": "rounded,dashed", "color": "#8e7cc3"},
    "legend": {"style": "rounded", "color": "#999999"},
}

_TEXT: dict[str, tuple[str, str]] = {
    # what a diagram was drawn from (vndgaf.render.stamp)
    "stamp:as_of": ("Tính đến {date}", "As of {date}"),
    "stamp:framework": ("khung kiến trúc {versions}", "framework {versions}"),
    "stamp:catalogue": ("danh mục tham chiếu {version}", "catalogue {version}"),
    "stamp:catalogue_dated": (
        "danh mục tham chiếu {version} ({date})",
        "catalogue {version} ({date})",
    ),
    "stamp:overlays": ("tệp bổ sung danh mục: {names}", "catalogue overlays: {names}"),
    # kinds
    "hub": ("Nền tảng quốc gia (NDXP, NDOP, NPSP, VNeID, VDXP)", "National hub"),
    "integration": ("Nền tảng tích hợp, chia sẻ dữ liệu (LGSP)", "Integration platform (LGSP)"),
    "platform": ("Nền tảng", "Platform"),
    "system": ("Hệ thống thông tin", "Information system"),
    "database": ("Cơ sở dữ liệu", "Database"),
    "agency": ("Cơ quan (khung: hệ thống do cơ quan sở hữu)", "Agency (box: what it owns)"),
    "group": ("Nhóm được gộp, kèm số lượng", "Collapsed group, with counts"),
    "entity": ("Dữ liệu", "Data entity"),
    "service": ("Dịch vụ công", "Public service"),
    "other": ("Khác", "Other"),
    # marks
    "focus": ("Cơ quan đang xem", "Agency in focus"),
    "authoritative": ("Nguồn dữ liệu chính thức", "Authoritative source"),
    "copy": ("Bản sao dữ liệu (nét đứt)", "Copy of the data (dashed)"),
    "failed": ("Nền tảng giả định ngừng hoạt động", "Platform assumed to fail"),
    "lost": ("Mất kết nối với NDXP", "Loses its connection to NDXP"),
    # severities
    "error": ("Lỗi", "Error"),
    "warning": ("Cảnh báo", "Warning"),
    "note": ("Lưu ý", "Note"),
    # clusters and groups
    "legend": ("Chú giải", "Legend"),
    "hubs": ("Nền tảng quốc gia dùng chung", "National shared platforms"),
    "tier:central": ("Trung ương", "Central"),
    "tier:provincial": ("Cấp tỉnh", "Provincial"),
    "tier:district": ("Cấp huyện (đã bãi bỏ từ 1/7/2025)", "District (abolished 1/7/2025)"),
    "tier:commune": ("Cấp xã", "Commune"),
    "tier:other": ("Không rõ cơ quan chủ quản", "No known owner"),
    "unknown-province": ("Không rõ tỉnh", "Unknown province"),
    "communes-of": ("Cấp xã — {name}", "Communes — {name}"),
    "commune-units": ("{n} đơn vị cấp xã", "{n} commune-level units"),
    "count:agency": ("{n} cơ quan", "{n} agencies"),
    "count:system": ("{n} hệ thống", "{n} systems"),
    "count:database": ("{n} CSDL", "{n} databases"),
    "count:service": ("{n} dịch vụ", "{n} services"),
    "flows": ("{n} luồng", "{n} flows"),
    "count:error": ("{n} lỗi", "{n} errors"),
    "count:warning": ("{n} cảnh báo", "{n} warnings"),
    "no-findings": ("không có lỗi, cảnh báo", "no errors or warnings"),
    # the country map
    "title:country": ("Tổng quan quốc gia", "Country overview"),
    "title:hub": ("{name}: các kết nối", "{name}: its links"),
    "summary:country": (
        "{present}/{total} tỉnh, thành phố có trong mô hình · {connected} có nền tảng tích hợp kết"
        " nối NDXP · {flows} luồng dữ liệu",
        "{present} of {total} provinces in the model · {connected} with an integration platform"
        " connected to NDXP · {flows} data flows",
    ),
    "summary:hub": (
        "{reached}/{total} tỉnh, thành phố có luồng qua nền tảng này · {flows}",
        "{reached} of {total} provinces have flows through it · {flows}",
    ),
    "status:connected": (
        "Nền tảng tích hợp của tỉnh kết nối NDXP",
        "Integration platform connected to NDXP",
    ),
    "status:isolated": (
        "Có nền tảng tích hợp nhưng chưa kết nối NDXP",
        "Integration platform not connected to NDXP",
    ),
    "status:no-platform": ("Chưa có nền tảng tích hợp", "No integration platform"),
    "status:absent": ("Không có trong mô hình", "Not in the model"),
    "more-agencies": ("{n} cơ quan khác", "{n} more agencies"),
    "more-provinces": ("{n} tỉnh, thành phố khác", "{n} more provinces"),
    "more-communes": ("{n} đơn vị cấp xã khác", "{n} more commune-level agencies"),
    "unplaced": ("Không rõ tỉnh", "Province unknown"),
    "provinces": ("Tỉnh, thành phố", "Provinces"),
    "central-agencies": ("Cơ quan trung ương", "Central agencies"),
    "national-hubs": ("Nền tảng, CSDL quốc gia", "National hubs"),
    "legend:link": (
        "Đường nối: số luồng (nét đậm hơn khi nhiều hơn)",
        "Line: flows (thicker: more)",
    ),
    "legend:outline": ("Viền: phát hiện nặng nhất", "Outline: worst finding"),
    "legend:fill": ("Màu nền tỉnh", "Province fill"),
    "legend:click": ("Bấm vào ô để xem chi tiết", "Click a box to drill down"),
    "back:overview": ("← Tổng quan quốc gia", "← Country overview"),
    "kind:province": ("tỉnh, thành phố", "province"),
    "kind:hub": ("nền tảng quốc gia", "national hub"),
    "kind:agency": ("cơ quan", "agency"),
    # relations
    "uses": ("sử dụng", "uses"),
    "part-of": ("trực thuộc", "part of"),
    "operates": ("vận hành", "operates"),
    "handles": ("xử lý", "handles"),
    "authoritative-edge": ("nguồn chính thức", "authoritative source"),
    "copy-undeclared": ("bản sao, không khai báo luồng", "copy, no declared flow"),
    "asks-citizen": ("yêu cầu công dân cung cấp lại", "asks the citizen again"),
    "via-more": ("qua các kết nối khác", "through other links"),
    # titles
    "title:overview": ("Tổng quan kiến trúc", "Architecture overview"),
    "title:province": ("Tỉnh/thành phố: {name}", "Province: {name}"),
    "title:agency": ("Cơ quan: {name}", "Agency: {name}"),
    "title:entity": ("Dòng dữ liệu: {name}", "Data lineage: {name}"),
    "title:impact": (
        "Nếu {name} ngừng hoạt động: {agencies} cơ quan, {systems} hệ thống mất kết nối với NDXP",
        "If {name} fails: {agencies} agencies and {systems} systems lose their connection to NDXP",
    ),
    "folded": (
        "Đã gộp ({how}) để không quá {limit} nút",
        "Collapsed ({how}) to stay within {limit} nodes",
    ),
    "fold:communes": ("cấp xã theo tỉnh", "communes per province"),
    "fold:agency": ("hệ thống theo cơ quan", "systems per agency"),
    "fold:province": ("theo tỉnh", "per province"),
    "fold:province-all": ("theo tỉnh, kể cả nền tảng tích hợp", "per province, platforms too"),
    "fold:tier": ("theo cấp", "per tier"),
}


def number(n: int, lang: str) -> str:
    """``n`` with thousands grouped as the language writes them: ``1.250`` or ``1,250``.

    >>> number(100010, "vi"), number(100010, "en")
    ('100.010', '100,010')
    """
    grouped = f"{n:,}"
    return grouped.replace(",", ".") if lang == "vi" else grouped


#: English singulars of the counted texts ("1 flow", not "1 flows"); Vietnamese has no plural.
_ONE: dict[str, str] = {
    "count:agency": "{n} agency",
    "count:system": "{n} system",
    "count:database": "{n} database",
    "count:service": "{n} service",
    "count:error": "{n} error",
    "count:warning": "{n} warning",
    "flows": "{n} flow",
    "more-agencies": "{n} more agency",
    "more-provinces": "{n} more province",
    "more-communes": "{n} more commune-level agency",
}


def counted(key: str, n: int, lang: str) -> str:
    """The counted text ``key`` for ``n``, grouped (:func:`number`) and singular when it is one.

    >>> counted("flows", 1, "en"), counted("flows", 1250, "en"), counted("flows", 1250, "vi")
    ('1 flow', '1,250 flows', '1.250 luồng')
    """
    if n == 1 and lang != "vi" and key in _ONE:
        return _ONE[key].format(n=number(n, lang))
    return text(key, lang, n=number(n, lang))


def text(key: str, lang: str, **values: object) -> str:
    """A fixed text in Vietnamese (``lang == "vi"``) or English, with ``values`` filled in."""
    vi, en = _TEXT[key]
    template = vi if lang == "vi" else en
    return template.format(**values) if values else template
