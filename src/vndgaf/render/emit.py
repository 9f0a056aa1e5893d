"""Write a scene as a ``pydot.Dot``: clusters, nodes and edges in sorted order, a legend.

The DOT text depends only on the scene: clusters are emitted by (order, key), nodes by key,
edges by (tail, head, style), attributes in a fixed order. ``pydot`` is imported here only.
"""

import itertools
from collections import defaultdict
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from vndgaf.diagnostics import Severity
from vndgaf.render.placement import ClusterRef
from vndgaf.render.scene import Scene, SceneEdge, SceneNode
from vndgaf.render.theme import (
    CLUSTER_STYLE,
    EDGE_STYLES,
    FONT,
    KIND_STYLES,
    MARK_STYLES,
    SEVERITY_COLOURS,
    text,
)
from vndgaf.textsafe import dot_label, dot_quoted, id_token, printable

if TYPE_CHECKING:
    import pydot

__all__ = ["emit"]


def _worst(subjects: frozenset[str], severities: Mapping[str, Severity]) -> Severity | None:
    """The worst severity among ``subjects`` (each severity has its own rank: order-free)."""
    if not severities:
        return None
    found = [severities[s] for s in subjects if s in severities]
    return max(found, key=lambda s: s.rank) if found else None


def _merge_style(*styles: str) -> str:
    parts: list[str] = []
    for style in styles:
        for part in style.split(","):
            if part and part not in parts:
                parts.append(part)
    return ",".join(parts)


def _node_attrs(
    kind: str, mark: str | None, severity: Severity | None, label: str
) -> dict[str, str]:
    attrs = dict(KIND_STYLES[kind])
    if mark is not None:
        extra = dict(MARK_STYLES[mark])
        style = _merge_style(attrs.get("style", ""), extra.pop("style", ""))
        attrs.update(extra)
        attrs["style"] = style
    if severity is not None:
        attrs["color"] = SEVERITY_COLOURS[severity]
        attrs["penwidth"] = "3"
    attrs["label"] = label
    return attrs


def _tooltip(node: SceneNode, lang: str) -> str:
    """Name, kind and id on the first line (the id on one line: a line break in it shows as
    ``\\n``), then what the node counts."""
    ident = printable(node.ident)
    head = " — ".join(p for p in (node.title, text(node.kind, lang), ident) if p)
    return "\n".join((head, *node.details))


def _node(
    pydot: Any,
    node: SceneNode,
    severities: Mapping[str, Severity],
    lang: str,
    href: Callable[[str], str | None] | None,
) -> Any:
    label = dot_label(node.title, node.details)
    attrs = _node_attrs(node.kind, node.mark, _worst(node.subjects, severities), label)
    attrs["tooltip"] = dot_quoted(_tooltip(node, lang))
    url = href(node.link) if href is not None and node.link else None
    if url:
        attrs["URL"] = url
    return pydot.Node(node.key, **attrs)


def _edge(
    pydot: Any, edge: SceneEdge, severities: Mapping[str, Severity], *, loose: bool = False
) -> Any:
    attrs = dict(EDGE_STYLES[edge.style])
    if loose:
        attrs["constraint"] = "false"
    if edge.back and attrs.get("dir") != "none":
        attrs["dir"] = "back"
    if edge.label:
        attrs["xlabel" if edge.counted else "label"] = dot_label(edge.label, width=36)
    severity = _worst(edge.subjects, severities)
    if severity is not None:
        attrs["color"] = SEVERITY_COLOURS[severity]
        attrs["fontcolor"] = SEVERITY_COLOURS[severity]
        attrs["penwidth"] = "2"
    return pydot.Edge(edge.tail, edge.head, **attrs)


def _cluster(
    pydot: Any, ref: ClusterRef, severities: Mapping[str, Severity], highlight: bool
) -> Any:
    attrs = dict(CLUSTER_STYLE[ref.kind])
    # An agency's box holds the agency's own node, already labelled; an empty label stops the
    # box from inheriting its parent's label.
    attrs["label"] = dot_label(ref.label, width=48) if ref.kind != "agency" else "<>"
    if highlight and ref.subject is not None and ref.subject in severities:
        attrs["color"] = SEVERITY_COLOURS[severities[ref.subject]]
        attrs["penwidth"] = "2"
    return pydot.Cluster("c_" + id_token(ref.key.replace(":", "-", 1)), **attrs)


def _flatten(nodes: tuple[SceneNode, ...]) -> dict[SceneNode, tuple[ClusterRef, ...]]:
    """Each node's cluster path, without agency clusters that would hold a single node."""
    counts: dict[str, int] = defaultdict(int)
    for node in nodes:
        for ref in node.path:
            counts[ref.key] += 1
    return {
        n: tuple(r for r in n.path if not (r.kind == "agency" and counts[r.key] < 2)) for n in nodes
    }


def _legend(pydot: Any, scene: Scene, lang: str, back: str | None) -> Any:
    legend = pydot.Cluster(
        "legend", label=dot_label(text("legend", lang)), **CLUSTER_STYLE["legend"]
    )
    previous: str | None = None
    if back is not None:  # the way back up, above the legend's samples
        legend.add_node(
            pydot.Node(
                "legend_back",
                shape="plaintext",
                label=dot_label(text("back:overview", lang)),
                URL=back,
                fontcolor="#0b5cad",
            )
        )
        previous = "legend_back"
    for entry in scene.legend:
        key = "legend_" + entry.replace(":", "_")
        family, _, name = entry.partition(":")
        if family == "mark":
            attrs = _node_attrs("system", name, None, dot_label(text(name, lang)))
        elif family == "severity":
            attrs = _node_attrs("system", None, Severity(name), dot_label(text(name, lang)))
        else:
            attrs = _node_attrs(entry, None, None, dot_label(text(entry, lang), width=28))
        legend.add_node(pydot.Node(key, **attrs))
        if previous is not None:
            legend.add_edge(pydot.Edge(previous, key, style="invis"))
        previous = key
    return legend


#: Boxes side by side before a new row starts: in a tier, and inside a province.
_ROW_IN_TIER = 6
_ROW_IN_PROVINCE = 4


def _rows(units: Mapping[str, list[SceneNode]], width: int) -> list[tuple[str, str, str]]:
    """Invisible edges that wrap side-by-side boxes into rows of ``width``.

    Each box (a cluster, or a lone node) has a top node, preferably an agency; every node of a
    box points at the top node of the box one row below, and each top node points at the rest
    of its box with ``minlen=0`` so nothing of the box rises above it.
    """
    keys = sorted(units)
    if len(keys) <= width:
        return []
    tops = {
        k: min(n.key for n in units[k] if n.kind == "agency")
        if any(n.kind == "agency" for n in units[k])
        else min(n.key for n in units[k])
        for k in keys
    }
    out: list[tuple[str, str, str]] = []
    for index, key in enumerate(keys):
        top = tops[key]
        out += [(top, n.key, "0") for n in units[key] if n.key != top]
        if index >= width:
            out += [(n.key, top, "1") for n in units[keys[index - width]]]
    return out


def _layout_edges(
    scene: Scene, paths: Mapping[SceneNode, tuple[ClusterRef, ...]]
) -> tuple[list[tuple[str, str, str]], dict[str, frozenset[tuple[str, str]]]]:
    """Invisible edges that stack the tiers top to bottom, wrap wide tiers and provinces into
    rows, and put agencies above what they own.

    Every node of a tier points at an anchor of the next tier (the anchor is then below the
    whole tier) and the anchor points at every node of its tier with ``minlen=0`` (no node of
    the tier may rise above it). Linear in the number of nodes. Also returns, for each node in a
    box that was wrapped into rows, its (container, box) pairs: edges between two boxes of the
    same wrapped container must not pull the rows out of order.
    """
    tiers: dict[int, list[str]] = defaultdict(list)
    agencies: dict[int, list[str]] = defaultdict(list)
    owners: dict[str, str] = {}
    in_tier: dict[str, dict[str, list[SceneNode]]] = defaultdict(lambda: defaultdict(list))
    in_province: dict[str, dict[str, list[SceneNode]]] = defaultdict(lambda: defaultdict(list))
    for node in scene.nodes:
        path = paths[node]
        if (path and path[0].kind == "tier") or node.rank < 0:
            tiers[node.rank].append(node.key)
            if node.kind == "agency":
                agencies[node.rank].append(node.key)
        if node.kind == "agency" and path and path[-1].kind == "agency":
            owners[path[-1].key] = node.key
        if path and path[0].kind == "tier":
            unit = path[1].key if len(path) > 1 else node.key
            in_tier[path[0].key][unit].append(node)
            if len(path) > 1 and path[1].kind == "province":
                inner = path[2].key if len(path) > 2 else node.key
                in_province[path[1].key][inner].append(node)
    out: list[tuple[str, str, str]] = []
    order = sorted(tiers)
    for upper, lower in itertools.pairwise(order):
        anchor = min(agencies[lower] or tiers[lower])  # agencies sit on top of their boxes
        out += [(key, anchor, "1") for key in sorted(tiers[upper])]
        out += [(anchor, key, "0") for key in sorted(tiers[lower]) if key != anchor]
    for node in scene.nodes:
        path = paths[node]
        owner = owners.get(path[-1].key) if path else None
        if owner is not None and owner != node.key:
            out.append((owner, node.key, "1"))
    boxes: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for containers, width in ((in_tier, _ROW_IN_TIER), (in_province, _ROW_IN_PROVINCE)):
        for container in sorted(containers):
            wrapped = _rows(containers[container], width)
            out += wrapped
            for unit, nodes in containers[container].items() if wrapped else ():
                for node in nodes:
                    boxes[node.key].add((container, unit))
    return sorted(set(out)), {k: frozenset(v) for k, v in boxes.items()}


def _across_rows(edge: SceneEdge, boxes: Mapping[str, frozenset[tuple[str, str]]]) -> bool:
    """True when an edge joins two different boxes of one container wrapped into rows."""
    tail = dict(boxes.get(edge.tail, ()))
    head = dict(boxes.get(edge.head, ()))
    return any(c in head and head[c] != unit for c, unit in tail.items())


def emit(
    scene: Scene,
    *,
    severities: Mapping[str, Severity],
    highlight: bool,
    lang: str,
    href: Callable[[str], str | None] | None = None,
    graph_id: str = "vndgaf",
) -> "pydot.Dot":
    """The ``pydot.Dot`` of ``scene``; ``severities`` maps ids to their worst finding, ``href``
    gives the link of a view a node opens (None: no link), ``graph_id`` prefixes the ids of the
    SVG Graphviz makes (several diagrams in one page)."""
    import pydot

    shown = severities if highlight else {}
    title = "\n".join((scene.title, *scene.notes))
    dot = pydot.Dot(
        "vndgaf",
        graph_type="digraph",
        charset="UTF-8",
        rankdir="TB",
        compound="true",
        newrank="true",
        fontname=FONT,
        fontsize="16",
        labelloc="t",
        label=dot_label(title, width=100),
        tooltip=dot_quoted(title),
        nodesep="0.3",
        ranksep="0.5",
        forcelabels="true",
        id=graph_id,
    )
    dot.set_node_defaults(fontname=FONT, fontsize="10", margin="0.12,0.06")
    dot.set_edge_defaults(fontname=FONT, fontsize="9", color="#555555", arrowsize="0.7")

    paths = _flatten(scene.nodes)
    refs: dict[str, ClusterRef] = {}
    children: dict[str | None, set[str]] = defaultdict(set)
    members: dict[str | None, list[SceneNode]] = defaultdict(list)
    for node, path in paths.items():
        parent: str | None = None
        for ref in path:
            refs[ref.key] = ref
            children[parent].add(ref.key)
            parent = ref.key
        members[parent].append(node)

    def fill(container: Any, key: str | None) -> None:
        for child in sorted(children[key], key=lambda k: (refs[k].order, k)):
            cluster = _cluster(pydot, refs[child], shown, highlight)
            fill(cluster, child)
            container.add_subgraph(cluster)
        for node in sorted(members[key], key=lambda n: n.key):
            container.add_node(_node(pydot, node, shown, lang, href))

    fill(dot, None)
    back = href("overview") if href is not None else None
    dot.add_subgraph(_legend(pydot, scene, lang, back))

    layout, boxes = _layout_edges(scene, paths)
    for tail, head, minlen in layout:
        dot.add_edge(pydot.Edge(tail, head, style="invis", minlen=minlen))
    for edge in scene.edges:
        dot.add_edge(_edge(pydot, edge, shown, loose=_across_rows(edge, boxes)))
    return dot
