"""Which agency an organisation of an ArchiMate model is: tier, administrative unit, catalogue id.

An ArchiMate model names its organisations (BusinessActor) but rarely says their tier. vndgaf
needs the tier (central, provincial, commune) and often the unit for the two-tier rules, so the
importer looks, in this order, at:

1. the user's agency map (:class:`AgencyMap`, from a YAML file: ``vndgaf import archimate
   --agencies FILE``), by identifier, then by name;
2. the element's properties: ``level`` (or ``tier``, ``cấp``), ``unit`` (or ``đơn vị``,
   ``province``), ``agency`` (a ``vn:agency/…`` catalogue id); ``vndgaf:`` properties of a file
   vndgaf wrote are read by the importer itself;
3. the national catalogue: a name equal to a catalogue agency's name, English name or short name
   (``Bộ Công an``, ``Ministry of Public Security``, ``BCA``) is that agency;
4. a current administrative unit named in the organisation's name (``UBND tỉnh Tuyên Quang``,
   ``Sở Y tế tỉnh Tuyên Quang``, ``UBND xã Tân Trào, tỉnh Tuyên Quang``) gives its tier and unit;
5. the map's ``defaults`` (a tier and unit the user states for every other organisation).

Whatever none of these says stays unknown (``level: unknown``): never a silent default.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

import attrs
import yaml

from vndgaf.errors import InputError
from vndgaf.model import Level
from vndgaf.reference.catalogue import catalogue, is_catalogue_id
from vndgaf.reference.names import fold
from vndgaf.reference.resolve import ResolutionStatus, resolve_unit

__all__ = ["AgencyFacts", "AgencyMap", "AgencyRule", "identify_agency", "load_agency_map"]

_LEVELS = {
    "central": Level.CENTRAL,
    "trung uong": Level.CENTRAL,
    "provincial": Level.PROVINCIAL,
    "province": Level.PROVINCIAL,
    "tinh": Level.PROVINCIAL,
    "cap tinh": Level.PROVINCIAL,
    "commune": Level.COMMUNE,
    "xa": Level.COMMUNE,
    "cap xa": Level.COMMUNE,
    "unknown": Level.UNKNOWN,
}
_LEVEL_KEYS = frozenset({"level", "tier", "cap", "cap hanh chinh", "cap chinh quyen"})
_UNIT_KEYS = frozenset({"unit", "don vi", "don vi hanh chinh", "province", "tinh", "dia ban"})
_AGENCY_KEYS = frozenset({"agency", "catalogue", "catalogue id", "co quan"})
_UNIT_IN_NAME = re.compile(r"\b(tinh|thanh pho|tp|xa|phuong|dac khu) ([a-z0-9 ]+)")


@attrs.frozen
class AgencyRule:
    """One entry of an agency map: which organisation, and what it is."""

    identifier: str | None = None
    name: str | None = None
    level: Level | None = None
    unit: str | None = None
    agency: str | None = None


@attrs.frozen
class AgencyMap:
    """The user's statements about the organisations of one model (see the module docs)."""

    rules: tuple[AgencyRule, ...] = ()
    default_level: Level | None = None
    default_unit: str | None = None

    def find(self, identifier: str, name: str) -> AgencyRule | None:
        """The entry for this organisation: by identifier first, then by (folded) name."""
        for rule in self.rules:
            if rule.identifier is not None and rule.identifier == identifier:
                return rule
        key = fold(name)
        for rule in self.rules:
            if rule.name is not None and fold(rule.name) == key:
                return rule
        return None


@attrs.frozen
class AgencyFacts:
    """What is known of one organisation, and where it was learnt (for the import summary)."""

    level: Level
    unit: str | None = None
    agency: str | None = None
    how: str = "unknown"


def _level(value: Any, where: str) -> Level:
    key = fold(str(value))
    if key not in _LEVELS:
        raise InputError(
            f"{where}: level {value!r} is not one of central, provincial, commune, unknown"
        )
    return _LEVELS[key]


def _ref(value: Any, prefix: tuple[str, ...], where: str) -> str:
    text = str(value)
    if not text.startswith(prefix):
        raise InputError(f"{where}: {text!r} is not a catalogue id ({' or '.join(prefix)}…)")
    if catalogue().get(text) is None:
        raise InputError(f"{where}: {text!r} is not in the national catalogue")
    return text


_UNIT_PREFIX = ("vn:province/", "vn:commune/")


def load_agency_map(text: str, *, path: str) -> AgencyMap:
    """Read an agency map (YAML); errors name the file and the entry.

    Shape::

        agencies:
          - name: Sở Y tế          # or identifier: id-296 (the ArchiMate identifier)
            level: provincial       # central, provincial, commune or unknown
            unit: vn:province/08    # optional: the catalogue unit it governs or sits in
          - name: Ministry of Finance
            agency: vn:agency/bo-tai-chinh   # this organisation IS a catalogue agency
        defaults:                   # optional: for every organisation not listed
          level: provincial
          unit: vn:province/08
    """
    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark is not None else path
        raise InputError(f"{where}: not valid YAML: {getattr(exc, 'problem', exc)}") from None
    if doc is None:
        return AgencyMap()
    if not isinstance(doc, Mapping) or set(doc) - {"agencies", "defaults"}:
        raise InputError(f"{path}: expected a mapping with 'agencies' and 'defaults' only")
    rules: list[AgencyRule] = []
    for n, entry in enumerate(doc.get("agencies") or ()):
        where = f"{path}: agencies[{n}]"
        if not isinstance(entry, Mapping):
            raise InputError(f"{where}: expected a mapping")
        unknown = set(entry) - {"identifier", "name", "level", "unit", "agency"}
        if unknown:
            raise InputError(f"{where}: unknown key(s) {', '.join(sorted(map(str, unknown)))}")
        if not entry.get("identifier") and not entry.get("name"):
            raise InputError(f"{where}: give 'identifier' or 'name'")
        rules.append(
            AgencyRule(
                identifier=str(entry["identifier"]) if entry.get("identifier") else None,
                name=str(entry["name"]) if entry.get("name") else None,
                level=_level(entry["level"], where) if "level" in entry else None,
                unit=_ref(entry["unit"], _UNIT_PREFIX, where) if entry.get("unit") else None,
                agency=_ref(entry["agency"], ("vn:agency/",), where)
                if entry.get("agency")
                else None,
            )
        )
    defaults = doc.get("defaults") or {}
    if not isinstance(defaults, Mapping) or set(defaults) - {"level", "unit"}:
        raise InputError(f"{path}: defaults: expected 'level' and/or 'unit'")
    return AgencyMap(
        rules=tuple(rules),
        default_level=_level(defaults["level"], f"{path}: defaults")
        if "level" in defaults
        else None,
        default_unit=_ref(defaults["unit"], _UNIT_PREFIX, f"{path}: defaults")
        if defaults.get("unit")
        else None,
    )


@functools.cache
def _catalogue_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for agency in catalogue().agencies:
        for text in (agency.name, agency.name_en, agency.short_name):
            if text:
                names.setdefault(fold(text), agency.id)
    return names


def _unit_in_name(name: str) -> tuple[Level, str] | None:
    """Tier and catalogue id of the first current unit named in ``name``, if exactly one."""
    parts = [fold(p) for p in name.split(",")]
    for i, part in enumerate(parts):
        match = _UNIT_IN_NAME.search(part)
        if match is None:
            continue
        query = f"{match.group(1)} {match.group(2)}"
        context = next((p for p in parts[i + 1 :] if _UNIT_IN_NAME.search(p)), "")
        result = resolve_unit(f"{query}, {context}" if context else query)
        if result.status is not ResolutionStatus.CURRENT or len(result.units) != 1:
            return None
        unit = result.units[0]
        return unit.kind.tier, unit.id
    return None


def identify_agency(
    identifier: str,
    name: str,
    properties: Mapping[str, str],
    agency_map: AgencyMap | None,
) -> AgencyFacts:
    """What the map, the properties, the catalogue and the name say of one organisation."""
    rule = agency_map.find(identifier, name) if agency_map is not None else None
    if rule is not None and (rule.agency or rule.level or rule.unit):
        if rule.agency:
            return AgencyFacts(Level.CENTRAL, None, rule.agency, "agency map")
        return AgencyFacts(rule.level or Level.UNKNOWN, rule.unit, None, "agency map")
    folded = {fold(k): v for k, v in properties.items()}
    for key in _AGENCY_KEYS:
        value = folded.get(key, "").strip()
        if value.startswith("vn:agency/") and catalogue().get(value) is not None:
            return AgencyFacts(Level.CENTRAL, None, value, f"property {key!r}")
    level = next(
        (_LEVELS[fold(folded[k])] for k in _LEVEL_KEYS if fold(folded.get(k, "")) in _LEVELS),
        None,
    )
    unit = next((_unit_from(folded[k]) for k in _UNIT_KEYS if folded.get(k)), None)
    if level is not None or unit is not None:
        if level is None and unit is not None:
            level = Level.PROVINCIAL if unit.startswith("vn:province/") else Level.COMMUNE
        return AgencyFacts(level or Level.UNKNOWN, unit, None, "properties")
    agency = _catalogue_names().get(fold(name))
    if agency is not None:
        return AgencyFacts(Level.CENTRAL, None, agency, "catalogue name")
    found = _unit_in_name(name)
    if found is not None:
        return AgencyFacts(found[0], found[1], None, "unit in the name")
    if agency_map is not None and (agency_map.default_level or agency_map.default_unit):
        level = agency_map.default_level
        if level is None and agency_map.default_unit is not None:
            level = (
                Level.PROVINCIAL
                if agency_map.default_unit.startswith("vn:province/")
                else Level.COMMUNE
            )
        return AgencyFacts(level or Level.UNKNOWN, agency_map.default_unit, None, "map defaults")
    return AgencyFacts(Level.UNKNOWN)


def _unit_from(value: str) -> str | None:
    """A catalogue unit id from a property value: the id itself, or a unit name that resolves."""
    text = value.strip()
    if is_catalogue_id(text):
        return text if text.startswith(_UNIT_PREFIX) and catalogue().get(text) else None
    result = resolve_unit(text)
    if result.status is ResolutionStatus.CURRENT and len(result.units) == 1:
        return result.units[0].id
    return None
