"""From a view's draft to a scene: fold elements into nodes until the diagram fits, then
aggregate edges between the folded nodes.

A draft names the elements a view shows and the links between them. Folding maps each element
to the node that stands for it; the levels go from full detail to one node per tier, and the
first level (at or above the view's starting level) whose scene has at most ``limit`` nodes,
legend included, is used:

====================  =======================================================================
level                 what is folded
====================  =======================================================================
``detail``            nothing (communes drawn one by one)
``communes``          commune-level agencies and systems: one node per province, with counts
``agency``            systems, databases and services: into their owning agency's node
                      (integration platforms and national hubs stay)
``province``          everything below the central tier: one node per province (integration
                      platforms stay)
``province-all``      the same, integration platforms included
``tier``              everything but the national hubs: one node per tier
====================  =======================================================================

Links whose two ends fold into the same node disappear; links between the same two nodes are
merged into one edge that carries the number of flows it stands for.
"""

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence

import attrs

from vndgaf.graph import ArchGraph
from vndgaf.graph.wellknown import HUBS
from vndgaf.reference import catalogue
from vndgaf.render._text import node_token
from vndgaf.render.placement import (
    ClusterRef,
    display_name,
    drawn_kind,
    place,
    province_name,
    province_ref,
    tier_of,
    tier_ref,
)
from vndgaf.render.theme import KIND_ORDER, MARK_ORDER, TIER_ORDER, text

__all__ = ["LEVELS", "NODE_LIMIT", "Draft", "Link", "Scene", "SceneEdge", "SceneNode", "build"]

#: The most nodes (legend included) any view draws.
NODE_LIMIT = 300

#: Folding levels, finest first, with the folds each one applies.
LEVELS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("detail", ()),
    ("communes", ("communes",)),
    ("agency", ("communes", "agency")),
    ("province", ("province", "communes", "agency")),
    ("province-all", ("province-all", "communes", "agency")),
    ("tier", ("tier", "province-all", "communes", "agency")),
)
#: Folds from coarsest to finest: the first that applies to an element wins.
_COARSE_FIRST = ("tier", "province-all", "province", "communes", "agency")
_COUNTED = {
    "agency": "agency",
    "system": "system",
    "platform": "system",
    "integration": "system",
    "database": "database",
    "service": "service",
}
_PINNED_MARKS = frozenset({"failed", "focus"})


@attrs.frozen
class Link:
    """A line a view wants between two elements; ``subjects`` are what it stands for (flows)."""

    tail: str
    head: str
    style: str = "flow"
    label: str = ""
    subjects: tuple[str, ...] = ()


@attrs.frozen
class Draft:
    """What a view shows, before folding."""

    title: str
    members: frozenset[str]
    links: tuple[Link, ...] = ()
    marks: Mapping[str, str] = attrs.field(factory=dict)
    details: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    edge_labels: str = "count"  # "count": flows counted; "names": flow names when few
    start_level: int = 0
    notes: tuple[str, ...] = ()


@attrs.frozen
class SceneNode:
    """One drawn node."""

    key: str
    kind: str
    title: str
    details: tuple[str, ...]
    path: tuple[ClusterRef, ...]
    subjects: frozenset[str]
    mark: str | None
    rank: int


@attrs.frozen
class SceneEdge:
    """One drawn edge (tail and head are node keys), already merged."""

    tail: str
    head: str
    style: str
    label: str
    subjects: frozenset[str]
    back: bool = False


@attrs.frozen
class Scene:
    """A view ready to emit: nodes and edges sorted, legend entries, the level used."""

    title: str
    notes: tuple[str, ...]
    nodes: tuple[SceneNode, ...]
    edges: tuple[SceneEdge, ...]
    legend: tuple[str, ...]
    level: str


@attrs.frozen
class _Target:
    key: str
    kind: str
    title: str
    path: tuple[ClusterRef, ...]
    anchor: str | None = None
    extra: tuple[str, ...] = ()


_Fold = Callable[[ArchGraph, str, str], _Target | None]


def _fold_agency(graph: ArchGraph, element_id: str, lang: str) -> _Target | None:
    kind = drawn_kind(graph, element_id)
    if kind not in ("system", "platform", "database", "service"):
        return None
    owner = graph.owner(element_id)
    if owner is None:
        return None
    return _Target(
        node_token("n", owner.id),
        "agency",
        display_name(owner, lang),
        place(graph, owner.id, lang),
        anchor=owner.id,
    )


def _fold_communes(graph: ArchGraph, element_id: str, lang: str) -> _Target | None:
    if tier_of(graph, element_id) != "commune" or element_id in HUBS:
        return None
    code = graph.province_of(element_id)
    units = len(catalogue().communes_of(code)) if code else 0
    return _Target(
        node_token("g_communes", code or "unknown"),
        "group",
        text("communes-of", lang, name=province_name(graph, code, lang)),
        (tier_ref("commune", lang),),
        extra=(text("commune-units", lang, n=units),) if units else (),
    )


def _fold_province(include_platforms: bool) -> _Fold:
    def fold(graph: ArchGraph, element_id: str, lang: str) -> _Target | None:
        if tier_of(graph, element_id) not in ("provincial", "district", "commune"):
            return None
        if element_id in HUBS:
            return None
        if not include_platforms and drawn_kind(graph, element_id) == "integration":
            return None
        code = graph.province_of(element_id)
        path: tuple[ClusterRef, ...] = (tier_ref("provincial", lang),)
        if not include_platforms:  # the province's box holds its node and its platforms
            path = (*path, province_ref(graph, "provincial", code, lang))
        return _Target(
            node_token("g_province", code or "unknown"),
            "group",
            province_name(graph, code, lang),
            path,
        )

    return fold


def _fold_tier(graph: ArchGraph, element_id: str, lang: str) -> _Target | None:
    tier = tier_of(graph, element_id)
    if element_id in HUBS or tier == "data":
        return None
    return _Target(f"g_tier_{tier}", "group", text(f"tier:{tier}", lang), ())


_FOLDS: dict[str, _Fold] = {
    "tier": _fold_tier,
    "province-all": _fold_province(True),
    "province": _fold_province(False),
    "communes": _fold_communes,
    "agency": _fold_agency,
}


def _own_target(graph: ArchGraph, element_id: str, lang: str) -> _Target:
    element = graph.element(element_id)
    return _Target(
        node_token("n", element_id),
        drawn_kind(graph, element_id),
        display_name(element, lang) if element is not None else element_id,
        place(graph, element_id, lang),
        anchor=element_id,
    )


def _counts(graph: ArchGraph, members: Sequence[str], lang: str) -> str:
    tally: dict[str, int] = defaultdict(int)
    for member in members:
        category = _COUNTED.get(drawn_kind(graph, member))
        if category is not None:
            tally[category] += 1
    parts = [
        text(f"count:{c}", lang, n=tally[c])
        for c in ("agency", "system", "database", "service")
        if tally[c]
    ]
    return " · ".join(parts)


def _assign(
    graph: ArchGraph, draft: Draft, folds: tuple[str, ...], lang: str
) -> dict[str, _Target]:
    chosen = [name for name in _COARSE_FIRST if name in folds]
    assigned: dict[str, _Target] = {}
    for element_id in sorted(draft.members):
        target = None
        if draft.marks.get(element_id) not in _PINNED_MARKS:
            for name in chosen:
                target = _FOLDS[name](graph, element_id, lang)
                if target is not None:
                    break
        assigned[element_id] = target or _own_target(graph, element_id, lang)
    return assigned


def _nodes(
    graph: ArchGraph, draft: Draft, assigned: Mapping[str, _Target], lang: str
) -> list[SceneNode]:
    grouped: dict[str, list[str]] = defaultdict(list)
    targets: dict[str, _Target] = {}
    for element_id, target in assigned.items():
        grouped[target.key].append(element_id)
        targets.setdefault(target.key, target)
    nodes: list[SceneNode] = []
    for key in sorted(grouped):
        target = targets[key]
        members = sorted(grouped[key])
        folded = [m for m in members if m != target.anchor]
        details: list[str] = []
        if target.anchor is not None:
            details.append(target.anchor)
            details.extend(draft.details.get(target.anchor, ()))
        details.extend(target.extra)
        if folded:
            details.append(_counts(graph, folded, lang))
        subjects = frozenset(members) | ({target.anchor} if target.anchor else set())
        mark = draft.marks.get(target.anchor) if target.anchor and not folded else None
        rank_tier = (
            tier_of(graph, target.anchor)
            if target.anchor
            else (target.path[0].key.partition(":")[2] if target.path else "other")
        )
        nodes.append(
            SceneNode(
                key=key,
                kind=target.kind,
                title=target.title,
                details=tuple(d for d in details if d),
                path=target.path,
                subjects=frozenset(subjects),
                mark=mark,
                rank=TIER_ORDER.get(rank_tier, TIER_ORDER["other"]),
            )
        )
    return nodes


def _edges(
    draft: Draft, assigned: Mapping[str, _Target], ranks: Mapping[str, int], lang: str
) -> list[SceneEdge]:
    merged: dict[tuple[str, str, str], tuple[set[str], list[str], int]] = {}
    for link in draft.links:
        if link.tail not in assigned or link.head not in assigned:
            continue
        tail, head = assigned[link.tail].key, assigned[link.head].key
        if tail == head:
            continue
        subjects, labels, count = merged.get((tail, head, link.style), (set(), [], 0))
        subjects.update(link.subjects)
        if link.label and link.label not in labels:
            labels.append(link.label)
        merged[(tail, head, link.style)] = (subjects, labels, count + 1)
    edges: list[SceneEdge] = []
    for (tail, head, style), (subjects, labels, count) in merged.items():
        number = len(subjects) or count
        if style == "flow" and (draft.edge_labels == "count" or number > 3):
            label = text("flows", lang, n=number) if number > 1 else ""
        else:
            label = "\n".join(sorted(labels))
        back = ranks[tail] > ranks[head]
        if back:
            tail, head = head, tail
        edges.append(SceneEdge(tail, head, style, label, frozenset(subjects), back))
    edges.sort(key=lambda e: (e.tail, e.head, e.style, e.back, e.label))
    return edges


def _legend(nodes: Sequence[SceneNode], highlight: bool) -> tuple[str, ...]:
    kinds = {n.kind for n in nodes}
    marks = {n.mark for n in nodes if n.mark}
    entries = [k for k in KIND_ORDER if k in kinds]
    entries += [f"mark:{m}" for m in MARK_ORDER if m in marks]
    if highlight:
        entries += ["severity:error", "severity:warning", "severity:note"]
    return tuple(entries)


def build(
    graph: ArchGraph, draft: Draft, *, highlight: bool, lang: str, limit: int = NODE_LIMIT
) -> Scene:
    """Fold ``draft`` at the first level from its start whose scene fits in ``limit`` nodes."""
    scene: Scene | None = None
    for level_name, folds in LEVELS[draft.start_level :]:
        assigned = _assign(graph, draft, folds, lang)
        nodes = _nodes(graph, draft, assigned, lang)
        ranks = {n.key: n.rank for n in nodes}
        legend = _legend(nodes, highlight)
        notes = draft.notes
        if level_name != LEVELS[draft.start_level][0]:
            how = text(f"fold:{level_name}", lang)
            notes = (*notes, text("folded", lang, how=how, limit=limit))
        scene = Scene(
            title=draft.title,
            notes=notes,
            nodes=tuple(nodes),
            edges=tuple(_edges(draft, assigned, ranks, lang)),
            legend=legend,
            level=level_name,
        )
        if len(nodes) + len(legend) <= limit:
            break
    assert scene is not None  # LEVELS is never empty
    return scene
