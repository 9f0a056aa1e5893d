"""Skipping JSON values at C speed: where a value ends, where the records of an array start.

The JSON locator (:mod:`vndgaf.load.json_locator`) walks one pointer's path through the text
and must pass every sibling before its target. Decoding each sibling with :mod:`json`'s C
scanner would build objects nobody wants; these functions find the same offsets with a few
``str.find``/``bytes.translate`` passes instead, and fall back to the scanner whenever their
preconditions do not hold.

Fast path and reference, pinned together by property tests:

- :func:`skip` ends every value where ``json.JSONDecoder().raw_decode`` ends it
  (``tests/parse/test_parse_json_locator.py::test_fast_skip_agrees_with_the_decoder_at_every_value``);
- :func:`records` starts every record where the item-by-item walk does, for any window size
  (``tests/parse/test_parse_json_locator.py::test_record_runs_locate_as_the_full_index``).

JSON grammar: RFC 8259 (https://www.rfc-editor.org/rfc/rfc8259), sections 2 (structure), 7
(strings and their escapes).
"""

import itertools
import json
import operator
import re
from collections.abc import Callable
from typing import Any, Final

__all__ = [
    "COLON",
    "RECORD_WINDOW",
    "SCAN_STRING",
    "SPACE",
    "brackets_of",
    "brackets_outside_strings",
    "next_child",
    "only_flat_objects",
    "past",
    "records",
    "skip",
    "without_escapes",
]

# The C scanners behind json.loads (not in typeshed): a whole value from its first character, and
# a string from just past its opening quote; each gives the decoded value and the offset past it.
_DECODER: Final[Any] = json.JSONDecoder(strict=False)
_DECODER_MODULE: Final[Any] = json.decoder
_SCAN_VALUE: Final[Callable[[str, int], tuple[Any, int]]] = _DECODER.scan_once
SCAN_STRING: Final[Callable[[str, int, bool], tuple[str, int]]] = _DECODER_MODULE.scanstring
SPACE: Final = re.compile(r"[ \t\r\n]*+")
COLON: Final = re.compile(r"[ \t\r\n]*+:[ \t\r\n]*+")
_COMMA: Final = re.compile(r"[ \t\r\n]*+,?[ \t\r\n]*+")
_QUOTED_MARKS: Final = re.compile(rb'"[^"]*"')
_NOT_QUOTE_OR_BRACKET: Final = bytes(b for b in range(256) if b not in b'"[]{}')


def past(pattern: re.Pattern[str], text: str, at: int) -> int:
    """Offset just past what ``pattern`` (which may match nothing) matches at ``at``."""
    match = pattern.match(text, at)
    return match.end() if match else at


def skip(text: str, at: int) -> int:
    """Offset just past the valid JSON value starting at ``at``.

    A container without a nested bracket of its own kind (a typical list item or record) is
    skipped by a few C-speed searches instead of being decoded: its first closing bracket ends it
    when no quote in between is escaped and the quotes pair up, since that bracket is then
    outside every string and, no container of its kind opening in between, can close only this
    one. Anything else goes to the decoder.
    """
    first = text[at]
    if first == "{" or first == "[":
        end = text.find("}" if first == "{" else "]", at)
        if (
            end > at
            and text.find(first, at + 1, end) < 0
            and text.find('\\"', at, end) < 0
            and text.count('"', at, end) % 2 == 0
        ):
            return end + 1
    return _SCAN_VALUE(text, at)[1]


#: Characters per window of :func:`records` (a few hundred typical records).
RECORD_WINDOW: Final = 1 << 16


def brackets_outside_strings(chunk: bytes) -> bytes | None:
    """The brackets of ``chunk`` (valid JSON bytes starting outside any string) that lie outside
    strings, in order; None when some string holds a bracket.

    Three C-speed passes: blank escapes, keep only quotes and brackets, drop adjacent quote
    pairs. No quote is left exactly when no string holds a bracket: the opening quote of such a
    string is followed by a bracket, so it can only be dropped with the quote before it, which
    then closes an earlier string that also holds a bracket, and so on back to the first quote
    of the chunk, which has no quote before it.
    """
    marks = without_escapes(chunk).translate(None, _NOT_QUOTE_OR_BRACKET).replace(b'""', b"")
    return None if b'"' in marks else marks


def only_flat_objects(brackets: bytes) -> bool:
    """True when these brackets (of :func:`brackets_outside_strings`) are objects side by side,
    with no object or nested array inside."""
    return brackets.replace(b"[]", b"").replace(b"{}", b"") == b""


def compact_starts(chunk: str, at: int, count: int) -> list[int] | None:
    """Start offsets of the records of a window of flat objects (``at``: the window's offset;
    see :func:`only_flat_objects`) when each follows the one before with no space (``},{``, as
    compact JSON writes them), found with C-level passes only; None otherwise.

    In such a window every ``{`` starts a record and every ``}`` ends one, so ``},{`` occurs
    only between records, and splitting at it gives one piece per record exactly when there
    are as many pieces as records (``count``, the window's ``{``).
    """
    pieces = chunk.split("},{")
    if len(pieces) != count:
        return None
    # Record k+1 starts 3 characters ("},{" less its "{") after the piece of record k ends.
    steps = map(operator.add, map(len, pieces[:-1]), itertools.repeat(3))
    found = list(itertools.accumulate(steps, initial=at - 1))
    found[0] = at  # the first piece holds its own "{"
    return found


def object_end(text: str, at: int) -> int:
    """Offset of the ``}`` closing the object at ``at``, where no string holds a brace: the first
    ``}`` after which as many braces closed as opened."""
    end = text.find("}", at)
    opened = text.count("{", at, end)
    closed = 1
    while opened > closed:
        after = text.find("}", end + 1)
        if after < 0:  # unbalanced (never in valid JSON): past the end
            return len(text)
        opened += text.count("{", end + 1, after)
        closed += 1
        end = after
    return end


def records(
    text: str, at: int, most: int, window: int = RECORD_WINDOW
) -> tuple[list[int], int, int]:
    """Start offsets of up to ``most`` consecutive array items from ``at`` that are objects (the
    records of a national model), where the item after them starts, and from where trying
    again is worthwhile.

    A window of text is first shown to hold no bracket inside a string
    (:func:`brackets_outside_strings`); then a record ends at its balancing ``}``, found with a
    few searches (:func:`object_end`) instead of the checks and decoding of :func:`skip`, and
    a compact window of flat records costs a few C-level passes in all
    (:func:`compact_starts`). Stops at an item that is not an object, or at a window that
    fails the test: its items are left to :func:`skip`, and the third value (the window's
    end) says not to test them again, so such an array costs one extra pass at most.
    ``window`` is the number of characters tested at a time.
    """
    starts: list[int] = []
    while len(starts) < most and text[at] == "{":
        stop = text.rfind("}", at, at + window) + 1
        chunk = text[at:stop]
        brackets = brackets_outside_strings(chunk.encode()) if stop > at else None
        if brackets is None:
            return starts, at, max(stop, at + 1)
        flat = only_flat_objects(brackets)
        found = compact_starts(chunk, at, brackets.count(b"{")) if flat else None
        if found is not None:  # compact flat records: the whole window at once
            wanted = most - len(starts)
            if len(found) > wanted:
                starts.extend(found[:wanted])
                return starts, found[wanted], found[wanted]
            starts.extend(found)
            at = next_child(text, stop)
            continue
        first = at
        while len(starts) < most and text[at] == "{":
            end = object_end(text, at)
            if end >= stop:  # ends past the window, whose strings alone were checked
                break
            starts.append(at)
            at = next_child(text, end + 1)
        if at == first:  # a record longer than the window
            return starts, at, at + 1
    return starts, at, at


def next_child(text: str, after: int) -> int:
    """Where the next child (or the closing bracket) starts, after a value ending at ``after``."""
    if text[after] == ",":
        after += 1
        return after if text[after] not in " \t\r\n" else past(SPACE, text, after)
    return after if text[after] not in " \t\r\n" else past(_COMMA, text, after)


def without_escapes(raw: bytes) -> bytes:
    """Valid JSON bytes with every ``\\\\`` and ``\\"`` escape blanked, lengths unchanged.

    Left-to-right pairing of backslashes is exactly JSON's escape pairing, so afterwards every
    ``"`` delimits a string.
    """
    if b"\\" not in raw:
        return raw
    return raw.replace(b"\\\\", b"__").replace(b'\\"', b"__")


def brackets_of(raw: bytes) -> bytes:
    """The brackets of valid JSON bytes that lie outside strings, in order (strings dropped
    properly when :func:`brackets_outside_strings` cannot tell)."""
    brackets = brackets_outside_strings(raw)
    if brackets is None:
        marks = without_escapes(raw).translate(None, _NOT_QUOTE_OR_BRACKET)
        brackets = _QUOTED_MARKS.sub(b"", marks)
    return brackets
