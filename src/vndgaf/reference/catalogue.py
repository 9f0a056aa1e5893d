"""The built-in national reference catalogue: one immutable object, loaded lazily once.

Submissions refer to catalogue elements by their ``vn:`` ids (``vn:platform/ndxp``,
``vn:province/79``) instead of defining them. Lookups are dictionary lookups; ``suggest`` only
compares an id with the ids of the same kind that share its first characters.
"""

import datetime as dt
import difflib
import functools
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any, TypeVar

import attrs

from vndgaf.converter import structure
from vndgaf.model import (
    AdministrativeUnit,
    Agency,
    Database,
    DataEntity,
    Platform,
    Provenance,
    UnitKind,
)
from vndgaf.reference._data import read_json, read_yaml
from vndgaf.reference.capability import Capability

__all__ = [
    "CATALOGUE_PREFIX",
    "Catalogue",
    "CatalogueElement",
    "catalogue",
    "is_catalogue_id",
]

#: Every catalogue id starts with this prefix; submission ids must not.
CATALOGUE_PREFIX = "vn:"

CatalogueElement = AdministrativeUnit | Agency | Platform | Database | DataEntity

#: Id prefix of each catalogue part, with the element kind used by ``ref=`` in the model metadata.
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

#: Above this many ids of one kind, suggestions only look at ids sharing two leading characters.
_SMALL_BUCKET = 200

_T = TypeVar("_T")


def is_catalogue_id(ident: str) -> bool:
    """True if ``ident`` names (or tries to name) an element of the national catalogue."""
    return ident.startswith(CATALOGUE_PREFIX)


@attrs.frozen(eq=False)
class Catalogue:
    """The national reference catalogue (units, agencies, platforms, databases, entities).

    Build it with :func:`catalogue`; the tuples are in a fixed order and every element carries
    ``provenance``.
    """

    version: str
    date: dt.date
    provinces: tuple[AdministrativeUnit, ...]
    communes: tuple[AdministrativeUnit, ...]
    agencies: tuple[Agency, ...]
    platforms: tuple[Platform, ...]
    databases: tuple[Database, ...]
    entities: tuple[DataEntity, ...]
    capabilities: tuple[Capability, ...]
    sources: Mapping[str, Mapping[str, Any]] = attrs.field(repr=False)
    _by_id: Mapping[str, CatalogueElement] = attrs.field(init=False, repr=False)
    _by_capability: Mapping[str, Capability] = attrs.field(init=False, repr=False)
    _communes_by_province: Mapping[str, tuple[AdministrativeUnit, ...]] = attrs.field(
        init=False, repr=False
    )
    _buckets: Mapping[str, Mapping[str, tuple[str, ...]]] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        by_id: dict[str, CatalogueElement] = {}
        for element in self.elements():
            if element.id in by_id:
                raise ValueError(f"duplicate catalogue id {element.id}")
            by_id[element.id] = element
        grouped: dict[str, list[AdministrativeUnit]] = {p.code or "": [] for p in self.provinces}
        for commune in self.communes:
            grouped[(commune.parent or "").rpartition("/")[2]].append(commune)
        object.__setattr__(self, "_by_id", MappingProxyType(by_id))
        object.__setattr__(
            self, "_by_capability", MappingProxyType({c.code: c for c in self.capabilities})
        )
        object.__setattr__(
            self,
            "_communes_by_province",
            MappingProxyType({code: tuple(units) for code, units in grouped.items()}),
        )
        object.__setattr__(self, "_buckets", _suggestion_buckets(by_id))

    def elements(self) -> Iterator[CatalogueElement]:
        """Every element, parts in a fixed order (provinces, communes, agencies …)."""
        yield from self.provinces
        yield from self.communes
        yield from self.agencies
        yield from self.platforms
        yield from self.databases
        yield from self.entities

    def get(self, ident: str) -> CatalogueElement | None:
        """The element with id ``ident``, or None."""
        return self._by_id.get(ident)

    def kind_of(self, element_id: str) -> str | None:
        """The element kind of ``element_id`` as used by ``ref=`` metadata ("unit", "agency",
        "platform", "database", "entity"), or None if the id is not in the catalogue."""
        if element_id not in self._by_id:
            return None
        return _PREFIX_KINDS[element_id.rpartition("/")[0]]

    def capability(self, code: str) -> Capability | None:
        """The capability with this code, or None."""
        return self._by_capability.get(code)

    def province(self, code: str) -> AdministrativeUnit | None:
        """The current province-level unit with this official code, or None."""
        unit = self._by_id.get(f"vn:province/{code}")
        return unit if isinstance(unit, AdministrativeUnit) else None

    def commune(self, code: str) -> AdministrativeUnit | None:
        """The current commune-level unit with this official code, or None."""
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

    def is_catalogue_id(self, ident: str) -> bool:
        """True if ``ident`` has the catalogue prefix (whether or not it exists)."""
        return is_catalogue_id(ident)

    def suggest(self, element_id: str, limit: int = 3) -> tuple[str, ...]:
        """Catalogue ids close to a misspelt ``element_id``, best first (bounded work).

        >>> catalogue().suggest("vn:platform/ndx")[0]
        'vn:platform/ndxp'
        """
        prefix, _, local = element_id.partition("/")
        if prefix not in self._buckets:
            close = difflib.get_close_matches(prefix, tuple(self._buckets), n=1, cutoff=0.6)
            if not close:
                return ()
            prefix = close[0]
        buckets = self._buckets[prefix]
        pool = buckets.get("", ()) or buckets.get(local[:2].lower(), ())
        return tuple(difflib.get_close_matches(f"{prefix}/{local}", pool, n=limit, cutoff=0.6))


def _suggestion_buckets(
    by_id: Mapping[str, CatalogueElement],
) -> Mapping[str, Mapping[str, tuple[str, ...]]]:
    """Ids grouped by kind prefix, and for large kinds by the first two characters after it."""
    by_prefix: dict[str, list[str]] = {prefix: [] for prefix in _PREFIX_KINDS}
    for ident in by_id:
        by_prefix[ident.rpartition("/")[0]].append(ident)
    buckets: dict[str, Mapping[str, tuple[str, ...]]] = {}
    for prefix, ids in by_prefix.items():
        if len(ids) <= _SMALL_BUCKET:
            buckets[prefix] = MappingProxyType({"": tuple(ids)})
            continue
        grouped: dict[str, list[str]] = {}
        for ident in ids:
            grouped.setdefault(ident.rpartition("/")[2][:2].lower(), []).append(ident)
        buckets[prefix] = MappingProxyType({k: tuple(v) for k, v in grouped.items()})
    return MappingProxyType(buckets)


def _structure_items(name: str, cls: type[_T]) -> tuple[tuple[_T, ...], dict[str, Any]]:
    """Structure the ``items`` of one YAML data file into ``cls``; return them and the meta."""
    doc = read_yaml(name)
    items = tuple(structure(item, cls) for item in doc["items"])
    return items, dict(doc["meta"])


_Units = tuple[tuple[AdministrativeUnit, ...], tuple[AdministrativeUnit, ...], dict[str, Any]]


def _units() -> _Units:
    """The 34 provincial and 3,321 commune-level units in force since 1/7/2025."""
    doc = read_json("units-2025.json")
    meta = doc["meta"]
    valid_from = dt.date.fromisoformat(meta["valid_from"])
    provenance = Provenance(
        source=f"{meta['source']} (retrieved {meta['retrieved']}); legal basis: "
        f"{meta['legal_basis']}",
        valid_from=valid_from,
    )
    provinces = tuple(
        AdministrativeUnit(
            id=f"vn:province/{code}",
            name=name,
            kind=UnitKind(kind),
            code=code,
            valid_from=valid_from,
            predecessor_codes=tuple(preds),
            provenance=provenance,
        )
        for code, name, kind, preds in doc["provinces"]
    )
    communes = tuple(
        AdministrativeUnit(
            id=f"vn:commune/{code}",
            name=name,
            kind=UnitKind(kind),
            code=code,
            parent=f"vn:province/{province}",
            valid_from=valid_from,
            predecessor_codes=tuple(preds),
            provenance=provenance,
        )
        for code, name, kind, province, preds in doc["communes"]
    )
    return provinces, communes, meta


#: Version of the catalogue content and the date of the latest instrument it reflects.
CATALOGUE_VERSION = "2025.11"
CATALOGUE_DATE = dt.date(2025, 11, 4)


@functools.cache
def catalogue() -> Catalogue:
    """The national reference catalogue, read from the package data on first use only."""
    provinces, communes, unit_meta = _units()
    agencies, agency_meta = _structure_items("agencies.yaml", Agency)
    platforms, platform_meta = _structure_items("platforms.yaml", Platform)
    databases, database_meta = _structure_items("databases.yaml", Database)
    entities, entity_meta = _structure_items("entities.yaml", DataEntity)
    capabilities, capability_meta = _structure_items("capabilities.yaml", Capability)
    return Catalogue(
        version=CATALOGUE_VERSION,
        date=CATALOGUE_DATE,
        provinces=provinces,
        communes=communes,
        agencies=agencies,
        platforms=platforms,
        databases=databases,
        entities=entities,
        capabilities=capabilities,
        sources=MappingProxyType(
            {
                "units": MappingProxyType(unit_meta),
                "agencies": MappingProxyType(agency_meta),
                "platforms": MappingProxyType(platform_meta),
                "databases": MappingProxyType(database_meta),
                "entities": MappingProxyType(entity_meta),
                "capabilities": MappingProxyType(capability_meta),
            }
        ),
    )
