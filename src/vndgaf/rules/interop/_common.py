"""Small helpers shared by the IOP rules: dates, labels and per-organisation indexes."""

from collections import defaultdict
from collections.abc import Iterator

from vndgaf.graph import ArchGraph
from vndgaf.model import DataFlow, InformationSystem, Status
from vndgaf.reference.wellknown import (
    INTEGRATION_TEMPLATE,
    PROCEDURE_CASE_HANDLING,
    PROCEDURE_TEMPLATE,
)

__all__ = [
    "active_flows",
    "is_national_platform",
    "is_procedure_system",
    "label",
    "lgsps_by_organisation",
    "reaches_via_flow",
]


def label(graph: ArchGraph, element_id: str) -> str:
    """The element's name (its id when it has none), for messages: :meth:`ArchGraph.label`."""
    return graph.label(element_id)


def active_flows(graph: ArchGraph) -> Iterator[DataFlow]:
    """Flows of the submission that are not retired, sorted by id."""
    return iter(graph.active_flows)


def is_national_platform(graph: ArchGraph, element_id: str) -> bool:
    """True for a national catalogue platform (NDXP, NPSP, VDXP …), not for a template."""
    return (
        graph.is_catalogue(element_id)
        and graph.platform(element_id) is not None
        and element_id not in (INTEGRATION_TEMPLATE, PROCEDURE_TEMPLATE)
    )


def is_procedure_system(graph: ArchGraph, system: InformationSystem) -> bool:
    """A ministry/provincial administrative-procedure (TTHC) information system."""
    return (
        graph.template_of(system.id) == PROCEDURE_TEMPLATE
        or PROCEDURE_CASE_HANDLING in system.capabilities
    )


def lgsps_by_organisation(graph: ArchGraph) -> dict[str, tuple[str, ...]]:
    """Organisation (``vn:province/CODE`` or top agency) -> its submission LGSPs, sorted."""
    index: dict[str, list[str]] = defaultdict(list)
    for platform in graph.platforms:
        if platform.status is Status.RETIRED or platform.instance_of != INTEGRATION_TEMPLATE:
            continue
        organisation = graph.organisation_of(platform.id)
        if organisation is not None:
            index[organisation].append(platform.id)
    return {k: tuple(v) for k, v in index.items()}


def reaches_via_flow(graph: ArchGraph, system_id: str, hub: str) -> bool:
    """True when an active flow starting or ending at the system has ``hub`` on its route."""
    flows = (*graph.flows_from(system_id), *graph.flows_to(system_id))
    return any(hub in graph.route(flow) for flow in flows)
