"""Schema validation of one parsed document, with messages a person can act on.

A compiled validator (fastjsonschema) decides the common valid case quickly; when a document is
invalid, jsonschema finds every error precisely and each becomes a :class:`SchemaProblem` with a
JSON pointer, an English and a Vietnamese message.
"""

import difflib
import functools
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs
import fastjsonschema
import jsonschema

from vndgaf.diagnostics import Text, pointer_token
from vndgaf.schema import submission_schema

__all__ = ["SchemaProblem", "is_valid_fast", "validate"]


@attrs.frozen
class SchemaProblem:
    """One schema error: code, message, and where (pointer; ``key`` to point at the key)."""

    code: str
    message: Text
    pointer: str
    key: bool = False


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


@functools.cache
def _precise() -> jsonschema.protocols.Validator:
    schema = submission_schema()
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


@functools.cache
def _fast() -> Callable[[Any], bool]:
    """The fastest compiled validator available: jsonschema-rs (Rust) when installed, else
    fastjsonschema (generated Python). Both are tested to agree with jsonschema."""
    try:
        return _rust()
    except ImportError:
        return _compiled()


@functools.cache
def _rust() -> Callable[[Any], bool]:
    # Optional: an order of magnitude faster than fastjsonschema on national-scale files.
    import jsonschema_rs  # type: ignore[import-not-found,unused-ignore]

    validator = jsonschema_rs.validator_for(submission_schema(), validate_formats=True)
    is_valid: Callable[[Any], bool] = validator.is_valid
    return is_valid


@functools.cache
def _compiled() -> Callable[[Any], bool]:
    schema = submission_schema()
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    check = fastjsonschema.compile(schema, formats={"date": _is_date})

    def is_valid(data: Any) -> bool:
        try:
            check(data)
        except fastjsonschema.JsonSchemaException:
            return False
        return True

    return is_valid


def _is_date(value: str) -> bool:
    import datetime as dt

    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def is_valid_fast(data: Any) -> bool:
    """The compiled validator's verdict (used as the fast path, and tested against jsonschema)."""
    return _fast()(data)


def _q(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 80 else text[:77] + "…'"


def _field(path: Sequence[str | int]) -> str:
    for part in reversed(path):
        if isinstance(part, str):
            return part
    return "document"


def _suggest(word: str, choices: Iterable[str]) -> tuple[str, str]:
    match = difflib.get_close_matches(str(word), sorted(choices), n=1, cutoff=0.7)
    if not match:
        return "", ""
    return f" (did you mean '{match[0]}'?)", f" (có phải ý bạn là '{match[0]}'?)"


def _problems(error: jsonschema.ValidationError) -> list[SchemaProblem]:
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
                        f"unknown field '{extra}' in {schema.get('title', field)}{en}",
                        f"trường không xác định '{extra}' trong {schema.get('title', field)}{vi}",
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
        return [
            SchemaProblem(
                "SCH013",
                Text(
                    f"{_q(value)} in '{field}' is not a valid date (YYYY-MM-DD)",
                    f"{_q(value)} trong '{field}' không phải ngày hợp lệ (YYYY-MM-DD)",
                ),
                ptr,
            )
        ]
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
    return [SchemaProblem("SCH013", Text(f"'{field}': {message}", f"'{field}': {message}"), ptr)]


def validate(data: Any) -> tuple[SchemaProblem, ...]:
    """Every schema problem of one document, sorted by pointer; empty when valid."""
    if is_valid_fast(data):
        return ()
    seen: set[tuple[str, str, str]] = set()
    out: list[SchemaProblem] = []
    for error in _precise().iter_errors(data):
        for problem in _problems(error):
            key = (problem.code, problem.pointer, problem.message.en)
            if key not in seen:
                seen.add(key)
                out.append(problem)
    typed = {p.pointer for p in out if p.code == "SCH012"}
    out = [p for p in out if p.code != "SCH013" or p.pointer not in typed]
    out.sort(key=lambda p: (p.pointer, p.code, p.message.en))
    return tuple(out)
