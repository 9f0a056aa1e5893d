"""The national reference catalogue as of a date: one immutable object per date, loaded once.

The catalogue is built from overlay files (:mod:`vndgaf.reference.overlay`): the package's own,
then any a user gives. It keeps every version of every fact (:mod:`vndgaf.reference.history`);
``catalogue(as_of)`` answers with the facts in force on that date (default: today), so the same
id or name can denote different units at different dates (``vn:province/24`` is Bắc Giang before
1/7/2025, the province of Bắc Ninh after it and a centrally-run city from 20/9/2026).

Submissions refer to catalogue elements by their ``vn:`` ids (``vn:platform/ndxp``,
``vn:province/79``) instead of defining them. Lookups are dictionary lookups; ``suggest`` only
compares an id with the ids of the same kind that share its first characters.
"""

import datetime as dt
import functools
import itertools
import threading
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs

from vndgaf import model
from vndgaf.cache import cached
from vndgaf.gcpause import paused_gc
from vndgaf.model import (
    AdministrativeUnit,
    Agency,
    Citation,
    Database,
    DataEntity,
    Platform,
)
from vndgaf.reference._data import DATA
from vndgaf.reference.capability import Capability
from vndgaf.reference.frameworks import FrameworkRelease
from vndgaf.reference.history import History, PlainHistory, Version, build_history
from vndgaf.reference.instruments import Instrument, InstrumentStatus, cite, status_on
from vndgaf.reference.lists import ReferenceList
from vndgaf.reference.overlay import (
    BUNDLED,
    BUNDLED_INSTRUMENTS,
    Overlay,
    bundled_instruments,
    bundled_overlays,
)
from vndgaf.suggest import Suggestions, closest

__all__ = [
    "CATALOGUE_PREFIX",
    "CATALOGUE_VERSION",
    "Catalogue",
    "CatalogueElement",
    "catalogue",
    "is_catalogue_id",
]

#: Every catalogue id starts with this prefix; submission ids must not.
CATALOGUE_PREFIX = "vn:"

#: Version of the bundled catalogue content.
CATALOGUE_VERSION = "2026.12"

CatalogueElement = AdministrativeUnit | Agency | Platform | Database | DataEntity

#: Id prefix of each element kind, with the kind used by ``ref=`` in the model metadata.
_PREFIX_KINDS: Mapping[str, str] = MappingProxyType(
    {
        "vn:province": "unit",
        "vn:commune": "unit",
        "vn:agency": "agency",
        "vn:platform": "platform",
        "vn:db": "database",
        "vn:entity": "entity",
    }
)

#: How close a catalogue id must be to a misspelt one to be suggested (difflib's ratio).
SUGGESTION_CUTOFF = 0.6

#: Snapshots kept per history (a run asks for one or two dates; a library user maybe more).
_SNAPSHOTS = 32


def is_catalogue_id(ident: str) -> bool:
    """True if ``ident`` names (or tries to name) an element of the national catalogue."""
    return ident.startswith(CATALOGUE_PREFIX)


@attrs.frozen(eq=False)
class _Shared:
    """What every snapshot of one history shares: the history and the snapshots made of it."""

    history: History
    snapshots: dict[dt.date, "Catalogue"] = attrs.field(factory=dict)
    lock: threading.Lock = attrs.field(factory=threading.Lock)


@attrs.frozen(eq=False)
class Catalogue:
    """The national reference catalogue as of ``as_of``.

    The element tuples (``provinces``, ``communes``, ``agencies`` …) hold the facts in force on
    ``as_of``, in a fixed order; every element carries ``provenance`` with its period of validity
    and the instruments it rests on. ``instruments`` are all instruments ever recorded (their
    status on a date is :meth:`instrument_status`). Build it with :func:`catalogue`, or move to
    another date with :meth:`at`.
    """

    version: str
    date: dt.date
    as_of: dt.date
    provinces: tuple[AdministrativeUnit, ...]
    communes: tuple[AdministrativeUnit, ...]
    agencies: tuple[Agency, ...]
    platforms: tuple[Platform, ...]
    databases: tuple[Database, ...]
    entities: tuple[DataEntity, ...]
    capabilities: tuple[Capability, ...]
    lists: tuple[ReferenceList, ...]
    frameworks: tuple[FrameworkRelease, ...]
    _shared: _Shared = attrs.field(repr=False, alias="shared")
    _by_id: Mapping[str, CatalogueElement] = attrs.field(init=False, repr=False)
    _by_capability: Mapping[str, Capability] = attrs.field(init=False, repr=False)
    _communes_by_province: Mapping[str, tuple[AdministrativeUnit, ...]] = attrs.field(
        init=False, repr=False
    )
    _suggestions: list[Mapping[str, Suggestions]] = attrs.field(
        init=False, repr=False, factory=list
    )

    def __attrs_post_init__(self) -> None:
        by_id: dict[str, CatalogueElement] = {e.id: e for e in self.elements()}
        grouped: dict[str, list[AdministrativeUnit]] = {p.code or "": [] for p in self.provinces}
        for commune in self.communes:
            grouped.setdefault((commune.parent or "").rpartition("/")[2], []).append(commune)
        object.__setattr__(self, "_by_id", MappingProxyType(by_id))
        object.__setattr__(
            self, "_by_capability", MappingProxyType({c.code: c for c in self.capabilities})
        )
        object.__setattr__(
            self,
            "_communes_by_province",
            MappingProxyType({code: tuple(units) for code, units in grouped.items()}),
        )

    # --- the facts in force on as_of ---------------------------------------------------------

    def elements(self) -> Iterator[CatalogueElement]:
        """Every element in force, parts in a fixed order (provinces, communes, agencies …)."""
        return itertools.chain(
            self.provinces,
            self.communes,
            self.agencies,
            self.platforms,
            self.databases,
            self.entities,
        )

    def get(self, ident: str) -> CatalogueElement | None:
        """The element with id ``ident`` in force on ``as_of``, or None."""
        return self._by_id.get(ident)

    def capability(self, code: str) -> Capability | None:
        """The capability with this code, or None."""
        return self._by_capability.get(code)

    def province(self, code: str) -> AdministrativeUnit | None:
        """The province-level unit with this official code on ``as_of``, or None."""
        unit = self._by_id.get(f"vn:province/{code}")
        return unit if isinstance(unit, AdministrativeUnit) else None

    def commune(self, code: str) -> AdministrativeUnit | None:
        """The commune-level unit with this official code on ``as_of``, or None."""
        unit = self._by_id.get(f"vn:commune/{code}")
        return unit if isinstance(unit, AdministrativeUnit) else None

    def communes_of(self, province_code: str) -> tuple[AdministrativeUnit, ...]:
        """The commune-level units of a province (by official code), in code order."""
        return self._communes_by_province.get(province_code, ())

    def is_template(self, ident: str) -> bool:
        """True for a platform that ministries or provinces deploy as their own instance (LGSP)."""
        platform = self._by_id.get(ident)
        return (
            isinstance(platform, Platform)
            and platform.properties.get("catalogue_role") == "template"
        )

    def reference_list(self, ident: str) -> ReferenceList | None:
        """The list (``vn:list/…``) in force on ``as_of``, or None."""
        return next((x for x in self.lists if x.id == ident), None)

    def framework(self, version: str) -> FrameworkRelease | None:
        """The framework release a submission declares as ``version``, if current on ``as_of``."""
        return next((f for f in self.frameworks if f.version == version), None)

    # --- ids at any date ------------------------------------------------------------------------

    def kind_of(self, element_id: str) -> str | None:
        """The element kind of ``element_id`` ("unit", "agency", "platform", "database",
        "entity") if it is in force on ``as_of``, else None (like :meth:`get`)."""
        if element_id not in self._by_id:
            return None
        return _PREFIX_KINDS[element_id.rpartition("/")[0]]

    def is_catalogue_id(self, ident: str) -> bool:
        """True if ``ident`` has the catalogue prefix (whether or not it exists)."""
        return is_catalogue_id(ident)

    def suggest(self, element_id: str, limit: int = 3) -> tuple[str, ...]:
        """The catalogue ids closest to a misspelt ``element_id``, best first: those equally
        close, fewest edits away first, at most ``limit`` (bounded work: an index per kind
        prefix, :class:`vndgaf.suggest.Suggestions`).

        >>> catalogue().suggest("vn:platform/ndx")
        ('vn:platform/ndxp',)
        >>> "vn:commune/21583" in catalogue().suggest("vn:commune/23583", limit=12)  # a digit off
        True
        """
        if not self._suggestions:  # made on first use: only a misspelt id needs them
            self._suggestions.append(_suggestion_indexes(self._by_id))
        indexes = self._suggestions[0]
        prefix, _, local = element_id.partition("/")
        if prefix not in indexes:
            prefix = closest(prefix, sorted(indexes), cutoff=SUGGESTION_CUTOFF) or ""
            if not prefix:
                return ()
        return indexes[prefix].ranked(f"{prefix}/{local}")[:limit]

    def versions(self, ident: str) -> tuple[Version, ...]:
        """Every version of a fact (element, capability, list, framework), oldest first.

        >>> [v.record.kind.value for v in catalogue().versions("vn:province/24")]
        ['tinh', 'tinh', 'thanh_pho_truc_thuoc_tw']
        """
        return self._shared.history.versions.get(ident, ())

    def at(self, on: dt.date) -> "Catalogue":
        """The same catalogue (same overlays) as of another date."""
        return _snapshot(self._shared, on)

    # --- instruments ----------------------------------------------------------------------------

    @property
    def instruments(self) -> tuple[Instrument, ...]:
        """Every instrument recorded, sorted by id."""
        found = self._shared.history.instruments
        return tuple(found[key] for key in sorted(found))

    def instrument(self, ident: str) -> Instrument | None:
        """The instrument with this id, or None."""
        return self._shared.history.instruments.get(ident)

    def instrument_status(self, ident: str, on: dt.date | None = None) -> InstrumentStatus | None:
        """The status of an instrument on ``on`` (default: ``as_of``) and its successor.

        >>> status = catalogue().instrument_status("nd-47-2024", dt.date(2025, 12, 1))
        >>> status.state.value, str(status.since), status.successor.id
        ('repealed', '2025-08-19', 'nd-194-2025')
        """
        history = self._shared.history
        instrument = history.instruments.get(ident)
        if instrument is None:
            return None
        return status_on(instrument, on or self.as_of, history.effects, history.instruments)

    def cite(self, citation: Citation, lang: str = "en") -> str:
        """A citation in English or Vietnamese ("Decree 194/2025/NĐ-CP, Art. 20")."""
        return cite(citation, self.instrument(citation.instrument), lang)

    # --- where it comes from --------------------------------------------------------------------

    @property
    def overlays(self) -> tuple[Overlay, ...]:
        """Every overlay applied, the bundled ones first."""
        return self._shared.history.all_overlays

    @property
    def user_overlays(self) -> tuple[Overlay, ...]:
        """The overlays a user added to the bundled catalogue (reports name them)."""
        return tuple(o for o in self._shared.history.overlays if not o.bundled)

    @property
    def sources(self) -> Mapping[str, Mapping[str, Any]]:
        """Name, title, version, date and sources of each overlay applied, by overlay name."""
        return MappingProxyType(
            {
                o.name: MappingProxyType(
                    {
                        "title": o.title,
                        "version": o.version,
                        "date": o.date.isoformat() if o.date else None,
                        "sources": o.sources,
                        "path": o.path,
                        "sha256": o.digest,
                    }
                )
                for o in self.overlays
            }
        )


def _suggestion_indexes(by_id: Mapping[str, CatalogueElement]) -> Mapping[str, Suggestions]:
    """A suggestion index of the ids of each kind prefix ("vn:commune", "vn:platform" …)."""
    by_prefix: dict[str, list[str]] = {prefix: [] for prefix in _PREFIX_KINDS}
    for ident in by_id:
        by_prefix[ident.rpartition("/")[0]].append(ident)
    return MappingProxyType(
        {p: Suggestions(ids, cutoff=SUGGESTION_CUTOFF) for p, ids in by_prefix.items()}
    )


def _shared(history: History) -> _Shared:
    return _Shared(history=history)


def _snapshot(shared: _Shared, on: dt.date) -> Catalogue:
    with shared.lock:
        found = shared.snapshots.get(on)
        if found is not None:
            return found
    tables = shared.history.at(on)
    units = tables["units"]
    dates = [o.date for o in shared.history.overlays if o.bundled and o.date]
    snapshot = Catalogue(
        version=CATALOGUE_VERSION,
        date=max(dates) if dates else on,
        as_of=on,
        provinces=tuple(u for u in units if u.id.startswith("vn:province/")),
        communes=tuple(u for u in units if u.id.startswith("vn:commune/")),
        agencies=tables["agencies"],
        platforms=tables["platforms"],
        databases=tables["databases"],
        entities=tables["entities"],
        capabilities=tables["capabilities"],
        lists=tables["lists"],
        frameworks=tables["frameworks"],
        shared=shared,
    )
    with shared.lock:
        if len(shared.snapshots) >= _SNAPSHOTS:
            shared.snapshots.pop(next(iter(shared.snapshots)))
        return shared.snapshots.setdefault(on, snapshot)


def bundled_sources() -> tuple[Path, ...]:
    """What the bundled catalogue is built from: its overlay files, and the modules that read
    them and define the classes it holds (a change to any of them makes the cache stale)."""
    code = [Path(__file__).parent, Path(model.__file__).parent]
    return (
        *(DATA / name for name in (BUNDLED_INSTRUMENTS, *BUNDLED)),
        *sorted(path for folder in code for path in folder.glob("*.py")),
    )


def build_bundled() -> PlainHistory:
    """The history of the bundled overlay files, built from the sources (no cache)."""
    with paused_gc():  # thousands of objects that stay alive: see vndgaf.gcpause
        return PlainHistory.of(build_history(bundled_overlays(), bundled_instruments))


@functools.cache
def _bundled() -> _Shared:
    """The bundled history, precompiled in the user's cache (:mod:`vndgaf.cache`): reading it
    back takes a fraction of building it from the YAML and JSON sources."""
    plain = cached("catalogue", bundled_sources(), build_bundled, PlainHistory)
    return _shared(plain.history())


_WITH_OVERLAYS: dict[tuple[tuple[str, str], ...], _Shared] = {}
_WITH_LOCK = threading.Lock()


def _with(overlays: tuple[Overlay, ...]) -> _Shared:
    """The history of the bundled overlays plus ``overlays``, cached by file and digest."""
    keys = tuple((o.path, o.digest) for o in overlays)
    with _WITH_LOCK:
        found = _WITH_OVERLAYS.get(keys)
    if found is not None:
        return found
    shared = _shared(build_history((*bundled_instruments(), *bundled_overlays(), *overlays)))
    with _WITH_LOCK:
        if len(_WITH_OVERLAYS) >= 8:
            _WITH_OVERLAYS.pop(next(iter(_WITH_OVERLAYS)))
        return _WITH_OVERLAYS.setdefault(keys, shared)


def catalogue(as_of: dt.date | None = None, overlays: Sequence[Overlay] = ()) -> Catalogue:
    """The national reference catalogue as of ``as_of`` (default: today).

    ``overlays`` (read from files by :func:`vndgaf.load.overlays.read_overlay`, or use
    :func:`vndgaf.load.overlays.catalogue_with` with the paths) are applied after the bundled
    ones, in order; a problem raises :class:`~vndgaf.reference.overlay.OverlayError` listing
    every problem with its file, line and column. The same arguments give the very same object.
    """
    on = as_of or dt.date.today()
    if not overlays:
        return _snapshot(_bundled(), on)
    return _snapshot(_with(tuple(overlays)), on)
