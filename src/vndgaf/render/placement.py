"""Where an element sits in a diagram: its drawn kind, its tier and its cluster path.

Every view places elements the same way, so that a drill-down looks like a crop of the
overview: tier cluster (central, provincial, district, commune), then the province, then the
owning agency. The national hubs sit in their own cluster at the top of the central tier.
"""

import attrs

from vndgaf.graph import ArchGraph
from vndgaf.model import (
    Agency,
    Database,
    DataEntity,
    InformationSystem,
    Investment,
    Platform,
    PublicService,
)
from vndgaf.reference.wellknown import HUBS, POPULATION_DB
from vndgaf.render.theme import TIER_ORDER, text

__all__ = [
    "MAP_HUBS",
    "ClusterRef",
    "display_name",
    "drawn_kind",
    "place",
    "province_name",
    "tier_of",
]


#: The national hubs the country map places apart, in this order, and whose boxes open their
#: ``hub:`` view: the exchange platforms and the population database.
MAP_HUBS = (*HUBS, POPULATION_DB)


@attrs.frozen(order=True)
class ClusterRef:
    """One cluster on an element's path: sort order, key, kind and label."""

    order: tuple[int, str]
    key: str
    kind: str = attrs.field(order=False)
    label: str = attrs.field(order=False)
    subject: str | None = attrs.field(default=None, order=False)


def display_name(element: object, lang: str) -> str:
    """The element's name in ``lang`` (English only where ``name_en`` is given)."""
    name = getattr(element, "name", None) or getattr(element, "id", "")
    if lang == "en":
        return str(getattr(element, "name_en", None) or name)
    return str(name)


def drawn_kind(graph: ArchGraph, element_id: str) -> str:
    """The kind that decides the shape: hub, integration, platform, system, database …"""
    element = graph.element(element_id)
    if element_id in HUBS:
        return "hub"
    if isinstance(element, Platform):
        return "integration" if graph.is_integration_platform(element_id) else "platform"
    if isinstance(element, Database):
        return "database"
    if isinstance(element, InformationSystem):
        return "system"
    if isinstance(element, Agency):
        return "agency"
    if isinstance(element, DataEntity):
        return "entity"
    if isinstance(element, PublicService):
        return "service"
    return "other"


def tier_of(graph: ArchGraph, element_id: str) -> str:
    """central, provincial, district, commune, data (entities) or other (no known owner)."""
    element = graph.element(element_id)
    if element_id in HUBS:
        return "central"
    if isinstance(element, DataEntity):
        return "data"
    level = graph.level_of(element_id)
    if level is not None:
        return level.value
    return "central" if graph.is_catalogue(element_id) else "other"


def province_name(graph: ArchGraph, code: str | None, lang: str) -> str:
    """Name of the province with this code, or "unknown province"."""
    unit = graph.unit(f"vn:province/{code}") if code else None
    return display_name(unit, lang) if unit is not None else text("unknown-province", lang)


def tier_ref(tier: str, lang: str) -> ClusterRef:
    """The cluster of a tier."""
    return ClusterRef((TIER_ORDER[tier], tier), f"tier:{tier}", "tier", text(f"tier:{tier}", lang))


def province_ref(graph: ArchGraph, tier: str, code: str | None, lang: str) -> ClusterRef:
    """The cluster of a province inside a tier (one per tier, so the key names both)."""
    key = f"prov:{tier}-{code or 'unknown'}"
    return ClusterRef((0, code or "~"), key, "province", province_name(graph, code, lang))


def _owner_id(graph: ArchGraph, element_id: str) -> str | None:
    element = graph.element(element_id)
    if isinstance(element, Agency):
        return element_id
    if isinstance(element, (InformationSystem, PublicService, Investment)):
        owner = graph.owner(element_id)
        return owner.id if owner is not None else None
    return None


def place(graph: ArchGraph, element_id: str, lang: str) -> tuple[ClusterRef, ...]:
    """The cluster path of an element: tier, province (below central), owning agency."""
    tier = tier_of(graph, element_id)
    if element_id in HUBS:
        hubs = ClusterRef((-1, "hubs"), "hubs", "hubs", text("hubs", lang))
        return (tier_ref("central", lang), hubs)
    if tier == "data":
        return ()
    if tier == "other":
        return (tier_ref("other", lang),)
    path = [tier_ref(tier, lang)]
    if tier != "central":
        path.append(province_ref(graph, tier, graph.province_of(element_id), lang))
    owner = _owner_id(graph, element_id)
    if owner is not None:
        agency = graph.agency(owner)
        label = display_name(agency, lang) if agency is not None else owner
        path.append(ClusterRef((1, owner), f"agency:{owner}", "agency", label, owner))
    return tuple(path)
