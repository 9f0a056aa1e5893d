"""Folding of Vietnamese unit names into comparable keys.

Inventories spell the same unit many ways: with or without diacritics, NFC or NFD, any case,
"Hòa" or "Hoà", "Ba Ria - Vung Tau" or "Bà Rịa – Vũng Tàu", with or without "Tỉnh", "TP.",
"Quận" … Names are compared on a folded key: diacritics removed (with "đ" → "d", which Unicode
decomposition alone does not do), lower case, every run of non-alphanumerics one space.
"""

import re
import unicodedata

import attrs

from vndgaf.model import UnitKind

__all__ = ["ParsedName", "fold", "parse_name"]

_NON_ALNUM = re.compile(r"[^0-9a-z]+")

#: Prefixes of unit names (folded), longest first, with the unit kinds each one may denote.
_PREFIXES: tuple[tuple[str, frozenset[UnitKind]], ...] = tuple(
    sorted(
        (
            ("tinh", frozenset({UnitKind.TINH})),
            (
                "thanh pho",
                frozenset({UnitKind.THANH_PHO_TRUC_THUOC_TW, UnitKind.THANH_PHO_THUOC_TINH}),
            ),
            ("tp", frozenset({UnitKind.THANH_PHO_TRUC_THUOC_TW, UnitKind.THANH_PHO_THUOC_TINH})),
            ("quan", frozenset({UnitKind.QUAN})),
            ("huyen", frozenset({UnitKind.HUYEN})),
            ("thi xa", frozenset({UnitKind.THI_XA})),
            ("tx", frozenset({UnitKind.THI_XA})),
            ("xa", frozenset({UnitKind.XA})),
            ("phuong", frozenset({UnitKind.PHUONG})),
            ("thi tran", frozenset({UnitKind.THI_TRAN})),
            ("tt", frozenset({UnitKind.THI_TRAN})),
            ("dac khu", frozenset({UnitKind.DAC_KHU})),
        ),
        key=lambda item: -len(item[0]),
    )
)


def fold(text: str) -> str:
    """Return the comparison key of ``text``: no diacritics, lower case, single spaces.

    >>> fold("  Bà Rịa – Vũng Tàu ")
    'ba ria vung tau'
    >>> fold("ĐẮK LẮK") == fold("Dak Lak")
    True
    """
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_ALNUM.sub(" ", stripped.lower()).strip()


@attrs.frozen
class ParsedName:
    """A folded name split into an optional kind prefix and the bare name."""

    key: str
    bare: str
    kinds: frozenset[UnitKind]


def parse_name(text: str) -> ParsedName:
    """Fold ``text`` and split off a leading kind prefix ("Quận", "TP.", "Xã" …) if present.

    ``bare`` equals ``key`` and ``kinds`` is empty when there is no prefix or nothing follows it.
    """
    key = fold(text)
    for prefix, kinds in _PREFIXES:
        if key.startswith(prefix + " "):
            return ParsedName(key=key, bare=key[len(prefix) + 1 :], kinds=kinds)
    return ParsedName(key=key, bare=key, kinds=frozenset())
