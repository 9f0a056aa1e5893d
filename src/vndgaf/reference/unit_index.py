"""The index legacy resolution looks names up in: every current, legacy and former unit under
each of its names, and where each unit lies (for narrowing by ", DISTRICT, PROVINCE").

Built once from the catalogue, the list of 2025-01-04 with the conversion table, and the names
outside the official lists; every lookup is then a dictionary lookup.
"""

import datetime as dt
import functools
from collections.abc import Iterable, Iterator, Mapping
from enum import StrEnum
from types import MappingProxyType

import attrs

from vndgaf.model import AdministrativeUnit, Level, UnitKind
from vndgaf.reference.catalogue import Catalogue, catalogue
from vndgaf.reference.dates import TWO_TIER_GOVERNMENT
from vndgaf.reference.legacy import (
    LEGACY_END,
    ExtraNames,
    FormerUnit,
    LegacyData,
    LegacyUnit,
    UnitKey,
    UnitList,
    extra_names,
    legacy_data,
)
from vndgaf.reference.names import compact, fold, fold_variants, strip_kind

__all__ = [
    "NEW_UNITS_FROM",
    "Entry",
    "Place",
    "Source",
    "UnitIndex",
    "UnitRef",
    "current_entries",
    "legacy_entry",
    "unit_index",
]

#: The day the units of the 2025 arrangement came into force.
NEW_UNITS_FROM = dt.date(2025, 7, 1)


@attrs.frozen
class UnitRef:
    """A current or legacy unit, named with its official code, its province and (for a commune
    of the old list) its old district. The name, kind and code held from ``valid_from`` (first
    day in force) until ``valid_to`` (first day no longer in force), where known."""

    code: str
    name: str
    kind: UnitKind
    level: Level
    current: bool
    province_code: str
    province_name: str
    district_code: str | None = None
    district_name: str | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None

    @property
    def id(self) -> str | None:
        """The catalogue id of a current unit (``vn:province/79``); None for a legacy unit."""
        if not self.current:
            return None
        prefix = "province" if self.level is Level.PROVINCIAL else "commune"
        return f"vn:{prefix}/{self.code}"


class Source(StrEnum):
    """The list an indexed unit comes from."""

    CURRENT = "current"
    LEGACY = "legacy"
    FORMER = "former"


@attrs.frozen
class Entry:
    """A unit under one of its names: which list, level, code, its official name and kind in
    the period it held them, and ``key``, the text indexed (that name, another official spelling
    of it, or an informal name).

    A former unit's ``code`` is its position in :func:`extra_names`' ``former``."""

    source: Source
    level: Level
    code: str
    kind: UnitKind
    name: str
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    key: str = attrs.field(default="", eq=False)

    @property
    def unit(self) -> tuple[Source, Level, str]:
        """What identifies the unit, whichever of its names the entry is for."""
        return (self.source, self.level, self.code)

    def rank(self, as_of: dt.date) -> tuple[int, int]:
        """Order by date: in force on ``as_of``, else ended (latest first), else not yet."""
        if self.valid_from is not None and as_of < self.valid_from:
            return (2, self.valid_from.toordinal())
        if self.valid_to is not None and as_of >= self.valid_to:
            return (1, -self.valid_to.toordinal())
        return (0, 0)


#: A place a unit lies in: ("province" | "legacy-province" | "legacy-district" | "former", code).
Place = tuple[str, str]


def _name_periods(unit: AdministrativeUnit) -> Iterator[tuple[str, UnitKind, dt.date]]:
    """The names a current unit bore, each with its kind and the day it took it (in order):
    the versions of the dated catalogue since 1/7/2025 ("Tỉnh Bắc Ninh", then from 20/9/2026
    "Thành phố Bắc Ninh")."""
    last: tuple[str, UnitKind] | None = None
    for version in catalogue().versions(unit.id):
        start = version.valid_from
        if start is None or start < NEW_UNITS_FROM:
            continue  # a unit of the list of 2025-01-04 under the same code
        record = version.record
        if (record.name, record.kind) != last:
            last = (record.name, record.kind)
            yield record.name, record.kind, start
    if last is None:  # a unit only an overlay knows, without a dated version
        yield unit.name, unit.kind, unit.valid_from or NEW_UNITS_FROM


def current_entries(unit: AdministrativeUnit) -> tuple[Entry, ...]:
    """A current unit under each name it bore since 1/7/2025, in order."""
    level = Level.PROVINCIAL if unit.parent is None else Level.COMMUNE
    periods = list(_name_periods(unit))
    entries = []
    for i, (name, kind, since) in enumerate(periods):
        until = periods[i + 1][2] if i + 1 < len(periods) else None
        entries.append(Entry(Source.CURRENT, level, unit.code or "", kind, name, since, until))
    return tuple(entries)


def legacy_entry(unit: LegacyUnit) -> Entry:
    """A unit of the list of 2025-01-04 under its name in that list."""
    return Entry(Source.LEGACY, unit.level, unit.code, unit.kind, unit.name, None, LEGACY_END)


def _key_entry(cat: Catalogue, legacy: LegacyData, key: UnitKey) -> Entry:
    """The entry of a unit named by list and code (the target of an alias or former unit)."""
    if key.list is UnitList.PROVINCE:
        province = cat.province(key.code)
        if province is None:
            raise KeyError(f"unit-names.yaml: no current province {key.code}")
        return current_entries(province)[-1]
    group = legacy.provinces if key.list is UnitList.LEGACY_PROVINCE else legacy.districts
    return legacy_entry(group[key.code])


def _entries(cat: Catalogue, legacy: LegacyData, extra: ExtraNames) -> Iterator[Entry]:
    for unit in (*cat.provinces, *cat.communes):
        yield from current_entries(unit)
    for group in (legacy.provinces, legacy.districts, legacy.all_communes):
        for old in group.values():
            entry = legacy_entry(old)
            for name in (old.name, *old.other_names):
                yield attrs.evolve(entry, key=name)
    for i, former in enumerate(extra.former):
        yield Entry(
            Source.FORMER, former.level, str(i), former.kind, former.name, None, former.valid_to
        )
    for alias, key in extra.aliases:
        yield attrs.evolve(_key_entry(cat, legacy, key), key=alias)


def _keys(name: str) -> tuple[str, set[str]]:
    """The index key of a name (variants folded, official kind word stripped) and its joined
    forms (without spaces, with and without the variants folded)."""
    folded = fold(name)
    key = strip_kind(fold_variants(folded)).bare
    return key, {compact(key), compact(strip_kind(folded).bare)}


def _commune_provinces(cat: Catalogue, unit: LegacyUnit) -> set[str]:
    """The current provinces that hold the communes a legacy commune or district went into."""
    found: set[str] = set()
    for successor in unit.successors:
        commune = cat.commune(successor.code)
        if commune is not None and commune.parent:
            found.add(commune.parent.rpartition("/")[2])
    return found


@attrs.frozen
class UnitIndex:
    """Name, joined-name and place indexes over current, legacy and former units."""

    #: The catalogue of the current units: the one indexed, or that catalogue on 1/7/2025 when its
    #: date is earlier.
    cat: Catalogue
    legacy: LegacyData
    extra: ExtraNames
    #: Entries by the key of a bare name (:func:`names.name_key` without the kind word).
    names: Mapping[str, tuple[Entry, ...]]
    #: Entries by the same key without spaces ("hanoi", "eabar").
    joined: Mapping[str, tuple[Entry, ...]]
    #: Name keys by first letter, for suggestions.
    buckets: Mapping[str, tuple[str, ...]]
    district_provinces: Mapping[str, frozenset[str]]
    former_of_commune: Mapping[str, tuple[int, ...]]
    districts_of_province: Mapping[str, tuple[str, ...]]

    # --- units by code ---

    def legacy_unit(self, level: Level, code: str) -> LegacyUnit:
        """A unit of the list of 2025-01-04."""
        group = {
            Level.PROVINCIAL: self.legacy.provinces,
            Level.DISTRICT: self.legacy.districts,
            Level.COMMUNE: self.legacy.all_communes,
        }[level]
        return group[code]

    def current_unit(self, level: Level, code: str) -> AdministrativeUnit:
        """A unit of the catalogue (in force since 1/7/2025); on a date before the two tiers,
        the unit as it was first in force (what the old units were to become)."""
        unit = self.cat.province(code) if level is Level.PROVINCIAL else self.cat.commune(code)
        if unit is None:
            raise KeyError(f"no current unit {level} {code}")
        return unit

    def former(self, entry: Entry) -> FormerUnit:
        """The former unit of an entry of source FORMER."""
        return self.extra.former[int(entry.code)]

    def entry_for(self, key: UnitKey) -> Entry:
        """The entry of a unit named by list and code."""
        return _key_entry(self.cat, self.legacy, key)

    # --- references ---

    def current_ref(
        self, level: Level, code: str, as_of: dt.date, entry: Entry | None = None
    ) -> UnitRef:
        """A current unit as named on ``as_of`` (or under ``entry``'s name when given)."""
        unit = self.current_unit(level, code)
        named = entry if entry is not None else _named_as_of(unit, as_of)
        if level is Level.PROVINCIAL:
            province_code, province_name = code, named.name
        else:
            province_code = (unit.parent or "").rpartition("/")[2]
            province = self.current_unit(Level.PROVINCIAL, province_code)
            province_name = _named_as_of(province, as_of).name
        return UnitRef(
            code=code,
            name=named.name,
            kind=named.kind,
            level=level,
            current=True,
            province_code=province_code,
            province_name=province_name,
            valid_from=named.valid_from,
            valid_to=named.valid_to,
        )

    def legacy_ref(self, unit: LegacyUnit) -> UnitRef:
        """A unit of the list of 2025-01-04, with its old province and district."""
        province = self.legacy.provinces[unit.province_code]
        district = (
            self.legacy.districts.get(unit.district_code or "")
            if unit.level is Level.COMMUNE
            else None
        )
        return UnitRef(
            code=unit.code,
            name=unit.name,
            kind=unit.kind,
            level=unit.level,
            current=False,
            province_code=province.code,
            province_name=province.name,
            district_code=district.code if district else None,
            district_name=district.name if district else None,
            valid_to=LEGACY_END,
        )

    def former_ref(self, former: FormerUnit) -> UnitRef:
        """A unit that ended before the list of 2025-01-04 (it has no code here)."""
        province = self.legacy.provinces[former.province_code]
        return UnitRef(
            code="",
            name=former.name,
            kind=former.kind,
            level=former.level,
            current=False,
            province_code=province.code,
            province_name=province.name,
            valid_to=former.valid_to,
        )

    def ref(self, entry: Entry, as_of: dt.date) -> UnitRef:
        """The unit of any entry, under the entry's official name."""
        if entry.source is Source.CURRENT:
            return self.current_ref(entry.level, entry.code, as_of, entry)
        if entry.source is Source.FORMER:
            return self.former_ref(self.former(entry))
        return self.legacy_ref(self.legacy_unit(entry.level, entry.code))

    def units(self, refs: Iterable[UnitRef]) -> tuple[AdministrativeUnit, ...]:
        """The catalogue units of current refs, as they were under the ref's name (the dated
        catalogue's version of that period: Tỉnh Bắc Ninh before 20/9/2026)."""
        found = (
            (self.cat.at(ref.valid_from) if ref.valid_from else self.cat).get(ref.id or "")
            for ref in refs
        )
        return tuple(unit for unit in found if isinstance(unit, AdministrativeUnit))

    # --- places ---

    def places(self, entry: Entry, cross: bool) -> set[Place]:
        """Where a unit lies: in its own list's hierarchy, or (``cross``) in the other list's."""
        if entry.source is Source.CURRENT:
            unit = self.current_unit(entry.level, entry.code)
            if not cross:
                return {("province", (unit.parent or unit.id).rpartition("/")[2])}
            places: set[Place] = set()
            for code in unit.predecessor_codes if entry.level is Level.COMMUNE else ():
                old = self.legacy.all_communes.get(code)
                if old is not None:
                    places.update(self._legacy_places(old))
            return places
        if entry.source is Source.FORMER:
            former = self.former(entry)
            return set() if cross else {("legacy-province", former.province_code)}
        legacy = self.legacy_unit(entry.level, entry.code)
        if not cross:
            return self._legacy_places(legacy)
        if legacy.level is Level.DISTRICT:
            return {("province", code) for code in self.district_provinces.get(legacy.code, ())}
        return {("province", code) for code in _commune_provinces(self.cat, legacy)}

    def _legacy_places(self, unit: LegacyUnit) -> set[Place]:
        places: set[Place] = {("legacy-province", unit.province_code)}
        if unit.level is Level.COMMUNE:
            places.add(("legacy-district", unit.district_code or ""))
            places.update(("former", str(i)) for i in self.former_of_commune.get(unit.code, ()))
        return places

    def current_provinces(self, entry: Entry) -> set[str]:
        """The codes of the current provinces that hold the unit (or what it became)."""
        if entry.source is Source.CURRENT:
            return {code for _list, code in self.places(entry, False)}
        if entry.source is Source.FORMER:
            return self.current_provinces(self.entry_for(self.former(entry).became))
        unit = self.legacy_unit(entry.level, entry.code)
        if unit.level is Level.PROVINCIAL:
            return {s.code for s in unit.successors}
        return {code for _list, code in self.places(entry, True)}

    def is_predecessor(self, old: Entry, new: Entry) -> bool:
        """True if the legacy unit ``old`` went into the current unit ``new`` of the same level
        (the same unit before and after the change, not another unit of the same name)."""
        if old.source is not Source.LEGACY or new.source is not Source.CURRENT:
            return False
        if old.level is not new.level:
            return False
        return old.code in self.current_unit(new.level, new.code).predecessor_codes


def _named_as_of(unit: AdministrativeUnit, as_of: dt.date) -> Entry:
    """The name a current unit bore on ``as_of`` (its first name before, its last after)."""
    return min(current_entries(unit), key=lambda e: e.rank(as_of))


def unit_index(reference: Catalogue | None = None) -> UnitIndex:
    """The index of the units of ``reference`` (default: the national catalogue) and of the
    former units, built on first use for each catalogue."""
    return _unit_index(catalogue() if reference is None else reference)


@functools.cache
def _unit_index(reference: Catalogue) -> UnitIndex:
    # On a date before the two tiers the catalogue holds the units of that day, which are the
    # legacy units; the current units are those of the same catalogue on 1/7/2025.
    cat = reference if reference.as_of >= TWO_TIER_GOVERNMENT else reference.at(TWO_TIER_GOVERNMENT)
    legacy = legacy_data()
    extra = extra_names()
    names: dict[str, dict[Entry, None]] = {}
    joined: dict[str, dict[Entry, None]] = {}
    for entry in _entries(cat, legacy, extra):
        key, joined_keys = _keys(entry.key or entry.name)
        names.setdefault(key, {})[entry] = None
        for joined_key in joined_keys:
            joined.setdefault(joined_key, {})[entry] = None
    buckets: dict[str, list[str]] = {}
    for key in sorted(names):
        buckets.setdefault(key[:1], []).append(key)
    district_provinces: dict[str, set[str]] = {code: set() for code in legacy.districts}
    districts_of_province: dict[str, list[str]] = {code: [] for code in legacy.provinces}
    for district in legacy.districts.values():
        districts_of_province[district.province_code].append(district.code)
        district_provinces[district.code].update(_commune_provinces(cat, district))
    for commune in legacy.all_communes.values():
        district_provinces[commune.district_code or ""].update(_commune_provinces(cat, commune))
    former_of_commune: dict[str, list[int]] = {}
    for i, former in enumerate(extra.former):
        for code in former.communes:
            former_of_commune.setdefault(code, []).append(i)
    return UnitIndex(
        cat=cat,
        legacy=legacy,
        extra=extra,
        names=MappingProxyType({k: tuple(v) for k, v in names.items()}),
        joined=MappingProxyType({k: tuple(v) for k, v in joined.items()}),
        buckets=MappingProxyType({k: tuple(v) for k, v in buckets.items()}),
        district_provinces=MappingProxyType(
            {k: frozenset(v) for k, v in district_provinces.items()}
        ),
        former_of_commune=MappingProxyType({k: tuple(v) for k, v in former_of_commune.items()}),
        districts_of_province=MappingProxyType(
            {k: tuple(v) for k, v in districts_of_province.items()}
        ),
    )
