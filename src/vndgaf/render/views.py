"""The views: each turns the graph into a draft (elements shown, links, marks).

``tiers``, ``province:CODE``, ``agency:ID``, ``entity:ID`` and ``impact:ID`` are drafts folded by
:mod:`vndgaf.render.scene`; ``country`` and ``hub:ID`` are the country map
(:mod:`vndgaf.render.country`); ``overview`` is one or the other (see :func:`vndgaf.render.render`).
An unknown view or id raises :class:`ValueError` with the valid choices.
"""

import itertools
import operator
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet

from vndgaf.diagnostics import Severity
from vndgaf.graph import ArchGraph, cut_off_by
from vndgaf.model import Agency, Database, DataFlow, InformationSystem
from vndgaf.reference.wellknown import HUBS, NDXP
from vndgaf.render.aggregate import MAX_PROVINCES_BESIDE, communes_beyond, elsewhere
from vndgaf.render.placement import display_name, drawn_kind, province_name
from vndgaf.render.scene import Draft, Link, line
from vndgaf.render.theme import text

__all__ = ["VIEW_KINDS", "draft_for", "parse_view"]

VIEW_KINDS = ("overview", "country", "tiers", "province", "agency", "entity", "impact", "hub")
_SYNTAX = "overview, country, tiers, province:CODE, agency:ID, entity:ID, impact:ID or hub:ID"
_BARE = ("overview", "country", "tiers")
_SHOWN_CHOICES = 25


def parse_view(view: str) -> tuple[str, str]:
    """Split ``kind:argument`` (the argument may itself contain ``:``)."""
    kind, sep, argument = view.strip().partition(":")
    if kind not in VIEW_KINDS:
        raise ValueError(f"unknown view {view!r}; valid views: {_SYNTAX}")
    if kind in _BARE:
        if sep:
            raise ValueError(f"the {kind} view takes no argument (use --view {kind})")
        return kind, ""
    if not argument:
        raise ValueError(f"view {kind} needs an argument: {kind}:{kind.upper()[0]}… ({_SYNTAX})")
    return kind, argument.strip()


def _choices(values: Iterable[str]) -> str:
    items = sorted(set(values))
    shown = ", ".join(items[:_SHOWN_CHOICES])
    more = len(items) - _SHOWN_CHOICES
    return shown + (f" … and {more} more" if more > 0 else "") if items else "(none)"


def _touches(flow: DataFlow, ids: AbstractSet[str]) -> bool:
    """True when the flow starts, ends or passes at one of ``ids``."""
    return flow.source in ids or flow.target in ids or not ids.isdisjoint(flow.via)


_Route = tuple[str, tuple[str, ...], str, str]  # source, via, target, style
_via = operator.attrgetter("via")


def _flow_links(
    graph: ArchGraph,
    flows: Sequence[DataFlow],
    style_of: Mapping[str, str] | None = None,
    *,
    named: bool = False,
) -> tuple[list[Link], set[str]]:
    """The links of the hops of ``flows`` between known elements, one per (tail, head, style)
    with the flows it stands for; and the known elements the flows pass. With ``named``, each
    flow's name labels its first hop (views that count flows never show the names).

    Flows are grouped by route first, and hops worked out once per route: a national model has
    100,000 flows, about 30,000 routes and fewer than 8,000 distinct hops.
    """
    routes: dict[_Route, list[str]] = {}
    names: dict[_Route, set[str]] = defaultdict(set)
    styles = style_of or {}
    for flow in flows:
        style = styles.get(flow.id, "flow") if styles else "flow"
        route = (flow.source, flow.via, flow.target, style)
        same = routes.get(route)
        if same is None:
            routes[route] = [flow.id]
        else:
            same.append(flow.id)
        if named:
            names[route].add(flow.name or flow.id)
    return _hop_links(graph, routes, names)


def _hop_links(
    graph: ArchGraph, routes: Mapping[_Route, Sequence[str]], names: Mapping[_Route, set[str]]
) -> tuple[list[Link], set[str]]:
    """One link per (tail, head, style) over the known hops of ``routes`` (route -> flow ids),
    labelled on a route's first hop with its ``names``; and the known elements passed."""
    kinds = graph.kinds
    shown: set[str] = set()
    subjects: dict[tuple[str, str, str], list[str]] = {}
    labels: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for route, ids in routes.items():
        source, via, target, style = route
        kept = [h for h in (source, *via, target) if kinds.get(h) is not None]
        shown.update(kept)
        for index, (a, b) in enumerate(itertools.pairwise(kept)):
            key = (a, b, style)
            same = subjects.get(key)
            if same is None:
                subjects[key] = list(ids)
            else:
                same.extend(ids)
            if index == 0 and route in names:
                labels[key] |= names[route]
    links = [
        Link(a, b, style, frozenset(labels.get((a, b, style), ())), tuple(ids), len(ids))
        for (a, b, style), ids in subjects.items()
    ]
    return links, shown


def _all_flow_links(graph: ArchGraph) -> tuple[list[Link], set[str]]:
    """:func:`_flow_links` of every active flow, from the routes the graph already grouped."""
    routes = {
        (route[0], route[1:-1], route[-1], "flow"): [flow.id for flow in flows]
        for route, flows in graph.routes.items()
    }
    return _hop_links(graph, routes, {})


def _with_owners(graph: ArchGraph, members: set[str]) -> frozenset[str]:
    """``members`` plus the agency owning each system, database or service among them."""
    out = set(members)
    for member in members:
        if member in HUBS or drawn_kind(graph, member) in ("agency", "entity", "other"):
            continue
        owner = graph.owner(member)
        if owner is not None:
            out.add(owner.id)
    return frozenset(out)


def _titled(graph: ArchGraph, lang: str, heading: str) -> str:
    submission = graph.architecture.submission
    if submission is not None and submission.title:
        return f"{heading} — {submission.title}"
    return heading


def tiers(graph: ArchGraph, lang: str, expand: bool) -> Draft:
    """Tiers top to bottom, hubs apart, communes of a province collapsed unless ``expand``."""
    arch = graph.architecture
    links, shown = _all_flow_links(graph)
    members = {a.id for a in arch.agencies} | {s.id for s in graph.own_systems}
    members |= {h for h in HUBS if graph.kind(h) is not None}
    members |= shown
    return Draft(
        title=_titled(graph, lang, text("title:overview", lang)),
        members=_with_owners(graph, members),
        links=tuple(links),
        start_level=0 if expand else 1,
    )


def _province_code(graph: ArchGraph, argument: str) -> str:
    code = argument.rpartition("/")[2] if argument.startswith("vn:province/") else argument
    present = {
        p for p in (graph.province_of(a.id) for a in graph.architecture.agencies) if p is not None
    }
    if code not in present:
        listed = _choices(f"{p} ({province_name(graph, p, 'vi')})" for p in present)
        raise ValueError(
            f"no element of this submission is in province {argument!r}; "
            f"provinces in the submission: {listed}"
        )
    return code


def province(
    graph: ArchGraph, argument: str, lang: str, severities: Mapping[str, Severity]
) -> Draft:
    """One province: its agencies and systems, its first communes (those with findings first,
    the others counted in one box), what its flows reach (other provinces and ministries folded
    when there are many)."""
    code = _province_code(graph, argument)
    arch = graph.architecture
    ids = [a.id for a in arch.agencies] + [s.id for s in graph.own_systems]
    inside = {i for i in ids if graph.province_of(i) == code}
    flows = [f for f in graph.active_flows if _touches(f, inside)]
    links, shown = _flow_links(graph, flows)
    members = _with_owners(graph, inside | shown)

    def home(element_id: str) -> bool:
        return graph.province_of(element_id) == code

    groups = elsewhere(graph, members, home, lang, severities, provinces=MAX_PROVINCES_BESIDE)
    groups |= communes_beyond(graph, members, code, lang, severities)
    name = province_name(graph, code, lang)
    return Draft(
        title=text("title:province", lang, name=f"{name} ({code})"),
        members=members,
        links=tuple(links),
        groups=groups,
    )


def _systems(graph: ArchGraph) -> list[InformationSystem]:
    """Every system, platform and database of the submission and the catalogue, by id."""
    return [e for _, e in sorted(graph.elements.items()) if isinstance(e, InformationSystem)]


def agency(graph: ArchGraph, argument: str, lang: str, severities: Mapping[str, Severity]) -> Draft:
    """One agency: what it owns or operates, the flows in and out with their other ends
    (folded by province and ministry when there are many)."""
    found = graph.agency(argument)
    if found is None:
        owners = {s.owner for s in graph.own_systems if s.owner and graph.agency(s.owner)}
        own = {a.id for a in graph.architecture.agencies if graph.agency(a.id) is not None}
        valid = own | owners
        raise ValueError(f"unknown agency {argument!r}; agencies: {_choices(valid)}")
    systems = {s.id for s in _systems(graph) if argument in (s.owner, s.operator)}
    flows = [f for f in graph.active_flows if _touches(f, systems)]
    links, shown = _flow_links(graph, flows, named=True)
    members = {argument} | systems | shown
    if found.parent and graph.kind(found.parent) is not None:
        members.add(found.parent)
        links.append(line(argument, found.parent, "relation", text("part-of", lang)))
    for system in _systems(graph):
        if argument in system.tenants and system.owner != argument:
            members.add(system.id)
            links.append(line(argument, system.id, "relation", text("uses", lang)))
        if system.operator == argument and system.owner != argument:
            links.append(line(argument, system.id, "relation", text("operates", lang)))
    for service in graph.architecture.services:
        if service.owner != argument:
            continue
        members.add(service.id)
        if service.handled_by and graph.kind(service.handled_by) is not None:
            members.add(service.handled_by)
            links.append(line(service.handled_by, service.id, "relation", text("handles", lang)))
    owned = _with_owners(graph, members)
    own = {argument, *systems} | {s.id for s in graph.architecture.services if s.owner == argument}
    return Draft(
        title=text("title:agency", lang, name=f"{display_name(found, lang)} ({argument})"),
        members=owned,
        links=tuple(links),
        marks={argument: "focus"},
        edge_labels="names",
        groups=elsewhere(graph, owned, own.__contains__, lang, severities),
    )


def entity(graph: ArchGraph, argument: str, lang: str, severities: Mapping[str, Severity]) -> Draft:
    """Lineage of an entity: authoritative databases, flows through platforms, consumers
    (folded by province and ministry when there are many)."""
    found = graph.entity(argument)
    if found is None:
        valid = {i for i in graph.elements if graph.entity(i) is not None}
        raise ValueError(f"unknown data entity {argument!r}; entities: {_choices(valid)}")
    authoritative = set(graph.authoritative_dbs(argument))
    copies = {
        d.id
        for d in _systems(graph)
        if isinstance(d, Database) and argument in d.copies and d.id not in authoritative
    }
    flows = [f for f in graph.active_flows if argument in f.entities]
    styles = {f.id: "copy" for f in flows if f.target in copies}
    links, shown = _flow_links(graph, flows, styles, named=True)
    members = {argument} | authoritative | copies | shown
    links += [
        line(argument, db, "lineage", text("authoritative-edge", lang))
        for db in sorted(authoritative)
    ]
    fed = {f.target for f in flows}
    links += [
        line(argument, db, "copy", text("copy-undeclared", lang)) for db in sorted(copies - fed)
    ]
    details: dict[str, tuple[str, ...]] = {}
    for service in graph.architecture.services:
        inputs = [i for i in service.required_inputs if i.entity == argument]
        if not inputs:
            continue
        members.add(service.id)
        if any(i.obtained_from.value == "citizen" for i in inputs):
            details[service.id] = (text("asks-citizen", lang),)
        if service.handled_by and graph.kind(service.handled_by) is not None:
            members.add(service.handled_by)
            links.append(line(service.handled_by, service.id, "relation", text("handles", lang)))
    marks = dict.fromkeys(copies, "copy") | dict.fromkeys(authoritative, "authoritative")
    owned = _with_owners(graph, members)
    own = {argument, *authoritative}
    return Draft(
        title=text("title:entity", lang, name=f"{display_name(found, lang)} ({argument})"),
        members=owned,
        links=tuple(links),
        marks=marks,
        details=details,
        edge_labels="names",
        groups=elsewhere(graph, owned, own.__contains__, lang, severities),
    )


def impact(graph: ArchGraph, argument: str, lang: str) -> Draft:
    """What loses its connection to NDXP when one platform fails."""
    found = graph.platform(argument)
    if found is None or argument == NDXP:
        own = {p.id for p in graph.architecture.platforms if graph.platform(p.id) is not None}
        valid = own | (set(HUBS) - {NDXP})
        reason = "NDXP is the reference point" if argument == NDXP else "unknown platform"
        raise ValueError(f"{reason} {argument!r}; platforms: {_choices(valid)}")
    exchange = graph.agency_exchange
    lost = {str(n) for n in cut_off_by(exchange, NDXP, argument) if graph.kind(str(n))}
    members = {argument, NDXP} | lost
    links: list[Link] = []
    for node in sorted(members):
        if node not in exchange:
            continue
        for other in sorted(map(str, exchange.neighbors(node))):
            if other in members and node < other:
                links.append(line(node, other, "link"))
    if argument in exchange and not exchange.has_edge(argument, NDXP):
        links.append(line(argument, NDXP, "reach", text("via-more", lang)))
    agencies = sum(1 for n in lost if isinstance(graph.element(n), Agency))
    title = text(
        "title:impact",
        lang,
        name=f"{display_name(found, lang)} ({argument})",
        agencies=agencies,
        systems=len(lost) - agencies,
    )
    marks = dict.fromkeys(lost, "lost") | {argument: "failed"}
    return Draft(title=title, members=frozenset(members), links=tuple(links), marks=marks)


def _qualified(graph: ArchGraph, argument: str) -> str:
    """The element ``argument`` names: itself, or, when several submissions are drawn, the one
    element whose qualified id ends with ``::argument`` (an id as its submission writes it)."""
    if graph.kind(argument) is not None or "::" in argument:
        return argument
    suffix = "::" + argument
    matches = [ident for ident in graph.elements if ident.endswith(suffix)]
    if len(matches) > 1:
        raise ValueError(
            f"{argument!r} is an id in several submissions; name one: {_choices(set(matches))}"
        )
    return matches[0] if matches else argument


def draft_for(
    graph: ArchGraph,
    view: str,
    *,
    lang: str,
    expand: bool,
    severities: Mapping[str, Severity] | None = None,
) -> Draft:
    """The draft of ``view`` (``tiers``, ``province:CODE`` …) on ``graph``; the country map
    views (``country``, ``hub:ID``) have no draft; ``overview`` here is the tiers view."""
    kind, argument = parse_view(view)
    if kind in ("country", "hub"):
        raise ValueError(f"the {kind} view is a map, not a draft")
    if kind in ("overview", "tiers"):
        return tiers(graph, lang, expand)
    worst = severities or {}
    if kind == "province":
        return province(graph, argument, lang, worst)
    argument = _qualified(graph, argument)
    if kind == "agency":
        return agency(graph, argument, lang, worst)
    if kind == "entity":
        return entity(graph, argument, lang, worst)
    return impact(graph, argument, lang)
