"""Every version of every catalogue fact, built by applying overlays in order.

A fact (a unit, an agency, a platform …) has one or more versions, each in force over a period
``[valid_from, valid_to)`` held in its provenance; an open end means "since before anything the
catalogue answers for" or "until further notice". Applying an overlay:

- an added entry becomes a version of its id; an id may come back only for a period that does
  not overlap its other versions (``vn:province/24`` was Bắc Giang before 1/7/2025);
- a change splits the version in force on its date and sets fields on every version from that
  date on;
- an ending cuts the version in force on its date and drops any later one.

:meth:`History.at` picks, for each fact, the version in force on a date.
"""

import datetime as dt
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any, NamedTuple

import attrs

from vndgaf.model import (
    AdministrativeUnit,
    Agency,
    Citation,
    Database,
    InformationSystem,
    Platform,
    Provenance,
)
from vndgaf.reference.frameworks import FrameworkRelease
from vndgaf.reference.instruments import Effect, Instrument
from vndgaf.reference.lists import ReferenceList
from vndgaf.reference.overlay import (
    TABLES,
    Change,
    Ending,
    Entry,
    Overlay,
    OverlayError,
    OverlayProblem,
    Section,
    field_value,
    key_of,
    table_of,
)

__all__ = ["History", "Legal", "PlainHistory", "Version", "build_history"]


class Version(NamedTuple):
    """One version of a fact: the record in force over its provenance's period.

    ``overlay`` names the overlay that set it; ``ended`` is the provenance of the ending that cut
    it, when one did. (A named tuple: thousands are made on every run.)
    """

    record: Any
    overlay: str
    ended: Provenance | None = None

    @property
    def valid_from(self) -> dt.date | None:
        """First day in force (None: open)."""
        provenance: Provenance | None = self.record.provenance
        return provenance.valid_from if provenance else None

    @property
    def valid_to(self) -> dt.date | None:
        """First day no longer in force (None: open)."""
        provenance: Provenance | None = self.record.provenance
        return provenance.valid_to if provenance else None

    def in_force(self, on: dt.date) -> bool:
        """True when the version holds on ``on``."""
        start, end = self.valid_from, self.valid_to
        return (start is None or start <= on) and (end is None or on < end)


def _overlaps(a: Version, start: dt.date | None, end: dt.date | None) -> bool:
    a_start, a_end = a.valid_from, a.valid_to
    return (a_start is None or end is None or a_start < end) and (
        start is None or a_end is None or start < a_end
    )


def _with_period(record: Any, start: dt.date | None, end: dt.date | None) -> Any:
    """The record with its provenance period (and a unit's own dates) set to [start, end)."""
    provenance = attrs.evolve(record.provenance, valid_from=start, valid_to=end)
    if isinstance(record, AdministrativeUnit):
        return attrs.evolve(record, provenance=provenance, valid_from=start, valid_to=end)
    return attrs.evolve(record, provenance=provenance)


def _set_fields(record: Any, fields: Mapping[str, Any]) -> Any:
    return attrs.evolve(record, **{k: field_value(type(record), k, v) for k, v in fields.items()})


def _references(record: Any) -> Iterator[tuple[str, str]]:
    """(field, id) of every catalogue id a record refers to."""
    if isinstance(record, AdministrativeUnit) and record.parent:
        yield "parent", record.parent
    if isinstance(record, Agency):
        for name in ("parent", "unit"):
            if getattr(record, name):
                yield name, getattr(record, name)
        yield from (("successor_of", i) for i in record.successor_of)
    if isinstance(record, InformationSystem):
        for name in ("owner", "operator"):
            if getattr(record, name):
                yield name, getattr(record, name)
        yield from (("capabilities", c) for c in record.capabilities)
    if isinstance(record, Platform) and record.instance_of:
        yield "instance_of", record.instance_of
    if isinstance(record, Database):
        yield from (("authoritative_for", i) for i in record.authoritative_for)
        yield from (("copies", i) for i in record.copies)
    if isinstance(record, ReferenceList):
        yield from ((f"items/{n}/element", i.element) for n, i in enumerate(record.items))


def _citations(record: Any) -> Iterator[tuple[str, Citation]]:
    """(pointer suffix, citation) of every instrument a record cites."""
    provenance: Provenance | None = getattr(record, "provenance", None)
    if provenance is not None:
        yield from ((f"/provenance/basis/{n}", c) for n, c in enumerate(provenance.basis))
    if isinstance(record, ReferenceList | FrameworkRelease):
        yield "/instrument", record.instrument
    if isinstance(record, Effect):
        yield "/by", record.by


#: Where a touched record is written: a pointer, or (section, index) for table entries.
_Where = str | tuple[Section[Any], int]


def _pointer(where: _Where) -> str:
    return where if isinstance(where, str) else where[0].pointer(where[1])


class _Builder:
    """The mutable state while overlays are applied; :meth:`freeze` makes the History."""

    def __init__(self) -> None:
        self.versions: dict[str, list[Version]] = {}
        self.instruments: dict[str, Instrument] = {}
        self.effects: list[Effect] = []
        self.problems: list[OverlayProblem] = []
        self.overlays: list[Overlay] = []

    def apply(self, overlay: Overlay) -> None:
        """Apply one overlay. The checks of what it refers to are skipped for the bundled
        overlays, which the tests check as user overlays (the catalogue loads on every run)."""
        self.overlays.append(overlay)
        touched: list[tuple[Any, _Where]] = []
        for entry in overlay.instruments:
            self._instrument(overlay, entry)
            touched.append((entry.value, entry.pointer))
        for table in TABLES:
            section = overlay.tables[table]
            if overlay.bundled and self._add_new(overlay, section):
                continue
            for index, record in enumerate(section.values):
                if self._add(overlay, table, record, section, index):
                    touched.append((record, (section, index)))
        for change in overlay.changes:
            touched.extend((record, change.pointer) for record in self._change(overlay, change))
        for ending in overlay.ends:
            self._end(overlay, ending)
        for effect in overlay.effects:
            self._effect(overlay, effect)
            touched.append((effect.value, effect.pointer))
        if not overlay.bundled:
            self._check(overlay, touched)

    def _add_new(self, overlay: Overlay, section: Section[Any]) -> bool:
        """Add a bundled section of facts that are all new in one step (the 3,321 communes);
        False, having added nothing, when some id is already known."""
        ids = [key_of(record) for record in section.values]
        if len(set(ids)) != len(ids) or not self.versions.keys().isdisjoint(ids):
            return False
        name = overlay.name
        self.versions.update(zip(ids, ([Version(r, name)] for r in section.values), strict=True))
        return True

    def _instrument(self, overlay: Overlay, entry: Entry[Instrument]) -> None:
        ident = entry.value.id
        if ident in self.instruments:
            self.problems.append(
                overlay.problem(
                    "CAT003",
                    f"instrument '{ident}' is already in the catalogue",
                    f"văn bản '{ident}' đã có trong danh mục",
                    f"{entry.pointer}/id",
                )
            )
            return
        self.instruments[ident] = entry.value

    def _effect(self, overlay: Overlay, entry: Entry[Effect]) -> None:
        if entry.value.instrument not in self.instruments:
            self.problems.append(
                _unknown_instrument(overlay, entry.value.instrument, entry.pointer + "/instrument")
            )
            return
        self.effects.append(entry.value)

    def _add(
        self, overlay: Overlay, table: str, record: Any, section: Section[Any], index: int
    ) -> bool:
        ident = key_of(record)
        provenance = record.provenance
        if provenance is None:  # the reader reported it
            return False
        if not overlay.bundled and (table_of(ident) != table or not _tier_matches(record)):
            self.problems.append(
                overlay.problem(
                    "CAT006",
                    f"'{ident}' cannot be listed under {table}: {_expected_form(table)}",
                    f"'{ident}' không thể nằm trong {table}: {_expected_form(table)}",
                    f"{section.pointer(index)}/{'code' if table == 'capabilities' else 'id'}",
                )
            )
            return False
        if isinstance(record, AdministrativeUnit) and (
            record.valid_from is not provenance.valid_from
            or record.valid_to is not provenance.valid_to
        ):
            record = _with_period(record, provenance.valid_from, provenance.valid_to)
        version = Version(record, overlay.name)
        versions = self.versions.get(ident)
        if versions is None:  # the common case: a new fact
            self.versions[ident] = [version]
            return True
        clash = next(
            (v for v in versions if _overlaps(v, version.valid_from, version.valid_to)), None
        )
        if clash is not None:
            self.problems.append(
                overlay.problem(
                    "CAT003",
                    f"'{ident}' is already in the catalogue over {_period(clash)}: use 'changes' "
                    "to change it from a date, or 'ends' to end it",
                    f"'{ident}' đã có trong danh mục trong {_period(clash)}: dùng 'changes' để "
                    "thay đổi từ một ngày, hoặc 'ends' để chấm dứt",
                    section.pointer(index),
                )
            )
            return False
        versions.append(version)
        versions.sort(key=lambda v: v.valid_from or dt.date.min)
        return True

    def _change(self, overlay: Overlay, entry: Entry[Change]) -> list[Any]:
        change = entry.value
        versions = self._versions(overlay, change.id, f"{entry.pointer}/id")
        provenance = change.provenance
        if versions is None or not self._sourced(overlay, provenance, entry.pointer):
            return []
        assert provenance is not None  # _sourced said so
        on = change.effective
        later = [v for v in versions if v.valid_to is None or v.valid_to > on]
        if not later:
            self.problems.append(_not_in_force(overlay, change.id, on, versions, entry.pointer))
            return []
        first = later[0]
        keep = [v for v in versions if v not in later]
        changed: list[Version] = []
        if first.valid_from is None or first.valid_from < on:
            keep.append(Version(_with_period(first.record, first.valid_from, on), first.overlay))
            record = attrs.evolve(first.record, provenance=provenance)
            record = _with_period(_set_fields(record, change.fields), on, first.valid_to)
            changed.append(Version(record, overlay.name, first.ended))
            later = later[1:]
        for version in later:
            changed.append(version._replace(record=_set_fields(version.record, change.fields)))
        versions[:] = keep + changed
        return [v.record for v in changed]

    def _end(self, overlay: Overlay, entry: Entry[Ending]) -> None:
        ending = entry.value
        versions = self._versions(overlay, ending.id, f"{entry.pointer}/id")
        if versions is None or not self._sourced(overlay, ending.provenance, entry.pointer):
            return
        on = ending.effective
        spanning = [
            v
            for v in versions
            if (v.valid_from is None or v.valid_from < on)
            and (v.valid_to is None or v.valid_to > on)
        ]
        if not spanning:
            self.problems.append(_not_in_force(overlay, ending.id, on, versions, entry.pointer))
            return
        cut = spanning[0]
        kept = [v for v in versions if v.valid_to is not None and v.valid_to <= on]
        kept.append(
            Version(_with_period(cut.record, cut.valid_from, on), cut.overlay, ending.provenance)
        )
        versions[:] = kept

    def _versions(self, overlay: Overlay, ident: str, pointer: str) -> list[Version] | None:
        versions = self.versions.get(ident)
        if not versions:
            self.problems.append(
                overlay.problem(
                    "CAT001",
                    f"'{ident}' is not in the catalogue (ids of instruments cannot be changed "
                    "or ended: add an effect instead)"
                    if ident in self.instruments
                    else f"'{ident}' is not in the catalogue",
                    f"'{ident}' không có trong danh mục",
                    pointer,
                )
            )
            return None
        return versions

    def _sourced(self, overlay: Overlay, provenance: Provenance | None, pointer: str) -> bool:
        if provenance is not None:
            return True
        self.problems.append(
            overlay.problem(
                "CAT005",
                "no provenance: say where the change comes from (or give defaults.provenance)",
                "không có provenance: ghi rõ nguồn của thay đổi (hoặc defaults.provenance)",
                pointer,
            )
        )
        return False

    def _check(self, overlay: Overlay, touched: Iterable[tuple[Any, "_Where"]]) -> None:
        """Every id and instrument the touched records refer to exists (at some date)."""
        checked: set[int] = set()  # provenance objects shared by many rows are checked once
        for record, where in touched:
            pointer = _pointer(where)
            provenance = getattr(record, "provenance", None)
            if id(provenance) in checked:
                citations: Iterable[tuple[str, Citation]] = ()
            else:
                checked.add(id(provenance))
                citations = _citations(record)
            for suffix, citation in citations:
                if citation.instrument not in self.instruments:
                    self.problems.append(
                        _unknown_instrument(overlay, citation.instrument, pointer + suffix)
                    )
            for field, ident in _references(record):
                if ident not in self.versions:
                    self.problems.append(
                        overlay.problem(
                            "CAT004",
                            f"'{field}' refers to '{ident}', which is not in the catalogue",
                            f"'{field}' tham chiếu '{ident}', không có trong danh mục",
                            f"{pointer}/{field}",
                        )
                    )

    def legal(self) -> "Legal":
        """The instruments and their effects, as recorded so far."""
        effects: dict[str, list[Effect]] = {}
        for effect in sorted(self.effects, key=lambda e: e.effective):
            effects.setdefault(effect.instrument, []).append(effect)
        return Legal(
            instruments=MappingProxyType(dict(self.instruments)),
            effects=MappingProxyType({k: tuple(v) for k, v in effects.items()}),
            overlays=tuple(o for o in self.overlays if o.instruments or o.effects),
        )

    def freeze(self, legal: Callable[[], "Legal"] | None = None) -> "History":
        tables: dict[str, list[str]] = {name: [] for name in TABLES}
        for ident in self.versions:
            tables[table_of(ident)].append(ident)
        return History(
            versions=MappingProxyType({k: tuple(v) for k, v in self.versions.items() if v}),
            tables=MappingProxyType({k: tuple(v) for k, v in tables.items()}),
            overlays=tuple(self.overlays),
            legal=_Deferred(legal or self.legal),
        )


def _tier_matches(record: Any) -> bool:
    """A vn:province id holds a provincial unit, a vn:commune id a commune-level unit."""
    if not isinstance(record, AdministrativeUnit):
        return True
    provincial = record.id.startswith("vn:province/")
    return (record.kind.tier.value == "provincial") is provincial


def _expected_form(table: str) -> str:
    forms = {
        "units": "unit ids are vn:province/CODE (a provincial unit) or vn:commune/CODE",
        "capabilities": "a capability code has no vn: prefix",
    }
    prefixes = {
        "agencies": "vn:agency/",
        "platforms": "vn:platform/",
        "databases": "vn:db/",
        "entities": "vn:entity/",
        "lists": "vn:list/",
        "frameworks": "vn:framework/",
    }
    return forms.get(table, f"ids of {table} start with {prefixes.get(table, '')}")


def _period(version: Version) -> str:
    start = version.valid_from.isoformat() if version.valid_from else "…"
    end = version.valid_to.isoformat() if version.valid_to else "…"
    return f"[{start}, {end})"


def _not_in_force(
    overlay: Overlay, ident: str, on: dt.date, versions: Sequence[Version], pointer: str
) -> OverlayProblem:
    periods = ", ".join(_period(v) for v in versions)
    return overlay.problem(
        "CAT002",
        f"'{ident}' is not in force on {on.isoformat()} (in force {periods})",
        f"'{ident}' không có hiệu lực ngày {on.isoformat()} (hiệu lực {periods})",
        f"{pointer}/effective",
    )


def _unknown_instrument(overlay: Overlay, ident: str, pointer: str) -> OverlayProblem:
    return overlay.problem(
        "CAT004",
        f"instrument '{ident}' is not in the catalogue: add it under 'instruments' "
        "(vndgaf reference instruments lists the known ones)",
        f"văn bản '{ident}' không có trong danh mục: thêm vào 'instruments'",
        pointer,
    )


@attrs.frozen(eq=False)
class Legal:
    """The instruments by id, the effects on each (oldest first), and the overlays they come
    from."""

    instruments: Mapping[str, Instrument]
    effects: Mapping[str, tuple[Effect, ...]]
    overlays: tuple[Overlay, ...]


class _Deferred:
    """Builds the legal part on first use (a run that cites no instrument never reads it)."""

    def __init__(self, make: Callable[[], Legal]) -> None:
        self._make: Callable[[], Legal] | None = make
        self._value: Legal | None = None
        self._lock = threading.Lock()

    def get(self) -> Legal:
        with self._lock:
            if self._value is None:
                assert self._make is not None
                self._value, self._make = self._make(), None
            return self._value


@attrs.frozen(eq=False)
class History:
    """Every version of every fact, the instruments and their effects, and the overlays applied.

    The instruments of the bundled catalogue are read on first use (:func:`build_history`).
    """

    versions: Mapping[str, tuple[Version, ...]]
    tables: Mapping[str, tuple[str, ...]]
    overlays: tuple[Overlay, ...]
    _legal: _Deferred = attrs.field(alias="legal")

    @property
    def instruments(self) -> Mapping[str, Instrument]:
        """Every instrument recorded, by id."""
        return self._legal.get().instruments

    @property
    def effects(self) -> Mapping[str, tuple[Effect, ...]]:
        """The effects on each instrument, oldest first."""
        return self._legal.get().effects

    @property
    def all_overlays(self) -> tuple[Overlay, ...]:
        """Every overlay the history comes from, those of the instruments included."""
        legal = self._legal.get().overlays
        return (*legal, *(o for o in self.overlays if o not in legal))

    def at(self, on: dt.date) -> dict[str, tuple[Any, ...]]:
        """The record in force on ``on`` of every fact, by table, in the order they were added."""
        out: dict[str, tuple[Any, ...]] = {}
        for table, ids in self.tables.items():
            records = []
            for ident in ids:
                for version in self.versions[ident]:
                    if version.in_force(on):
                        records.append(version.record)
                        break
            out[table] = tuple(records)
        return out


@attrs.frozen(eq=False)
class PlainHistory:
    """A :class:`History` in plain containers with its legal part read: what can be pickled (a
    mapping proxy cannot) and so what the cache keeps of the bundled catalogue
    (:func:`vndgaf.cache.cached`)."""

    versions: dict[str, tuple[Version, ...]]
    tables: dict[str, tuple[str, ...]]
    overlays: tuple[Overlay, ...]
    instruments: dict[str, Instrument]
    effects: dict[str, tuple[Effect, ...]]
    legal_overlays: tuple[Overlay, ...]

    @classmethod
    def of(cls, history: History) -> "PlainHistory":
        """The plain form of ``history`` (reads its legal part)."""
        legal = history._legal.get()
        return cls(
            versions=dict(history.versions),
            tables=dict(history.tables),
            overlays=history.overlays,
            instruments=dict(legal.instruments),
            effects=dict(legal.effects),
            legal_overlays=legal.overlays,
        )

    def history(self) -> History:
        """The :class:`History` again (it takes these containers over)."""
        legal = Legal(
            instruments=MappingProxyType(self.instruments),
            effects=MappingProxyType(self.effects),
            overlays=self.legal_overlays,
        )
        return History(
            versions=MappingProxyType(self.versions),
            tables=MappingProxyType(self.tables),
            overlays=self.overlays,
            legal=_Deferred(lambda: legal),
        )


def build_history(
    overlays: Sequence[Overlay], instruments: Callable[[], Sequence[Overlay]] | None = None
) -> History:
    """Apply ``overlays`` in order; raise :class:`OverlayError` listing every problem.

    ``instruments``, when given, returns overlays that hold only instruments and effects, read
    and applied on first use; the bundled catalogue defers its instruments so (they are needed
    to cite, not to check), while a user's overlays are applied with everything already read.
    """
    builder = _Builder()
    for overlay in overlays:
        builder.apply(overlay)
    if builder.problems:
        raise OverlayError(builder.problems)
    if instruments is None:
        return builder.freeze()

    def legal() -> Legal:
        deferred = _Builder()
        for overlay in instruments():
            deferred.apply(overlay)
        if deferred.problems:
            raise OverlayError(deferred.problems)
        return deferred.legal()

    return builder.freeze(legal)
