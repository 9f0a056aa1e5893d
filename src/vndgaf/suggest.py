"""Did you mean …? The closest known id or word to a misspelt one, in bounded work per miss.

A suggestion is ranked as :func:`difflib.get_close_matches` ranks (``n=1``): the candidate with
the highest :class:`difflib.SequenceMatcher` ratio at or above the cutoff; a tie goes to the
candidate fewest edits away (for ``vn:commune/23583``, ``vn:commune/21583`` one digit off
before ``vn:commune/23839``, though difflib rates both alike), then to the greater string, as
difflib. Comparing a miss with every candidate is what made "did you mean" quadratic (a
document of 5,000 systems and 5,000 misspelt references took minutes), so the candidates a miss
is compared with come from an index, :class:`Suggestions`, and their number is bounded:

- a pool of up to :data:`SMALL` candidates (field names, enum values, the ids of a small
  submission) is compared whole, so the answer is exactly difflib's;
- a larger pool is kept sorted twice, by the ids and by the ids read backwards. A miss is
  compared with its neighbours in both orders (the ids that share its longest beginning or its
  longest end) and with every id one edit away from it (one character replaced, added, removed,
  or two neighbours swapped), found where the ids sharing the text before the edit meet the ids
  sharing the text after it, at most :data:`BLOCK` ids looked at per edit position.

Lengths bound the rest exactly: two strings whose lengths differ so that
``2 * shorter / (shorter + longer)`` is below the cutoff can never reach it, so they are not
compared (an 8 MiB value is never compared with a field name), and strings longer than
:data:`MAX_LENGTH` are neither suggested nor given a suggestion (an id has at most 200
characters). Fast path and reference: on a pool larger than :data:`SMALL`, the answer for a miss
one edit away from an id is that id or one with at least its ratio, pinned by
``tests/loader/test_suggest.py::test_index_finds_every_id_one_edit_away``.
"""

import bisect
import difflib
from collections.abc import Iterable, Iterator

__all__ = ["BLOCK", "CUTOFF", "MAX_LENGTH", "SMALL", "Suggestions", "closest", "edits"]

CUTOFF = 0.7
"""The lowest similarity (difflib's ratio) a suggestion may have."""
MAX_LENGTH = 256
"""Strings longer than this are neither suggested nor given a suggestion."""
SMALL = 64
"""Pools up to this size are compared whole with each miss."""
BLOCK = 64
"""At most this many ids are looked at for each edit position of a miss."""
_NEIGHBOURS = 2
_LAST = chr(0x10FFFF)


def _comparable(word: str, candidate: str, cutoff: float) -> bool:
    """Can the two reach ``cutoff`` at all, by their lengths? (difflib's real_quick_ratio)"""
    total = len(word) + len(candidate)
    return (2.0 * min(len(word), len(candidate)) / total if total else 1.0) >= cutoff


def _best(word: str, candidates: Iterable[str], cutoff: float) -> str | None:
    """difflib's choice among ``candidates`` (highest ratio >= cutoff), ties as the module says."""
    ranked = _ranked(word, candidates, cutoff)
    return ranked[0] if ranked else None


def _ranked(word: str, candidates: Iterable[str], cutoff: float) -> list[str]:
    """The candidates of the highest ratio >= cutoff: fewest edits away first, then greatest."""
    matcher: difflib.SequenceMatcher[str] | None = None
    best = cutoff
    tied: list[str] = []
    for candidate in candidates:
        if not _comparable(word, candidate, best) or len(candidate) > MAX_LENGTH:
            continue
        if matcher is None:
            matcher = difflib.SequenceMatcher()
            matcher.set_seq2(word)
        matcher.set_seq1(candidate)
        if matcher.quick_ratio() < best:
            continue
        score = matcher.ratio()
        if score > best or (score == best and not tied):
            best, tied = score, [candidate]
        elif score == best:
            tied.append(candidate)
    return sorted(tied, key=lambda c: (edits(word, c), _descending(c)))


def _descending(text: str) -> tuple[int, ...]:
    """A key that sorts strings greatest first."""
    return (*(-ord(c) for c in text), 1)


def edits(a: str, b: str) -> int:
    """The Levenshtein distance: characters replaced, added or removed to turn ``a`` into ``b``.

    >>> edits("vn:commune/23583", "vn:commune/21583"), edits("vn:commune/23583", "vn:commune/23839")
    (1, 2)
    """
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def closest(word: str, candidates: Iterable[str], cutoff: float = CUTOFF) -> str | None:
    """The candidate difflib would suggest for ``word`` (a few candidates: compared whole).

    >>> closest("provincal", ["central", "provincial", "district"])
    'provincial'
    >>> closest("x" * 8_000_000, ["central", "provincial"]) is None
    True
    """
    if len(word) > MAX_LENGTH:
        return None
    return _best(word, candidates, cutoff)


class Suggestions:
    """An index of candidate ids that answers each miss in bounded work (see the module).

    >>> ids = Suggestions(f"he-thong-{i:05d}" for i in range(5_000))
    >>> ids.closest("he-thong-00123x"), ids.closest("he-thng-04321"), ids.closest("zzz")
    ('he-thong-00123', 'he-thong-04321', None)
    """

    def __init__(self, candidates: Iterable[str], cutoff: float = CUTOFF) -> None:
        self.cutoff = cutoff
        self._forward = sorted({c for c in candidates if len(c) <= MAX_LENGTH})
        self._known = frozenset(self._forward)
        self._backward = (
            sorted(c[::-1] for c in self._forward) if len(self._forward) > SMALL else []
        )

    def closest(self, word: str) -> str | None:
        """The suggestion for ``word``, or None when no candidate is close enough."""
        ranked = self.ranked(word)
        return ranked[0] if ranked else None

    def ranked(self, word: str) -> tuple[str, ...]:
        """Every candidate as close to ``word`` as the best one, best first (fewest edits)."""
        if len(word) > MAX_LENGTH:
            return ()
        if len(self._forward) <= SMALL:
            return tuple(_ranked(word, self._forward, self.cutoff))
        return tuple(_ranked(word, dict.fromkeys(self._candidates(word)), self.cutoff))

    def _candidates(self, word: str) -> Iterator[str]:
        """The neighbours of ``word`` in both orders and every id one edit away from it."""
        drow = word[::-1]
        at_f, common_f = _neighbourhood(self._forward, word)
        at_b, common_b = _neighbourhood(self._backward, drow)
        yield from self._forward[max(at_f - _NEIGHBOURS, 0) : at_f + _NEIGHBOURS]
        behind = self._backward[max(at_b - _NEIGHBOURS, 0) : at_b + _NEIGHBOURS]
        yield from (c[::-1] for c in behind)
        size = len(word)
        # An edit at position i leaves word[:i] at the start (i <= common_f) and the text after
        # the edit at the end (its length <= common_b).
        for i in range(max(size - 2 - common_b, 0), min(common_f, size) + 1):
            removed = word[:i] + word[i + 1 :]
            if removed in self._known:
                yield removed
            if i + 1 < size:
                swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
                if swapped in self._known:
                    yield swapped
            yield from self._meeting(word[:i], word[i + 1 :], size)  # one replaced
        for i in range(max(size - common_b, 0), min(common_f, size) + 1):
            yield from self._meeting(word[:i], word[i:], size + 1)  # one added

    def _meeting(self, head: str, tail: str, length: int) -> list[str]:
        """Ids of ``length`` that start with ``head`` and end with ``tail`` (at most BLOCK of
        the smaller of the two groups looked at)."""
        f_lo, f_hi = _block(self._forward, head)
        b_lo, b_hi = _block(self._backward, tail[::-1])
        if f_hi - f_lo <= b_hi - b_lo:
            group = self._forward[f_lo : min(f_hi, f_lo + BLOCK)]
            return [c for c in group if len(c) == length and c.endswith(tail)]
        group = self._backward[b_lo : min(b_hi, b_lo + BLOCK)]
        return [c[::-1] for c in group if len(c) == length and c.endswith(head[::-1])]


def _neighbourhood(ordered: list[str], word: str) -> tuple[int, int]:
    """Where ``word`` sorts in ``ordered``, and the longest beginning it shares with any."""
    at = bisect.bisect_left(ordered, word)
    common = 0
    for other in ordered[max(at - 1, 0) : at + 1]:
        n = 0
        for a, b in zip(word, other, strict=False):
            if a != b:
                break
            n += 1
        common = max(common, n)
    return at, common


def _block(ordered: list[str], start: str) -> tuple[int, int]:
    """The range of ``ordered`` whose strings start with ``start``."""
    return bisect.bisect_left(ordered, start), bisect.bisect_left(ordered, start + _LAST)
