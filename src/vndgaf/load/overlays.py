"""Catalogue overlays from files: read with positions, checked against the overlay schema.

The format and what an overlay does are :mod:`vndgaf.reference.overlay`; this module reads a
user's file the way submissions are read (:mod:`vndgaf.load.read`: size limit, UTF-8, YAML 1.2
core or JSON, every value's line and column), checks it against the published overlay schema
(jsonschema-rs decides, jsonschema explains, as for submissions) and hands the data over, so
every problem — syntax, schema, or what the overlay does to the catalogue — comes back with
file, line, column and JSON pointer in one :class:`~vndgaf.reference.OverlayError`.
"""

import datetime as dt
import functools
import os
from collections.abc import Sequence
from typing import Any

import jsonschema_rs

from vndgaf.diagnostics import Location
from vndgaf.errors import InputError
from vndgaf.load.problems import Limits
from vndgaf.load.read import parse_bytes
from vndgaf.load.schema_messages import SchemaProblem
from vndgaf.load.validation import problems
from vndgaf.reference import Catalogue, Overlay, OverlayError, OverlayProblem, catalogue
from vndgaf.reference.overlay import digest_of, overlay_from_data
from vndgaf.reference.overlay_schema import schema_for

__all__ = ["catalogue_with", "parse_overlay", "read_overlay"]


@functools.cache
def _fast(ref: str) -> jsonschema_rs.Validator:
    return jsonschema_rs.validator_for(schema_for(ref), validate_formats=True)


@functools.cache
def _precise(ref: str) -> Any:
    import jsonschema  # only for an invalid document, as for submissions

    schema = schema_for(ref)
    cls = jsonschema.validators.validator_for(schema_for(""))
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _check(ref: str, data: Any) -> tuple[SchemaProblem, ...]:
    """The schema problems of ``data`` (the document, an entry or a change's fields)."""
    if _fast(ref).is_valid(data):
        return ()
    return problems(_precise(ref).iter_errors(data))


def parse_overlay(raw: bytes, path: str) -> Overlay:
    """Parse and check one overlay document (bytes, named ``path``)."""
    parsed = parse_bytes(raw, path)
    if parsed.problems:
        raise OverlayError(
            [
                OverlayProblem(p.code, p.message, Location(path, p.line, p.column, p.pointer))
                for p in parsed.problems
            ]
        )

    def locate(pointer: str, key: bool) -> tuple[int, int]:
        return parsed.source.locate(pointer, key=key)

    return overlay_from_data(parsed.data, path, digest=digest_of(raw), locate=locate, check=_check)


def read_overlay(path: str | os.PathLike[str]) -> Overlay:
    """Read a user's overlay file (YAML or JSON).

    :class:`~vndgaf.reference.OverlayError` lists its problems, located;
    :class:`~vndgaf.errors.InputError` says when it cannot be read.
    """
    name = os.fspath(path)
    limit = Limits().max_bytes
    try:
        if os.stat(name).st_size > limit:
            raise InputError(f"{name} is larger than {limit} bytes")
        with open(name, "rb") as handle:
            raw = handle.read(limit + 1)
    except IsADirectoryError:
        raise InputError(f"{name} is a directory, not an overlay file") from None
    except OSError as exc:
        raise InputError(f"cannot read {name}: {exc.strerror or exc}") from None
    return parse_overlay(raw, name)


def catalogue_with(
    paths: Sequence[str | os.PathLike[str]], as_of: dt.date | None = None
) -> Catalogue:
    """The catalogue as of ``as_of`` (default today) with the overlay files ``paths`` applied
    after the bundled ones, in order."""
    return catalogue(as_of, overlays=[read_overlay(p) for p in paths])
