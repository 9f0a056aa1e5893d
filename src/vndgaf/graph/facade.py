"""A small typed facade over the architecture graph, so rules never read raw attribute dicts.

Everything here is derived from the immutable graph. Caches are explicit: each derived index is
a ``functools.cached_property``, computed on first use in linear time and kept with the graph;
the per-id answers of :meth:`ArchGraph.province_of`, :meth:`ArchGraph.top_agency` and
:meth:`ArchGraph.organisation_of`, asked once per flow end by the rules, are memoised in the
graph's :class:`Memos` (one object per graph, filled as questions are asked).
"""

import datetime as dt
import functools
import itertools
import operator
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

import attrs
import networkx as nx

from vndgaf.graph.edges import element_edges, multigraph
from vndgaf.graph.kinds import SYSTEM_KINDS, EdgeKind, NodeKind
from vndgaf.graph.queries import articulation_impact, component_index
from vndgaf.model import (
    AdministrativeUnit,
    Agency,
    Architecture,
    Database,
    DataEntity,
    DataFlow,
    InformationSystem,
    Investment,
    Level,
    NodeElement,
    Platform,
    PublicService,
    Status,
    Suppression,
)
from vndgaf.model.capabilities import NAMED, OWNED
from vndgaf.reference.wellknown import INTEGRATION_TEMPLATE, NDOP, NDXP

__all__ = ["ArchGraph", "Memos"]

_flow_id = operator.attrgetter("id")
_E = TypeVar("_E", bound=NodeElement | DataFlow)


def _in_id_order(elements: Iterable[_E]) -> tuple[_E, ...]:
    return tuple(sorted(elements, key=_flow_id))


@attrs.define
class Memos:
    """The graph's memo tables: element id -> answer, filled as questions are asked (see the
    module docstring). Only :class:`ArchGraph` writes them."""

    province: dict[str, str | None] = attrs.field(factory=dict)
    top_agency: dict[str, str] = attrs.field(factory=dict)
    organisation: dict[str, str | None] = attrs.field(factory=dict)


#: Edges by which an agency uses a system (it owns, operates or rents it).
_USES = frozenset({EdgeKind.OWNS, EdgeKind.OPERATES, EdgeKind.TENANT_OF})


@attrs.frozen(slots=False)
class ArchGraph:
    """The submission and the catalogue as one graph, with typed accessors and shared queries.

    The submissions' elements of each kind, in id order, are :attr:`units`, :attr:`agencies`,
    :attr:`systems`, :attr:`platforms`, :attr:`databases`, :attr:`entities`, :attr:`flows`,
    :attr:`services`, :attr:`investments` (and :attr:`own_systems`, :attr:`active_flows`);
    any element, the submission's or the catalogue's, is reached by id through :meth:`element`,
    :meth:`agency` and friends, named by :meth:`label`, and :meth:`is_catalogue` tells the two
    apart. :attr:`architecture` is the merged submission as loaded.
    """

    architecture: Architecture
    #: Every node: submission elements, catalogue elements and the catalogue communes referenced.
    elements: Mapping[str, NodeElement]
    kinds: Mapping[str, NodeKind]
    catalogue_ids: frozenset[str]
    as_of: dt.date
    #: Active flows grouped by route (source, via…, target), in input order. A national model
    #: has about a third as many routes as flows, so a rule whose verdict depends only on the
    #: route decides once per route.
    routes: Mapping[tuple[str, ...], tuple[DataFlow, ...]]
    #: Every distinct hop of the routes whose two ends are nodes (the VIA edges), in route order.
    hops: tuple[tuple[str, str], ...]
    #: The catalogue's links between national databases and the exchange hubs (CONNECTS edges).
    connections: tuple[tuple[str, str], ...]
    #: Elements of other submissions, declared under ``externals`` (``submitter::id``): nodes,
    #: but not elements of :attr:`architecture`.
    external_ids: frozenset[str] = frozenset()
    #: Memo tables of the per-id questions (see the module docstring).
    memos: Memos = attrs.field(factory=Memos, init=False, eq=False, repr=False)

    @functools.cached_property
    def graph(self) -> nx.MultiDiGraph:
        """The whole architecture as one networkx ``MultiDiGraph``, built on first use (see
        :mod:`vndgaf.graph.edges`): nodes carry ``kind`` and ``element``, edges ``kind``; each
        active flow is an edge keyed by its id, each hop a ``via`` edge keyed ``#via``."""
        retired = Status.RETIRED
        active = (f for f in self.architecture.flows if f.status is not retired)
        return multigraph(self.elements, self.kinds, active, self.hops, self.connections)

    @functools.cached_property
    def links(self) -> tuple[tuple[str, str], ...]:
        """The ends of every VIA and CONNECTS edge: the exchange graph's links, kept apart so
        that connectivity never reads the whole graph."""
        return (*self.hops, *self.connections)

    # -- elements ------------------------------------------------------------------------------

    def element(self, element_id: str) -> NodeElement | None:
        """The model object with this id (submission or catalogue), or None."""
        return self.elements.get(element_id)

    @functools.cached_property
    def _flows_by_id(self) -> Mapping[str, DataFlow]:
        return {flow.id: flow for flow in self.architecture.flows}

    def flow(self, flow_id: str) -> DataFlow | None:
        """The submission's flow with this id (retired or not), or None."""
        return self._flows_by_id.get(flow_id)

    def _name(self, element_id: str) -> str | None:
        found: NodeElement | DataFlow | None = self.elements.get(element_id)
        if found is None:
            found = self._flows_by_id.get(element_id)
        return found.name if isinstance(found, (*NAMED, DataFlow)) else None

    @functools.cached_property
    def _shared_names(self) -> frozenset[str]:
        """Names that two or more elements or flows bear (``Phường 1`` …)."""
        seen: set[str] = set()
        shared: set[str] = set()
        for element_id in itertools.chain(self.elements, self._flows_by_id):
            name = self._name(element_id)
            if name:
                (shared if name in seen else seen).add(name)
        return frozenset(shared)

    def label(self, element_id: str, *, with_id: bool = False) -> str:
        """How messages name an element, a flow or a catalogue id: its name (``'Nền tảng tích
        hợp, chia sẻ dữ liệu quốc gia (NDXP)'`` for ``vn:platform/ndxp``), followed by `` (ID)``
        when ``with_id`` or when another element bears the same name; the id alone when it
        names nothing or a flow without a name."""
        name = self._name(element_id)
        if not name or name == element_id:
            return element_id
        return f"{name} ({element_id})" if with_id or name in self._shared_names else name

    def labels(self, element_ids: Iterable[str]) -> str:
        """Several ids as a message lists them: each :meth:`label` quoted, comma-separated."""
        return ", ".join(f"'{self.label(element_id)}'" for element_id in element_ids)

    def suppressions(self, element_id: str) -> tuple[Suppression, ...]:
        """The suppressions an element or a flow declares (none for an unknown id)."""
        found: NodeElement | DataFlow | None = self.elements.get(element_id)
        if found is None:
            found = self._flows_by_id.get(element_id)
        return found.suppress if found is not None else ()

    def kind(self, element_id: str) -> NodeKind | None:
        """Node kind of an id, or None when unknown."""
        return self.kinds.get(element_id)

    def is_catalogue(self, element_id: str) -> bool:
        """True for elements of the built-in national catalogue."""
        return element_id in self.catalogue_ids

    def is_external(self, element_id: str) -> bool:
        """True for an element of another submission, known by its declaration under
        ``externals``."""
        return element_id in self.external_ids

    def agency(self, element_id: str | None) -> Agency | None:
        """The agency with this id, or None."""
        found = self.elements.get(element_id or "")
        return found if isinstance(found, Agency) else None

    def system(self, element_id: str | None) -> InformationSystem | None:
        """The system, platform or database with this id, or None."""
        found = self.elements.get(element_id or "")
        return found if isinstance(found, InformationSystem) else None

    def platform(self, element_id: str | None) -> Platform | None:
        """The platform with this id, or None."""
        found = self.elements.get(element_id or "")
        return found if isinstance(found, Platform) else None

    def database(self, element_id: str | None) -> Database | None:
        """The database with this id, or None."""
        found = self.elements.get(element_id or "")
        return found if isinstance(found, Database) else None

    def entity(self, element_id: str | None) -> DataEntity | None:
        """The data entity with this id, or None."""
        found = self.elements.get(element_id or "")
        return found if isinstance(found, DataEntity) else None

    def unit(self, element_id: str | None) -> AdministrativeUnit | None:
        """The administrative unit with this id, or None."""
        found = self.elements.get(element_id or "")
        return found if isinstance(found, AdministrativeUnit) else None

    # -- the submissions' elements, each kind in id order -------------------------------------

    @functools.cached_property
    def units(self) -> tuple[AdministrativeUnit, ...]:
        """The administrative units the submissions declare, in id order."""
        return _in_id_order(self.architecture.units)

    @functools.cached_property
    def agencies(self) -> tuple[Agency, ...]:
        """The agencies the submissions declare, in id order."""
        return _in_id_order(self.architecture.agencies)

    @functools.cached_property
    def systems(self) -> tuple[InformationSystem, ...]:
        """The information systems the submissions declare (not their platforms or databases),
        in id order."""
        return _in_id_order(self.architecture.systems)

    @functools.cached_property
    def platforms(self) -> tuple[Platform, ...]:
        """The platforms the submissions declare, in id order."""
        return _in_id_order(self.architecture.platforms)

    @functools.cached_property
    def databases(self) -> tuple[Database, ...]:
        """The databases the submissions declare, in id order."""
        return _in_id_order(self.architecture.databases)

    @functools.cached_property
    def entities(self) -> tuple[DataEntity, ...]:
        """The data entities the submissions declare, in id order."""
        return _in_id_order(self.architecture.entities)

    @functools.cached_property
    def flows(self) -> tuple[DataFlow, ...]:
        """The flows the submissions declare, retired ones included, in id order."""
        return _in_id_order(self.architecture.flows)

    @functools.cached_property
    def services(self) -> tuple[PublicService, ...]:
        """The public services the submissions declare, in id order."""
        return _in_id_order(self.architecture.services)

    @functools.cached_property
    def investments(self) -> tuple[Investment, ...]:
        """The investments the submissions declare, in id order."""
        return _in_id_order(self.architecture.investments)

    @functools.cached_property
    def own_systems(self) -> tuple[InformationSystem, ...]:
        """Systems, platforms and databases of the submission, sorted by id."""
        arch = self.architecture
        return _in_id_order((*arch.systems, *arch.platforms, *arch.databases))

    @functools.cached_property
    def catalogue_platforms(self) -> tuple[Platform, ...]:
        """The national platforms of the catalogue, sorted by id."""
        found = (self.platform(i) for i in self.catalogue_ids)
        return _in_id_order(p for p in found if p is not None)

    @functools.cached_property
    def merged_into(self) -> Mapping[str, Agency]:
        """Agency id -> the active agency (submission or catalogue) that lists it in
        ``successor_of``; the first in id order when several do."""
        successor: dict[str, Agency] = {}
        for agency_id in sorted(i for i, k in self.kinds.items() if k is NodeKind.AGENCY):
            agency = self.agency(agency_id)
            if agency is not None and agency.active:
                for old in agency.successor_of:
                    successor.setdefault(old, agency)
        return successor

    # -- ownership, tier and province ---------------------------------------------------------

    def owner(self, element_id: str) -> Agency | None:
        """The owning agency of a system, service or investment."""
        element = self.elements.get(element_id)
        return self.agency(element.owner) if isinstance(element, OWNED) else None

    def level_of(self, element_id: str) -> Level | None:
        """Tier of an agency, of a unit, or of the owner of anything else; None when not known
        (no owner, or an agency whose level is ``unknown``)."""
        element = self.elements.get(element_id)
        if isinstance(element, AdministrativeUnit):
            return element.kind.tier
        agency = element if isinstance(element, Agency) else self.owner(element_id)
        if agency is None or agency.level is Level.UNKNOWN:
            return None
        return agency.level

    def province_of(self, element_id: str) -> str | None:
        """Official code of the province an element belongs to (via unit, parent or owner)."""
        cache = self.memos.province
        if element_id in cache:
            return cache[element_id]
        seen: list[str] = []
        current: str | None = element_id
        result: str | None = None
        while current is not None and current not in seen:
            if current in cache:
                result = cache[current]
                break
            seen.append(current)
            element = self.elements.get(current)
            if isinstance(element, AdministrativeUnit):
                if element.kind.tier is Level.PROVINCIAL:
                    result = element.code or current.rsplit("/", 1)[-1]
                    break
                current = element.parent
            elif isinstance(element, Agency):
                if element.level is Level.CENTRAL:
                    break
                current = element.unit or element.parent
            else:
                current = element.owner if isinstance(element, OWNED) else None
        for visited in seen:
            cache[visited] = result
        return result

    def top_agency(self, agency_id: str) -> str:
        """The agency at the top of ``agency_id``'s parent chain (the ministry of a department)."""
        cache = self.memos.top_agency
        seen: list[str] = []
        current = agency_id
        while current not in cache and current not in seen:
            seen.append(current)
            agency = self.agency(current)
            if agency is None or agency.parent is None or self.agency(agency.parent) is None:
                break
            current = agency.parent
        top = cache.get(current, current)
        for visited in seen:
            cache[visited] = top
        return top

    def organisation_of(self, element_id: str) -> str | None:
        """The ministry or province an element belongs to: ``vn:province/CODE`` for provincial,
        district and commune elements, else the top agency of its (owner's) parent chain."""
        cache = self.memos.organisation  # rules ask once per flow end: memoised
        if element_id in cache:
            return cache[element_id]
        result: str | None = None
        if self.level_of(element_id) in (Level.PROVINCIAL, Level.DISTRICT, Level.COMMUNE):
            code = self.province_of(element_id)
            if code is not None:
                result = f"vn:province/{code}"
        if result is None:
            element = self.elements.get(element_id)
            agency = element if isinstance(element, Agency) else self.owner(element_id)
            result = self.top_agency(agency.id) if agency is not None else None
        cache[element_id] = result
        return result

    # -- flows and routes ---------------------------------------------------------------------

    @staticmethod
    def route(flow: DataFlow) -> tuple[str, ...]:
        """The hops of a flow: source, each ``via`` platform in order, target."""
        return (flow.source, *flow.via, flow.target)

    @functools.cached_property
    def active_flows(self) -> tuple[DataFlow, ...]:
        """Flows of the submission that are not retired, sorted by id (computed once)."""
        retired = Status.RETIRED
        active = [f for f in self.architecture.flows if f.status is not retired]
        active.sort(key=_flow_id)
        return tuple(active)

    @functools.cached_property
    def _flows_by_end(self) -> tuple[dict[str, list[DataFlow]], dict[str, list[DataFlow]]]:
        out: dict[str, list[DataFlow]] = defaultdict(list)
        into: dict[str, list[DataFlow]] = defaultdict(list)
        for route, flows in self.routes.items():  # a third as many routes as flows
            out[route[0]].extend(flows)
            into[route[-1]].extend(flows)
        return out, into

    def flows_from(self, element_id: str) -> tuple[DataFlow, ...]:
        """Active flows whose source is this system."""
        return tuple(self._flows_by_end[0].get(element_id, ()))

    def flows_to(self, element_id: str) -> tuple[DataFlow, ...]:
        """Active flows whose target is this system."""
        return tuple(self._flows_by_end[1].get(element_id, ()))

    @functools.cached_property
    def _hop_flows(self) -> dict[tuple[str, str], tuple[str, ...]]:
        hops: dict[tuple[str, str], list[str]] = {}
        for route, flows in self.routes.items():
            ids = [flow.id for flow in flows]
            for hop in itertools.pairwise(route):
                hops.setdefault(hop, []).extend(ids)
        return {hop: tuple(sorted(ids)) for hop, ids in hops.items()}

    def hop_flows(self, a: str, b: str) -> tuple[str, ...]:
        """Ids (sorted) of the active flows whose route steps from ``a`` straight to ``b`` (the
        flows behind the VIA edge of that hop); empty when no route takes it. The index is
        built from :attr:`routes` on first use, as only diagrams ask."""
        return self._hop_flows.get((a, b), ())

    @functools.cached_property
    def _touching(self) -> frozenset[str]:
        """Every id that is an end or a hop of an active flow."""
        ids: set[str] = set()
        for route in self.routes:
            ids.update(route)
        return frozenset(ids)

    def has_flows(self, element_id: str) -> bool:
        """True when any active flow starts, ends or passes at this element."""
        return element_id in self._touching

    # -- exchange connectivity ----------------------------------------------------------------

    @functools.cached_property
    def exchange(self) -> nx.Graph:
        """Undirected graph of systems linked by flow hops and catalogue connections."""
        g = nx.Graph()
        for element_id, kind in self.kinds.items():
            if kind in SYSTEM_KINDS:
                g.add_node(element_id)
        g.add_edges_from((a, b) for a, b in self.links if a != b)
        if NDXP in g and NDOP in g:
            g.add_edge(NDXP, NDOP)
        return g

    @functools.cached_property
    def _components(self) -> dict[Any, int]:
        return component_index(self.exchange)

    def connected(self, a: str, b: str) -> bool:
        """True when data can travel between two systems over declared flows and hubs."""
        ca = self._components.get(a)
        return ca is not None and ca == self._components.get(b)

    def reaches_national_exchange(self, system_id: str) -> bool:
        """True when a system is connected to NDXP or NDOP."""
        return self.connected(system_id, NDXP) or self.connected(system_id, NDOP)

    @functools.cached_property
    def agency_exchange(self) -> nx.Graph:
        """The exchange graph plus agencies, each linked to the systems it owns or uses."""
        g = self.exchange.copy()
        elements = self.elements
        g.add_edges_from(
            (agency, system_id)
            for system_id, kind in self.kinds.items()
            if kind in SYSTEM_KINDS
            for agency, _, data in element_edges(kind, elements[system_id])
            if data["kind"] in _USES and agency in elements
        )
        return g

    @functools.cached_property
    def single_points_of_failure(self) -> dict[str, frozenset[str]]:
        """Platform id -> submission agencies cut off from NDXP if it fails (articulation)."""
        own_agencies = [a.id for a in self.architecture.agencies]
        impact = articulation_impact(self.agency_exchange, NDXP, own_agencies)
        return {
            str(node): frozenset(map(str, lost))
            for node, lost in impact.items()
            if self.kinds.get(str(node)) is NodeKind.PLATFORM
        }

    # -- platforms and data -------------------------------------------------------------------

    def template_of(self, platform_id: str) -> str | None:
        """The catalogue id a platform is or deploys (``vn:platform/lgsp`` for an LGSP)."""
        if platform_id in self.catalogue_ids:
            return platform_id
        platform = self.platform(platform_id)
        return platform.instance_of if platform else None

    def is_integration_platform(self, element_id: str) -> bool:
        """NDXP, NDOP, or a ministry/provincial integration platform (LGSP)."""
        return self.template_of(element_id) in (NDXP, NDOP, INTEGRATION_TEMPLATE)

    @functools.cached_property
    def _authority(self) -> dict[str, tuple[str, ...]]:
        index: dict[str, list[str]] = defaultdict(list)
        for element_id in sorted(self.elements):
            element = self.elements[element_id]
            if isinstance(element, Database):
                for entity in element.authoritative_for:
                    index[entity].append(element_id)
        return {k: tuple(v) for k, v in index.items()}

    def authoritative_dbs(self, entity_id: str) -> tuple[str, ...]:
        """Databases (submission and catalogue) claiming authority for an entity, sorted."""
        return self._authority.get(entity_id, ())

    @functools.cached_property
    def national_capabilities(self) -> dict[str, tuple[Platform, ...]]:
        """Capability code -> national catalogue platforms providing it (templates excluded).

        A template (``properties.catalogue_role: template``, e.g. the LGSP or the procedure
        system) is deployed by each ministry and province, so it provides nothing nationally.
        """
        index: dict[str, list[Platform]] = defaultdict(list)
        for platform in self.catalogue_platforms:
            role = platform.properties.get("catalogue_role")
            if platform.id == INTEGRATION_TEMPLATE or role == "template":
                continue
            for capability in platform.capabilities:
                index[capability].append(platform)
        return {k: tuple(v) for k, v in index.items()}

    def services_handled_by(self, system_id: str) -> tuple[PublicService, ...]:
        """Services whose case handling system is this one."""
        return tuple(s for s in self.architecture.services if s.handled_by == system_id)
