"""The architecture graph: build it from a submission and the catalogue, query it."""

from vndgaf.graph.build import build_graph
from vndgaf.graph.facade import ArchGraph
from vndgaf.graph.kinds import EdgeKind, NodeKind
from vndgaf.graph.queries import articulation_impact, component_index, cut_off_by

__all__ = [
    "ArchGraph",
    "EdgeKind",
    "NodeKind",
    "articulation_impact",
    "build_graph",
    "component_index",
    "cut_off_by",
]
