"""Build the architecture graph: the submission plus the national catalogue.

Rules read it through :class:`~vndgaf.graph.facade.ArchGraph`, never through raw attribute
dicts; its ``graph`` is one ``networkx.MultiDiGraph`` whose nodes have ``kind``
(:class:`NodeKind`) and ``element`` (the model object) and whose edges have ``kind``
(:class:`EdgeKind`).
"""

import datetime as dt
import itertools
from collections.abc import Iterable
from typing import Protocol

from vndgaf.graph.edges import element_edges
from vndgaf.graph.facade import ArchGraph
from vndgaf.graph.kinds import VIA_KEY, NodeKind
from vndgaf.model import (
    AdministrativeUnit,
    Agency,
    Architecture,
    Database,
    DataEntity,
    DataFlow,
    NodeElement,
    Platform,
    Status,
)
from vndgaf.reference.wellknown import NDOP, NDXP

__all__ = ["VIA_KEY", "CatalogueElements", "build_graph"]


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

    def get(self, element_id: str) -> NodeElement | None: ...


def _submission_nodes(arch: Architecture) -> Iterable[tuple[NodeKind, NodeElement]]:
    lists: tuple[tuple[NodeKind, tuple[NodeElement, ...]], ...] = (
        (NodeKind.UNIT, arch.units),
        (NodeKind.AGENCY, arch.agencies),
        (NodeKind.SYSTEM, arch.systems),
        (NodeKind.PLATFORM, arch.platforms),
        (NodeKind.DATABASE, arch.databases),
        (NodeKind.ENTITY, arch.entities),
        (NodeKind.SERVICE, arch.services),
        (NodeKind.INVESTMENT, arch.investments),
    )
    for kind, elements in lists:
        for element in elements:
            yield kind, element


def _external_nodes(arch: Architecture) -> Iterable[tuple[NodeKind, NodeElement]]:
    ext = arch.externals
    if ext is None:
        return
    lists: tuple[tuple[NodeKind, tuple[NodeElement, ...]], ...] = (
        (NodeKind.AGENCY, ext.agencies),
        (NodeKind.SYSTEM, ext.systems),
        (NodeKind.PLATFORM, ext.platforms),
        (NodeKind.DATABASE, ext.databases),
        (NodeKind.ENTITY, ext.entities),
    )
    for kind, elements in lists:
        for element in elements:
            yield kind, element


def _catalogue_nodes(cat: CatalogueElements) -> Iterable[tuple[NodeKind, NodeElement]]:
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


def build_graph(
    arch: Architecture, catalogue: CatalogueElements, as_of: dt.date | None = None
) -> ArchGraph:
    """The graph of ``arch`` plus the catalogue elements, wrapped in its typed facade.

    One pass makes the indexes rules read (elements and kinds, routes, links); the networkx
    graph itself is built on first use of ``ArchGraph.graph`` (see :mod:`vndgaf.graph.edges`).
    Catalogue communes become nodes only when referenced (there are 3,321 of them). The external
    declarations of ``arch`` (elements of submissions not in the check) are nodes like the
    catalogue's: reachable, but not the submission's own elements. Dangling
    references never become edges: an edge to an id that is neither in the submission nor in
    the catalogue is skipped (the loader reported it).
    """
    elements: dict[str, NodeElement] = {}
    kinds: dict[str, NodeKind] = {}
    catalogue_ids: set[str] = set()
    for kind, element in _catalogue_nodes(catalogue):
        elements[element.id] = element
        kinds[element.id] = kind
        catalogue_ids.add(element.id)
    for kind, element in _submission_nodes(arch):
        elements.setdefault(element.id, element)
        kinds.setdefault(element.id, kind)
    external_ids: set[str] = set()
    for kind, element in _external_nodes(arch):  # stand-ins of other submissions' elements
        if element.id not in elements:
            elements[element.id] = element
            kinds[element.id] = kind
            external_ids.add(element.id)

    def present(end: str) -> bool:
        """True when ``end`` is a node, making a referenced catalogue commune one on first use."""
        if end in elements:
            return True
        element = catalogue.get(end) if end.startswith("vn:") else None
        if not isinstance(element, AdministrativeUnit):
            return False
        elements[end] = element
        kinds[end] = NodeKind.UNIT
        catalogue_ids.add(end)
        return True

    for element_id in sorted(elements):
        for a, b, _data in element_edges(kinds[element_id], elements[element_id]):
            if a not in elements or b not in elements:  # either may be a catalogue commune
                present(a)
                present(b)
    grouped: dict[tuple[str, tuple[str, ...], str], list[DataFlow]] = {}
    retired = Status.RETIRED
    for flow in arch.flows:
        if flow.status is retired:
            continue
        grouping = (flow.source, flow.via, flow.target)  # no new tuple for the via list itself
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
    hops = [
        (a, b)
        for a, b in dict.fromkeys(hop for route in routes for hop in itertools.pairwise(route))
        if present(a) & present(b)
    ]
    connections = [
        (database.id, hub)
        for database in catalogue.databases
        for hub in (NDXP, NDOP)
        if present(database.id) & present(hub)
    ]
    return ArchGraph(
        architecture=arch,
        elements=elements,
        kinds=kinds,
        catalogue_ids=frozenset(catalogue_ids),
        external_ids=frozenset(external_ids),
        as_of=as_of or dt.date.today(),
        hops=tuple(hops),
        connections=tuple(connections),
        routes=routes,
    )
