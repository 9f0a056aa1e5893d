"""The pre-merger units (63 provinces, their districts and communes, list of 2025-01-04) and the
official conversion of each to the units in force since 1/7/2025.

Only legacy-name resolution needs this, so it is loaded separately from the catalogue, once.
"""

import functools
from collections.abc import Mapping
from types import MappingProxyType

import attrs

from vndgaf.model import Level, UnitKind
from vndgaf.reference._data import read_json

__all__ = ["LegacyData", "LegacyUnit", "Successor", "legacy_data"]


@attrs.frozen
class Successor:
    """A current unit that took over (all or part of) a legacy unit, with the table's note."""

    code: str
    note: str | None = None


@attrs.frozen
class LegacyUnit:
    """A unit of the pre-merger list. ``successors`` are current provinces for a province and
    current communes for a district or commune (from the official conversion table)."""

    code: str
    name: str
    kind: UnitKind
    level: Level
    province_code: str
    district_code: str | None
    successors: tuple[Successor, ...]


@attrs.frozen
class LegacyData:
    """The legacy units by level and code, and the old communes of each old district."""

    provinces: Mapping[str, LegacyUnit]
    districts: Mapping[str, LegacyUnit]
    communes: Mapping[str, LegacyUnit]
    communes_of_district: Mapping[str, tuple[LegacyUnit, ...]]


@functools.cache
def legacy_data() -> LegacyData:
    """Read the packaged legacy list and conversion table (on first use only)."""
    doc = read_json("legacy-2025-01.json")
    notes: list[str] = doc["notes"]

    def successors(pairs: list[list[object]]) -> tuple[Successor, ...]:
        return tuple(Successor(str(code), notes[int(str(idx))] or None) for code, idx in pairs)

    provinces = {
        code: LegacyUnit(
            code=code,
            name=name,
            kind=UnitKind(kind),
            level=Level.PROVINCIAL,
            province_code=code,
            district_code=None,
            successors=tuple(Successor(new) for new in news),
        )
        for code, name, kind, news in doc["provinces"]
    }
    districts = {
        code: LegacyUnit(
            code=code,
            name=name,
            kind=UnitKind(kind),
            level=Level.DISTRICT,
            province_code=province,
            district_code=code,
            successors=successors(pairs),
        )
        for code, name, kind, province, pairs in doc["districts"]
    }
    communes: dict[str, LegacyUnit] = {}
    by_district: dict[str, list[LegacyUnit]] = {code: [] for code in districts}
    for code, name, kind, district, pairs in doc["communes"]:
        unit = LegacyUnit(
            code=code,
            name=name,
            kind=UnitKind(kind),
            level=Level.COMMUNE,
            province_code=districts[district].province_code,
            district_code=district,
            successors=successors(pairs),
        )
        communes[code] = unit
        by_district[district].append(unit)
    return LegacyData(
        provinces=MappingProxyType(provinces),
        districts=MappingProxyType(districts),
        communes=MappingProxyType(communes),
        communes_of_district=MappingProxyType({k: tuple(v) for k, v in by_district.items()}),
    )
