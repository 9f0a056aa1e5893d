"""The edges of the architecture graph, and the networkx ``MultiDiGraph`` that holds them all.

Rules and views work from :class:`~vndgaf.graph.facade.ArchGraph`'s indexes (elements, kinds,
routes, links), which :func:`~vndgaf.graph.build.build_graph` makes in one pass. The full
``MultiDiGraph`` (every node, one edge per field reference, one per active flow, one per hop) is
for integrators who query the architecture with networkx; ``ArchGraph.graph`` builds it here on
first use, as a national model's graph costs about as much as all the rules together and a check
never reads it.
"""

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import networkx as nx

from vndgaf.graph.kinds import VIA_KEY, EdgeKind, NodeKind
from vndgaf.model import Database, DataFlow, InformationSystem, Platform

__all__ = ["Edge", "element_edges", "multigraph"]

#: (source, target, attributes) of an edge implied by an element's own fields.
Edge = tuple[str, str, dict[str, Any]]


#: Kinds whose elements have an ``owner`` agency (an OWNS edge from it).
_OWNED = frozenset(
    {NodeKind.SYSTEM, NodeKind.PLATFORM, NodeKind.DATABASE, NodeKind.SERVICE, NodeKind.INVESTMENT}
)


def element_edges(kind: NodeKind, e: Any) -> Iterable[Edge]:
    """Edges implied by one element's own fields (its ends may be unknown ids)."""
    if kind in _OWNED and e.owner:
        yield e.owner, e.id, {"kind": EdgeKind.OWNS}
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
        if e.handled_by:
            yield e.handled_by, e.id, {"kind": EdgeKind.HANDLES}
        for item in e.required_inputs:
            yield (
                e.id,
                item.entity,
                {"kind": EdgeKind.REQUIRES, "obtained_from": item.obtained_from},
            )
    elif kind is NodeKind.INVESTMENT:
        for platform in e.reuses:
            yield e.id, platform, {"kind": EdgeKind.REUSES}


def multigraph(
    elements: Mapping[str, Any],
    kinds: Mapping[str, NodeKind],
    flows: Iterable[DataFlow],
    hops: Sequence[tuple[str, str]],
    connections: Sequence[tuple[str, str]],
) -> nx.MultiDiGraph:
    """Every element as a node (attributes ``kind`` and ``element``, in id order), then every edge
    whose two ends are nodes: element edges (in id order), one ``flow`` edge per flow of
    ``flows`` keyed by its id (attribute ``flow``), one ``via`` edge per hop keyed
    :data:`VIA_KEY`, and the catalogue's ``connects`` edges."""
    g = nx.MultiDiGraph()
    ids = sorted(elements)
    for element_id in ids:
        g.add_node(element_id, kind=kinds[element_id], element=elements[element_id])
    for element_id in ids:
        for a, b, data in element_edges(kinds[element_id], elements[element_id]):
            if a in elements and b in elements:
                g.add_edge(a, b, **data)
    flow_kind = EdgeKind.FLOW
    for flow in flows:
        if flow.source in elements and flow.target in elements:
            g.add_edge(flow.source, flow.target, key=flow.id, kind=flow_kind, flow=flow)
    for a, b in hops:
        g.add_edge(a, b, key=VIA_KEY, kind=EdgeKind.VIA)
    for a, b in connections:
        g.add_edge(a, b, kind=EdgeKind.CONNECTS)
    return g
