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

import functools
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence

import attrs

from vndgaf.graph import ArchGraph
from vndgaf.reference import catalogue
from vndgaf.reference.wellknown import HUBS
from vndgaf.render.placement import (
    MAP_HUBS,
    ClusterRef,
    display_name,
    drawn_kind,
    place,
    province_name,
    province_ref,
    tier_of,
    tier_ref,
)
from vndgaf.render.theme import KIND_ORDER, MARK_ORDER, TIER_ORDER, counted, text
from vndgaf.textsafe import id_token, printable

__all__ = [
    "LEVELS",
    "NODE_LIMIT",
    "Draft",
    "Group",
    "Link",
    "Scene",
    "SceneEdge",
    "SceneNode",
    "build",
    "line",
]

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
    """Lines a view wants between two elements, in one style, already merged: ``labels`` are
    their texts, ``subjects`` what they stand for (flows; a flow may repeat when it takes the
    same hop twice), ``count`` how many lines they are.

    A view gives one link per (tail, head, style), not one per flow: a national model has
    100,000 flows but only a few thousand distinct hops.
    """

    tail: str
    head: str
    style: str = "flow"
    labels: frozenset[str] = frozenset()
    subjects: tuple[str, ...] = ()
    count: int = 1


def line(tail: str, head: str, style: str, label: str = "") -> Link:
    """One line that is not a flow (a relation, a lineage …), with an optional label."""
    return Link(tail, head, style, frozenset((label,)) if label else frozenset())


@attrs.frozen
class Group:
    """A node a view folds chosen elements into, whatever the level: the other ends of a
    province's flows by province or ministry, the communes beyond the first few, "N more"."""

    key: str
    title: str
    path: tuple[ClusterRef, ...]
    link: str | None = None
    extra: tuple[str, ...] = ()
    kind: str = "group"
    #: The element the node is (an agency standing for what it owns), None for a summary.
    anchor: str | None = None


@attrs.frozen
class Draft:
    """What a view shows, before folding. ``groups`` folds chosen elements into given nodes
    at every level (the view's own aggregation, before the levels')."""

    title: str
    members: frozenset[str]
    links: tuple[Link, ...] = ()
    marks: Mapping[str, str] = attrs.field(factory=dict)
    details: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    edge_labels: str = "count"  # "count": flows counted; "names": flow names when few
    start_level: int = 0
    notes: tuple[str, ...] = ()
    groups: Mapping[str, Group] = attrs.field(factory=dict)


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
    #: The id the node stands for ("" for a folded group): shown in its tooltip, not its label.
    ident: str = ""
    #: The view a click on the node opens (``agency:ID``, ``hub:ID``, ``province:CODE``).
    link: str | None = None


@attrs.frozen
class SceneEdge:
    """One drawn edge (tail and head are node keys), already merged."""

    tail: str
    head: str
    style: str
    label: str
    subjects: frozenset[str]
    back: bool = False
    #: The label is a number of flows (placed beside the line, so it never widens the layout),
    #: not names.
    counted: bool = False


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
    link: str | None = None


class _Folder:
    """Where each element folds, for one build: every level asks again about the same elements,
    and many elements fold into the same node, so answers are kept per element and per node."""

    def __init__(self, graph: ArchGraph, lang: str) -> None:
        self.graph = graph
        self.lang = lang
        self._groups: dict[tuple[str, str | None], _Target] = {}
        #: The element's drawn kind (see :func:`drawn_kind`) and tier (see :func:`tier_of`).
        self.kind: Callable[[str], str] = functools.cache(functools.partial(drawn_kind, graph))
        self.tier: Callable[[str], str] = functools.cache(functools.partial(tier_of, graph))
        #: The node fold ``name`` puts an element in (None when the fold does not apply), and
        #: the element's own node.
        self.fold: Callable[[str, str], _Target | None] = functools.cache(self._fold)
        self.own: Callable[[str], _Target] = functools.cache(self._own)

    def _own(self, element_id: str) -> _Target:
        graph, lang = self.graph, self.lang
        element = graph.element(element_id)
        return _Target(
            "n_" + id_token(element_id),
            self.kind(element_id),
            display_name(element, lang) if element is not None else printable(element_id),
            place(graph, element_id, lang),
            anchor=element_id,
            link=_link_of(graph, element_id),
        )

    def _fold(self, name: str, element_id: str) -> _Target | None:
        if name == "agency":
            return self._fold_agency(element_id)
        if name == "communes":
            return self._fold_communes(element_id)
        if name in ("province", "province-all"):
            return self._fold_province(element_id, include_platforms=name == "province-all")
        return self._fold_tier(element_id)

    def group(self, group: Group) -> _Target:
        """The node of a view's own group."""
        return self._group(
            "view",
            group.key,
            lambda: _Target(
                group.key,
                group.kind,
                group.title,
                group.path,
                anchor=group.anchor,
                extra=group.extra,
                link=group.link,
            ),
        )

    def _group(self, kind: str, key: str | None, make: Callable[[], _Target]) -> _Target:
        found = self._groups.get((kind, key))
        if found is None:
            found = self._groups[(kind, key)] = make()
        return found

    def _fold_agency(self, element_id: str) -> _Target | None:
        if self.kind(element_id) not in ("system", "platform", "database", "service"):
            return None
        owner = self.graph.owner(element_id)
        if owner is None:
            return None
        graph, lang = self.graph, self.lang
        return self._group(
            "agency",
            owner.id,
            lambda: _Target(
                "n_" + id_token(owner.id),
                "agency",
                display_name(owner, lang),
                place(graph, owner.id, lang),
                anchor=owner.id,
                link=f"agency:{owner.id}",
            ),
        )

    def _fold_communes(self, element_id: str) -> _Target | None:
        if self.tier(element_id) != "commune" or element_id in HUBS:
            return None
        code = self.graph.province_of(element_id)
        graph, lang = self.graph, self.lang

        def make() -> _Target:
            units = len(catalogue(graph.as_of).communes_of(code)) if code else 0
            return _Target(
                "g_communes_" + id_token(code or "unknown"),
                "group",
                text("communes-of", lang, name=province_name(graph, code, lang)),
                (tier_ref("commune", lang),),
                extra=(text("commune-units", lang, n=units),) if units else (),
                link=f"province:{code}" if code else None,
            )

        return self._group("communes", code, make)

    def _fold_province(self, element_id: str, *, include_platforms: bool) -> _Target | None:
        if self.tier(element_id) not in ("provincial", "district", "commune"):
            return None
        if element_id in HUBS:
            return None
        if not include_platforms and self.kind(element_id) == "integration":
            return None
        code = self.graph.province_of(element_id)
        graph, lang = self.graph, self.lang

        def make() -> _Target:
            path: tuple[ClusterRef, ...] = (tier_ref("provincial", lang),)
            if not include_platforms:  # the province's box holds its node and its platforms
                path = (*path, province_ref(graph, "provincial", code, lang))
            return _Target(
                "g_province_" + id_token(code or "unknown"),
                "group",
                province_name(graph, code, lang),
                path,
                link=f"province:{code}" if code else None,
            )

        return self._group("province-all" if include_platforms else "province", code, make)

    def _fold_tier(self, element_id: str) -> _Target | None:
        tier = self.tier(element_id)
        if element_id in HUBS or tier == "data":
            return None
        lang = self.lang
        return self._group(
            "tier",
            tier,
            lambda: _Target(f"g_tier_{tier}", "group", text(f"tier:{tier}", lang), ()),
        )


def _link_of(graph: ArchGraph, element_id: str) -> str | None:
    """The view a click on an element's own node opens: a hub's map, an agency's view."""
    if element_id in MAP_HUBS:
        return f"hub:{element_id}"
    if graph.agency(element_id) is not None:
        return f"agency:{element_id}"
    return None


def _counts(folder: _Folder, members: Sequence[str], lang: str) -> str:
    tally: dict[str, int] = defaultdict(int)
    for member in members:
        category = _COUNTED.get(folder.kind(member))
        if category is not None:
            tally[category] += 1
    parts = [
        counted(f"count:{c}", tally[c], lang)
        for c in ("agency", "system", "database", "service")
        if tally[c]
    ]
    return " · ".join(parts)


def _assign(
    folder: _Folder, draft: Draft, members: Sequence[str], folds: tuple[str, ...]
) -> dict[str, _Target]:
    chosen = [name for name in _COARSE_FIRST if name in folds]
    assigned: dict[str, _Target] = {}
    for element_id in members:
        target = None
        group = draft.groups.get(element_id)
        if group is not None:
            assigned[element_id] = folder.group(group)
            continue
        if draft.marks.get(element_id) not in _PINNED_MARKS:
            for name in chosen:
                target = folder.fold(name, element_id)
                if target is not None:
                    break
        assigned[element_id] = target or folder.own(element_id)
    return assigned


def _nodes(
    folder: _Folder, draft: Draft, assigned: Mapping[str, _Target], lang: str
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
            details.extend(draft.details.get(target.anchor, ()))
        details.extend(target.extra)
        if folded:
            details.append(_counts(folder, folded, lang))
        subjects = frozenset(members) | ({target.anchor} if target.anchor else set())
        mark = draft.marks.get(target.anchor) if target.anchor and not folded else None
        rank_tier = (
            folder.tier(target.anchor)
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
                ident=target.anchor or "",
                link=target.link,
            )
        )
    return nodes


def _edges(
    draft: Draft, assigned: Mapping[str, _Target], ranks: Mapping[str, int], lang: str
) -> list[SceneEdge]:
    """Links between elements folded into the same two nodes become one edge, counting the
    distinct flows they stand for (or the lines, for links that are not flows)."""
    node_of = {element_id: target.key for element_id, target in assigned.items()}
    merged: dict[tuple[str, str, str], list[Link]] = defaultdict(list)
    for link in draft.links:
        tail, head = node_of.get(link.tail), node_of.get(link.head)
        if tail is None or head is None or tail == head:
            continue
        merged[(tail, head, link.style)].append(link)
    edges: list[SceneEdge] = []
    for (tail, head, style), links in merged.items():
        subjects = frozenset(links[0].subjects).union(*(link.subjects for link in links[1:]))
        count = sum(link.count for link in links)
        number = len(subjects) or count
        counted = style == "flow" and (draft.edge_labels == "count" or number > 3)
        if counted:
            label = text("flows", lang, n=number) if number > 1 else ""
        else:
            label = "\n".join(sorted(set().union(*(link.labels for link in links))))
        back = ranks[tail] > ranks[head]
        if back:
            tail, head = head, tail
        edges.append(SceneEdge(tail, head, style, label, subjects, back, counted))
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
    """Fold ``draft`` at the first level from its start whose scene fits in ``limit`` nodes.

    Levels that do not fit only count their nodes: edges are merged once, for the level used.
    """
    folder = _Folder(graph, lang)
    members = sorted(draft.members)
    first = LEVELS[draft.start_level][0]
    chosen: tuple[str, dict[str, _Target], list[SceneNode], tuple[str, ...]] | None = None
    for name, folds in LEVELS[draft.start_level :]:
        assigned = _assign(folder, draft, members, folds)
        nodes = _nodes(folder, draft, assigned, lang)
        legend = _legend(nodes, highlight)
        chosen = (name, assigned, nodes, legend)
        if len(nodes) + len(legend) <= limit:
            break
    assert chosen is not None  # LEVELS is never empty
    level_name, assigned, nodes, legend = chosen
    notes = draft.notes
    if level_name != first:
        how = text(f"fold:{level_name}", lang)
        notes = (*notes, text("folded", lang, how=how, limit=limit))
    ranks = {n.key: n.rank for n in nodes}
    return Scene(
        title=draft.title,
        notes=notes,
        nodes=tuple(nodes),
        edges=tuple(_edges(draft, assigned, ranks, lang)),
        legend=legend,
        level=level_name,
    )
