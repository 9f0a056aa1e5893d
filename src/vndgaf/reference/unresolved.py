"""What to say when a query does not name one unit: every candidate of an ambiguous name with a
query that asks for it alone, and the close names of an unknown one.
"""

import datetime as dt
import difflib
from collections.abc import Iterator, Sequence

import attrs

from vndgaf.model import Level
from vndgaf.reference.names import (
    name_key,
    strip_kind,
)
from vndgaf.reference.resolution import Candidate, Resolution, ResolutionStatus
from vndgaf.reference.unit_index import (
    NEW_UNITS_FROM,
    Entry,
    Place,
    Source,
    UnitIndex,
    UnitRef,
)

__all__ = ["ambiguity_note", "candidate", "suggest", "unknown_in", "with_queries"]

_MAX_SUGGESTIONS = 5
_SUGGEST_CUTOFF = 0.75
_SCOPE_SUGGEST_CUTOFF = 0.6
_LONGEST_NAME = 100  # characters; the longest official name is about 40


def candidate(index: UnitIndex, result: Resolution) -> Candidate:
    """The resolution of one unit an ambiguous query may denote, as a candidate."""
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


def with_queries(candidates: list[Candidate]) -> list[Candidate]:
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


def ambiguity_note(candidates: Sequence[Candidate]) -> str:
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


def suggest(index: UnitIndex, text: str, as_of: dt.date) -> tuple[str, ...]:
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


def unknown_in(
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
