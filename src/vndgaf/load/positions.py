"""Where each value of a parsed document is: 1-based line and column by JSON pointer.

A finding points at a value by its RFC 6901 JSON pointer (https://www.rfc-editor.org/rfc/rfc6901);
a :class:`SourceMap` turns the pointer back into the line and column a person sees in an editor.
Lines end at ``\\r\\n``, ``\\r`` or ``\\n``, as in YAML 1.2 (section 5.4) and as editors count
them; columns count characters, not bytes.

Fast path and reference: :func:`line_starts` splits and accumulates when the text has no
``\r`` and runs the line-break pattern otherwise; both give the offsets the pattern gives,
pinned by ``tests/parse/test_positions.py::test_line_starts_as_the_newline_pattern``.
"""

import bisect
import itertools
import re
from collections.abc import Callable, Mapping
from typing import Final

__all__ = ["Position", "SourceMap", "line_starts", "position"]

Position = tuple[int, int]
"""1-based (line, column)."""

_NEWLINE: Final = re.compile(r"\r\n|\r|\n")


def line_starts(text: str) -> list[int]:
    """Offsets where each line begins; ``\\r\\n``, ``\\r`` and ``\\n`` each end a line.

    >>> line_starts("a\\r\\nb\\rc\\nd")
    [0, 3, 5, 7]
    """
    if "\r" in text:
        return [0, *(m.end() for m in _NEWLINE.finditer(text))]
    lengths = map(len, text.split("\n")[:-1])
    return [0, *itertools.accumulate(map((1).__add__, lengths))]


def position(starts: list[int], offset: int) -> Position:
    """1-based (line, column) of a character offset, given :func:`line_starts`.

    >>> position(line_starts("ab\\ncd"), 4)
    (2, 2)
    """
    line = bisect.bisect_right(starts, offset) - 1
    return (line + 1, offset - starts[line] + 1)


class SourceMap:
    """Where each value (and each mapping key) of one document is, by RFC 6901 JSON pointer.

    The index is either given up front (YAML, and JSON with duplicate keys) or replaced by a
    ``locator`` function that finds one pointer on demand (clean JSON), so a document nobody asks
    locations for costs nothing extra. With ``starts`` (the offsets where lines begin) the index
    holds character offsets, turned into positions on lookup.
    """

    __slots__ = ("_keys", "_locator", "_starts", "_values")

    def __init__(
        self,
        values: Mapping[str, Position | int] | None = None,
        keys: Mapping[str, Position | int] | None = None,
        *,
        starts: list[int] | None = None,
        locator: Callable[[str, bool], Position] | None = None,
    ) -> None:
        self._values = values
        self._keys = keys
        self._starts = starts
        self._locator = locator

    def _where(self, found: Position | int) -> Position:
        if isinstance(found, int):
            return position(self._starts or [0], found)
        return found

    def locate(self, pointer: str, *, key: bool = False) -> Position:
        """1-based (line, column) of the value at ``pointer``, or of its key when ``key``.

        A pointer that does not exist gives the position of its deepest existing ancestor (a
        list item has no key, so ``key=True`` gives the item itself); the root defaults to 1:1.

        >>> source = SourceMap({"": (1, 1), "/a": (2, 4)}, {"/a": (2, 1)})
        >>> source.locate("/a"), source.locate("/a", key=True), source.locate("/a/b/0")
        ((2, 4), (2, 1), (2, 4))
        """
        if self._locator is not None:
            return self._locator(pointer, key)
        values, keys = self._values or {}, self._keys or {}
        if key and pointer in keys:
            return self._where(keys[pointer])
        while True:
            found = values.get(pointer)
            if found is not None:
                return self._where(found)
            if not pointer:
                return (1, 1)
            pointer = pointer.rsplit("/", 1)[0]
