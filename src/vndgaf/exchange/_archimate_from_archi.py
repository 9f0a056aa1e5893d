"""Archi's own ``.archimate`` files rewritten as a 3.1 exchange document, as Archi's exporter would.

Folders become organizations, ``bounds`` and ``sourceConnection`` become nodes and connections
of the views; what 3.1 cannot hold (sketch and canvas views) is recorded as :class:`Dropped`
with the reason.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from vndgaf.exchange._archimate_tree import TYPE, Dropped, Ids, lang_text, q, sub
from vndgaf.exchange._archimate_vocab import VIEWPOINTS

__all__ = ["FromArchi"]

#: Size Archi gives a diagram object whose bounds say -1 (its default figure size).
_DEFAULT_W, _DEFAULT_H = 120, 55


_ARCHI_TYPE = {
    "SketchModel": "sketch view",
    "CanvasModel": "canvas view",
}
_ACCESS = {"0": "Write", "1": "Read", "2": "Access", "3": "ReadWrite"}


class FromArchi:
    """An Archi model written as a 3.1 exchange document, as Archi's own exporter would."""

    def __init__(self, root: ET.Element) -> None:
        self.src = root
        self.ids = Ids()
        self.dropped: list[Dropped] = []
        self.prop_ids: dict[str, str] = {}
        self.elements: list[ET.Element] = []
        self.relationships: list[ET.Element] = []
        self.views: list[ET.Element] = []
        self.view_names: dict[str, str] = {}
        self.exported: set[str] = set()  # Archi ids written as concepts or views

    def model(self) -> ET.Element:
        src = self.src
        out = ET.Element(q("model"), {"identifier": self.ids(src.get("id", "model"))})
        lang_text(out, "name", src.get("name", ""), None)
        purpose = src.find("purpose")
        if purpose is not None and purpose.text:
            lang_text(out, "documentation", purpose.text, None)
        self.properties(src, out)
        for folder in src.findall("folder"):
            self.collect(folder)
        for v in self.views:
            self.view_names[v.get("id", "")] = v.get("name", "")
        if self.elements:
            holder = sub(out, "elements")
            for e in self.elements:
                self.element(e, holder)
        if self.relationships:
            holder = sub(out, "relationships")
            for r in self.relationships:
                self.relationship(r, holder)
        orgs = ET.Element(q("organizations"))
        for folder in src.findall("folder"):
            self.folder(folder, orgs)
        if len(orgs):
            out.append(orgs)
        if self.prop_ids:
            defs = sub(out, "propertyDefinitions")
            for key, pid in self.prop_ids.items():
                pd = sub(defs, "propertyDefinition", {"identifier": pid, "type": "string"})
                lang_text(pd, "name", key, None)
        if self.views:
            diagrams = sub(sub(out, "views"), "diagrams")
            for v in self.views:
                self.view(v, diagrams)
        # property definitions are collected while writing; move them before the views
        defs_node = out.find(q("propertyDefinitions"))
        views_node = out.find(q("views"))
        if defs_node is not None and views_node is not None:
            out.remove(defs_node)
            out.insert(list(out).index(views_node), defs_node)
        return out

    def kind(self, node: ET.Element) -> str:
        return node.get(TYPE, "").rsplit(":", 1)[-1]

    def collect(self, folder: ET.Element) -> None:
        for child in folder:
            if child.tag == "folder":
                self.collect(child)
            elif child.tag == "element":
                kind = self.kind(child)
                if kind == "ArchimateDiagramModel":
                    self.views.append(child)
                    self.exported.add(child.get("id", ""))
                elif kind in _ARCHI_TYPE:
                    self.dropped.append(
                        Dropped(
                            child.get("id", ""),
                            kind,
                            child.get("name", ""),
                            f"an Archi {_ARCHI_TYPE[kind]} is not ArchiMate: the exchange "
                            "format cannot hold it",
                        )
                    )
                elif kind.endswith("Relationship"):
                    self.relationships.append(child)
                    self.exported.add(child.get("id", ""))
                else:
                    self.elements.append(child)
                    self.exported.add(child.get("id", ""))

    def texts(self, src: ET.Element, dst: ET.Element) -> None:
        name = src.get("name")
        if name:
            lang_text(dst, "name", name, None)
        doc = src.find("documentation")
        if doc is not None and doc.text:
            lang_text(dst, "documentation", doc.text, None)
        self.properties(src, dst)

    def properties(self, src: ET.Element, dst: ET.Element) -> None:
        props = src.findall("property")
        if not props:
            return
        holder = sub(dst, "properties")
        for p in props:
            key = p.get("key", "")
            pid = self.prop_ids.setdefault(key, f"propid-{len(self.prop_ids) + 1}")
            prop = sub(holder, "property", {"propertyDefinitionRef": pid})
            lang_text(prop, "value", p.get("value", ""), None)

    def element(self, src: ET.Element, holder: ET.Element) -> None:
        kind = self.kind(src)
        if kind == "Junction":
            kind = "OrJunction" if src.get("type") == "or" else "AndJunction"
        node = sub(holder, "element", {"identifier": self.ids(src.get("id", "")), TYPE: kind})
        if not src.get("name"):
            lang_text(node, "name", "", None)
        self.texts(src, node)

    def relationship(self, src: ET.Element, holder: ET.Element) -> None:
        kind = self.kind(src).removesuffix("Relationship")
        attrib = {
            "identifier": self.ids(src.get("id", "")),
            "source": self.ids(src.get("source", "")),
            "target": self.ids(src.get("target", "")),
            TYPE: kind,
        }
        if kind == "Access":
            attrib["accessType"] = _ACCESS.get(src.get("accessType", "0"), "Write")
        if kind == "Association" and src.get("directed") == "true":
            attrib["isDirected"] = "true"
        if kind == "Influence" and src.get("strength"):
            attrib["modifier"] = src.get("strength", "")
        node = sub(holder, "relationship", attrib)
        self.texts(src, node)

    def folder(self, src: ET.Element, parent: ET.Element) -> None:
        item = sub(parent, "item")
        lang_text(item, "label", src.get("name", ""), None)
        doc = src.find("documentation")
        if doc is not None and doc.text:
            lang_text(item, "documentation", doc.text, None)
        for child in src:
            if child.tag == "folder":
                self.folder(child, item)
            elif child.tag == "element" and child.get("id", "") in self.exported:
                sub(item, "item", {"identifierRef": self.ids(child.get("id", ""))})

    # -- views ------------------------------------------------------------------------------

    def view(self, src: ET.Element, parent: ET.Element) -> None:
        attrib = {"identifier": self.ids(src.get("id", "")), TYPE: "Diagram"}
        viewpoint = _viewpoint(src.get("viewpoint", ""))
        if viewpoint:
            attrib["viewpoint"] = viewpoint
        view = sub(parent, "view", attrib)
        lang_text(view, "name", src.get("name", ""), None)
        doc = src.find("documentation")
        if doc is not None and doc.text:
            lang_text(view, "documentation", doc.text, None)
        self.properties(src, view)
        bounds: dict[str, tuple[int, int, int, int]] = {}
        for child in src.findall("child"):
            self.absolute(child, 0, 0, bounds)
        dx = -min([b[0] for b in bounds.values()] + [0])
        dy = -min([b[1] for b in bounds.values()] + [0])
        connections: list[ET.Element] = []
        for child in src.findall("child"):
            self.node(child, view, bounds, dx, dy, connections)
        for conn in connections:
            self.connection(conn, view, bounds, dx, dy)

    def absolute(
        self, node: ET.Element, px: int, py: int, out: dict[str, tuple[int, int, int, int]]
    ) -> None:
        b = node.find("bounds")
        x = int(b.get("x", "0")) if b is not None else 0
        y = int(b.get("y", "0")) if b is not None else 0
        w = int(b.get("width", "-1")) if b is not None else -1
        h = int(b.get("height", "-1")) if b is not None else -1
        box = (px + x, py + y, w if w > 0 else _DEFAULT_W, h if h > 0 else _DEFAULT_H)
        out[node.get("id", "")] = box
        for child in node.findall("child"):
            self.absolute(child, box[0], box[1], out)

    def node(
        self,
        src: ET.Element,
        parent: ET.Element,
        bounds: dict[str, tuple[int, int, int, int]],
        dx: int,
        dy: int,
        connections: list[ET.Element],
    ) -> None:
        x, y, w, h = bounds[src.get("id", "")]
        attrib = {
            "identifier": self.ids(src.get("id", "")),
            "x": str(x + dx),
            "y": str(y + dy),
            "w": str(w),
            "h": str(h),
        }
        kind = self.kind(src)
        label: str | None = None
        if kind == "DiagramObject" and src.get("archimateElement"):
            attrib[TYPE] = "Element"
            attrib["elementRef"] = self.ids(src.get("archimateElement", ""))
        elif kind == "Group":
            attrib[TYPE] = "Container"
            label = src.get("name", "")
        elif kind == "DiagramModelReference":
            attrib[TYPE] = "Label"
            label = self.view_names.get(src.get("model", ""), src.get("name", ""))
        else:  # Note and anything else that only shows text
            attrib[TYPE] = "Label"
            content = src.find("content")
            label = content.text if content is not None and content.text else src.get("name", "")
        node = sub(parent, "node", attrib)
        if label is not None:
            lang_text(node, "label", label, None)
        _style(src, node)
        connections.extend(src.findall("sourceConnection"))
        for child in src.findall("child"):
            self.node(child, node, bounds, dx, dy, connections)

    def connection(
        self,
        src: ET.Element,
        view: ET.Element,
        bounds: dict[str, tuple[int, int, int, int]],
        dx: int,
        dy: int,
    ) -> None:
        attrib = {
            "identifier": self.ids(src.get("id", "")),
            "source": self.ids(src.get("source", "")),
            "target": self.ids(src.get("target", "")),
        }
        if src.get("archimateRelationship"):
            attrib[TYPE] = "Relationship"
            attrib["relationshipRef"] = self.ids(src.get("archimateRelationship", ""))
        else:
            attrib[TYPE] = "Line"
        node = sub(view, "connection", attrib)
        if src.get("name") and attrib[TYPE] == "Line":
            lang_text(node, "label", src.get("name", ""), None)
        _style(src, node)
        points = src.findall("bendpoint")
        a, b = bounds.get(src.get("source", "")), bounds.get(src.get("target", ""))
        if a is None or b is None:
            return  # a connection to a connection: Archi writes no bendpoints either
        for i, bp in enumerate(points, start=1):
            weight = i / (len(points) + 1)
            sx = a[0] + a[2] / 2 + int(bp.get("startX", "0"))
            sy = a[1] + a[3] / 2 + int(bp.get("startY", "0"))
            ex = b[0] + b[2] / 2 + int(bp.get("endX", "0"))
            ey = b[1] + b[3] / 2 + int(bp.get("endY", "0"))
            px = int(sx * (1 - weight) + ex * weight) + dx
            py = int(sy * (1 - weight) + ey * weight) + dy
            sub(node, "bendpoint", {"x": str(max(0, px)), "y": str(max(0, py))})


def _viewpoint(archi_id: str) -> str | None:
    """The exchange-format viewpoint name of an Archi viewpoint id (``goal_realization``)."""
    if not archi_id:
        return None
    words = archi_id.split("_")
    candidates = (
        " ".join(w.capitalize() for w in words),
        " and ".join(" ".join(w.capitalize() for w in words).split(" ", 1)),
    )
    for name in candidates:
        if name in VIEWPOINTS:
            return name
    return None


def _hex_rgb(value: str) -> dict[str, str] | None:
    match = re.fullmatch(r"#([0-9a-fA-F]{2})([0-9a-fA-F]{2})([0-9a-fA-F]{2})", value.strip())
    if match is None:
        return None
    return {k: str(int(v, 16)) for k, v in zip("rgb", match.groups(), strict=True)}


def _style(src: ET.Element, dst: ET.Element) -> None:
    """Fill, line and font colours and the font of an Archi diagram object, as a 3.1 style."""
    fill = _hex_rgb(src.get("fillColor", ""))
    line = _hex_rgb(src.get("lineColor", ""))
    font_color = _hex_rgb(src.get("fontColor", ""))
    font = src.get("font", "")
    parts = font.split("|")
    font_attrib: dict[str, str] = {}
    if len(parts) > 3:
        try:
            font_attrib = {"name": parts[1], "size": str(round(float(parts[2])))}
            bits = int(parts[3])
        except ValueError:
            font_attrib, bits = {}, 0
        style = " ".join(w for w, bit in (("bold", 1), ("italic", 2)) if bits & bit)
        if style and font_attrib:
            font_attrib["style"] = style
    if not (fill or line or font_color or font_attrib):
        return
    out = sub(dst, "style")
    if fill:
        sub(out, "fillColor", fill)
    if line:
        sub(out, "lineColor", line)
    if font_attrib or font_color:
        f = sub(out, "font", font_attrib)
        if font_color:
            sub(f, "color", font_color)
