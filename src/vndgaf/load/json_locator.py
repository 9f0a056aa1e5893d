"""JSON positions on demand: the path of one pointer walked through the text.

:func:`json.loads` keeps no positions, and a full tokenizer pass (:class:`JsonScan`) costs
seconds on a national model while a check reports a few dozen findings. The locator walks only
the containers on a pointer's path, passing the siblings before its target with
:mod:`vndgaf.load.json_skip`, and keeps what it learns for the next lookup.

Fast path and reference: every position, value or key, in any order of lookups, is the one the
full index of :class:`~vndgaf.load.json_scan.JsonScan` gives, pinned by
``tests/parse/test_parse_json_locator.py::test_locator_agrees_with_full_index`` (and, for arrays
of records split at any window size, ``::test_record_runs_locate_as_the_full_index``).
"""

import bisect
import re
import sys
from typing import Final

from vndgaf.diagnostics import pointer_parts, pointer_token
from vndgaf.load.json_scan import JsonScan
from vndgaf.load.json_skip import (
    COLON,
    RECORD_WINDOW,
    SCAN_STRING,
    SPACE,
    next_child,
    past,
    records,
    skip,
)
from vndgaf.load.positions import Position, SourceMap
from vndgaf.load.problems import Limits

__all__ = ["JsonLocator"]

_INDEX: Final = re.compile(r"0|[1-9][0-9]{0,17}")


class _Container:
    """What a :class:`JsonLocator` knows so far about one array or object (by its offset).

    Children are scanned left to right and never twice: ``items`` (arrays) holds the offset of
    every item seen, ``members`` (objects) the key and value offsets of every member seen, and
    ``next`` where scanning resumes. When ``pending``, ``next`` is the start of the last child
    recorded, whose end is not known yet (it was the target of a lookup, so it was not skipped).
    """

    __slots__ = ("done", "items", "members", "next", "pending")

    def __init__(self, first: int) -> None:
        self.items: list[int] = []
        self.members: dict[str, tuple[int, int]] = {}
        self.next = first
        self.pending = False
        self.done = False


class JsonLocator:
    """Positions in valid JSON without duplicate keys, found by walking one pointer's path.

    Each lookup walks only the containers on the pointer's path and skips the siblings before
    the target at C speed (:func:`~vndgaf.load.json_skip.skip`, or
    :func:`~vndgaf.load.json_skip.records` for runs of records). What a walk learns is kept (see
    :class:`_Container`), so later lookups resume where earlier ones stopped; arrays met as
    siblings of a path object are walked item by item rather than skipped whole, so that entering
    them later (a model's top-level lists) does not scan them a second time. Line and column are
    counted from the nearest position already computed, never from a full line index.

    The results are those of :meth:`JsonScan.source` on the same text (see the module
    docstring); should the walk ever fail, it falls back to that full index.
    """

    __slots__ = (
        "_containers",
        "_index",
        "_limits",
        "_lone_cr",
        "_marks",
        "_root",
        "_text",
        "_window",
    )

    def __init__(self, text: str, limits: Limits, *, window: int = RECORD_WINDOW) -> None:
        self._text = text
        self._limits = limits
        self._window = window  # characters tested at a time by records()
        self._root = past(SPACE, text, 0)
        self._containers: dict[int, _Container] = {}
        self._lone_cr: bool | None = None
        self._marks: list[tuple[int, int, int]] = [(0, 1, 0)]  # (offset, line, line start)
        self._index: SourceMap | None = None

    def locate(self, pointer: str, key: bool) -> Position:
        """As :meth:`~vndgaf.load.positions.SourceMap.locate`."""
        if self._index is None:
            try:
                return self._position(self._offset(pointer, key))
            except (ValueError, IndexError, StopIteration, RecursionError):
                self._index = JsonScan(self._text, self._limits, find_fatal=False).source()
        return self._index.locate(pointer, key=key)

    def _offset(self, pointer: str, key: bool) -> int:
        """Offset of the value at ``pointer`` (its key when ``key``) or of its deepest ancestor."""
        text, at = self._text, self._root
        if not pointer.startswith("/"):
            return at
        key_at = -1
        for token, name in zip(pointer[1:].split("/"), pointer_parts(pointer), strict=True):
            first = text[at]
            if first == "{":
                member = self._member(at, name) if pointer_token(name) == token else None
                if member is None:
                    return at
                key_at, at = member
            elif first == "[" and _INDEX.fullmatch(token):
                item = self._item(at, int(token))
                if item is None:
                    return at
                key_at, at = -1, item
            else:
                return at
        return key_at if key and key_at >= 0 else at

    def _state(self, offset: int) -> _Container:
        state = self._containers.get(offset)
        if state is None:
            first = past(SPACE, self._text, offset + 1)
            state = self._containers[offset] = _Container(first)
        return state

    def _end(self, offset: int) -> int:
        """Offset just past the value at ``offset``, reusing (and completing) what is known."""
        state = self._containers.get(offset)
        if state is None:
            return skip(self._text, offset)
        if not state.done:
            if self._text[offset] == "[":
                self._item(offset, sys.maxsize)
            else:
                self._member(offset, None)
        return state.next + 1

    def _resume(self, state: _Container) -> int:
        """Where scanning ``state`` goes on: past the child a lookup stopped at, if pending."""
        if not state.pending:
            return state.next
        state.pending = False
        return next_child(self._text, self._end(state.next))

    def _item(self, offset: int, index: int) -> int | None:
        """Offset of item ``index`` of the array at ``offset``, scanning only as far as needed."""
        state = self._state(offset)
        items = state.items
        if index < len(items) or state.done:
            return items[index] if index < len(items) else None
        text, known, end = self._text, self._containers, self._end
        at = self._resume(state)
        retry = at  # where skipping a run of records before the target may be tried
        while True:
            if text[at] == "]":
                state.done = True
                break
            if at >= retry and text[at] == "{" and at not in known:
                run, after, retry = records(text, at, index - len(items), self._window)
                if run:
                    items.extend(run)
                    at = after
                    continue
            items.append(at)
            if len(items) > index:
                state.pending = True
                break
            at = next_child(text, end(at) if at in known else skip(text, at))
        state.next = at
        return items[index] if index < len(items) else None

    def _member(self, offset: int, name: str | None) -> tuple[int, int] | None:
        """(key, value) offsets of member ``name`` of the object at ``offset`` (``None``: scan
        to the end). Arrays skipped on the way are walked, not skipped whole (see the class)."""
        state = self._state(offset)
        members = state.members
        found = members.get(name) if name is not None else None
        if found is not None or state.done:
            return found
        text, end = self._text, self._end
        at = self._resume(state)
        while True:
            if text[at] == "}":
                state.done = True
                break
            key, after = SCAN_STRING(text, at + 1, False)
            value = past(COLON, text, after)
            members.setdefault(key, (at, value))
            if key == name:
                state.next, state.pending = value, True
                return members[key]
            if text[value] == "[":
                self._state(value)
            at = next_child(text, end(value))
        state.next = at
        return None

    def _breaks(self, start: int, end: int) -> int:
        """Line breaks in ``text[start:end]``, ``\\r\\n`` counting once (no bound splits one: both
        are offsets of tokens)."""
        text = self._text
        if self._lone_cr is None:  # only a lone \r needs more than counting \n
            self._lone_cr = "\r" in text and text.count("\r") != text.count("\r\n")
        breaks = text.count("\n", start, end)
        if self._lone_cr:
            breaks += text.count("\r", start, end) - text.count("\r\n", start, end)
        return breaks

    def _position(self, offset: int) -> Position:
        """1-based (line, column) as :func:`~vndgaf.load.positions.position`, counting line
        breaks only from the nearest offset already placed (before or after), so no line index
        is ever built."""
        text, marks = self._text, self._marks
        at = bisect.bisect_right(marks, (offset, sys.maxsize))
        low, low_line, low_start = marks[at - 1]
        if at < len(marks) and marks[at][0] - offset < offset - low:
            line = marks[at][1] - self._breaks(offset, marks[at][0])
        else:
            line = low_line + self._breaks(low, offset)
        start = low_start
        if line != low_line:
            last = text.rfind("\n", low, offset)
            if self._lone_cr:
                last = max(last, text.rfind("\r", low, offset))
            start = last + 1
        if low != offset:
            marks.insert(at, (offset, line, start))
        return (line, offset - start + 1)
