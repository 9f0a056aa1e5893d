"""Resolution of the unit names and codes people write to the units in force on a date.

``resolve_unit("Binh Duong")`` says that the province was merged into Thành phố Hồ Chí Minh;
``resolve_unit("Quận Ba Đình")`` that the district level was abolished and which wards took over
its communes; ``resolve_unit("Phường 14, Quận Bình Thạnh")`` finds the old ward through the old
district. Names are compared on folded keys (:mod:`vndgaf.reference.names`), so diacritics,
Unicode form, case, spacing, dashes, the "y"/"i" and other spelling variants of the official
tables, English and abbreviated kind words ("District 1", "Q.1", "TP.HCM") do not matter.

How a query is read, like a clerk would:

1. An official code (2 digits province, 3 district, 5 commune, or ``vn:province/49``) is looked
   up directly, in the current list and in the list of 2025-01-04; a code whose meaning changed on
   1/7/2025 says what it denoted before and what it denotes now.
2. A name is looked up with its kind word honoured ("Quận 2" is a district, never "Phường 2"),
   else as written, else (for a unit retyped in 2025: "Thị trấn X" that was "Xã X") with a kind of
   the same level, else with its words joined ("Hanoi", "EaBar").
3. ", DISTRICT" and ", PROVINCE" parts narrow the candidates, by the old hierarchy first ("Phường
   1, Bến Tre" looks only in the old province Bến Tre), then by the new one.
4. A name that denoted different units at different dates ("Thành phố Bắc Ninh") answers with the
   one that bears it on the ``as_of`` date (in force, else the latest that ended, else the next);
   the others are listed in ``other_dates``.
5. Several candidates left: ambiguous; each candidate says how to ask for it alone.
"""

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType

import attrs

from vndgaf.model import AdministrativeUnit, Level
from vndgaf.reference.catalogue import Catalogue
from vndgaf.reference.names import (
    compact,
    fold,
    has_marks,
    marked_words,
    name_key,
    readings,
    strip_kind,
)
from vndgaf.reference.resolution import (
    Candidate,
    LineageLink,
    Resolution,
    ResolutionStatus,
    join_notes,
    resolve_entry,
)
from vndgaf.reference.unit_index import (
    NEW_UNITS_FROM,
    Entry,
    Place,
    Source,
    UnitIndex,
    UnitRef,
    current_entries,
    legacy_entry,
    unit_index,
)
from vndgaf.reference.unresolved import (
    ambiguity_note,
    candidate,
    suggest,
    unknown_in,
    with_queries,
)

__all__ = [
    "NEW_UNITS_FROM",
    "Candidate",
    "LineageLink",
    "Resolution",
    "ResolutionStatus",
    "UnitRef",
    "resolve_unit",
    "resolve_units",
]

#: Catalogue id prefixes a code may be written with.
_ID_PREFIXES: Mapping[str, Level] = MappingProxyType(
    {"vn:province/": Level.PROVINCIAL, "vn:district/": Level.DISTRICT, "vn:commune/": Level.COMMUNE}
)
_CODE_LEVELS: Mapping[int, Level] = MappingProxyType(
    {2: Level.PROVINCIAL, 3: Level.DISTRICT, 5: Level.COMMUNE}
)


# --- reading a query ------------------------------------------------------------------------


def _lookup(index: UnitIndex, text: str) -> list[Entry]:
    """The units a name may denote, by the precedence of the module docstring (step 2)."""
    found = readings(text)
    for table in (index.names, index.joined):
        keyed = (lambda k: k) if table is index.names else compact
        kinded = [r for r in found if r.kinds]
        hits = [e for r in kinded for e in table.get(keyed(r.key), ()) if e.kind in r.kinds]
        if not hits:
            hits = list(table.get(keyed(found[0].key), ()))
        if not hits:
            hits = [e for r in kinded for e in table.get(keyed(r.key), ()) if e.level in r.tiers]
        if hits:
            return _prefer_marks(list(dict.fromkeys(hits)), text)
    return []


def _prefer_marks(entries: list[Entry], text: str) -> list[Entry]:
    """When the query is written with diacritics, keep the units whose names carry the same
    ones, if any do ("Phú Mỹ" is not "Phù Mỹ", though both fold to "phu my")."""
    if len(entries) < 2 or not has_marks(text):
        return entries
    asked = marked_words(text)
    same = []
    for entry in entries:
        words = marked_words(entry.key or entry.name)
        bare = len(strip_kind(fold(entry.key or entry.name)).bare.split())
        if (
            bare
            and all(
                w == a or fold(w) != fold(a)  # only marks count, not spelling variants ("IV"/"4")
                for w, a in zip(words[-bare:], asked[-bare:], strict=False)
            )
        ):
            same.append(entry)
    return same or entries


def _by_code(index: UnitIndex, text: str) -> tuple[list[Entry], str] | None:
    """The units an official code denotes (current and legacy), or None if ``text`` is not a
    code; with the bare code."""
    code, level = text.strip(), None
    for prefix, prefix_level in _ID_PREFIXES.items():
        if code.startswith(prefix):
            code, level = code[len(prefix) :], prefix_level
    if not code.isascii() or not code.isdigit():
        return None
    if level is None:
        level = _CODE_LEVELS.get(len(code))
    if level is Level.PROVINCIAL:
        code = code.zfill(2)
    cat, legacy = index.cat, index.legacy
    found: list[Entry] = []
    if level is Level.PROVINCIAL:
        if (unit := cat.province(code)) is not None:
            found.append(_whole_period(unit))
        if code in legacy.provinces:
            found.append(legacy_entry(legacy.provinces[code]))
    elif level is Level.DISTRICT and code in legacy.districts:
        found.append(legacy_entry(legacy.districts[code]))
    elif level is Level.COMMUNE:
        if (unit := cat.commune(code)) is not None:
            found.append(_whole_period(unit))
        if code in legacy.all_communes:
            found.append(legacy_entry(legacy.all_communes[code]))
    return found, code


def _whole_period(unit: AdministrativeUnit) -> Entry:
    """A current unit's entry for a lookup by code: its whole period, under its first name."""
    entries = current_entries(unit)
    return attrs.evolve(entries[0], valid_to=entries[-1].valid_to)


def _scopes(index: UnitIndex, text: str) -> set[Place]:
    """The places a ", DISTRICT" or ", PROVINCE" part names (a province kept over the change
    names both its old and its new self)."""
    scopes: set[Place] = set()
    for entry in _lookup(index, text):
        if entry.level is Level.COMMUNE:
            continue
        if entry.source is Source.FORMER:
            scopes.add(("former", entry.code))
        elif entry.source is Source.CURRENT:
            scopes.add(("province", entry.code))
            old = index.legacy.provinces.get(entry.code)
            if old is not None and _same_name(old.name, entry.name):
                scopes.add(("legacy-province", entry.code))
        elif entry.level is Level.DISTRICT:
            scopes.add(("legacy-district", entry.code))
        else:
            scopes.add(("legacy-province", entry.code))
            if (new := index.cat.province(entry.code)) is not None and _same_name(
                new.name, entry.name
            ):
                scopes.add(("province", entry.code))
    return scopes


def _same_name(a: str, b: str) -> bool:
    """True if two names are the same but for the kind word (a province that kept its name over
    the change, or became a city)."""
    return strip_kind(name_key(a)).bare == strip_kind(name_key(b)).bare


def _narrow(
    index: UnitIndex, entries: list[Entry], parts: Sequence[str]
) -> tuple[list[Entry], list[set[Place]]]:
    """Keep the units that lie in every part's place: by their own hierarchy if any does, else
    by the other list's (step 3). Returns the kept units and each part's places."""
    scopes = [_scopes(index, part) for part in parts]
    if any(not scope for scope in scopes):
        return [], scopes
    tiers: dict[Entry, int] = {}
    for entry in entries:
        if entry.level is Level.PROVINCIAL:
            continue
        own, other = index.places(entry, False), index.places(entry, True)
        worst = 0
        for scope in scopes:
            tier = 0 if own & scope else 1 if other & scope else None
            if tier is None:
                break
            worst = max(worst, tier)
        else:
            tiers[entry] = worst
    best = min(tiers.values(), default=0)
    return [e for e in entries if tiers.get(e) == best], scopes


def _by_date(
    index: UnitIndex, entries: list[Entry], as_of: dt.date
) -> tuple[list[Entry], list[Entry]]:
    """Step 4: one name per unit (the one it bore on ``as_of``); then, where a province bears
    or bore a name that another unit of the same place bore at another date ("Thành phố Bắc
    Ninh": the district-level city until 2025, the centrally-run city since 2026), the one that
    bears it on ``as_of``. Communes sharing a name stay candidates: nothing says which one an
    old inventory meant. Returns the kept entries and those set aside for other dates."""
    per_unit: dict[tuple[Source, Level, str], Entry] = {}
    for entry in sorted(entries, key=lambda e: e.rank(as_of)):
        per_unit.setdefault(entry.unit, entry)
    groups: dict[tuple[str, frozenset[str]], list[Entry]] = {}
    for entry in per_unit.values():
        key = (name_key(entry.name), frozenset(index.current_provinces(entry)))
        groups.setdefault(key, []).append(entry)
    kept: list[Entry] = []
    others: list[Entry] = []
    for group in groups.values():
        periods = {(e.valid_from, e.valid_to) for e in group}
        if len(periods) == 1 or all(e.level is not Level.PROVINCIAL for e in group):
            kept.extend(group)
            continue
        best = min(e.rank(as_of) for e in group)
        chosen = [e for e in group if e.rank(as_of) == best]
        kept.extend(chosen)
        for entry in group:
            if entry.rank(as_of) == best:
                continue
            lives_on = any(index.is_predecessor(entry, c) for c in chosen)
            (kept if lives_on else others).append(entry)
    order = {entry: i for i, entry in enumerate(entries)}
    return sorted(kept, key=order.__getitem__), sorted(others, key=order.__getitem__)


def _dedupe(index: UnitIndex, pairs: list[tuple[Entry, Resolution]]) -> list[Resolution]:
    """Drop old units that simply live on in a current unit also matched: a province or
    commune that went (partly) into it, or a district that became exactly that unit (Huyện Côn
    Đảo → Đặc khu Côn Đảo); and former units whose successor was also matched (Quận Thủ Đức,
    when Thành phố Thủ Đức is among the answers)."""
    current_ids = {r.matched.id for _e, r in pairs if r.matched is not None and r.matched.current}
    matched = {entry.unit for entry, _r in pairs}
    kept = []
    for entry, result in pairs:
        ids = [unit.id for unit in result.units]
        if entry.source is Source.FORMER:
            became = index.entry_for(index.former(entry).became)
            absorbed = became.unit in matched
        elif entry.source is Source.LEGACY:
            absorbed = (
                entry.level is not Level.DISTRICT and any(i in current_ids for i in ids)
            ) or (len(ids) == 1 and ids[0] in current_ids)
        else:
            absorbed = False
        if not absorbed:
            kept.append(result)
    return kept


# --- the public functions ---------------------------------------------------------------------


def _resolve_code(
    index: UnitIndex, query: str, entries: list[Entry], code: str, as_of: dt.date
) -> Resolution:
    if not entries:
        return Resolution(
            query=query,
            status=ResolutionStatus.UNKNOWN,
            note=f"No current or legacy unit has the official code {code}.",
            as_of=as_of,
        )
    ranked = sorted(entries, key=lambda e: e.rank(as_of))
    result = resolve_entry(index, query, ranked[0], as_of)
    others = [
        resolve_entry(index, query, e, as_of)
        for e in ranked[1:]
        if not _one_unit_over_time(index, ranked[0], e)
    ]
    if not others:
        return result
    then = others[0].matched
    assert then is not None and result.matched is not None
    if then.current:
        note = f"Since 1/7/2025 code {code} denotes {then.name}."
    else:
        went = ", ".join(u.name for u in others[0].units) or "no current unit"
        note = f"Until 30/6/2025 code {code} denoted {then.name} (now part of {went})."
    return attrs.evolve(
        result,
        note=join_notes(result.note, note),
        other_dates=tuple(candidate(index, r) for r in others),
    )


def _one_unit_over_time(index: UnitIndex, a: Entry, b: Entry) -> bool:
    """True if a legacy and a current unit under one code are the same unit before and after
    1/7/2025: the old one went into the new one, which took its name (Hà Nội; Đồng Nai, though
    it became a city in 2026). Otherwise the code's meaning changed (24: Bắc Giang, Bắc Ninh)."""
    old, new = (a, b) if a.source is Source.LEGACY else (b, a)
    if old.source is not Source.LEGACY or new.source is not Source.CURRENT:
        return False
    first = current_entries(index.current_unit(new.level, new.code))[0]
    return index.is_predecessor(old, new) and _same_name(old.name, first.name)


def resolve_unit(
    query: str, *, as_of: dt.date | None = None, reference: Catalogue | None = None
) -> Resolution:
    """Resolve one unit name or official code, as people write it, to the unit(s) it denotes on
    ``as_of`` (default: today) and what became of it, in ``reference`` (default: the national
    catalogue).

    >>> resolve_unit("Binh Duong").units[0].name
    'Thành phố Hồ Chí Minh'
    >>> resolve_unit("Phường 12, Quận Gò Vấp").matched.district_name
    'Quận Gò Vấp'
    """
    date = as_of or dt.date.today()
    index = unit_index(reference)
    text, *parts = query.split(",")
    parts = [part for part in parts if fold(part)]
    if not fold(text):
        return Resolution(
            query=query, status=ResolutionStatus.UNKNOWN, note="Empty name.", as_of=date
        )
    coded = _by_code(index, text)
    if coded is not None:
        return _resolve_code(index, query, coded[0], coded[1], date)
    entries = _lookup(index, text)
    if parts and entries:
        entries, scopes = _narrow(index, entries, parts)
        if not entries:
            return attrs.evolve(unknown_in(index, query, text, parts, scopes), as_of=date)
    entries, elsewhen = _by_date(index, entries, date)
    provincial = [e for e in entries if e.level is Level.PROVINCIAL]
    entries = provincial or entries
    results = _dedupe(index, [(e, resolve_entry(index, query, e, date)) for e in entries])
    other_dates = tuple(candidate(index, resolve_entry(index, query, e, date)) for e in elsewhen)
    if not results:
        return Resolution(
            query=query,
            status=ResolutionStatus.UNKNOWN,
            suggestions=suggest(index, text, date),
            as_of=date,
        )
    if len(results) == 1:
        return attrs.evolve(results[0], other_dates=other_dates)
    candidates = sorted(
        (candidate(index, r) for r in results),
        key=lambda c: (not c.unit.current, c.unit.province_code, c.unit.level, c.unit.code),
    )
    candidates = with_queries(candidates)
    return Resolution(
        query=query,
        status=ResolutionStatus.AMBIGUOUS,
        candidates=tuple(candidates),
        note=ambiguity_note(candidates),
        as_of=date,
        other_dates=other_dates,
    )


def resolve_units(
    queries: Iterable[str], *, as_of: dt.date | None = None
) -> tuple[Resolution, ...]:
    """Resolve each query in order, all as of the same date (see :func:`resolve_unit`)."""
    date = as_of or dt.date.today()
    return tuple(resolve_unit(query, as_of=date) for query in queries)
