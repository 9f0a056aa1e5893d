"""What can stop or trouble the reading of one file (SCH001–SCH006), and the limits it obeys.

Input files are untrusted: every mistake becomes a :class:`ParseProblem` with a position and a
JSON pointer, never an exception, and the resource bounds of :class:`Limits` are checked while
reading. The checks are documented here, next to the messages that report them. Sources: JSON
is RFC 8259 (https://www.rfc-editor.org/rfc/rfc8259: UTF-8 in section 8.1, no NaN or Infinity
in section 6, unique names "SHOULD" in section 4); YAML is YAML 1.2.2
(https://yaml.org/spec/1.2.2/: the core schema's tags in section 10.3).
"""

import sys

import attrs

from vndgaf.diagnostics import RuleInfo, Severity, Text, quoted
from vndgaf.load.checks import input_check
from vndgaf.load.positions import Position

__all__ = [
    "CHECKS",
    "EXPANSION_FLOOR",
    "Fatal",
    "Limits",
    "ParseProblem",
    "duplicate_key",
    "empty",
    "lone_surrogate",
    "non_finite",
    "problem",
    "too_big",
    "too_deep",
    "too_expanded",
    "too_long",
    "too_many_digits",
]


@attrs.frozen
class Limits:
    """Resource bounds; exceeding any of them is a fatal SCH004 problem (docs/security.md)."""

    max_bytes: int = 256 * 1024 * 1024
    max_depth: int = 200
    max_alias_nodes: int = 100_000
    max_scalar_length: int = 10 * 1024 * 1024
    max_expansion: int = 10
    """A YAML document, once its aliases are expanded, holds at most this many times the
    characters of its file, or :data:`EXPANSION_FLOOR` if that is more (the expanded size counts
    every value and key and the JSON pointer of every position kept for them)."""

    def expansion_budget(self, size: int) -> int:
        """The most characters a document read from ``size`` characters may expand to."""
        return max(self.max_expansion * size, EXPANSION_FLOOR)


EXPANSION_FLOOR = 1024 * 1024
"""A small file may always expand to this many characters (1 MiB), so that anchors shared by a
short submission never meet the budget."""


@attrs.frozen
class ParseProblem:
    """A user mistake found while parsing (codes SCH001-SCH006), with where it is."""

    code: str
    message: Text
    line: int
    column: int
    pointer: str


class Fatal(Exception):
    """Stops reading a file; carries the problem to report and those found before it."""

    def __init__(self, problem: ParseProblem) -> None:
        super().__init__(problem.code)
        self.problem = problem
        self.earlier: list[ParseProblem] = []


CORE_TAGS = "!!str, !!int, !!float, !!bool, !!null, !!map, !!seq"

_E = Severity.ERROR

CHECKS: tuple[RuleInfo, ...] = (
    input_check(
        "SCH001",
        "syntax-error",
        _E,
        Text("File is not well-formed YAML or JSON", "Tệp không phải YAML hoặc JSON hợp lệ"),
        Text("Fix the syntax at the position shown.", "Sửa cú pháp tại vị trí được chỉ ra."),
        "The file cannot be parsed. Nothing else in it is checked until it parses.",
    ),
    input_check(
        "SCH002",
        "duplicate-key",
        _E,
        Text(
            "The same key appears twice in one mapping",
            "Một khóa xuất hiện hai lần trong cùng một ánh xạ",
        ),
        Text("Keep one of the two keys.", "Giữ lại một trong hai khóa."),
        "YAML and JSON parsers silently keep one of two equal keys; vndgaf keeps the first and "
        "reports the second, because the author almost certainly meant something else.",
    ),
    input_check(
        "SCH003",
        "unsafe-tag",
        _E,
        Text(
            "YAML tag that could construct objects is rejected",
            "Thẻ YAML có thể tạo đối tượng bị từ chối",
        ),
        Text("Remove the tag; write plain data.", "Bỏ thẻ; chỉ viết dữ liệu thuần."),
        "Only the YAML core tags are accepted. Tags such as !!python/object would run code in "
        "unsafe loaders; vndgaf never constructs them.",
    ),
    input_check(
        "SCH004",
        "input-too-large",
        _E,
        Text(
            "Input exceeds a safety limit (size, depth, aliases)",
            "Dữ liệu vượt giới hạn an toàn (kích thước, độ sâu, alias)",
        ),
        Text(
            "Split the file, flatten the nesting or remove alias chains (see docs/security.md).",
            "Tách tệp, giảm độ lồng hoặc bỏ chuỗi alias (xem docs/security.md).",
        ),
        "Alias bombs and absurd nesting are rejected at once, before they cost time or memory.",
    ),
    input_check(
        "SCH005",
        "invalid-encoding",
        _E,
        Text("File is not valid UTF-8", "Tệp không phải UTF-8 hợp lệ"),
        Text("Save the file as UTF-8.", "Lưu tệp dưới dạng UTF-8."),
        "Submissions are UTF-8 text; a UTF-8 byte-order mark is accepted. A lone surrogate "
        "(a `\\uD800`-`\\uDFFF` escape that is not half of a pair) is text no encoding can "
        "hold, and is reported here too, at its key or value.",
    ),
    input_check(
        "SCH006",
        "non-finite-number",
        _E,
        Text("NaN or Infinity is not a number here", "NaN hoặc Infinity không phải là số hợp lệ"),
        Text("Write a finite number.", "Ghi một số hữu hạn."),
        "JSON has no NaN or Infinity; some tools emit them anyway.",
    ),
)


def problem(code: str, en: str, vi: str, pos: Position, pointer: str = "") -> ParseProblem:
    """A problem at ``pos`` (and ``pointer``), in English and Vietnamese."""
    return ParseProblem(code, Text(en=en, vi=vi), pos[0], pos[1], pointer)


def too_big(limit: int) -> ParseProblem:
    return problem(
        "SCH004",
        f"The file is larger than {limit} bytes.",
        f"Tệp lớn hơn {limit} byte.",
        (1, 1),
    )


def too_deep(limit: int, pos: Position, pointer: str) -> ParseProblem:
    return problem(
        "SCH004",
        f"Nesting is deeper than {limit} levels.",
        f"Mức lồng nhau sâu hơn {limit} cấp.",
        pos,
        pointer,
    )


def too_expanded(budget: int, pos: Position, pointer: str) -> ParseProblem:
    return problem(
        "SCH004",
        f"Aliases expand the document past {budget} characters, the most a file of its "
        "size may reach (a possible alias bomb).",
        f"Các bí danh mở rộng tài liệu quá {budget} ký tự, mức tối đa cho một tệp có kích "
        "thước này (có thể là bom bí danh).",
        pos,
        pointer,
    )


def lone_surrogate(code_point: int, pos: Position, pointer: str) -> ParseProblem:
    """Text holding U+D800-U+DFFF alone: no UTF-8 (or other) encoding can write it."""
    return problem(
        "SCH005",
        f"The text holds a lone surrogate \\u{code_point:04x} (the escape of half a pair), "
        "which no encoding can write; remove it or write the whole character.",
        f"Văn bản chứa nửa cặp thay thế đơn lẻ \\u{code_point:04x} (thoát chuỗi của một nửa "
        "cặp), không mã hóa nào ghi được; hãy xóa nó hoặc ghi đủ cả ký tự.",
        pos,
        pointer,
    )


def too_long(limit: int, pos: Position, pointer: str) -> ParseProblem:
    return problem(
        "SCH004",
        f"A value is longer than {limit} characters.",
        f"Một giá trị dài hơn {limit} ký tự.",
        pos,
        pointer,
    )


def too_many_digits(pos: Position, pointer: str) -> ParseProblem:
    """More digits than Python converts (``sys.get_int_max_str_digits``, a CVE-2020-10735 guard)."""
    limit = sys.get_int_max_str_digits()
    return problem(
        "SCH004",
        f"A number has more than {limit} digits.",
        f"Một số có nhiều hơn {limit} chữ số.",
        pos,
        pointer,
    )


def non_finite(value: str, pos: Position, pointer: str) -> ParseProblem:
    return problem(
        "SCH006",
        f"The non-finite number {value} is not allowed; numbers must be finite.",
        f"Không cho phép số không hữu hạn {value}; các số phải hữu hạn.",
        pos,
        pointer,
    )


def empty() -> ParseProblem:
    return problem(
        "SCH001",
        "The file is empty: it holds no document.",
        "Tệp rỗng: không chứa tài liệu nào.",
        (1, 1),
    )


def duplicate_key(key: str, pos: Position, pointer: str) -> ParseProblem:
    return problem(
        "SCH002",
        f"Duplicate key {quoted(key)}: only its first value is kept.",
        f"Khóa {quoted(key)} bị trùng lặp: chỉ giữ lại giá trị đầu tiên.",
        pos,
        pointer,
    )
