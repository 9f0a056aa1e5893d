"""The pre-merger units (63 provinces, their districts and communes, list of 2025-01-04) and the
official conversion of each to the units in force since 1/7/2025; and the names people write
that no official list holds (informal and English names, units that ended before 2025).

Only legacy-name resolution needs this, so it is loaded separately from the catalogue, once.
"""

import datetime as dt
import functools
from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import Any

import attrs

from vndgaf.model import Confidence, Level, Provenance, UnitKind
from vndgaf.reference._data import read_json, read_yaml

__all__ = [
    "LEGACY_END",
    "ExtraNames",
    "FormerUnit",
    "LegacyData",
    "LegacyUnit",
    "Successor",
    "UnitKey",
    "UnitList",
    "extra_names",
    "legacy_data",
]

#: The first day the units of the list of 2025-01-04 were no longer in force.
LEGACY_END = dt.date(2025, 7, 1)


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
    #: Other official spellings of the name (the conversion table spells some names differently
    #: from the list of 2025-01-04: "Quí"/"Quý", "N.T"/"Nông trường"); both denote this unit.
    other_names: tuple[str, ...] = ()


@attrs.frozen
class LegacyData:
    """The legacy units by level and code, and the old communes of each old district.

    ``communes`` are exactly the 10,051 communes of the official list of 2025-01-04 (five island
    districts have none). ``interim_communes`` are the few units the conversion table converts
    but that list does not hold, created between the two lists (wards of Thị xã Mộc Châu).
    """

    provinces: Mapping[str, LegacyUnit]
    districts: Mapping[str, LegacyUnit]
    communes: Mapping[str, LegacyUnit]
    communes_of_district: Mapping[str, tuple[LegacyUnit, ...]]
    interim_communes: Mapping[str, LegacyUnit] = MappingProxyType({})
    all_communes: Mapping[str, LegacyUnit] = MappingProxyType({})
    """The communes of the list and the interim units: every old commune the table converts."""


@functools.cache
def legacy_data() -> LegacyData:
    """Read the packaged legacy list and conversion table (on first use only)."""
    doc = read_json("legacy-2025-01.json")
    notes: list[str] = doc["notes"]
    other_names: dict[str, dict[str, list[str]]] = doc["other_names"]
    district_names, commune_names = other_names["districts"], other_names["communes"]

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
            other_names=tuple(district_names.get(code, ())),
        )
        for code, name, kind, province, pairs in doc["districts"]
    }

    def commune(row: list[Any]) -> LegacyUnit:
        code, name, kind, district, pairs = row
        return LegacyUnit(
            code=code,
            name=name,
            kind=UnitKind(kind),
            level=Level.COMMUNE,
            province_code=districts[district].province_code,
            district_code=district,
            successors=successors(pairs),
            other_names=tuple(commune_names.get(code, ())),
        )

    communes = {row[0]: commune(row) for row in doc["communes"]}
    interim = {row[0]: commune(row) for row in doc["interim_communes"]}
    by_district: dict[str, list[LegacyUnit]] = {code: [] for code in districts}
    for unit in (*communes.values(), *interim.values()):
        by_district[unit.district_code or ""].append(unit)
    return LegacyData(
        provinces=MappingProxyType(provinces),
        districts=MappingProxyType(districts),
        communes=MappingProxyType(communes),
        communes_of_district=MappingProxyType({k: tuple(v) for k, v in by_district.items()}),
        interim_communes=MappingProxyType(interim),
        all_communes=MappingProxyType({**communes, **interim}),
    )


class UnitList(StrEnum):
    """The list a unit code belongs to."""

    PROVINCE = "province"
    LEGACY_PROVINCE = "legacy-province"
    LEGACY_DISTRICT = "legacy-district"


@attrs.frozen
class UnitKey:
    """A unit named by its list and official code (``legacy-district/769``)."""

    list: UnitList
    code: str

    @classmethod
    def parse(cls, text: str) -> "UnitKey":
        """``"legacy-province/77"`` -> ``UnitKey(UnitList.LEGACY_PROVINCE, "77")``."""
        name, _, code = text.partition("/")
        return cls(UnitList(name), code)


@attrs.frozen
class FormerUnit:
    """A unit that ended before the list of 2025-01-04, and the unit of that list it became
    on ``valid_to`` (the first day it was no longer in force).

    ``communes`` are the codes, in that list, of the communes that had been its own (empty when
    no source says which: then all of ``became`` is meant)."""

    name: str
    kind: UnitKind
    province_code: str
    valid_to: dt.date
    became: UnitKey
    renamed: bool
    communes: tuple[str, ...]
    provenance: Provenance

    @property
    def level(self) -> Level:
        """Its tier (a former district is a district)."""
        return self.kind.tier


@attrs.frozen
class ExtraNames:
    """Names outside the official lists: aliases (folded later) and former units."""

    aliases: tuple[tuple[str, UnitKey], ...]
    former: tuple[FormerUnit, ...]


def _provenance(raw: Mapping[str, Any]) -> Provenance:
    return Provenance(
        source=str(raw["source"]),
        confidence=Confidence(raw["confidence"]),
        valid_from=raw.get("valid_from"),
        note=raw.get("note"),
    )


@functools.cache
def extra_names() -> ExtraNames:
    """Read the packaged informal names and former units (on first use only)."""
    doc = read_yaml("unit-names.yaml")
    aliases = tuple(
        (str(name), UnitKey.parse(item["unit"]))
        for item in doc["aliases"]
        for name in item["names"]
    )
    former = tuple(
        FormerUnit(
            name=item["name"],
            kind=UnitKind(item["kind"]),
            province_code=str(item["province"]),
            valid_to=item["valid_to"],
            became=UnitKey.parse(item["became"]),
            renamed=item["how"] == "renamed",
            communes=tuple(str(code) for code in item.get("communes", ())),
            provenance=_provenance(item["provenance"]),
        )
        for item in doc["former"]
    )
    return ExtraNames(aliases=aliases, former=former)
