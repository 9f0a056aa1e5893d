"""JSON with positions: :func:`json.loads` for the data, at C speed, and the resource limits.

The data comes from the standard library's parser; the limits it does not enforce (depth,
string length, finite numbers, digits) are checked afterwards by a few passes over the bytes,
and only a document that fails one is tokenized (:class:`~vndgaf.load.json_scan.JsonScan`) to
place the problem. Positions of a clean document are found on demand
(:class:`~vndgaf.load.json_locator.JsonLocator`); a document with duplicate keys gets the full
index, which also reports them (SCH002; RFC 8259 section 4 leaves their meaning open). A
``\\uD800``-``\\uDFFF`` escape that is not half of a pair decodes to a lone surrogate, text no
encoding can write: the first one, in document order, is SCH005 at its key or value (looked for
only when the bytes hold such an escape).

Fast path and reference: the byte passes (:func:`_depth_exceeds`, :func:`_may_hold_long_string`)
decide whether a document breaks a limit, and the full scan
(:class:`~vndgaf.load.json_scan.JsonScan` with ``find_fatal``) is the reference that also
places the problem. A document is stopped exactly when the scan finds a fatal spot, with the
scan's problem, pinned by
``tests/parse/test_parse_json_limits.py::test_limit_checks_stop_where_the_full_scan_does``.
"""

import json
import math
import re
from collections.abc import Callable
from typing import Any, Final

from vndgaf.diagnostics import pointer_token
from vndgaf.load.json_locator import JsonLocator
from vndgaf.load.json_scan import JsonScan
from vndgaf.load.json_skip import brackets_of, without_escapes
from vndgaf.load.positions import SourceMap, line_starts, position
from vndgaf.load.problems import (
    Fatal,
    Limits,
    ParseProblem,
    empty,
    lone_surrogate,
    non_finite,
    problem,
    too_deep,
    too_long,
    too_many_digits,
)

__all__ = ["parse_json"]

_NOT_JSON_SPACE: Final = re.compile(r"[^ \t\r\n]")
_OBJECTS_AS_ARRAYS: Final = bytes.maketrans(b"{}", b"[]")
_SURROGATE_ESCAPE: Final = re.compile(rb"\\u[dD][89abcdefABCDEF]")
_SURROGATE: Final = re.compile("[\ud800-\udfff]")


class _NonFiniteError(Exception):
    """Raised from ``parse_constant`` and ``parse_float``: a NaN or infinity in JSON."""


def _pairs_hook(seen_duplicates: list[bool]) -> Callable[[list[tuple[str, Any]]], dict[str, Any]]:
    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) != len(pairs):
            seen_duplicates[0] = True
            result = {}
            for key, value in pairs:
                result.setdefault(key, value)
        return result

    return hook


def _reject_constant(name: str) -> Any:
    raise _NonFiniteError(name)


def _finite_float(token: str) -> float:
    value = float(token)
    if not math.isfinite(value):
        raise _NonFiniteError(token)
    return value


def _depth_exceeds(raw: bytes, limit: int) -> bool:
    """Cheaply: is valid JSON nested deeper than ``limit``? (A few C-speed passes.)

    Depth does not depend on the kind of bracket, so objects are written as arrays first; then
    each pass removes the innermost containers, exactly one level, and the brackets are gone
    after as many passes as the document is deep. (Removing ``[]`` and then ``{}`` in two scans
    would take ``{[]}`` away in one pass.)
    """
    brackets = brackets_of(raw).translate(_OBJECTS_AS_ARRAYS)
    for _ in range(limit):
        if not brackets:
            return False
        brackets = brackets.replace(b"[]", b"")
    return bool(brackets)


def _may_hold_long_string(raw: bytes, limit: int) -> bool:
    """Necessary condition for a JSON string longer than ``limit``: a long quote-free stretch.

    A stretch longer than ``limit`` fully covers one of the aligned windows of half that size, so
    only ``len(raw) / (limit / 2)`` C-speed searches are needed.
    """
    if len(raw) <= limit:
        return False
    blanked = without_escapes(raw)
    half = max(limit // 2, 1)
    return any(blanked.find(b'"', start, start + half) < 0 for start in range(0, len(raw), half))


def _longest_string_exceeds(data: Any, limit: int) -> bool:
    """Iteratively look for a key or string longer than ``limit`` in parsed JSON data."""
    todo = [data]
    while todo:
        item = todo.pop()
        if isinstance(item, str):
            if len(item) > limit:
                return True
        elif isinstance(item, dict):
            todo.extend(item)
            todo.extend(item.values())
        elif isinstance(item, list):
            todo.extend(item)
    return False


def _first_surrogate(data: Any) -> tuple[str, bool, int] | None:
    """(pointer, is it a key, code point) of the first lone surrogate in document order."""
    todo: list[tuple[str, Any]] = [("", data)]
    while todo:
        pointer, item = todo.pop()
        if isinstance(item, str):
            found = _SURROGATE.search(item)
            if found is not None:
                return pointer, False, ord(found.group())
        elif isinstance(item, dict):
            for key in item:
                found = _SURROGATE.search(key)
                if found is not None:
                    return f"{pointer}/{pointer_token(key)}", True, ord(found.group())
            todo.extend((f"{pointer}/{pointer_token(k)}", v) for k, v in reversed(item.items()))
        elif isinstance(item, list):
            todo.extend((f"{pointer}/{i}", v) for i, v in reversed(list(enumerate(item))))
    return None


def parse_json(text: str, raw: bytes, limits: Limits) -> tuple[Any, SourceMap, list[ParseProblem]]:
    """The data of one JSON document (``text``, and ``raw``: its UTF-8 bytes without BOM), its
    positions and its non-fatal problems (SCH002); raises :class:`Fatal` at a problem that stops
    reading."""

    def fatal_from_scan(fallback: ParseProblem) -> Fatal:
        return Fatal(JsonScan(text, limits, find_fatal=True).fatal or fallback)

    if _NOT_JSON_SPACE.search(text) is None:  # stops at the first character, no copy
        raise Fatal(empty())
    duplicates = [False]
    hook = _pairs_hook(duplicates)
    try:
        data = json.loads(
            text,
            object_pairs_hook=hook,
            parse_constant=_reject_constant,
            parse_float=_finite_float,  # one call per float: architectures hold few
        )
    except json.JSONDecodeError as exc:
        message = exc.msg
        raise Fatal(
            problem(
                "SCH001",
                f"JSON syntax error: {message}.",
                f"Lỗi cú pháp JSON: {message}.",
                position(line_starts(text), exc.pos),
            )
        ) from None
    except RecursionError:
        raise fatal_from_scan(too_deep(limits.max_depth, (1, 1), "")) from None
    except _NonFiniteError as exc:
        raise fatal_from_scan(non_finite(str(exc), (1, 1), "")) from None
    except ValueError:  # an integer with more digits than Python converts
        raise fatal_from_scan(too_many_digits((1, 1), "")) from None
    if _depth_exceeds(raw, limits.max_depth):
        raise fatal_from_scan(too_deep(limits.max_depth, (1, 1), ""))
    if _may_hold_long_string(raw, limits.max_scalar_length) and _longest_string_exceeds(
        data, limits.max_scalar_length
    ):
        raise fatal_from_scan(too_long(limits.max_scalar_length, (1, 1), ""))
    if duplicates[0]:
        scan = JsonScan(text, limits, find_fatal=False)
        source, problems = scan.source(), scan.duplicates
    else:
        source, problems = SourceMap(locator=JsonLocator(text, limits).locate), []
    surrogate = _first_surrogate(data) if _SURROGATE_ESCAPE.search(raw) else None
    if surrogate is not None:
        pointer, key, code_point = surrogate
        fatal = Fatal(lone_surrogate(code_point, source.locate(pointer, key=key), pointer))
        fatal.earlier = problems
        raise fatal
    return data, source, problems
