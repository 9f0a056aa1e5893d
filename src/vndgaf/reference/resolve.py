"""Resolution of legacy or current unit names and codes to the units in force since 1/7/2025.

``resolve_unit("Binh Duong")`` says that the province was merged into Thành phố Hồ Chí Minh;
``resolve_unit("Quận Ba Đình")`` that the district level was abolished and which wards took over
its communes. Names are compared on folded keys (:mod:`vndgaf.reference.names`), so diacritics,
Unicode normal form, case, spacing, dashes and kind prefixes do not matter.

Order of matching: an official code (2 digits province, 3 district, 5 commune) is looked up
directly; a name is matched against province-level units first (current and legacy), and only if
none matches, against legacy districts and current and legacy communes. A kind prefix ("Quận",
"Xã" …) keeps only units of that kind when any exists. "NAME, PROVINCE" narrows to one province.
"""

import difflib
import functools
from collections.abc import Iterable, Mapping
from enum import StrEnum
from types import MappingProxyType

import attrs

from vndgaf.model import AdministrativeUnit, Level, UnitKind
from vndgaf.reference.catalogue import Catalogue, catalogue
from vndgaf.reference.legacy import LegacyData, LegacyUnit, legacy_data
from vndgaf.reference.names import fold, parse_name

__all__ = [
    "Candidate",
    "LineageLink",
    "Resolution",
    "ResolutionStatus",
    "UnitRef",
    "resolve_unit",
    "resolve_units",
]

_MAX_SUGGESTIONS = 5
_SUGGEST_CUTOFF = 0.75

#: Common informal names of provincial units (folded), mapped to current province codes.
_ALIASES: Mapping[str, str] = MappingProxyType(
    {"hcm": "79", "tphcm": "79", "tp hcm": "79", "sai gon": "79", "saigon": "79", "hn": "01"}
)

#: Former names absent from the 2025-01 list (renamed earlier), mapped to current province codes.
_FORMER_NAMES: Mapping[str, tuple[str, str]] = MappingProxyType(
    {"thua thien hue": ("46", "Tỉnh Thừa Thiên Huế")}
)

#: English words that may follow a name ("Ho Chi Minh City", "Lam Dong Province").
_ENGLISH_SUFFIXES = (" city", " province")


class ResolutionStatus(StrEnum):
    """What became of the unit a query names."""

    CURRENT = "current"
    MERGED = "merged"
    SPLIT = "split"
    LEVEL_ABOLISHED = "level_abolished"
    RENAMED = "renamed"
    AMBIGUOUS = "ambiguous"
    UNKNOWN = "unknown"


@attrs.frozen
class UnitRef:
    """A current or legacy unit, named with its official code and its province."""

    code: str
    name: str
    kind: UnitKind
    level: Level
    current: bool
    province_code: str
    province_name: str

    @property
    def id(self) -> str | None:
        """The catalogue id of a current unit (``vn:province/79``); None for a legacy unit."""
        if not self.current:
            return None
        prefix = "province" if self.level is Level.PROVINCIAL else "commune"
        return f"vn:{prefix}/{self.code}"


@attrs.frozen
class LineageLink:
    """One step of the official conversion: an old unit went (wholly or partly) into a new one."""

    old: UnitRef
    new: UnitRef
    note: str | None = None


@attrs.frozen
class Candidate:
    """One of several units an ambiguous name may denote, and what became of it."""

    unit: UnitRef
    status: ResolutionStatus
    current: tuple[UnitRef, ...]


@attrs.frozen
class Resolution:
    """The answer for one query: status, the current unit(s), the unit matched and its lineage.

    ``units`` holds the current units to use today (one for current, merged and renamed; several
    for split and level_abolished; none for ambiguous and unknown). ``candidates`` lists every unit
    an ambiguous name may denote; ``suggestions`` are close names for an unknown one.
    """

    query: str
    status: ResolutionStatus
    matched: UnitRef | None = None
    units: tuple[AdministrativeUnit, ...] = ()
    lineage: tuple[LineageLink, ...] = ()
    candidates: tuple[Candidate, ...] = ()
    suggestions: tuple[str, ...] = ()
    note: str | None = None


@attrs.frozen
class _Entry:
    """A unit in the name index: current or legacy, level, code, kind."""

    current: bool
    level: Level
    code: str
    kind: UnitKind


@attrs.frozen
class _Index:
    """Name and suggestion indexes over current and legacy units (built once)."""

    cat: Catalogue
    legacy: LegacyData
    names: Mapping[str, tuple[_Entry, ...]]
    buckets: Mapping[str, tuple[str, ...]]


def _current_entries(cat: Catalogue) -> Iterable[tuple[str, _Entry]]:
    for unit in cat.provinces:
        yield unit.name, _Entry(True, Level.PROVINCIAL, unit.code or "", unit.kind)
    for unit in cat.communes:
        yield unit.name, _Entry(True, Level.COMMUNE, unit.code or "", unit.kind)


def _legacy_entries(legacy: LegacyData) -> Iterable[tuple[str, _Entry]]:
    for group in (legacy.provinces, legacy.districts, legacy.communes):
        for unit in group.values():
            yield unit.name, _Entry(False, unit.level, unit.code, unit.kind)


@functools.cache
def _index() -> _Index:
    cat = catalogue()
    legacy = legacy_data()
    names: dict[str, list[_Entry]] = {}
    for name, entry in (*_current_entries(cat), *_legacy_entries(legacy)):
        names.setdefault(parse_name(name).bare, []).append(entry)
    for alias, code in _ALIASES.items():
        names.setdefault(alias, []).append(_Entry(True, Level.PROVINCIAL, code, UnitKind.TINH))
    buckets: dict[str, list[str]] = {}
    for key in sorted(names):
        buckets.setdefault(key[:1], []).append(key)
    return _Index(
        cat=cat,
        legacy=legacy,
        names=MappingProxyType({k: tuple(v) for k, v in names.items()}),
        buckets=MappingProxyType({k: tuple(v) for k, v in buckets.items()}),
    )


def _current_ref(index: _Index, level: Level, code: str) -> UnitRef:
    cat = index.cat
    if level is Level.PROVINCIAL:
        unit = cat.province(code)
        province = unit
    else:
        unit = cat.commune(code)
        province = cat.province((unit.parent or "").rpartition("/")[2]) if unit else None
    if unit is None or province is None:
        raise KeyError(f"no current unit {level} {code}")
    return UnitRef(
        code=code,
        name=unit.name,
        kind=unit.kind,
        level=level,
        current=True,
        province_code=province.code or "",
        province_name=province.name,
    )


def _legacy_ref(index: _Index, unit: LegacyUnit) -> UnitRef:
    province = index.legacy.provinces[unit.province_code]
    return UnitRef(
        code=unit.code,
        name=unit.name,
        kind=unit.kind,
        level=unit.level,
        current=False,
        province_code=province.code,
        province_name=province.name,
    )


def _legacy_unit(index: _Index, level: Level, code: str) -> LegacyUnit:
    group = {
        Level.PROVINCIAL: index.legacy.provinces,
        Level.DISTRICT: index.legacy.districts,
        Level.COMMUNE: index.legacy.communes,
    }[level]
    return group[code]


def _units(index: _Index, refs: Iterable[UnitRef]) -> tuple[AdministrativeUnit, ...]:
    found = (index.cat.get(ref.id or "") for ref in refs)
    return tuple(unit for unit in found if isinstance(unit, AdministrativeUnit))


def _resolve_entry(index: _Index, query: str, entry: _Entry) -> Resolution:
    """What became of one indexed unit."""
    if entry.current:
        return _resolve_current(index, query, entry)
    unit = _legacy_unit(index, entry.level, entry.code)
    old = _legacy_ref(index, unit)
    if entry.level is Level.DISTRICT:
        return _resolve_district(index, query, unit, old)
    successor_level = Level.PROVINCIAL if entry.level is Level.PROVINCIAL else Level.COMMUNE
    links = tuple(
        LineageLink(old, _current_ref(index, successor_level, s.code), s.note)
        for s in unit.successors
    )
    news = tuple(link.new for link in links)
    if not news:
        return Resolution(
            query=query,
            status=ResolutionStatus.UNKNOWN,
            matched=old,
            note="In the list of 2025-01-04 but not in the official conversion table of 1/7/2025.",
        )
    if len(news) > 1:
        status = ResolutionStatus.SPLIT
    elif fold(news[0].name) == fold(old.name):
        status = ResolutionStatus.CURRENT
    elif entry.level is Level.PROVINCIAL:
        status = ResolutionStatus.MERGED
    elif _sole_predecessor(index, news[0], old):
        status = ResolutionStatus.RENAMED
    else:
        status = ResolutionStatus.MERGED
    return Resolution(
        query=query, status=status, matched=old, units=_units(index, news), lineage=links
    )


def _sole_predecessor(index: _Index, new: UnitRef, old: UnitRef) -> bool:
    """True if the current unit was formed from this old unit alone (so it was renamed or
    re-typed, not merged with others)."""
    unit = index.cat.commune(new.code)
    return unit is not None and unit.predecessor_codes == (old.code,)


def _resolve_current(index: _Index, query: str, entry: _Entry) -> Resolution:
    ref = _current_ref(index, entry.level, entry.code)
    unit = index.cat.get(ref.id or "")
    links: list[LineageLink] = []
    if isinstance(unit, AdministrativeUnit):
        old_level = Level.PROVINCIAL if entry.level is Level.PROVINCIAL else Level.COMMUNE
        for code in unit.predecessor_codes:
            old = _legacy_unit(index, old_level, code)
            notes = [s.note for s in old.successors if s.code == entry.code]
            links.append(LineageLink(_legacy_ref(index, old), ref, notes[0] if notes else None))
    return Resolution(
        query=query,
        status=ResolutionStatus.CURRENT,
        matched=ref,
        units=_units(index, (ref,)),
        lineage=tuple(links),
    )


def _resolve_district(index: _Index, query: str, unit: LegacyUnit, old: UnitRef) -> Resolution:
    links: list[LineageLink] = []
    for commune in index.legacy.communes_of_district.get(unit.code, ()):
        commune_ref = _legacy_ref(index, commune)
        for s in commune.successors:
            new = _current_ref(index, Level.COMMUNE, s.code)
            links.append(LineageLink(commune_ref, new, s.note))
    for s in unit.successors:
        links.append(LineageLink(old, _current_ref(index, Level.COMMUNE, s.code), s.note))
    news = sorted({link.new.code: link.new for link in links}.values(), key=lambda r: r.code)
    return Resolution(
        query=query,
        status=ResolutionStatus.LEVEL_ABOLISHED,
        matched=old,
        units=_units(index, news),
        lineage=tuple(links),
        note="The district level was abolished on 1/7/2025; its communes now belong to these "
        "commune-level units.",
    )


def _by_code(index: _Index, code: str) -> _Entry | None:
    cat, legacy = index.cat, index.legacy
    if len(code) == 2:
        if (unit := cat.province(code)) is not None:
            return _Entry(True, Level.PROVINCIAL, code, unit.kind)
        if code in legacy.provinces:
            return _Entry(False, Level.PROVINCIAL, code, legacy.provinces[code].kind)
    elif len(code) == 3 and code in legacy.districts:
        return _Entry(False, Level.DISTRICT, code, legacy.districts[code].kind)
    elif len(code) == 5:
        if (unit := cat.commune(code)) is not None:
            return _Entry(True, Level.COMMUNE, code, unit.kind)
        if code in legacy.communes:
            return _Entry(False, Level.COMMUNE, code, legacy.communes[code].kind)
    return None


def _name_matches(index: _Index, text: str) -> list[_Entry]:
    """Indexed units a name may denote: the kind prefix filters when it can, provinces first."""
    parsed = parse_name(text)
    found: list[_Entry] = []
    if parsed.kinds:
        prefixed = index.names.get(parsed.bare, ())
        found.extend(e for e in prefixed if e.kind in parsed.kinds)
        if not found:
            found.extend(prefixed)
    found.extend(e for e in index.names.get(parsed.key, ()) if e not in found)
    if not found and parsed.key.endswith(_ENGLISH_SUFFIXES):
        return _name_matches(index, parsed.key.rpartition(" ")[0])
    provincial = [e for e in found if e.level is Level.PROVINCIAL]
    return provincial or found


def _province_codes(resolution: Resolution) -> set[str]:
    codes = {ref.province_code for ref in (resolution.matched,) if ref is not None}
    codes.update((u.parent or u.id).rpartition("/")[2] for u in resolution.units)
    return codes


def _suggest(index: _Index, text: str) -> tuple[str, ...]:
    """Close names, from the names that share the query's first letter (bounded work)."""
    bare = parse_name(text).bare
    pool = index.buckets.get(bare[:1], ())
    labels: list[str] = []
    for key in difflib.get_close_matches(bare, pool, n=_MAX_SUGGESTIONS, cutoff=_SUGGEST_CUTOFF):
        for entry in sorted(index.names[key], key=_suggestion_order):
            resolution = _resolve_entry(index, text, entry)
            ref = resolution.matched
            if ref is None:
                continue
            label = ref.name
            if ref.level is not Level.PROVINCIAL:
                label = f"{ref.name}, {ref.province_name}"
            if label not in labels:
                labels.append(label)
    return tuple(labels[:_MAX_SUGGESTIONS])


def _suggestion_order(entry: _Entry) -> tuple[bool, bool, str]:
    """Provinces before communes, current units before legacy ones, then by code."""
    return (entry.level is not Level.PROVINCIAL, not entry.current, entry.code)


def _dedupe(results: list[Resolution]) -> list[Resolution]:
    """Drop legacy units that simply live on in a current unit also matched: a province or
    commune that went (partly) into it, or a district that became exactly that unit (Huyện Côn
    Đảo → Đặc khu Côn Đảo)."""
    current_ids = {r.matched.id for r in results if r.matched is not None and r.matched.current}
    kept = []
    for result in results:
        ref = result.matched
        ids = [unit.id for unit in result.units]
        absorbed = (
            ref is not None
            and not ref.current
            and (
                (ref.level is not Level.DISTRICT and any(i in current_ids for i in ids))
                or (len(ids) == 1 and ids[0] in current_ids)
            )
        )
        if not absorbed:
            kept.append(result)
    return kept


def resolve_unit(query: str) -> Resolution:
    """Resolve one legacy or current unit name or official code to today's unit(s).

    >>> resolve_unit("Binh Duong").units[0].name
    'Thành phố Hồ Chí Minh'
    """
    index = _index()
    text, _, context = query.partition(",") if "," in query else (query, "", "")
    stripped = fold(text)
    if not stripped:
        return Resolution(query=query, status=ResolutionStatus.UNKNOWN, note="Empty name.")
    if stripped.isdigit() and not context:
        entry = _by_code(index, stripped)
        if entry is None:
            return Resolution(
                query=query,
                status=ResolutionStatus.UNKNOWN,
                note=f"No current or legacy unit has the official code {stripped}.",
            )
        return _resolve_entry(index, query, entry)
    former = _FORMER_NAMES.get(parse_name(text).bare)
    if former is not None:
        code, name = former
        entry = _Entry(True, Level.PROVINCIAL, code, UnitKind.THANH_PHO_TRUC_THUOC_TW)
        renamed = _resolve_entry(index, query, entry)
        old = UnitRef(code, name, UnitKind.TINH, Level.PROVINCIAL, False, code, name)
        return attrs.evolve(
            renamed,
            status=ResolutionStatus.RENAMED,
            matched=old,
            note=f"{name} was renamed {renamed.units[0].name} before the list of 2025-01-04.",
        )
    results = _dedupe([_resolve_entry(index, query, e) for e in _name_matches(index, text)])
    if context.strip():
        wanted = {
            code
            for e in _name_matches(index, context)
            if e.level is Level.PROVINCIAL
            for code in _province_codes(_resolve_entry(index, context, e))
        }
        results = [r for r in results if _province_codes(r) & wanted]
    if not results:
        return Resolution(
            query=query, status=ResolutionStatus.UNKNOWN, suggestions=_suggest(index, text)
        )
    if len(results) == 1:
        return results[0]
    candidates = sorted(
        (
            Candidate(
                unit=r.matched,
                status=r.status,
                current=tuple(
                    _current_ref(
                        index, Level.PROVINCIAL if u.parent is None else Level.COMMUNE, u.code or ""
                    )
                    for u in r.units
                ),
            )
            for r in results
            if r.matched is not None
        ),
        key=lambda c: (not c.unit.current, c.unit.province_code, c.unit.level, c.unit.code),
    )
    return Resolution(
        query=query,
        status=ResolutionStatus.AMBIGUOUS,
        candidates=tuple(candidates),
        note="Several units have this name; add a kind prefix or ', PROVINCE' to choose one.",
    )


def resolve_units(queries: Iterable[str]) -> tuple[Resolution, ...]:
    """Resolve each query in order (see :func:`resolve_unit`)."""
    return tuple(resolve_unit(query) for query in queries)
