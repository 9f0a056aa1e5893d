"""Grouping of elements by government tier and owning agency, shared by the exchange formats.

ArchiMate organisations and Mermaid subgraphs show the same structure: each tier holds its
agencies, each agency what it owns (systems, platforms, databases, services, investments).
Everything else (units, entities, unowned elements) is listed apart, in submission order.
"""

import attrs

from vndgaf.exchange._fields import NodeElement, iter_nodes
from vndgaf.model import Agency, Architecture, Level, UnitKind

__all__ = ["TIER_LABELS", "AgencyGroup", "Grouping", "TierGroup", "group_by_tier", "label"]

#: Tier labels (Vietnamese, English), in display order.
TIER_LABELS: dict[Level, tuple[str, str]] = {
    Level.CENTRAL: ("Trung ương", "Central"),
    Level.PROVINCIAL: ("Cấp tỉnh", "Provincial"),
    Level.DISTRICT: ("Cấp huyện (đã bãi bỏ)", "District (abolished)"),
    Level.COMMUNE: ("Cấp xã", "Commune"),
}

_LABELS: dict[str, tuple[str, str]] = {
    "units": ("Đơn vị hành chính", "Administrative units"),
    "other": ("Khác", "Other"),
    "entities": ("Dữ liệu", "Data entities"),
    "references": ("Tham chiếu danh mục quốc gia", "National catalogue references"),
    "overview": ("Tổng quan", "Overview"),
    "model": ("Kiến trúc", "Architecture"),
}


def label(key: str | Level, lang: str) -> str:
    """A fixed label in Vietnamese (``lang == "vi"``) or English."""
    pair = TIER_LABELS[key] if isinstance(key, Level) else _LABELS[key]
    return pair[0] if lang == "vi" else pair[1]


@attrs.frozen
class AgencyGroup:
    """One agency and the elements it owns."""

    agency: Agency
    members: tuple[NodeElement, ...]


@attrs.frozen
class TierGroup:
    """One tier: its agencies and administrative units."""

    tier: Level
    agencies: tuple[AgencyGroup, ...]
    units: tuple[NodeElement, ...]


@attrs.frozen
class Grouping:
    """Tiers in order, then entities and elements that belong to no agency or tier."""

    tiers: tuple[TierGroup, ...]
    entities: tuple[NodeElement, ...]
    other: tuple[NodeElement, ...]


def group_by_tier(arch: Architecture) -> Grouping:
    """Group the elements of ``arch`` by tier and owning agency (submission order kept)."""
    agencies: dict[str, Agency] = {}
    for agency in arch.agencies:
        if agency.level in TIER_LABELS:
            agencies.setdefault(agency.id, agency)
    owned: dict[str, list[NodeElement]] = {key: [] for key in agencies}
    units: dict[Level, list[NodeElement]] = {tier: [] for tier in TIER_LABELS}
    entities: list[NodeElement] = []
    other: list[NodeElement] = []
    for kind, element in iter_nodes(arch):
        if kind == "agency":
            if agencies.get(element.id) is not element:
                other.append(element)
        elif kind == "unit":
            tier = _unit_tier(element)
            (units[tier] if tier is not None else other).append(element)
        elif kind == "entity":
            entities.append(element)
        else:
            owner = getattr(element, "owner", None)
            if isinstance(owner, str) and owner in owned:
                owned[owner].append(element)
            else:
                other.append(element)
    tiers = tuple(
        TierGroup(
            tier=tier,
            agencies=tuple(
                AgencyGroup(agency=a, members=tuple(owned[key]))
                for key, a in agencies.items()
                if a.level == tier
            ),
            units=tuple(units[tier]),
        )
        for tier in TIER_LABELS
    )
    return Grouping(
        tiers=tuple(t for t in tiers if t.agencies or t.units),
        entities=tuple(entities),
        other=tuple(other),
    )


def _unit_tier(unit: object) -> Level | None:
    kind = getattr(unit, "kind", None)
    return kind.tier if isinstance(kind, UnitKind) else None
