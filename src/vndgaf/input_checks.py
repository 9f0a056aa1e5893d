"""The checks the loader runs before any graph rule: parsing, schema and references.

They are documented like rules (``vndgaf rule SCH012``) but produced by the loader, because a
document must be well formed and its references resolved before a graph can be built.
"""

from vndgaf.diagnostics import RuleInfo, Severity, Text

__all__ = ["INPUT_CHECKS", "input_check"]

_E, _W = Severity.ERROR, Severity.WARNING
_BASIS = "vndgaf submission format (design, not law)"


def _c(
    code: str, name: str, sev: Severity, en: str, vi: str, fix_en: str, fix_vi: str, doc: str
) -> RuleInfo:
    return RuleInfo(
        code=code,
        name=name,
        severity=sev,
        title=Text(en, vi),
        legal_basis=_BASIS,
        sourced=False,
        fix=Text(fix_en, fix_vi),
        doc=doc,
    )


INPUT_CHECKS: tuple[RuleInfo, ...] = (
    _c(
        "SCH001",
        "syntax-error",
        _E,
        "File is not well-formed YAML or JSON",
        "Tệp không phải YAML hoặc JSON hợp lệ",
        "Fix the syntax at the position shown.",
        "Sửa cú pháp tại vị trí được chỉ ra.",
        "The file cannot be parsed. Nothing else in it is checked until it parses.",
    ),
    _c(
        "SCH002",
        "duplicate-key",
        _E,
        "The same key appears twice in one mapping",
        "Một khóa xuất hiện hai lần trong cùng một ánh xạ",
        "Keep one of the two keys.",
        "Giữ lại một trong hai khóa.",
        "YAML and JSON parsers silently keep one of two equal keys; vndgaf keeps the first and "
        "reports the second, because the author almost certainly meant something else.",
    ),
    _c(
        "SCH003",
        "unsafe-tag",
        _E,
        "YAML tag that could construct objects is rejected",
        "Thẻ YAML có thể tạo đối tượng bị từ chối",
        "Remove the tag; write plain data.",
        "Bỏ thẻ; chỉ viết dữ liệu thuần.",
        "Only the YAML core tags are accepted. Tags such as !!python/object would run code in "
        "unsafe loaders; vndgaf never constructs them.",
    ),
    _c(
        "SCH004",
        "input-too-large",
        _E,
        "Input exceeds a safety limit (size, depth, aliases)",
        "Dữ liệu vượt giới hạn an toàn (kích thước, độ sâu, alias)",
        "Split the file, flatten the nesting or remove alias chains (see docs/security.md).",
        "Tách tệp, giảm độ lồng hoặc bỏ chuỗi alias (xem docs/security.md).",
        "Alias bombs and absurd nesting are rejected at once, before they cost time or memory.",
    ),
    _c(
        "SCH005",
        "invalid-encoding",
        _E,
        "File is not valid UTF-8",
        "Tệp không phải UTF-8 hợp lệ",
        "Save the file as UTF-8.",
        "Lưu tệp dưới dạng UTF-8.",
        "Submissions are UTF-8 text; a UTF-8 byte-order mark is accepted.",
    ),
    _c(
        "SCH006",
        "non-finite-number",
        _E,
        "NaN or Infinity is not a number here",
        "NaN hoặc Infinity không phải là số hợp lệ",
        "Write a finite number.",
        "Ghi một số hữu hạn.",
        "JSON has no NaN or Infinity; some tools emit them anyway.",
    ),
    _c(
        "SCH010",
        "unknown-field",
        _E,
        "Field not defined by the submission format",
        "Trường không có trong định dạng hồ sơ",
        "Check the spelling against the schema.",
        "Kiểm tra chính tả theo lược đồ (schema).",
        "Unknown fields are usually typos; silently ignoring them would hide data.",
    ),
    _c(
        "SCH011",
        "missing-field",
        _E,
        "A required field is missing",
        "Thiếu trường bắt buộc",
        "Add the field.",
        "Bổ sung trường.",
        "The schema lists the required fields of each element.",
    ),
    _c(
        "SCH012",
        "wrong-type",
        _E,
        "A field has the wrong type",
        "Trường có kiểu dữ liệu sai",
        "Write a value of the expected type.",
        "Ghi giá trị đúng kiểu.",
        "Each field has one type (string, integer, list …).",
    ),
    _c(
        "SCH013",
        "invalid-value",
        _E,
        "A field has a value outside its allowed set or form",
        "Giá trị của trường không hợp lệ",
        "Use one of the allowed values.",
        "Dùng một trong các giá trị cho phép.",
        "Enumerations, patterns, ranges and dates are checked against the schema.",
    ),
    _c(
        "SCH014",
        "unsupported-format-version",
        _E,
        "Unsupported submission format version",
        "Phiên bản định dạng hồ sơ không được hỗ trợ",
        "Write format_version: 1.",
        "Ghi format_version: 1.",
        "This vndgaf reads submission format 1.",
    ),
    _c(
        "SCH015",
        "conflicting-submission-metadata",
        _E,
        "Two files of one submission declare different submission metadata",
        "Hai tệp của cùng hồ sơ khai báo thông tin hồ sơ khác nhau",
        "Declare the submission block in one file only.",
        "Chỉ khai báo khối submission trong một tệp.",
        "A submission has one submitter, framework version and date.",
    ),
    _c(
        "REF001",
        "dangling-reference",
        _E,
        "Reference to an element that is not defined",
        "Tham chiếu tới phần tử không được định nghĩa",
        "Define the element or fix the id.",
        "Định nghĩa phần tử hoặc sửa mã định danh.",
        "Every id in a reference field must be defined in the submission or the catalogue.",
    ),
    _c(
        "REF002",
        "duplicate-id",
        _E,
        "The same id is defined twice",
        "Mã định danh bị trùng",
        "Give each element its own id.",
        "Đặt mã định danh riêng cho mỗi phần tử.",
        "Ids are unique across all files of a submission and all element kinds.",
    ),
    _c(
        "REF003",
        "unknown-catalogue-id",
        _E,
        "Id not found in the national reference catalogue",
        "Mã không có trong danh mục tham chiếu quốc gia",
        "Use an id listed by `vndgaf reference`.",
        "Dùng mã do `vndgaf reference` liệt kê.",
        "Ids starting with vn: refer to the built-in catalogue (provinces, communes, ministries, "
        "national platforms and databases).",
    ),
    _c(
        "REF004",
        "reference-to-wrong-kind",
        _E,
        "Reference points at an element of the wrong kind",
        "Tham chiếu tới phần tử sai loại",
        "Point the field at an element of the expected kind.",
        "Trỏ trường tới phần tử đúng loại.",
        "An owner must be an agency, a via entry a platform, a flow end a system …",
    ),
    _c(
        "REF005",
        "reserved-catalogue-id",
        _E,
        "Submission defines an id in the reserved vn: space",
        "Hồ sơ định nghĩa mã thuộc không gian vn: dành riêng",
        "Refer to the catalogue element instead of redefining it, or choose another id.",
        "Tham chiếu phần tử danh mục thay vì định nghĩa lại, hoặc đặt mã khác.",
        "The vn: prefix belongs to the national catalogue, so that one id means one thing.",
    ),
    _c(
        "REF006",
        "missing-submission-metadata",
        _W,
        "No file declares the submission block",
        "Không tệp nào khai báo khối submission",
        "Add `submission: {submitter, framework_version, as_of}` to one file.",
        "Thêm `submission: {submitter, framework_version, as_of}` vào một tệp.",
        "Without a submitter, framework version and date, date-dependent rules use today.",
    ),
)

_BY_CODE = {c.code: c for c in INPUT_CHECKS}


def input_check(code: str) -> RuleInfo:
    """The documentation entry of a loader check."""
    return _BY_CODE[code]
