"""Folding of Vietnamese unit names into comparable keys, and the readings of what people write.

Inventories spell the same unit many ways: with or without diacritics, NFC or NFD, any case,
"Hòa" or "Hoà", "Ba Ria - Vung Tau" or "Bà Rịa – Vũng Tàu", with or without "Tỉnh", "TP.",
"Quận" … Names are compared on a folded key: diacritics removed (with "đ" → "d", which Unicode
decomposition alone does not do), lower case, every run of non-alphanumerics one space.

The official tables themselves spell some names two ways ("Quí"/"Quý", "Sĩ"/"Sỹ", "N.T"/"Nông
trường", "Phường IV"/"Phường 4"); :func:`name_key` folds those variants too, so that either
spelling finds the unit. :func:`readings` lists what a query may mean: the whole name, or a kind
word ("Quận", "Q.", "District", "… Ward") and the bare name it qualifies.
"""

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from types import MappingProxyType

import attrs

from vndgaf.model import Level, UnitKind

__all__ = [
    "ParsedName",
    "Reading",
    "compact",
    "fold",
    "fold_variants",
    "has_marks",
    "marked_words",
    "name_key",
    "parse_name",
    "readings",
    "strip_kind",
]

_NON_ALNUM = re.compile(r"[^0-9a-z]+")

_CITY = frozenset({UnitKind.THANH_PHO_TRUC_THUOC_TW, UnitKind.THANH_PHO_THUOC_TINH})
_DISTRICT = frozenset(
    {UnitKind.QUAN, UnitKind.HUYEN, UnitKind.THI_XA, UnitKind.THANH_PHO_THUOC_TINH}
)


def _longest_first(
    items: Iterable[tuple[str, frozenset[UnitKind]]],
) -> tuple[tuple[str, frozenset[UnitKind]], ...]:
    return tuple(sorted(items, key=lambda item: (-len(item[0]), item[0])))


#: The kind words of official names (folded), longest first, with the kinds each may denote.
_PREFIXES = _longest_first(
    (
        ("tinh", frozenset({UnitKind.TINH})),
        ("thanh pho", _CITY),
        ("tp", _CITY),
        ("quan", frozenset({UnitKind.QUAN})),
        ("huyen", frozenset({UnitKind.HUYEN})),
        ("thi xa", frozenset({UnitKind.THI_XA})),
        ("tx", frozenset({UnitKind.THI_XA})),
        ("xa", frozenset({UnitKind.XA})),
        ("phuong", frozenset({UnitKind.PHUONG})),
        ("thi tran", frozenset({UnitKind.THI_TRAN})),
        ("tt", frozenset({UnitKind.THI_TRAN})),
        ("dac khu", frozenset({UnitKind.DAC_KHU})),
    )
)

#: Further kind words people write before a name: one-letter abbreviations ("Q.1", "P. 14",
#: "H. Yên Sơn") and English words ("District 1", "Ward 14").
_MORE_PREFIXES = _longest_first(
    (
        ("q", frozenset({UnitKind.QUAN})),
        ("p", frozenset({UnitKind.PHUONG})),
        ("h", frozenset({UnitKind.HUYEN})),
        ("x", frozenset({UnitKind.XA})),
        ("district", _DISTRICT),
        ("dist", _DISTRICT),
        ("urban district", frozenset({UnitKind.QUAN})),
        ("rural district", frozenset({UnitKind.HUYEN})),
        ("ward", frozenset({UnitKind.PHUONG})),
        ("commune", frozenset({UnitKind.XA})),
        ("township", frozenset({UnitKind.THI_TRAN})),
        ("town", frozenset({UnitKind.THI_TRAN, UnitKind.THI_XA})),
        ("province", frozenset({UnitKind.TINH})),
        ("city", _CITY),
        ("special zone", frozenset({UnitKind.DAC_KHU})),
    )
)

#: English kind words people write after a name ("Ho Chi Minh City", "Lam Dong Province").
_SUFFIXES = _longest_first(
    (
        ("province", frozenset({UnitKind.TINH})),
        ("city", _CITY),
        ("district", _DISTRICT),
        ("urban district", frozenset({UnitKind.QUAN})),
        ("rural district", frozenset({UnitKind.HUYEN})),
        ("town", frozenset({UnitKind.THI_TRAN, UnitKind.THI_XA})),
        ("township", frozenset({UnitKind.THI_TRAN})),
        ("ward", frozenset({UnitKind.PHUONG})),
        ("commune", frozenset({UnitKind.XA})),
        ("special zone", frozenset({UnitKind.DAC_KHU})),
    )
)

#: "Q1", "P14": a one-letter kind abbreviation glued to a number.
_GLUED = re.compile(r"^([qp])([0-9]+)$")

#: A syllable ending in a lone "y" after a consonant onset: "quý", "sỹ", "mỹ", "lý", "kỳ" are also
#: written "quí", "sĩ", "mĩ", "lí", "kì" (both spellings occur in the official tables).
_FINAL_Y = re.compile(r"\b(ngh|ng|gh|kh|nh|ph|th|tr|ch|qu|[bcdghklmnprstvx])y\b")

#: Roman numerals that are not also Vietnamese syllables ("Phường IV", "Xã Hòa Tú II").
_ROMAN: Mapping[str, str] = MappingProxyType(
    {"ii": "2", "iii": "3", "iv": "4", "vii": "7", "viii": "8", "ix": "9", "xii": "12"}
)
_ROMAN_TOKEN = re.compile(r"\b(" + "|".join(sorted(_ROMAN, key=len, reverse=True)) + r")\b")

#: "N.T", "NT": the abbreviation of "Nông trường" (state farm) in names of thị trấn.
_STATE_FARM = re.compile(r"\b(n t|nt)\b")


def fold(text: str) -> str:
    """Return the comparison key of ``text``: no diacritics, lower case, single spaces.

    >>> fold("  Bà Rịa – Vũng Tàu ")
    'ba ria vung tau'
    >>> fold("ĐẮK LẮK") == fold("Dak Lak")
    True
    """
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    if not decomposed.isascii():
        decomposed = decomposed.translate(_combining_marks())
    return _NON_ALNUM.sub(" ", decomposed.lower()).strip()


@functools.cache
def _combining_marks() -> Mapping[int, None]:
    """Every combining character of the Basic Multilingual Plane, to delete with translate."""
    return {cp: None for cp in range(0x10000) if unicodedata.combining(chr(cp))}


def fold_variants(key: str) -> str:
    """Fold the spelling variants of an already folded key (see :func:`name_key`)."""
    key = _FINAL_Y.sub(r"\1i", key)
    key = _ROMAN_TOKEN.sub(lambda match: _ROMAN[match.group(1)], key)
    return _STATE_FARM.sub("nong truong", key)


def name_key(text: str) -> str:
    """The key names are indexed and looked up by: :func:`fold`, then the spelling variants of
    the official tables folded ("y"/"i" after a consonant, roman numerals, "N.T").

    >>> name_key("Xã Sỹ Bình") == name_key("Xã Sĩ Bình")
    True
    >>> name_key("Thị trấn N.T Phong Hải")
    'thi tran nong truong phong hai'
    >>> name_key("Phường IV")
    'phuong 4'
    """
    return fold_variants(fold(text))


#: The five tone marks of Vietnamese (combining characters); the other marks shape a vowel.
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_WORD = re.compile(r"\w+")


def marked_words(text: str) -> tuple[str, ...]:
    """The words of ``text`` with their diacritics, compared independently of where the tone
    mark sits ("Hoà" and "Hòa" are the same word; "Phú" and "Phù" are not).

    >>> marked_words("Xã Tân Hoà") == marked_words("xã tân hòa")
    True
    >>> marked_words("Phú Mỹ") == marked_words("Phù Mỹ")
    False
    """
    words = []
    for word in _WORD.findall(unicodedata.normalize("NFC", text.lower())):
        letters = unicodedata.normalize("NFD", word)
        tones = "".join(sorted(ch for ch in letters if ch in _TONES))
        shape = "".join(ch for ch in letters if ch not in _TONES)
        words.append(unicodedata.normalize("NFC", shape) + tones)
    return tuple(words)


def has_marks(text: str) -> bool:
    """True if ``text`` carries any Vietnamese diacritic (then the writer's marks can tell
    "Phú Mỹ" from "Phù Mỹ")."""
    lowered = text.lower()
    return "đ" in lowered or any(
        unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", lowered)
    )


def compact(key: str) -> str:
    """A key without its spaces, for names written joined or split ("Ea Bar"/"EaBar",
    "Đakrông"/"Đa Krông", "K' Dang"/"KDang", "Hanoi"/"Hà Nội")."""
    return key.replace(" ", "")


@attrs.frozen
class ParsedName:
    """A folded name split into an optional kind prefix and the bare name."""

    key: str
    bare: str
    kinds: frozenset[UnitKind]


def strip_kind(key: str) -> ParsedName:
    """Split a folded ``key`` into the kind word official names begin with ("tinh", "thanh pho",
    "quan", "xa" …) and the bare name; ``bare`` is ``key`` when there is none."""
    for prefix, kinds in _PREFIXES:
        if key.startswith(prefix + " "):
            return ParsedName(key=key, bare=key[len(prefix) + 1 :], kinds=kinds)
    return ParsedName(key=key, bare=key, kinds=frozenset())


def parse_name(text: str) -> ParsedName:
    """Fold ``text`` and split off a leading kind prefix ("Quận", "TP.", "Xã" …) if present.

    ``bare`` equals ``key`` and ``kinds`` is empty when there is no prefix or nothing follows it.
    """
    return strip_kind(fold(text))


@attrs.frozen
class Reading:
    """One way to read a query: the key of a bare name and the kinds a kind word allows (empty:
    no kind word, any kind)."""

    key: str
    kinds: frozenset[UnitKind] = frozenset()

    @property
    def tiers(self) -> frozenset[Level]:
        """The levels the kind word points at (a retyped unit keeps its level: a "Thị trấn X" is
        still found as "Xã X")."""
        return frozenset(kind.tier for kind in self.kinds)


def readings(text: str) -> tuple[Reading, ...]:
    """What a query may mean, most literal first: the whole name, then each kind word that
    starts or ends it with the name it qualifies.

    >>> [(r.key, sorted(str(k) for k in r.kinds)) for r in readings("District 1")]
    [('district 1', []), ('1', ['huyen', 'quan', 'thanh_pho_thuoc_tinh', 'thi_xa'])]
    >>> [(r.key, sorted(str(k) for k in r.kinds)) for r in readings("Q1")]
    [('q1', []), ('1', ['quan'])]
    """
    key = name_key(text)
    found = [Reading(key)]
    glued = _GLUED.match(key)
    if glued is not None:
        found.append(Reading(glued.group(2), dict(_MORE_PREFIXES)[glued.group(1)]))
    for prefix, kinds in (*_PREFIXES, *_MORE_PREFIXES):
        if key.startswith(prefix + " "):
            found.append(Reading(key[len(prefix) + 1 :], kinds))
    for suffix, kinds in _SUFFIXES:
        if key.endswith(" " + suffix):
            found.append(Reading(key[: -len(suffix) - 1], kinds))
    unique: dict[Reading, None] = dict.fromkeys(found)
    return tuple(unique)
