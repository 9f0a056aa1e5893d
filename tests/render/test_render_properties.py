"""Properties over generated architectures: every view renders, deterministically, and
Graphviz accepts the DOT."""

import pytest
from hypothesis import HealthCheck, given, settings
from render_fixtures import count_nodes, graph_of
from tests.strategies import architectures

from vndgaf.render import NODE_LIMIT, render, to_bytes
from vndgaf.render.country import hub_ids

#: The map views are undirected graphs with pinned boxes; the others digraphs; the overview is
#: one or the other.
_MAP, _DRAFT = b"graph vndgaf ", b"digraph vndgaf "
_HEADS = {"country": {_MAP}, "hub": {_MAP}, "overview": {_MAP, _DRAFT}}
_HEADS |= {kind: {_DRAFT} for kind in ("tiers", "agency", "entity", "impact", "province")}

# Hypothesis examples by the hundred: `make quick` leaves it out, `make test` runs it.
pytestmark = pytest.mark.slow


def _views(graph):
    """Every view the graph offers (ids shared by two kinds count as their first kind)."""
    arch = graph.architecture
    views = ["overview", "country", "tiers"]
    views += [f"hub:{h}" for h in hub_ids(graph)]
    views += [f"agency:{a.id}" for a in arch.agencies if graph.agency(a.id) is not None]
    views += [f"entity:{e.id}" for e in arch.entities if graph.entity(e.id) is not None]
    views += [f"impact:{p.id}" for p in arch.platforms if graph.platform(p.id) is not None]
    codes = {graph.province_of(a.id) for a in arch.agencies} - {None}
    views += [f"province:{c}" for c in sorted(codes)]
    return sorted(set(views))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(architectures())
def test_every_view_of_any_architecture_renders(arch):
    """No view raises on a valid architecture; the DOT is stable and within the node limit."""
    graph = graph_of(arch)
    for view in _views(graph):
        for expand in (False, True):
            dot = render(graph, view=view, expand=expand, highlight=True)
            text = to_bytes(dot, "dot")
            assert to_bytes(render(graph, view=view, expand=expand, highlight=True), "dot") == text
            assert count_nodes(dot) <= NODE_LIMIT
            assert text.split(b"{", 1)[0] in _HEADS[view.partition(":")[0]]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(architectures())
def test_graphviz_accepts_generated_overviews(arch):
    """Graphviz lays out the overview of any valid architecture and its SVG names the hubs."""
    svg = to_bytes(render(graph_of(arch), lang="en"), "svg")
    assert b"vn:platform/ndxp" in svg
