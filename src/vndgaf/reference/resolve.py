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
import difflib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from enum import StrEnum
from types import MappingProxyType

import attrs

from vndgaf.model import AdministrativeUnit, Level
from vndgaf.reference.catalogue import Catalogue
from vndgaf.reference.legacy import LEGACY_END, FormerUnit, LegacyUnit, UnitList
from vndgaf.reference.names import (
    compact,
    fold,
    has_marks,
    marked_words,
    name_key,
    readings,
    strip_kind,
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

_MAX_SUGGESTIONS = 5
_SUGGEST_CUTOFF = 0.75
_SCOPE_SUGGEST_CUTOFF = 0.6
_LONGEST_NAME = 100  # characters; the longest official name is about 40

#: Catalogue id prefixes a code may be written with.
_ID_PREFIXES: Mapping[str, Level] = MappingProxyType(
    {"vn:province/": Level.PROVINCIAL, "vn:district/": Level.DISTRICT, "vn:commune/": Level.COMMUNE}
)
_CODE_LEVELS: Mapping[int, Level] = MappingProxyType(
    {2: Level.PROVINCIAL, 3: Level.DISTRICT, 5: Level.COMMUNE}
)


class ResolutionStatus(StrEnum):
    """What became of the unit a query names, as of the date asked about."""

    CURRENT = "current"
    MERGED = "merged"
    SPLIT = "split"
    LEVEL_ABOLISHED = "level_abolished"
    RENAMED = "renamed"
    NOT_YET = "not_yet_in_force"
    AMBIGUOUS = "ambiguous"
    UNKNOWN = "unknown"


@attrs.frozen
class LineageLink:
    """One step of the official conversion: an old unit went (wholly or partly) into a new one."""

    old: UnitRef
    new: UnitRef
    note: str | None = None


@attrs.frozen
class Candidate:
    """One of several units a query may denote, what became of it, and ``query``: a way to ask
    for it alone ("Phường 14, Quận Bình Thạnh")."""

    unit: UnitRef
    status: ResolutionStatus
    current: tuple[UnitRef, ...]
    query: str = ""


@attrs.frozen
class Resolution:
    """The answer for one query: status, the current unit(s), the unit matched and its lineage.

    ``units`` holds the catalogue units that hold it now (one for current, merged and renamed;
    several for split and level_abolished; none for ambiguous and unknown). ``candidates`` lists
    every unit an ambiguous query may denote; ``suggestions`` are close names for an unknown
    one; ``other_dates`` what the same name or code denoted at other dates than ``as_of``.
    """

    query: str
    status: ResolutionStatus
    matched: UnitRef | None = None
    units: tuple[AdministrativeUnit, ...] = ()
    lineage: tuple[LineageLink, ...] = ()
    candidates: tuple[Candidate, ...] = ()
    suggestions: tuple[str, ...] = ()
    note: str | None = None
    as_of: dt.date | None = None
    other_dates: tuple[Candidate, ...] = ()


def _day(date: dt.date) -> str:
    return f"{date.day}/{date.month}/{date.year}"


# --- what became of one unit ----------------------------------------------------------------


def _resolve_entry(index: UnitIndex, query: str, entry: Entry, as_of: dt.date) -> Resolution:
    """What became of one indexed unit, as of ``as_of``."""
    if entry.source is Source.CURRENT:
        result = _resolve_current(index, query, entry, as_of)
    elif entry.source is Source.FORMER:
        result = _resolve_former(index, query, index.former(entry), as_of)
    else:
        unit = index.legacy_unit(entry.level, entry.code)
        old = index.legacy_ref(unit)
        if entry.level is Level.DISTRICT:
            result = _resolve_district(index, query, unit, old, as_of)
        else:
            result = _resolve_legacy(index, query, unit, old, as_of)
        if as_of < LEGACY_END and result.status is not ResolutionStatus.UNKNOWN:
            result = _in_force_then(result, as_of)
    return attrs.evolve(result, as_of=as_of)


def _in_force_then(result: Resolution, as_of: dt.date) -> Resolution:
    """A legacy unit asked about on a date it was still in force: current then, with what it
    became on 1/7/2025 in the note."""
    became = {
        ResolutionStatus.CURRENT: "it continued unchanged",
        ResolutionStatus.MERGED: "it was merged into",
        ResolutionStatus.RENAMED: "it became",
        ResolutionStatus.SPLIT: "it was divided among",
        ResolutionStatus.LEVEL_ABOLISHED: "the district level was abolished; its communes went to",
    }[result.status]
    names = ", ".join(f"{u.name} ({u.id})" for u in result.units)
    tail = "" if result.status is ResolutionStatus.CURRENT else f" {names}"
    note = f"In force on {as_of.isoformat()} (list of 2025-01-04); on 1/7/2025 {became}{tail}."
    return attrs.evolve(
        result, status=ResolutionStatus.CURRENT, note=_join(note, _code_note(result))
    )


def _code_note(result: Resolution) -> str | None:
    """Keep only the notes about codes when the status is rewritten."""
    return result.note if result.note and result.note.startswith("Code ") else None


def _join(*notes: str | None) -> str | None:
    kept = [note for note in notes if note]
    return " ".join(kept) if kept else None


def _predecessors(index: UnitIndex, ref: UnitRef) -> tuple[str, ...]:
    unit = index.cat.get(ref.id or "")
    return unit.predecessor_codes if isinstance(unit, AdministrativeUnit) else ()


def _resolve_legacy(
    index: UnitIndex, query: str, unit: LegacyUnit, old: UnitRef, as_of: dt.date
) -> Resolution:
    """A legacy province or commune: the current unit(s) it went into."""
    level = Level.PROVINCIAL if unit.level is Level.PROVINCIAL else Level.COMMUNE
    links = tuple(
        LineageLink(old, index.current_ref(level, s.code, as_of), s.note) for s in unit.successors
    )
    news = tuple({link.new.code: link.new for link in links}.values())
    if not news:
        return Resolution(
            query=query,
            status=ResolutionStatus.UNKNOWN,
            matched=old,
            note="In the list of 2025-01-04 but not in the official conversion table of 1/7/2025.",
        )
    note = None
    if len(news) > 1:
        status = ResolutionStatus.SPLIT
        note = (
            "The official conversion table says which parts went where (note of each lineage "
            "link), not in what proportion."
        )
    else:
        new = news[0]
        alone = _predecessors(index, new) == (old.code,)
        same_name = fold(new.name) == fold(old.name)
        if alone:
            status = ResolutionStatus.CURRENT if same_name else ResolutionStatus.RENAMED
        else:
            status = ResolutionStatus.MERGED
        if new.code != old.code:
            note = (
                f"Code {old.code} is no longer used since 1/7/2025: {old.name} is now part of "
                f"{new.name}, code {new.code}."
            )
    return Resolution(
        query=query,
        status=status,
        matched=old,
        units=index.units(news),
        lineage=links,
        note=note,
    )


def _resolve_current(index: UnitIndex, query: str, entry: Entry, as_of: dt.date) -> Resolution:
    ref = index.current_ref(entry.level, entry.code, as_of)
    asked = index.current_ref(entry.level, entry.code, as_of, entry)
    unit = index.cat.get(ref.id or "")
    links: list[LineageLink] = []
    if isinstance(unit, AdministrativeUnit):
        old_level = Level.PROVINCIAL if entry.level is Level.PROVINCIAL else Level.COMMUNE
        for code in unit.predecessor_codes:
            old = index.legacy_unit(old_level, code)
            notes = [s.note for s in old.successors if s.code == entry.code]
            links.append(LineageLink(index.legacy_ref(old), ref, notes[0] if notes else None))
    status = ResolutionStatus.CURRENT
    note = None
    if as_of < NEW_UNITS_FROM:
        status = ResolutionStatus.NOT_YET
        olds = ", ".join(sorted({link.old.name for link in links}))
        note = f"Formed on 1/7/2025 from {olds}; on {as_of.isoformat()} those units were in force."
    elif entry.valid_from is not None and as_of < entry.valid_from:
        status = ResolutionStatus.NOT_YET
        note = (
            f"{entry.name} is the name from {_day(entry.valid_from)}; on {as_of.isoformat()} "
            f"the unit was {ref.name}."
        )
    elif entry.valid_to is not None and as_of >= entry.valid_to:
        status = ResolutionStatus.RENAMED
        note = f"{entry.name} has been {ref.name} since {_day(entry.valid_to)}."
    matched = asked if status is not ResolutionStatus.CURRENT else ref
    return Resolution(
        query=query,
        status=status,
        matched=matched,
        units=index.units((ref,)),
        lineage=tuple(links),
        note=note,
    )


def _resolve_district(
    index: UnitIndex,
    query: str,
    unit: LegacyUnit,
    old: UnitRef,
    as_of: dt.date,
    communes: Sequence[str] | None = None,
) -> Resolution:
    """A legacy district: the current communes its communes went into (only ``communes``, the
    codes of the old communes, when given)."""
    links: list[LineageLink] = []
    for commune in index.legacy.communes_of_district.get(unit.code, ()):
        if communes is not None and commune.code not in communes:
            continue
        commune_ref = index.legacy_ref(commune)
        for s in commune.successors:
            new = index.current_ref(Level.COMMUNE, s.code, as_of)
            links.append(LineageLink(commune_ref, new, s.note))
    if communes is None:
        for s in unit.successors:
            links.append(LineageLink(old, index.current_ref(Level.COMMUNE, s.code, as_of), s.note))
    news = sorted({link.new.code: link.new for link in links}.values(), key=lambda r: r.code)
    return Resolution(
        query=query,
        status=ResolutionStatus.LEVEL_ABOLISHED,
        matched=old,
        units=index.units(news),
        lineage=tuple(links),
        note="The district level was abolished on 1/7/2025; its communes now belong to these "
        "commune-level units.",
    )


def _resolve_former(index: UnitIndex, query: str, former: FormerUnit, as_of: dt.date) -> Resolution:
    """A unit that ended before the list of 2025-01-04: what it became, then what that became."""
    ref = index.former_ref(former)
    target = index.legacy_unit(
        Level.PROVINCIAL if former.became.list is UnitList.LEGACY_PROVINCE else Level.DISTRICT,
        former.became.code,
    )
    how = "renamed" if former.renamed else "merged into"
    end = _day(former.valid_to)
    source = former.provenance
    history = (
        f"{former.name} was {how} {target.name} on {end}. Source: {source.source} "
        f"[{source.confidence.value}]."
    )
    if as_of < former.valid_to:
        return Resolution(
            query=query,
            status=ResolutionStatus.CURRENT,
            matched=ref,
            note=f"In force on {as_of.isoformat()}; {history}",
        )
    target_ref = index.legacy_ref(target)
    if target.level is Level.DISTRICT:
        then = _resolve_district(index, query, target, target_ref, as_of, former.communes or None)
    else:
        then = _resolve_legacy(index, query, target, target_ref, as_of)
    if as_of < LEGACY_END or (former.renamed and target.level is not Level.DISTRICT):
        status = ResolutionStatus.RENAMED if former.renamed else ResolutionStatus.MERGED
    else:
        status = then.status
    uncertain = f" {source.note}" if source.note else ""
    link = LineageLink(ref, target_ref, "renamed" if former.renamed else "merged")
    return attrs.evolve(
        then,
        status=status,
        matched=ref,
        lineage=(link, *then.lineage),
        note=_join(history + uncertain, then.note),
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
        if code in legacy.communes:
            found.append(legacy_entry(legacy.communes[code]))
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


# --- ambiguity --------------------------------------------------------------------------------


def _candidate(index: UnitIndex, result: Resolution) -> Candidate:
    current = tuple(
        index.current_ref(
            Level.PROVINCIAL if u.parent is None else Level.COMMUNE,
            u.code or "",
            result.as_of or NEW_UNITS_FROM,
        )
        for u in result.units
    )
    if result.matched is None:
        raise ValueError("a candidate needs a matched unit")
    return Candidate(unit=result.matched, status=result.status, current=current)


def _asking_forms(ref: UnitRef) -> Iterator[tuple[str, tuple[str | None, ...]]]:
    """Ways to write a unit, shortest first, each with what it pins down (name, district,
    province)."""
    name = name_key(ref.name)
    district = name_key(ref.district_name) if ref.district_name else None
    province = strip_kind(name_key(ref.province_name)).bare
    yield ref.name, (name, None, None)
    if ref.level is not Level.PROVINCIAL:
        if ref.district_name:
            yield f"{ref.name}, {ref.district_name}", (name, district, None)
        yield f"{ref.name}, {ref.province_name}", (name, None, province)
        if ref.district_name:
            yield (
                f"{ref.name}, {ref.district_name}, {ref.province_name}",
                (name, district, province),
            )


def _pins(ref: UnitRef) -> tuple[str, str | None, str]:
    return (
        name_key(ref.name),
        name_key(ref.district_name) if ref.district_name else None,
        strip_kind(name_key(ref.province_name)).bare,
    )


def _with_queries(candidates: list[Candidate]) -> list[Candidate]:
    """Give each candidate the shortest way to ask for it alone (its code when no name does)."""
    pins = [_pins(c.unit) for c in candidates]
    done = []
    for i, candidate in enumerate(candidates):
        query = candidate.unit.id or candidate.unit.code
        for form, wanted in _asking_forms(candidate.unit):
            clash = any(
                j != i and all(w is None or w == p for w, p in zip(wanted, pins[j], strict=True))
                for j in range(len(candidates))
            )
            if not clash:
                query = form
                break
        done.append(attrs.evolve(candidate, query=query))
    return done


def _ambiguity_note(candidates: Sequence[Candidate]) -> str:
    """Say what tells the candidates apart."""
    needs = []
    if len({c.unit.kind for c in candidates}) > 1:
        needs.append("the kind (Tỉnh, Thành phố, Quận, Huyện, Xã, Phường …)")
    if len({c.unit.district_code for c in candidates if c.unit.district_code}) > 1:
        needs.append("', OLD DISTRICT'")
    if len({c.unit.province_code for c in candidates}) > 1:
        needs.append("', PROVINCE'")
    if not needs:
        needs.append("the official code")
    return (
        f"Several units have this name; add {' or '.join(needs)} — each candidate says how to ask "
        "for it alone."
    )


# --- unknown names ----------------------------------------------------------------------------


def _label(ref: UnitRef) -> str:
    return ref.name if ref.level is Level.PROVINCIAL else f"{ref.name}, {ref.province_name}"


def _suggest(index: UnitIndex, text: str, as_of: dt.date) -> tuple[str, ...]:
    """Close names, from the names that share the query's first letter (bounded work)."""
    bare = strip_kind(name_key(text)).bare
    if len(bare) > _LONGEST_NAME:
        return ()  # no unit is named like that; and difflib's cost grows with the length
    pool = index.buckets.get(bare[:1], ())
    labels: list[str] = []
    for key in difflib.get_close_matches(bare, pool, n=_MAX_SUGGESTIONS, cutoff=_SUGGEST_CUTOFF):
        for entry in sorted(index.names[key], key=_suggestion_order):
            ref = index.ref(entry, as_of)
            if _label(ref) not in labels:
                labels.append(_label(ref))
    return tuple(labels[:_MAX_SUGGESTIONS])


def _suggestion_order(entry: Entry) -> tuple[bool, bool, str]:
    """Provinces before communes, current units before legacy ones, then by code."""
    return (entry.level is not Level.PROVINCIAL, entry.source is not Source.CURRENT, entry.code)


def _names_in(index: UnitIndex, scope: set[Place]) -> dict[str, UnitRef]:
    """The units in the places of a ", DISTRICT, PROVINCE" part, by name key (for suggestions
    when nothing there has the name asked for)."""
    found: dict[str, UnitRef] = {}
    legacy = index.legacy
    for kind, code in sorted(scope):
        if kind == "province":
            for unit in index.cat.communes_of(code):
                found.setdefault(
                    name_key(unit.name),
                    index.current_ref(Level.COMMUNE, unit.code or "", NEW_UNITS_FROM),
                )
            continue
        districts = (
            index.districts_of_province.get(code, ())
            if kind == "legacy-province"
            else (code,)
            if kind == "legacy-district"
            else ()
        )
        for district in districts:
            for commune in legacy.communes_of_district.get(district, ()):
                found.setdefault(name_key(commune.name), index.legacy_ref(commune))
    return found


def _unknown_in(
    index: UnitIndex, query: str, text: str, parts: Sequence[str], scopes: list[set[Place]]
) -> Resolution:
    """Nothing of that name lies where the query says: say so, and suggest what does."""
    missing = [part.strip() for part, scope in zip(parts, scopes, strict=True) if not scope]
    if missing:
        return Resolution(
            query=query,
            status=ResolutionStatus.UNKNOWN,
            note=f"No province or district named {', '.join(repr(m) for m in missing)} to look in.",
        )
    where = " and ".join(part.strip() for part in parts)
    inside = _names_in(index, set.intersection(*scopes))
    close = difflib.get_close_matches(
        name_key(text), sorted(inside), n=_MAX_SUGGESTIONS, cutoff=_SCOPE_SUGGEST_CUTOFF
    )
    return Resolution(
        query=query,
        status=ResolutionStatus.UNKNOWN,
        suggestions=tuple(_label(inside[key]) for key in close),
        note=f"No unit named '{text.strip()}' lies in {where}, in the list of 2025-01-04 or since.",
    )


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
    result = _resolve_entry(index, query, ranked[0], as_of)
    others = [
        _resolve_entry(index, query, e, as_of)
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
        note=_join(result.note, note),
        other_dates=tuple(_candidate(index, r) for r in others),
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
            return attrs.evolve(_unknown_in(index, query, text, parts, scopes), as_of=date)
    entries, elsewhen = _by_date(index, entries, date)
    provincial = [e for e in entries if e.level is Level.PROVINCIAL]
    entries = provincial or entries
    results = _dedupe(index, [(e, _resolve_entry(index, query, e, date)) for e in entries])
    other_dates = tuple(_candidate(index, _resolve_entry(index, query, e, date)) for e in elsewhen)
    if not results:
        return Resolution(
            query=query,
            status=ResolutionStatus.UNKNOWN,
            suggestions=_suggest(index, text, date),
            as_of=date,
        )
    if len(results) == 1:
        return attrs.evolve(results[0], other_dates=other_dates)
    candidates = sorted(
        (_candidate(index, r) for r in results),
        key=lambda c: (not c.unit.current, c.unit.province_code, c.unit.level, c.unit.code),
    )
    candidates = _with_queries(candidates)
    return Resolution(
        query=query,
        status=ResolutionStatus.AMBIGUOUS,
        candidates=tuple(candidates),
        note=_ambiguity_note(candidates),
        as_of=date,
        other_dates=other_dates,
    )


def resolve_units(
    queries: Iterable[str], *, as_of: dt.date | None = None
) -> tuple[Resolution, ...]:
    """Resolve each query in order, all as of the same date (see :func:`resolve_unit`)."""
    date = as_of or dt.date.today()
    return tuple(resolve_unit(query, as_of=date) for query in queries)
