"""Pure graph queries shared by rules and views. Each runs in linear time or better."""

from collections.abc import Hashable, Iterable

import networkx as nx

__all__ = ["articulation_impact", "component_index", "cut_off_by"]


def component_index(graph: nx.Graph) -> dict[Hashable, int]:
    """Node -> number of its connected component (numbered in order of smallest node)."""
    comps = sorted((sorted(map(str, c)), c) for c in nx.connected_components(graph))
    index: dict[Hashable, int] = {}
    for number, (_names, comp) in enumerate(comps):
        for node in comp:
            index[node] = number
    return index


def articulation_impact(
    graph: nx.Graph, root: Hashable, counted: Iterable[Hashable]
) -> dict[Hashable, frozenset[Hashable]]:
    """For each node whose removal cuts nodes off ``root``: the ``counted`` nodes it cuts off.

    Uses the block-cut tree of the component holding ``root`` (linear time), never one
    search per candidate node.
    """
    if root not in graph:
        return {}
    comp = nx.node_connected_component(graph, root)
    counted_set = frozenset(n for n in counted if n in comp)
    # Blocks of the whole graph (one DFS over plain adjacency, faster than over a subgraph
    # view), kept when they lie in root's component; a cut vertex is a node in two blocks.
    blocks = [frozenset(b) for b in nx.biconnected_components(graph) if next(iter(b)) in comp]
    seen: set[Hashable] = set()
    cuts: set[Hashable] = set()
    for block in blocks:
        cuts.update(block & seen)
        seen.update(block)
    if not blocks:  # root has no neighbour: nothing can be cut off it
        return {}
    # Block-cut tree: block nodes ("b", i) and cut nodes ("c", v).
    tree = nx.Graph()
    home: dict[Hashable, tuple[str, object]] = {}
    for i, block in enumerate(blocks):
        tree.add_node(("b", i))
        for v in block:
            if v in cuts:
                tree.add_edge(("b", i), ("c", v))
            else:
                home[v] = ("b", i)
    root_node = ("c", root) if root in cuts else home[root]
    weight: dict[tuple[str, object], set[Hashable]] = {}
    for v in counted_set:
        if v in cuts:
            weight.setdefault(("c", v), set()).add(v)
        else:
            weight.setdefault(home[v], set()).add(v)
    below: dict[tuple[str, object], frozenset[Hashable]] = {}
    order = list(nx.dfs_postorder_nodes(tree, root_node))
    parent = dict(nx.bfs_predecessors(tree, root_node))
    for node in order:
        acc = set(weight.get(node, ()))
        for child in tree.neighbors(node):
            if parent.get(child) == node:
                acc |= below[child]
        below[node] = frozenset(acc)
    impact: dict[Hashable, frozenset[Hashable]] = {}
    for node in order:
        if node[0] == "c" and node != root_node:
            lost = frozenset(below[node] - {node[1]})
            if lost:
                impact[node[1]] = lost
    return impact


def cut_off_by(graph: nx.Graph, root: Hashable, removed: Hashable) -> frozenset[Hashable]:
    """Nodes connected to ``root`` now that lose that connection when ``removed`` fails."""
    if root not in graph or removed not in graph or removed == root:
        return frozenset()
    before = nx.node_connected_component(graph, root)
    view = nx.restricted_view(graph, [removed], [])
    after = nx.node_connected_component(view, root)
    return frozenset(before - after - {removed})
