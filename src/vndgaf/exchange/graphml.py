"""GraphML of an architecture, for graph tools (yEd, Gephi, networkx).

Nodes are the elements (and the catalogue ids they reference); edges are the hops of every data
flow (tagged with the flow id, hop index and full ``via`` list) and ownership (agency to what it
owns). Each node and edge also carries yEd graphics (label, shape, colour, grid position), so the
file opens in yEd with readable boxes; other tools ignore them (networkx reads the yEd label as
``label``, so both hold the same text). Names and ids are kept exactly, controls written as
character references (:func:`~vndgaf.textsafe.xml_document_chunks`); node ids are
:func:`~vndgaf.textsafe.id_token` values, so distinct ids are distinct nodes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

from vndgaf.exchange._fields import encode_value, iter_nodes
from vndgaf.model import Architecture
from vndgaf.textsafe import StreamedElement, digest, id_token, xml_document_chunks

__all__ = ["GRAPHML_NS", "graphml_chunks", "to_graphml"]

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
YED_NS = "http://www.yworks.com/xml/graphml"

#: yEd shape and fill colour per node kind.
_LOOK: dict[str, tuple[str, str]] = {
    "agency": ("roundrectangle", "#FFF2CC"),
    "system": ("rectangle", "#DAE8FC"),
    "platform": ("hexagon", "#D5E8D4"),
    "database": ("ellipse", "#E1D5E7"),
    "entity": ("parallelogram", "#F5F5F5"),
    "service": ("roundrectangle", "#FFE6CC"),
    "investment": ("trapezoid", "#F8CECC"),
    "unit": ("octagon", "#FFFFFF"),
    "reference": ("rectangle", "#EEEEEE"),
}
_GRID_COLUMNS, _STEP_X, _STEP_Y, _NODE_W, _NODE_H = 8, 220, 90, 180, 50

#: (key id, applies to, attribute name, GraphML type)
_KEYS: tuple[tuple[str, str, str, str], ...] = (
    ("n_vid", "node", "vid", "string"),
    ("n_kind", "node", "kind", "string"),
    ("n_label", "node", "label", "string"),
    ("n_name_en", "node", "name_en", "string"),
    ("n_level", "node", "level", "string"),
    ("n_unit_kind", "node", "unit_kind", "string"),
    ("n_owner", "node", "owner", "string"),
    ("n_layer", "node", "layer", "string"),
    ("n_status", "node", "status", "string"),
    ("n_db_class", "node", "db_class", "string"),
    ("n_capabilities", "node", "capabilities", "string"),
    ("n_online_level", "node", "online_level", "string"),
    ("n_budget_vnd", "node", "budget_vnd", "long"),
    ("n_reference", "node", "reference", "string"),
    ("e_kind", "edge", "kind", "string"),
    ("e_flow", "edge", "flow", "string"),
    ("e_hop", "edge", "hop", "int"),
    ("e_via", "edge", "via", "string"),
    ("e_label", "edge", "label", "string"),
    ("e_entities", "edge", "entities", "string"),
    ("e_mode", "edge", "mode", "string"),
    ("e_mandatory", "edge", "mandatory", "boolean"),
)

# Node attributes taken from element fields of the same name (unit ``kind`` is renamed).
_NODE_FIELDS = {
    "name_en": "n_name_en",
    "level": "n_level",
    "owner": "n_owner",
    "layer": "n_layer",
    "status": "n_status",
    "db_class": "n_db_class",
    "capabilities": "n_capabilities",
    "online_level": "n_online_level",
    "budget_vnd": "n_budget_vnd",
}


def _text(value: Any) -> str:
    if isinstance(value, tuple):
        return " ".join(str(v) for v in value)
    return encode_value(value)


def _data(parent: ET.Element, key: str, value: Any) -> None:
    if value is None or value == ():
        return
    ET.SubElement(parent, "data", {"key": key}).text = _text(value)


def _node_graphics(node: ET.Element, kind: str, text: str, index: int) -> None:
    shape, fill = _LOOK[kind]
    holder = ET.SubElement(ET.SubElement(node, "data", {"key": "n_graphics"}), "y:ShapeNode")
    x, y = (index % _GRID_COLUMNS) * _STEP_X, (index // _GRID_COLUMNS) * _STEP_Y
    ET.SubElement(
        holder,
        "y:Geometry",
        {"x": str(x), "y": str(y), "width": str(_NODE_W), "height": str(_NODE_H)},
    )
    ET.SubElement(holder, "y:Fill", {"color": fill, "transparent": "false"})
    ET.SubElement(holder, "y:NodeLabel").text = text
    ET.SubElement(holder, "y:Shape", {"type": shape})


def _edge_graphics(edge: ET.Element, data: dict[str, Any]) -> None:
    holder = ET.SubElement(ET.SubElement(edge, "data", {"key": "e_graphics"}), "y:PolyLineEdge")
    style = "line" if data["e_kind"] == "flow" else "dashed"
    ET.SubElement(holder, "y:LineStyle", {"type": style, "width": "1.0", "color": "#000000"})
    ET.SubElement(holder, "y:Arrows", {"source": "none", "target": "standard"})
    if data.get("e_hop") == 0:  # the flow's name (or id) on its first hop, as in Mermaid
        text = data.get("e_label") or data["e_flow"]
        ET.SubElement(holder, "y:EdgeLabel").text = str(text)


def to_graphml(arch: Architecture) -> str:
    """The architecture as a GraphML document (deterministic text)."""
    return "".join(graphml_chunks(arch))


def graphml_chunks(arch: Architecture) -> Iterator[str]:
    """:func:`to_graphml` in pieces, made while they are written: the nodes and edges of a
    national model (100,000 flows) are never all held, as elements or as text."""
    root = StreamedElement("graphml", {"xmlns": GRAPHML_NS, "xmlns:y": YED_NS}, _children(arch))
    return xml_document_chunks(root)


def _children(arch: Architecture) -> Iterator[ET.Element | StreamedElement]:
    for key_id, applies, name, typ in _KEYS:
        yield ET.Element("key", {"id": key_id, "for": applies, "attr.name": name, "attr.type": typ})
    yield ET.Element("key", {"id": "n_graphics", "for": "node", "yfiles.type": "nodegraphics"})
    yield ET.Element("key", {"id": "e_graphics", "for": "edge", "yfiles.type": "edgegraphics"})
    graph = {"id": "architecture", "edgedefault": "directed"}
    yield StreamedElement("graph", graph, _graph(arch))


def _edges(arch: Architecture) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Every edge (source id, target id, data): the hops of each flow, then ownership. Made
    afresh on each call, so the edges are never held together."""
    for flow in arch.flows:
        chain = [flow.source, *flow.via, flow.target]
        for hop in range(len(chain) - 1):
            yield (
                chain[hop],
                chain[hop + 1],
                {
                    "e_kind": "flow",
                    "e_flow": flow.id,
                    "e_hop": hop,
                    "e_via": flow.via,
                    "e_label": flow.name,
                    "e_entities": flow.entities,
                    "e_mode": flow.mode,
                    "e_mandatory": flow.mandatory,
                },
            )
    for kind, element in iter_nodes(arch):
        owner = getattr(element, "owner", None)
        if kind != "agency" and isinstance(owner, str):
            yield owner, element.id, {"e_kind": "owns"}


def _graph(arch: Architecture) -> Iterator[ET.Element]:
    """The nodes (elements, then the ids edges reference that no element defines, in the
    order the edges reference them), then the edges."""
    node_of: dict[str, str] = {}

    def node_id(vid: str) -> str:
        return node_of.setdefault(vid, id_token(vid, xml=True))

    for kind, element in iter_nodes(arch):
        if element.id in node_of:  # duplicate id: one node
            continue
        node = ET.Element("node", {"id": node_id(element.id)})
        _data(node, "n_vid", element.id)
        _data(node, "n_kind", kind)
        _data(node, "n_label", element.name)
        for field, key in _NODE_FIELDS.items():
            _data(node, key, getattr(element, field, None))
        if kind == "unit":
            _data(node, "n_unit_kind", getattr(element, "kind", None))
        _node_graphics(node, kind, element.name, len(node_of) - 1)
        yield node

    for source, target, _ in _edges(arch):
        for ref in (source, target):
            if ref not in node_of:
                node = ET.Element("node", {"id": node_id(ref)})
                _data(node, "n_vid", ref)
                _data(node, "n_kind", "reference")
                _data(node, "n_label", ref)
                _data(node, "n_reference", "catalogue" if ref.startswith("vn:") else "undefined")
                _node_graphics(node, "reference", ref, len(node_of) - 1)
                yield node

    seen: set[str] = set()
    for source, target, data in _edges(arch):
        key = f"{data['e_kind']}|{data.get('e_flow', '')}|{data.get('e_hop', '')}|{source}|{target}"
        eid, n = "e" + digest(key, 12), 1
        while eid in seen:
            n += 1
            eid = f"e{digest(key, 12)}_{n}"
        seen.add(eid)
        edge = ET.Element("edge", {"id": eid, "source": node_of[source], "target": node_of[target]})
        for key_id, value in data.items():
            _data(edge, key_id, value)
        _edge_graphics(edge, data)
        yield edge
