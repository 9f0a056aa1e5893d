"""Schema validation of one parsed document, with messages a person can act on.

A compiled validator (jsonschema-rs, fastjsonschema when it is missing) decides the common valid
case quickly; when a document is invalid, jsonschema finds every error precisely and each
becomes a :class:`~vndgaf.load.schema_messages.SchemaProblem` with a JSON pointer, an English and
a Vietnamese message (:mod:`vndgaf.load.schema_messages`).
"""

import functools
from collections.abc import Callable
from typing import Any

import fastjsonschema
import jsonschema

from vndgaf.load.schema_messages import SchemaProblem, problems_of
from vndgaf.schema import submission_schema

__all__ = ["SchemaProblem", "is_valid_fast", "validate"]


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


def validate(data: Any) -> tuple[SchemaProblem, ...]:
    """Every schema problem of one document, sorted by pointer; empty when valid."""
    if is_valid_fast(data):
        return ()
    seen: set[tuple[str, str, str]] = set()
    out: list[SchemaProblem] = []
    for error in _precise().iter_errors(data):
        for problem in problems_of(error):
            key = (problem.code, problem.pointer, problem.message.en)
            if key not in seen:
                seen.add(key)
                out.append(problem)
    typed = {p.pointer for p in out if p.code == "SCH012"}
    out = [p for p in out if p.code != "SCH013" or p.pointer not in typed]
    out.sort(key=lambda p: (p.pointer, p.code, p.message.en))
    return tuple(out)
