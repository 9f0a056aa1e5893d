"""What a schema error means to the person who wrote the file: SCH010–SCH014 in English and
Vietnamese, at the JSON pointer of the value (or key) at fault.

jsonschema (https://python-jsonschema.readthedocs.io/en/stable/errors/) reports each error with
the keyword that failed (``required``, ``type``, ``enum`` …), its path and the subschema; each
keyword gets a message that names the field, the value found and what is allowed, with a
"did you mean" for a misspelt field or value. The checks are documented here, next to the
messages that report them; the keywords are those of JSON Schema 2020-12
(https://json-schema.org/draft/2020-12/json-schema-validation).
"""

import datetime as dt
import re
import reprlib
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from vndgaf.diagnostics import RuleInfo, Severity, Text, pointer_token, quoted, shortened
from vndgaf.load.checks import input_check
from vndgaf.suggest import closest

if TYPE_CHECKING:
    import jsonschema

__all__ = ["CHECKS", "SchemaProblem", "pointer_of", "problems_of", "unexplained"]


@attrs.frozen
class SchemaProblem:
    """One schema error: code, message, and where (pointer; ``key`` to point at the key)."""

    code: str
    message: Text
    pointer: str
    key: bool = False


_E = Severity.ERROR

CHECKS: tuple[RuleInfo, ...] = (
    input_check(
        "SCH010",
        "unknown-field",
        _E,
        Text("Field not defined by the submission format", "Trường không có trong định dạng hồ sơ"),
        Text("Check the spelling against the schema.", "Kiểm tra chính tả theo lược đồ (schema)."),
        "Unknown fields are usually typos; silently ignoring them would hide data.",
    ),
    input_check(
        "SCH011",
        "missing-field",
        _E,
        Text("A required field is missing", "Thiếu trường bắt buộc"),
        Text("Add the field.", "Bổ sung trường."),
        "The schema lists the required fields of each element.",
    ),
    input_check(
        "SCH012",
        "wrong-type",
        _E,
        Text("A field has the wrong type", "Trường có kiểu dữ liệu sai"),
        Text("Write a value of the expected type.", "Ghi giá trị đúng kiểu."),
        "Each field has one type (string, integer, list …).",
    ),
    input_check(
        "SCH013",
        "invalid-value",
        _E,
        Text(
            "A field has a value outside its allowed set or form",
            "Giá trị của trường không hợp lệ",
        ),
        Text("Use one of the allowed values.", "Dùng một trong các giá trị cho phép."),
        "Enumerations, patterns, ranges and dates are checked against the schema.",
    ),
    input_check(
        "SCH014",
        "unsupported-format-version",
        _E,
        Text(
            "Unsupported submission format version",
            "Phiên bản định dạng hồ sơ không được hỗ trợ",
        ),
        Text("Write format_version: 1.", "Ghi format_version: 1."),
        "This vndgaf reads submission format 1.",
    ),
)


_TYPE_NAMES = {
    "string": ("a string", "chuỗi ký tự"),
    "integer": ("an integer", "số nguyên"),
    "number": ("a number", "số"),
    "boolean": ("true or false", "true hoặc false"),
    "array": ("a list", "danh sách"),
    "object": ("a mapping", "ánh xạ (mapping)"),
    "null": ("null", "null"),
}


def _type_of(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def pointer_of(path: Iterable[str | int]) -> str:
    """RFC 6901 pointer of a path of keys and indices."""
    return "".join("/" + pointer_token(p) for p in path)


_REPR = reprlib.Repr()
"""repr() in work bounded by the limits, not by the size of the value; equal to repr() for the
small values messages usually quote."""
_REPR.maxlevel, _REPR.maxdict, _REPR.maxlist = 4, 8, 8
_REPR.maxstring = _REPR.maxlong = _REPR.maxother = 80


def _q(value: Any) -> str:
    """A value quoted for a message, at most 80 characters whatever its size."""
    if isinstance(value, str):
        return quoted(value)
    return shortened(_REPR.repr(value), 80)


def _field(path: Sequence[str | int]) -> str:
    for part in reversed(path):
        if isinstance(part, str):
            return part
    return "document"


def _suggest(word: str, choices: Iterable[str]) -> tuple[str, str]:
    match = closest(str(word), choices)
    if match is None:
        return "", ""
    return f" (did you mean '{match}'?)", f" (có phải ý bạn là '{match}'?)"


def unexplained(pointer: str, detail: str = "") -> SchemaProblem:
    """A schema error only the fast validator reports (the two validators disagree: a bug)."""
    tail = f": {shortened(detail, 200)}" if detail else ""
    return SchemaProblem(
        "SCH013",
        Text(
            f"the value does not satisfy the schema{tail}",
            f"giá trị không thỏa mãn lược đồ{tail}",
        ),
        pointer,
    )


#: A date as people also write it: day, month, year (30/11/2026, 30-11-2026, 30.11.2026).
_DAY_FIRST = re.compile(r"\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*")
#: A value written as a date should be, which may still name no day (2025-02-30).
_ISO_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _not_a_date(value: Any, field: str, path: Sequence[str | int]) -> Text:
    """The message for a value that is not a date written YYYY-MM-DD: a day that does not
    exist, or the date it seems to mean when written day first; for the submission's ``as_of``,
    what the check does instead."""
    text = _q(value)
    what = Text(
        f"{text} in '{field}' is not a date written YYYY-MM-DD",
        f"{text} trong '{field}' không phải ngày viết theo dạng YYYY-MM-DD",
    )
    if isinstance(value, str) and _ISO_SHAPE.fullmatch(value):
        what = Text(
            f"{text} in '{field}' is not a day of the calendar",
            f"{text} trong '{field}' không phải một ngày có thật",
        )
    match = _DAY_FIRST.fullmatch(value) if isinstance(value, str) else None
    if match is not None:
        day, month, year = (int(part) for part in match.groups())
        try:
            meant = dt.date(year, month, day).isoformat()
        except ValueError:
            pass
        else:
            what = Text(f"{what.en} (did you mean {meant}?)", f"{what.vi} (có phải là {meant}?)")
    if list(path) == ["submission", "as_of"]:
        what = Text(
            f"{what.en}; the rules that depend on a date use the date of the check instead",
            f"{what.vi}; các quy tắc phụ thuộc ngày sẽ dùng ngày kiểm tra thay thế",
        )
    return what


def problems_of(error: "jsonschema.ValidationError") -> list[SchemaProblem]:
    """The problems one jsonschema error stands for, each with its code and message."""
    path = list(error.absolute_path)
    ptr = pointer_of(path)
    kind: Any = error.validator
    value: Any = error.instance
    schema: Any = error.schema
    expected_value: Any = error.validator_value
    message: str = error.message
    field = _field(path)
    if path == ["format_version"] or (
        kind == "required" and "format_version" in str(message) and not path
    ):
        if not path:
            return [
                SchemaProblem(
                    "SCH014",
                    Text(
                        "missing format_version: write 'format_version: 1' at the top of the file",
                        "thiếu format_version: ghi 'format_version: 1' ở đầu tệp",
                    ),
                    ptr,
                )
            ]
        return [
            SchemaProblem(
                "SCH014",
                Text(
                    f"unsupported format_version {_q(value)}: this vndgaf reads format 1",
                    f"format_version {_q(value)} không được hỗ trợ: vndgaf đọc định dạng 1",
                ),
                ptr,
            )
        ]
    if kind == "additionalProperties":
        allowed = schema.get("properties", {})
        out = []
        for extra in sorted(k for k in value if k not in allowed):
            en, vi = _suggest(extra, allowed)
            out.append(
                SchemaProblem(
                    "SCH010",
                    Text(
                        f"unknown field {quoted(extra)} in {schema.get('title', field)}{en}",
                        f"trường không xác định {quoted(extra)} trong "
                        f"{schema.get('title', field)}{vi}",
                    ),
                    pointer_of([*path, extra]),
                    key=True,
                )
            )
        return out
    if kind == "required":
        missing = [name for name in expected_value if name not in value]
        title = schema.get("title", field)
        return [
            SchemaProblem(
                "SCH011",
                Text(
                    f"missing required field '{name}' in {title}",
                    f"thiếu trường bắt buộc '{name}' trong {title}",
                ),
                ptr,
            )
            for name in missing
        ]
    if kind == "type":
        expected = expected_value
        names = expected if isinstance(expected, list) else [expected]
        want_en = " or ".join(_TYPE_NAMES[n][0] for n in names)
        want_vi = " hoặc ".join(_TYPE_NAMES[n][1] for n in names)
        got = _TYPE_NAMES[_type_of(value)]
        return [
            SchemaProblem(
                "SCH012",
                Text(
                    f"field '{field}' must be {want_en}, not {got[0]} ({_q(value)})",
                    f"trường '{field}' phải là {want_vi}, không phải {got[1]} ({_q(value)})",
                ),
                ptr,
            )
        ]
    if kind == "enum":
        allowed_values = [v for v in expected_value if v is not None]
        en, vi = _suggest(str(value), [str(v) for v in allowed_values])
        listed = ", ".join(str(v) for v in allowed_values)
        return [
            SchemaProblem(
                "SCH013",
                Text(
                    f"{_q(value)} is not a valid value for '{field}': expected one of {listed}{en}",
                    f"{_q(value)} không phải giá trị hợp lệ của '{field}': "
                    f"cần một trong {listed}{vi}",
                ),
                ptr,
            )
        ]
    if kind == "format" and expected_value == "date":
        return [SchemaProblem("SCH013", _not_a_date(value, field, path), ptr)]
    if kind == "pattern" and schema.get("format") == "date":
        return []  # the date format says it, without showing the expression
    if kind == "pattern":
        return [
            SchemaProblem(
                "SCH013",
                Text(
                    f"{_q(value)} in '{field}' does not have the required form {expected_value}",
                    f"{_q(value)} trong '{field}' không đúng dạng {expected_value}",
                ),
                ptr,
            )
        ]
    if kind == "minLength" and expected_value == 1:
        return [
            SchemaProblem(
                "SCH013",
                Text(f"'{field}' must not be empty", f"'{field}' không được để trống"),
                ptr,
            )
        ]
    if kind in ("minLength", "maxLength"):
        bound = expected_value
        word_en, word_vi = ("at least", "ít nhất") if kind == "minLength" else ("at most", "tối đa")
        return [
            SchemaProblem(
                "SCH013",
                Text(
                    f"'{field}' must have {word_en} {bound} characters",
                    f"'{field}' phải có {word_vi} {bound} ký tự",
                ),
                ptr,
            )
        ]
    if kind in ("minimum", "maximum"):
        word_en, word_vi = ("at least", "ít nhất") if kind == "minimum" else ("at most", "tối đa")
        return [
            SchemaProblem(
                "SCH013",
                Text(
                    f"'{field}' must be {word_en} {expected_value}, not {_q(value)}",
                    f"'{field}' phải {word_vi} là {expected_value}, không phải {_q(value)}",
                ),
                ptr,
            )
        ]
    brief = shortened(message, 200)
    return [SchemaProblem("SCH013", Text(f"'{field}': {brief}", f"'{field}': {brief}"), ptr)]
