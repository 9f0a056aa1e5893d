"""Architecture diagrams: views of the graph as deterministic Graphviz DOT, and SVG/PNG/PDF.

>>> import vndgaf
>>> loaded = vndgaf.load(["examples/tuyen-quang"])
>>> graph = vndgaf.build_graph(loaded.architecture, vndgaf.catalogue())
>>> report = vndgaf.check_loaded(loaded)
>>> dot = render(graph, view="province:08", findings=report.findings, highlight=True)
>>> to_bytes(dot, "dot").decode().splitlines()[0]
'digraph vndgaf {'
>>> svg = to_bytes(dot, "svg")  # needs Graphviz's ``dot`` program  # doctest: +SKIP
"""

from vndgaf.render.api import Href, alt_text, linked_views, render, severity_index, view_slug
from vndgaf.render.drilldown import Drawn, drill_down
from vndgaf.render.mapmermaid import MERMAID_EDGE_LIMIT, MERMAID_TEXT_LIMIT, map_mermaid
from vndgaf.render.output import FORMATS, to_bytes, to_bytes_many
from vndgaf.render.scene import NODE_LIMIT
from vndgaf.render.stamp import Stamp, stamp_text
from vndgaf.render.views import VIEW_KINDS, parse_view

__all__ = [
    "FORMATS",
    "MERMAID_EDGE_LIMIT",
    "MERMAID_TEXT_LIMIT",
    "NODE_LIMIT",
    "VIEW_KINDS",
    "Drawn",
    "Href",
    "Stamp",
    "alt_text",
    "drill_down",
    "linked_views",
    "map_mermaid",
    "parse_view",
    "render",
    "severity_index",
    "stamp_text",
    "to_bytes",
    "to_bytes_many",
    "view_slug",
]
