"""Schema validation of one parsed document: a fast verdict, then every error when invalid.

jsonschema-rs (https://github.com/Stranger6667/jsonschema, compiled Rust) decides whether a
document is valid, which is the common case and costs about 0.05 s on a national model.
Only an invalid document is handed to jsonschema
(https://python-jsonschema.readthedocs.io/), which reports every error with the path and the
keyword that failed; :mod:`vndgaf.load.schema_messages` turns each into a problem a person can
act on. jsonschema is imported then and only then, so validating a valid file never loads it.

Fast path and reference: the two validators give the same verdict on every document, pinned by
``tests/synth/test_validator_agreement.py`` (``::test_agree_on_generated_and_mutated_documents``
on Hypothesis documents mutated at random, and on every example, broken example and date edge
case).
"""

import functools
from typing import TYPE_CHECKING, Any

import jsonschema_rs

from vndgaf.load.schema_messages import SchemaProblem, problems_of
from vndgaf.schema import submission_schema

if TYPE_CHECKING:
    import jsonschema

__all__ = ["SchemaProblem", "is_valid", "validate"]


@functools.cache
def _fast() -> jsonschema_rs.Validator:
    """The compiled validator of the submission schema (formats such as ``date`` checked)."""
    return jsonschema_rs.validator_for(submission_schema(), validate_formats=True)


@functools.cache
def _precise() -> "jsonschema.protocols.Validator":
    """jsonschema's validator of the submission schema, imported on first use."""
    import jsonschema

    schema = submission_schema()
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def is_valid(data: Any) -> bool:
    """The fast verdict: does ``data`` satisfy the submission schema?

    >>> is_valid({"format_version": 1}), is_valid({"format_version": 2})
    (True, False)
    """
    return _fast().is_valid(data)


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
    seen: set[tuple[str, str, str]] = set()
    out: list[SchemaProblem] = []
    for error in precise_errors(data):
        for problem in problems_of(error):
            key = (problem.code, problem.pointer, problem.message.en)
            if key not in seen:
                seen.add(key)
                out.append(problem)
    typed = {p.pointer for p in out if p.code == "SCH012"}
    out = [p for p in out if p.code != "SCH013" or p.pointer not in typed]
    out.sort(key=lambda p: (p.pointer, p.code, p.message.en))
    return tuple(out)
