"""The graph and its facade: node and edge kinds, routes, tiers, provinces, connectivity."""

import datetime as dt
from pathlib import Path

import attrs
import hypothesis
import networkx as nx
from hypothesis import strategies as st

from vndgaf.graph import EdgeKind, NodeKind, articulation_impact, build_graph, cut_off_by
from vndgaf.graph.facade import ArchGraph
from vndgaf.load import load
from vndgaf.model import Level, Status
from vndgaf.reference import catalogue

EXAMPLE = Path(__file__).parents[2] / "examples" / "tuyen-quang"


def _graph() -> ArchGraph:
    return build_graph(load([EXAMPLE]).architecture, catalogue(), dt.date(2025, 11, 15))


def test_nodes_and_edges_are_typed() -> None:
    """Every node has a NodeKind and its model element; every edge has an EdgeKind."""
    g = _graph()
    for _node, data in g.graph.nodes(data=True):
        assert isinstance(data["kind"], NodeKind) and data["element"] is not None
    kinds = {data["kind"] for _a, _b, data in g.graph.edges(data=True)}
    assert {
        EdgeKind.OWNS,
        EdgeKind.FLOW,
        EdgeKind.VIA,
        EdgeKind.TENANT_OF,
        EdgeKind.HANDLES,
        EdgeKind.REQUIRES,
        EdgeKind.AUTHORITATIVE_FOR,
        EdgeKind.COPIES,
        EdgeKind.PART_OF,
        EdgeKind.INSTANCE_OF,
        EdgeKind.CONNECTS,
    } <= kinds
    assert g.graph.has_edge("ubnd-tuyen-quang", "lgsp-tuyen-quang")
    assert g.kind("vn:platform/ndxp") is NodeKind.PLATFORM
    assert g.is_catalogue("vn:platform/ndxp") and not g.is_catalogue("lgsp-tuyen-quang")


def test_networkx_graph_is_built_on_first_use_and_matches_the_indexes() -> None:
    """ArchGraph.graph is made on first access, once; its nodes are the elements (communes
    included), its flow edges the active flows with known ends, its VIA and CONNECTS edges the
    hops and connections the rules read."""
    arch = load([EXAMPLE]).architecture
    template = next(f for f in arch.flows if f.status is not Status.RETIRED)
    arch = attrs.evolve(
        arch,
        flows=(
            *arch.flows,
            attrs.evolve(template, id="f-retired-copy", status=Status.RETIRED),
            attrs.evolve(template, id="f-dangling", target="no-such-system"),
        ),
    )
    g = build_graph(arch, catalogue(), dt.date(2025, 11, 15))
    assert "graph" not in vars(g)
    graph = g.graph
    assert g.graph is graph
    assert set(graph.nodes) == set(g.elements)
    assert any(g.kind(n) is NodeKind.UNIT and g.is_catalogue(n) for n in graph.nodes)  # a commune
    flows = {
        k: d["flow"]
        for _a, _b, k, d in graph.edges(keys=True, data=True)
        if d["kind"] is EdgeKind.FLOW
    }
    assert set(flows) == {f.id for f in g.active_flows if f.target in g.elements}
    assert "f-retired-copy" not in flows and "f-dangling" not in flows
    assert "f-dangling" in {f.id for f in g.active_flows}  # still routed for the rules
    by_kind: dict[EdgeKind, list[tuple[str, str]]] = {}
    for a, b, data in graph.edges(data=True):
        by_kind.setdefault(data["kind"], []).append((a, b))
    assert sorted(by_kind[EdgeKind.VIA]) == sorted(g.hops)
    assert sorted(by_kind[EdgeKind.CONNECTS]) == sorted(g.connections)
    assert set(g.links) == {*g.hops, *g.connections}
    assert all(a in g.elements and b in g.elements for a, b in g.hops)


def test_route_of_a_flow_follows_via_in_order() -> None:
    """The route is source, each via platform in order, target; VIA edges follow it."""
    g = _graph()
    flow = next(f for f in g.architecture.flows if f.id == "f-dancu-kho")
    assert g.route(flow) == (
        "vn:db/population",
        "vn:platform/ndxp",
        "lgsp-tuyen-quang",
        "kho-dl-tuyen-quang",
    )
    hops = sorted(
        (a, b)
        for a, b, data in g.graph.edges(data=True)
        if data["kind"] is EdgeKind.VIA and "f-dancu-kho" in g.hop_flows(a, b)
    )
    assert hops == sorted(
        [
            ("vn:db/population", "vn:platform/ndxp"),
            ("vn:platform/ndxp", "lgsp-tuyen-quang"),
            ("lgsp-tuyen-quang", "kho-dl-tuyen-quang"),
        ]
    )


def test_tier_and_province_of_elements() -> None:
    """Tier and province come from the unit, the parent agency or the owner."""
    g = _graph()
    assert g.level_of("ubnd-xa-tan-trao") is Level.COMMUNE
    assert g.level_of("lgsp-tuyen-quang") is Level.PROVINCIAL
    assert g.province_of("ubnd-xa-tan-trao") == "08"  # via vn:commune/02545 -> province 08
    assert g.province_of("qlvb-tuyen-quang") == "08"  # via its owner
    assert g.province_of("ubnd-huyen-yen-son") == "08"  # no unit: via its parent agency
    assert g.province_of("vn:agency/bo-cong-an") is None


def test_exchange_connectivity() -> None:
    """Systems linked by flow hops are connected; national DBs are linked to NDXP/NDOP."""
    g = _graph()
    assert g.connected("tthc-tuyen-quang", "vn:db/population")
    assert g.reaches_national_exchange("hotich-tuyen-quang")
    assert not g.connected("gis-ha-giang-cu", "vn:platform/ndxp")
    assert g.authoritative_dbs("vn:entity/person") == ("vn:db/population",)


def test_articulation_impact_counts_agencies_cut_off() -> None:
    """A hub whose failure cuts nodes off the root is found from the block-cut tree."""
    g = nx.Graph()  # add_edges_from: networkx < 3.4 warns when a Graph is built from a list
    g.add_edges_from(
        [
            ("ndxp", "lgsp"),
            ("lgsp", "a1"),
            ("lgsp", "a2"),
            ("a2", "a3"),
            ("ndxp", "x"),
            ("x", "y"),
            ("y", "ndxp"),
        ]
    )
    impact = articulation_impact(g, "ndxp", ["a1", "a2", "a3", "x", "y"])
    assert impact == {"lgsp": frozenset({"a1", "a2", "a3"}), "a2": frozenset({"a3"})}
    assert cut_off_by(g, "ndxp", "lgsp") == frozenset({"a1", "a2", "a3"})
    assert cut_off_by(g, "ndxp", "x") == frozenset()


def test_province_of_survives_a_parent_cycle(tmp_path: Path) -> None:
    """Cycles in the agency hierarchy never hang tier or province queries."""
    doc = tmp_path / "c.yaml"
    doc.write_text(
        "format_version: 1\nagencies:\n"
        "  - {id: a, name: A, level: provincial, parent: b}\n"
        "  - {id: b, name: B, level: provincial, parent: a}\n",
        encoding="utf-8",
    )
    g = build_graph(load([doc]).architecture, catalogue(), dt.date(2025, 11, 15))
    assert g.province_of("a") is None and g.province_of("b") is None


def test_one_via_edge_per_distinct_hop_names_every_flow() -> None:
    """Flows sharing a hop share one VIA edge (key "#via"); hop_flows names them all, sorted."""
    g = _graph()
    taking: dict[tuple[str, str], set[str]] = {}
    for flow in g.active_flows:
        for hop in zip(g.route(flow), g.route(flow)[1:], strict=False):
            taking.setdefault(hop, set()).add(flow.id)
    via = {
        (a, b): g.hop_flows(a, b)
        for a, b, data in g.graph.edges(data=True)
        if data["kind"] is EdgeKind.VIA
    }
    assert {
        k for a, b, k in g.graph.edges(keys=True) if g.graph[a][b][k]["kind"] is EdgeKind.VIA
    } == {"#via"}
    assert {hop: set(ids) for hop, ids in via.items()} == taking
    assert all(list(ids) == sorted(ids) for ids in via.values())
    assert any(len(ids) > 1 for ids in via.values())  # the example has shared hops
    assert set(g.links) >= set(via)


@hypothesis.settings(max_examples=150, deadline=None)
@hypothesis.given(
    edges=st.lists(st.tuples(st.integers(0, 11), st.integers(0, 11)), max_size=30),
    counted=st.sets(st.integers(0, 11)),
)
def test_articulation_impact_agrees_with_removing_each_node(
    edges: list[tuple[int, int]], counted: set[int]
) -> None:
    """For random graphs (several components, isolated root too), the block-cut tree gives
    exactly what removing each node one at a time cuts off the root."""
    g = nx.Graph()
    g.add_nodes_from(range(12))
    g.add_edges_from((a, b) for a, b in edges if a != b)
    impact = articulation_impact(g, 0, counted)
    expected = {}
    for node in g:
        lost = cut_off_by(g, 0, node) & counted
        if lost:
            expected[node] = lost
    assert impact == expected


def test_hop_flows_reads_the_via_edge_of_one_hop() -> None:
    """hop_flows gives the sorted flows stepping from a to b, and nothing for a non-hop."""
    g = _graph()
    assert "f-dancu-kho" in g.hop_flows("vn:platform/ndxp", "lgsp-tuyen-quang")
    ids = g.hop_flows("lgsp-tuyen-quang", "kho-dl-tuyen-quang")
    assert "f-dancu-kho" in ids and list(ids) == sorted(ids)
    assert g.hop_flows("kho-dl-tuyen-quang", "vn:db/population") == ()


def test_routes_group_every_active_flow_once() -> None:
    """ArchGraph.routes holds each active flow once, under its own route; retired flows none."""
    g = _graph()
    placed = [(route, flow) for route, flows in g.routes.items() for flow in flows]
    assert sorted(f.id for _, f in placed) == sorted(f.id for f in g.active_flows)
    assert all(route == g.route(flow) for route, flow in placed)
    retired = {f.id for f in g.architecture.flows} - {f.id for f in g.active_flows}
    assert not retired & {f.id for _, f in placed}


def test_elements_of_each_kind_in_id_order_whatever_the_input_order() -> None:
    """The facade lists the submission's elements of each kind in id order, so a rule iterating
    them reports in the same order however the file lists them."""
    g = _graph()
    arch = g.architecture
    kinds = ("units", "agencies", "systems", "platforms", "databases", "entities", "flows")
    kinds += ("services", "investments")
    reversed_arch = attrs.evolve(
        arch, **{name: tuple(reversed(getattr(arch, name))) for name in kinds}
    )
    r = build_graph(reversed_arch, catalogue(), g.as_of)
    for name in kinds:
        ids = [e.id for e in getattr(r, name)]
        assert ids == sorted(e.id for e in getattr(arch, name)), name
        assert ids == [e.id for e in getattr(g, name)], name
    assert len(g.agencies) > 1 and len(g.flows) > 1


def test_label_names_elements_flows_and_catalogue_ids() -> None:
    """A message names an element by its name, with its id on request; an unknown id or a flow
    without a name is named by its id."""
    g = _graph()
    system = g.systems[0]
    assert g.label(system.id) == system.name
    assert g.label(system.id, with_id=True) == f"{system.name} ({system.id})"
    assert g.label("vn:platform/ndxp") == "Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP)"
    assert g.label("no-such-id", with_id=True) == "no-such-id"
    flow = g.flows[0]
    assert g.label(flow.id) == (flow.name or flow.id)
    assert g.flow(flow.id) is flow and g.flow(system.id) is None


def test_owner_is_typed_and_none_for_elements_without_one() -> None:
    """owner() answers for owned kinds (systems, services, investments) only."""
    g = _graph()
    system = next(s for s in g.systems if s.owner)
    owner = g.owner(system.id)
    assert owner is not None and owner.id == system.owner
    assert g.owner(g.agencies[0].id) is None and g.owner("vn:province/08") is None
