"""Build the architecture graph: the submission plus the national catalogue.

One ``networkx.MultiDiGraph``; every node has ``kind`` (:class:`NodeKind`) and ``element`` (the
model object); every edge has ``kind`` (:class:`EdgeKind`). Rules read it through
:class:`~vndgaf.graph.facade.ArchGraph`, never through raw attribute dicts.
"""

import datetime as dt
import itertools
from collections.abc import Iterable
from typing import Any, Protocol

import networkx as nx

from vndgaf.graph.facade import ArchGraph
from vndgaf.graph.kinds import VIA_KEY, EdgeKind, NodeKind
from vndgaf.graph.wellknown import NDOP, NDXP
from vndgaf.model import (
    AdministrativeUnit,
    Agency,
    Architecture,
    Database,
    DataEntity,
    DataFlow,
    InformationSystem,
    Platform,
    Status,
)

__all__ = ["VIA_KEY", "CatalogueElements", "build_graph"]


_Edge = tuple[str, str, dict[str, Any]]

_LIST_NODE_KIND = {
    "units": NodeKind.UNIT,
    "agencies": NodeKind.AGENCY,
    "systems": NodeKind.SYSTEM,
    "platforms": NodeKind.PLATFORM,
    "databases": NodeKind.DATABASE,
    "entities": NodeKind.ENTITY,
    "services": NodeKind.SERVICE,
    "investments": NodeKind.INVESTMENT,
}


class CatalogueElements(Protocol):
    """What the graph needs from the national catalogue."""

    @property
    def provinces(self) -> tuple[AdministrativeUnit, ...]: ...

    @property
    def agencies(self) -> tuple[Agency, ...]: ...

    @property
    def platforms(self) -> tuple[Platform, ...]: ...

    @property
    def databases(self) -> tuple[Database, ...]: ...

    @property
    def entities(self) -> tuple[DataEntity, ...]: ...

    def get(self, element_id: str) -> Any: ...


def _catalogue_nodes(cat: CatalogueElements) -> Iterable[tuple[NodeKind, Any]]:
    for unit in cat.provinces:
        yield NodeKind.UNIT, unit
    for agency in cat.agencies:
        yield NodeKind.AGENCY, agency
    for platform in cat.platforms:
        yield NodeKind.PLATFORM, platform
    for database in cat.databases:
        yield NodeKind.DATABASE, database
    for entity in cat.entities:
        yield NodeKind.ENTITY, entity


def _element_edges(kind: NodeKind, e: Any) -> Iterable[_Edge]:
    """Edges implied by one element's own fields: (source, target, attributes)."""
    if kind is NodeKind.AGENCY:
        if e.parent:
            yield e.id, e.parent, {"kind": EdgeKind.PART_OF}
        if e.unit:
            yield e.id, e.unit, {"kind": EdgeKind.LOCATED_IN}
        for old in e.successor_of:
            yield e.id, old, {"kind": EdgeKind.SUCCESSOR_OF}
    elif kind is NodeKind.UNIT:
        if e.parent:
            yield e.id, e.parent, {"kind": EdgeKind.PART_OF}
    elif isinstance(e, InformationSystem):
        if e.owner:
            yield e.owner, e.id, {"kind": EdgeKind.OWNS}
        if e.operator:
            yield e.operator, e.id, {"kind": EdgeKind.OPERATES}
        for tenant in e.tenants:
            yield tenant, e.id, {"kind": EdgeKind.TENANT_OF}
        if isinstance(e, Platform) and e.instance_of:
            yield e.id, e.instance_of, {"kind": EdgeKind.INSTANCE_OF}
        if isinstance(e, Database):
            for entity in e.authoritative_for:
                yield e.id, entity, {"kind": EdgeKind.AUTHORITATIVE_FOR}
            for entity in e.copies:
                yield e.id, entity, {"kind": EdgeKind.COPIES}
    elif kind is NodeKind.SERVICE:
        if e.owner:
            yield e.owner, e.id, {"kind": EdgeKind.OWNS}
        if e.handled_by:
            yield e.handled_by, e.id, {"kind": EdgeKind.HANDLES}
        for item in e.required_inputs:
            yield (
                e.id,
                item.entity,
                {"kind": EdgeKind.REQUIRES, "obtained_from": item.obtained_from},
            )
    elif kind is NodeKind.INVESTMENT:
        if e.owner:
            yield e.owner, e.id, {"kind": EdgeKind.OWNS}
        for platform in e.reuses:
            yield e.id, platform, {"kind": EdgeKind.REUSES}


def build_graph(
    arch: Architecture, catalogue: CatalogueElements, as_of: dt.date | None = None
) -> ArchGraph:
    """The graph of ``arch`` plus the catalogue elements, wrapped in its typed facade.

    Catalogue communes are added only when referenced (there are 3,321 of them).
    Dangling references never reach here as edges to unknown nodes: edges to ids that are
    neither in the submission nor in the catalogue are skipped (the loader reported them).
    """
    g = nx.MultiDiGraph()
    elements: dict[str, Any] = {}
    kinds: dict[str, NodeKind] = {}
    catalogue_ids: set[str] = set()
    for kind, element in _catalogue_nodes(catalogue):
        elements[element.id] = element
        kinds[element.id] = kind
        catalogue_ids.add(element.id)
    for name, kind in _LIST_NODE_KIND.items():
        for element in getattr(arch, name):
            elements.setdefault(element.id, element)
            kinds.setdefault(element.id, kind)
    for element_id in sorted(elements):
        g.add_node(element_id, kind=kinds[element_id], element=elements[element_id])

    def present(end: str) -> bool:
        """True when ``end`` is a node, adding a referenced catalogue commune on first use."""
        if end in elements:  # ``elements`` holds exactly the graph's nodes
            return True
        element = catalogue.get(end) if end.startswith("vn:") else None
        if not isinstance(element, AdministrativeUnit):
            return False
        g.add_node(end, kind=NodeKind.UNIT, element=element)
        elements[end] = element
        kinds[end] = NodeKind.UNIT
        catalogue_ids.add(end)
        return True

    for element_id in sorted(elements):
        for a, b, data in _element_edges(kinds[element_id], elements[element_id]):
            # the common case (both ends known) without calling present
            if (a in elements and b in elements) or present(a) & present(b):
                g.add_edge(a, b, **data)
    grouped: dict[tuple[str, tuple[str, ...], str], list[DataFlow]] = {}
    flow_kind, retired = EdgeKind.FLOW, Status.RETIRED
    for flow in arch.flows:
        if flow.status is retired:
            continue
        source, target = flow.source, flow.target
        if (source in elements and target in elements) or present(source) & present(target):
            g.add_edge(source, target, key=flow.id, kind=flow_kind, flow=flow)
        grouping = (source, flow.via, target)  # no new tuple for the via list itself
        same = grouped.get(grouping)
        if same is None:
            grouped[grouping] = [flow]
        else:
            same.append(flow)
    routes = {
        (source, *via, target): tuple(flows) for (source, via, target), flows in grouped.items()
    }
    # One VIA edge per distinct hop: routes share most hops (each commune system -> its
    # provincial LGSP), so the graph stays near the size of its flows instead of holding one
    # edge per hop of every flow. Which flows take a hop is asked rarely (diagrams), so it is
    # not stored on the edge: ArchGraph.hop_flows derives it from the routes on first use.
    hops = dict.fromkeys(hop for route in routes for hop in itertools.pairwise(route))
    links: list[tuple[str, str]] = []
    for a, b in hops:
        if present(a) & present(b):
            g.add_edge(a, b, key=VIA_KEY, kind=EdgeKind.VIA)
            links.append((a, b))
    for database in catalogue.databases:
        for hub in (NDXP, NDOP):
            if present(database.id) & present(hub):
                g.add_edge(database.id, hub, kind=EdgeKind.CONNECTS)
                links.append((database.id, hub))
    return ArchGraph(
        graph=g,
        architecture=arch,
        elements=elements,
        kinds=kinds,
        catalogue_ids=frozenset(catalogue_ids),
        as_of=as_of or dt.date.today(),
        links=tuple(links),
        routes=routes,
    )
