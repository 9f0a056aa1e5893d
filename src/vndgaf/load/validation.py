"""Schema validation of one parsed document: a fast verdict, then every error when invalid.

jsonschema-rs (https://github.com/Stranger6667/jsonschema, compiled Rust) decides whether a
document is valid, which is the common case and costs about 0.05 s on a national model.
Only an invalid document is handed to jsonschema
(https://python-jsonschema.readthedocs.io/), which reports every error with the path and the
keyword that failed; :mod:`vndgaf.load.schema_messages` turns each into a problem a person can
act on. jsonschema is imported then and only then, so validating a valid file never loads it.

Fast path and reference: the two validators give the same verdict on every document, pinned by
``tests/synth/test_validator_agreement.py`` (``::test_agree_on_generated_and_mutated_documents``
on Hypothesis documents mutated at random, on every example, broken example and date edge
case, and ``::test_agree_on_every_id`` on arbitrary text as an id). Both read ``pattern`` as
JSON Schema says, an ECMA 262 expression whose ``$`` is the end of the text (Python's ``$``
also matches before a final newline, so jsonschema is given :func:`_ecma_pattern`). Should
they ever disagree, an invalid verdict with no precise error is not taken as valid: the fast
validator's own errors are reported.
"""

import functools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import jsonschema_rs

from vndgaf.load.schema_messages import SchemaProblem, pointer_of, problems_of, unexplained
from vndgaf.model.meta import pattern_regex
from vndgaf.schema import submission_schema

if TYPE_CHECKING:
    import jsonschema

__all__ = ["SchemaProblem", "is_valid", "problems", "validate"]


@functools.cache
def _fast() -> jsonschema_rs.Validator:
    """The compiled validator of the submission schema (formats such as ``date`` checked)."""
    return jsonschema_rs.validator_for(submission_schema(), validate_formats=True)


def _ecma_pattern(
    validator: "jsonschema.protocols.Validator", pattern: str, instance: Any, schema: Any
) -> "Iterator[jsonschema.ValidationError]":
    """The ``pattern`` keyword with ``$`` as the end of the text (ECMA 262, as jsonschema-rs)."""
    import jsonschema

    if validator.is_type(instance, "string") and not pattern_regex(pattern).search(instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


@functools.cache
def _precise() -> "jsonschema.protocols.Validator":
    """jsonschema's validator of the submission schema, imported on first use."""
    import jsonschema

    schema = submission_schema()
    base = jsonschema.validators.validator_for(schema)
    cls = jsonschema.validators.extend(  # type: ignore[no-untyped-call]
        base, {"pattern": _ecma_pattern}
    )
    validator: jsonschema.protocols.Validator = cls(schema, format_checker=base.FORMAT_CHECKER)
    return validator


def is_valid(data: Any) -> bool:
    """The fast verdict: does ``data`` satisfy the submission schema?

    Text that cannot be encoded (a lone surrogate, which the loader reports as SCH005 before
    validating) is not valid.

    >>> is_valid({"format_version": 1}), is_valid({"format_version": 2})
    (True, False)
    >>> is_valid({"format_version": 1, "\\udfff": 1})
    False
    """
    try:
        return _fast().is_valid(data)
    except UnicodeEncodeError:
        return False


def precise_errors(data: Any) -> "list[jsonschema.ValidationError]":
    """Every error jsonschema finds in ``data`` (the reference verdict: valid when empty)."""
    return list(_precise().iter_errors(data))


def validate(data: Any) -> tuple[SchemaProblem, ...]:
    """Every schema problem of one document, sorted by pointer; empty when valid.

    >>> [(p.code, p.pointer) for p in validate({"format_version": 1, "flows": [{"id": 3}]})]
    [('SCH011', '/flows/0'), ('SCH011', '/flows/0'), ('SCH012', '/flows/0/id')]
    """
    if is_valid(data):
        return ()
    # the validators disagree: an invalid verdict is never taken as valid
    return problems(precise_errors(data)) or _ordered(_fast_problems(data))


def problems(errors: "Iterable[jsonschema.ValidationError]") -> tuple[SchemaProblem, ...]:
    """The problems jsonschema errors (of any schema) stand for, deduplicated, sorted by
    pointer; a type error hides the other value errors at the same place."""
    seen: set[tuple[str, str, str]] = set()
    out: list[SchemaProblem] = []
    for error in errors:
        for problem in problems_of(error):
            key = (problem.code, problem.pointer, problem.message.en)
            if key not in seen:
                seen.add(key)
                out.append(problem)
    return _ordered(out)


def _ordered(found: Iterable[SchemaProblem]) -> tuple[SchemaProblem, ...]:
    """Problems sorted by pointer; a type error hides the other value errors at its place."""
    out = list(found)
    typed = {p.pointer for p in out if p.code == "SCH012"}
    out = [p for p in out if p.code != "SCH013" or p.pointer not in typed]
    out.sort(key=lambda p: (p.pointer, p.code, p.message.en))
    return tuple(out)


def _fast_problems(data: Any) -> Iterator[SchemaProblem]:
    """The fast validator's own errors, for a document only it finds invalid."""
    try:
        errors = list(_fast().iter_errors(data))
    except UnicodeEncodeError:
        errors = []
    if not errors:
        yield unexplained("")
    for error in errors:
        yield unexplained(pointer_of(error.instance_path), error.message)
