"""The full index of a JSON text: one tokenizer pass gives every position, every duplicate key
and the first spot where reading must stop.

This is the reference implementation of JSON positions. Clean JSON is located on demand by
:class:`~vndgaf.load.json_locator.JsonLocator` instead, which must give exactly the positions
this index gives (``tests/parse/test_parse_json_locator.py::test_locator_agrees_with_full_index``);
this pass is run when a document has duplicate keys (RFC 8259 section 4 leaves their meaning
open: vndgaf keeps the first and reports SCH002) or a fatal problem to place, and when the
locator's walk fails.
"""

import json
import math
import re
import sys
from typing import Any, Final

from vndgaf.diagnostics import pointer_token
from vndgaf.load.positions import Position, SourceMap, line_starts, position
from vndgaf.load.problems import (
    Limits,
    ParseProblem,
    duplicate_key,
    non_finite,
    too_deep,
    too_long,
    too_many_digits,
)

__all__ = ["JsonScan"]


# A string (group 1; with group 2 when a colon follows, i.e. a key), a bracket, or a bare scalar.
# Commas, colons and whitespace are skipped by finditer itself.
_JSON_TOKEN: Final = re.compile(
    r'("[^"\\]*(?:\\.[^"\\]*)*"?)([ \t\r\n]*:)?|[\[\]{}]|[^ \t\r\n{}\[\]:,"]+',
    re.DOTALL,
)
# Only such bare tokens can be non-finite or too long: an exponent, NaN/Infinity, 300+ chars.
_MAY_BE_BAD_NUMBER: Final = re.compile(r"[eE][-+]?[0-9]|^-?[IN]|.{300}", re.DOTALL)
_NON_FINITE: Final = frozenset(("NaN", "Infinity", "-Infinity"))


def _scalar_fatal(token: str, limits: Limits, pos: Position, ptr: str) -> ParseProblem | None:
    """Why a JSON scalar token must stop parsing (non-finite, too long), if it must."""
    first = token[0]
    if first == '"':
        limit = limits.max_scalar_length
        if len(token) > limit:
            try:
                decoded = json.loads(token)
            except ValueError:
                return None
            if len(decoded) > limit:
                return too_long(limit, pos, ptr)
        return None
    if token in _NON_FINITE:
        return non_finite(token, pos, ptr)
    if first not in "-0123456789":
        return None
    if "." in token or "e" in token or "E" in token:
        try:
            return None if math.isfinite(float(token)) else non_finite(token, pos, ptr)
        except ValueError:
            return None
    if len(token.lstrip("-")) > sys.get_int_max_str_digits():
        return too_many_digits(pos, ptr)
    return None


def _key_text(token: str) -> str:
    """The text of a JSON key token (quotes included), unescaped when it has escapes."""
    if "\\" not in token:
        return token[1:-1]
    try:
        return str(json.loads(token, strict=False))
    except ValueError:
        return token[1:-1]


class JsonScan:
    """One tokenizer pass over JSON text: positions, duplicates and the first fatal spot.

    Used when the document has duplicate keys or a fatal problem; clean JSON is located by
    :class:`~vndgaf.load.json_locator.JsonLocator` instead, with the same results.

    Positions are kept as character offsets and turned into (line, column) only on lookup.
    """

    def __init__(self, text: str, limits: Limits, *, find_fatal: bool) -> None:
        self.starts = line_starts(text)
        self.values: dict[str, int] = {}
        self.keys: dict[str, int] = {}
        self.duplicates: list[ParseProblem] = []
        self.fatal: ParseProblem | None = None
        values, keys = self.values, self.keys
        max_depth = limits.max_depth if find_fatal else sys.maxsize
        max_len = limits.max_scalar_length
        # Each frame: [pointer, is_object, next index, pointer of the pending key, keys seen]
        stack: list[list[Any]] = []
        top: list[Any] | None = None
        for match in _JSON_TOKEN.finditer(text):
            offset = match.start()
            first = text[offset]
            if first == "]" or first == "}":
                if stack:
                    stack.pop()
                    top = stack[-1] if stack else None
                continue
            kind = match.lastindex  # 2: a key, 1: a string value, None: bracket or bare scalar
            if kind == 2 and top is not None and top[1]:
                token = match.group(1)
                if find_fatal and len(token) > max_len:  # a key too long, at its mapping (as YAML)
                    where = position(self.starts, offset)
                    self.fatal = _scalar_fatal(token, limits, where, top[0])
                    if self.fatal is not None:
                        break
                key = _key_text(token)
                pointer = f"{top[0]}/{pointer_token(key)}"
                if key in top[4]:
                    where = position(self.starts, offset)
                    self.duplicates.append(duplicate_key(key, where, pointer))
                else:
                    top[4].add(key)
                    keys[pointer] = offset
                top[3] = pointer
                continue
            if top is None:
                pointer = ""
            elif top[1]:
                pointer = top[3]
            else:
                pointer = f"{top[0]}/{top[2]}"
                top[2] += 1
            values.setdefault(pointer, offset)
            if first == "[" or first == "{":
                if len(stack) >= max_depth:
                    self.fatal = too_deep(max_depth, position(self.starts, offset), pointer)
                    break
                top = [pointer, first == "{", 0, "", set()]
                stack.append(top)
                continue
            if not find_fatal:
                continue
            token = match.group()
            if len(token) > max_len if kind else _MAY_BE_BAD_NUMBER.search(token):
                where = position(self.starts, offset)
                self.fatal = _scalar_fatal(token, limits, where, pointer)
                if self.fatal is not None:
                    break

    def source(self) -> SourceMap:
        """The positions found, as a :class:`SourceMap`."""
        return SourceMap(self.values, self.keys, starts=self.starts)
