"""The answer to a unit query, and how it is formed for one unit the index knows: its status as
of a date (current, merged, split, level abolished, renamed, not yet in force), the units that
hold it now, and the lineage of the official conversion.

:mod:`vndgaf.reference.resolve` reads a query and finds the unit(s) it names; this module says
what became of each.
"""

import datetime as dt
from collections.abc import Sequence
from enum import StrEnum

import attrs

from vndgaf.model import AdministrativeUnit, Level
from vndgaf.reference.legacy import LEGACY_END, FormerUnit, LegacyUnit, UnitList
from vndgaf.reference.names import (
    fold,
)
from vndgaf.reference.unit_index import (
    NEW_UNITS_FROM,
    Entry,
    Source,
    UnitIndex,
    UnitRef,
)

__all__ = [
    "Candidate",
    "LineageLink",
    "Resolution",
    "ResolutionStatus",
    "join_notes",
    "resolve_entry",
]


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


def resolve_entry(index: UnitIndex, query: str, entry: Entry, as_of: dt.date) -> Resolution:
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
        result, status=ResolutionStatus.CURRENT, note=join_notes(note, _code_note(result))
    )


def _code_note(result: Resolution) -> str | None:
    """Keep only the notes about codes when the status is rewritten."""
    return result.note if result.note and result.note.startswith("Code ") else None


def join_notes(*notes: str | None) -> str | None:
    """The notes that are set, in order, as one text (``None`` when there is none)."""
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
        note=join_notes(history + uncertain, then.note),
    )
