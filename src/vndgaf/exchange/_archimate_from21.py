"""The ArchiMate 2.1 exchange format rewritten as a 3.1 exchange document.

The 2.1 generation (namespace ``…/xsd/archimate``) says ``label`` for ``name``, ``propertydefs``
for ``propertyDefinitions`` and ``UsedByRelationship`` for what 3.x calls serving; identifiers are
kept as they are.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator

from vndgaf.exchange._archimate_tree import LANG, TYPE, lang_text, local, ns, q, sub
from vndgaf.exchange._archimate_vocab import NS21, VIEWPOINTS, type_31

__all__ = ["From21"]


class From21:
    """The 2.1 exchange format rewritten as 3.1: same identifiers, 3.1 names and structure."""

    def __init__(self, root: ET.Element) -> None:
        self.src = root

    def c(self, node: ET.Element, tag: str) -> list[ET.Element]:
        return node.findall(f"{{{NS21}}}{tag}")

    def texts(self, src: ET.Element, dst: ET.Element, src_tag: str, dst_tag: str) -> None:
        for item in self.c(src, src_tag):
            lang_text(dst, dst_tag, item.text or "", item.get(LANG))

    def properties(self, src: ET.Element, dst: ET.Element) -> None:
        for holder in self.c(src, "properties"):
            out = sub(dst, "properties")
            for p in self.c(holder, "property"):
                prop = sub(out, "property", {"propertyDefinitionRef": p.get("identifierref", "")})
                for v in self.c(p, "value"):
                    lang_text(prop, "value", v.text or "", v.get(LANG))

    def concept(self, src: ET.Element, dst: ET.Element) -> None:
        self.texts(src, dst, "label", "name")
        self.texts(src, dst, "documentation", "documentation")
        self.properties(src, dst)

    def model(self) -> ET.Element:
        src = self.src
        out = ET.Element(q("model"), {"identifier": src.get("identifier", "model")})
        self.texts(src, out, "name", "name")
        if out.find(q("name")) is None:
            lang_text(out, "name", "", None)  # 3.1 requires a name; 2.1 did not
        self.texts(src, out, "documentation", "documentation")
        self.properties(src, out)
        for meta in self.c(src, "metadata"):
            out.append(_retag(meta, NS21))
        for holder in self.c(src, "elements"):
            elements = sub(out, "elements")
            for e in self.c(holder, "element"):
                node = sub(
                    elements,
                    "element",
                    {"identifier": e.get("identifier", ""), TYPE: type_31(e.get(TYPE, ""))},
                )
                self.concept(e, node)
                if node.find(q("name")) is None:
                    node.insert(0, _empty_name())
        for holder in self.c(src, "relationships"):
            rels = sub(out, "relationships")
            for r in self.c(holder, "relationship"):
                attrib = {
                    "identifier": r.get("identifier", ""),
                    "source": r.get("source", ""),
                    "target": r.get("target", ""),
                    TYPE: type_31(r.get(TYPE, "")),
                }
                if attrib[TYPE] == "Access":  # 2.1 does not record read or write
                    attrib["accessType"] = "Access"
                node = sub(rels, "relationship", attrib)
                self.concept(r, node)
        organizations = self.c(src, "organization")
        if organizations:
            orgs = sub(out, "organizations")
            for org in organizations:
                for item in self.c(org, "item"):
                    self.item(item, orgs)
        for holder in self.c(src, "propertydefs"):
            defs = sub(out, "propertyDefinitions")
            for d in self.c(holder, "propertydef"):
                pd = sub(
                    defs,
                    "propertyDefinition",
                    {"identifier": d.get("identifier", ""), "type": d.get("type", "string")},
                )
                lang_text(pd, "name", d.get("name", ""), None)
        for holder in self.c(src, "views"):
            views = sub(out, "views")
            diagrams = sub(views, "diagrams")
            for v in self.c(holder, "view"):
                self.view(v, diagrams)
        return out

    def item(self, src: ET.Element, parent: ET.Element) -> None:
        attrib = {}
        if src.get("identifierref"):
            attrib["identifierRef"] = src.get("identifierref", "")
        node = sub(parent, "item", attrib)
        self.texts(src, node, "label", "label")
        self.texts(src, node, "documentation", "documentation")
        for child in self.c(src, "item"):
            self.item(child, node)

    def view(self, src: ET.Element, parent: ET.Element) -> None:
        attrib = {"identifier": src.get("identifier", ""), TYPE: "Diagram"}
        viewpoint = src.get("viewpoint")
        if viewpoint in VIEWPOINTS:
            attrib["viewpoint"] = viewpoint
        view = sub(parent, "view", attrib)
        self.concept(src, view)
        nodes = list(_walk(src, f"{{{NS21}}}node"))
        dx = -min([int(n.get("x", "0")) for n in nodes] + [0])
        dy = -min([int(n.get("y", "0")) for n in nodes] + [0])
        for n in self.c(src, "node"):
            self.node(n, view, dx, dy)
        for conn in self.c(src, "connection"):
            attrib = {
                "identifier": conn.get("identifier", ""),
                "source": conn.get("source", ""),
                "target": conn.get("target", ""),
            }
            if conn.get("relationshipref"):
                attrib[TYPE] = "Relationship"
                attrib["relationshipRef"] = conn.get("relationshipref", "")
            else:
                attrib[TYPE] = "Line"
            node = sub(view, "connection", attrib)
            self.texts(conn, node, "label", "label")
            self.style(conn, node)
            for bp in self.c(conn, "bendpoint"):
                sub(
                    node,
                    "bendpoint",
                    {
                        "x": str(max(0, int(bp.get("x", "0")) + dx)),
                        "y": str(max(0, int(bp.get("y", "0")) + dy)),
                    },
                )

    def node(self, src: ET.Element, parent: ET.Element, dx: int, dy: int) -> None:
        attrib = {
            "identifier": src.get("identifier", ""),
            "x": str(int(src.get("x", "0")) + dx),
            "y": str(int(src.get("y", "0")) + dy),
            "w": str(max(1, int(src.get("w", "1")))),
            "h": str(max(1, int(src.get("h", "1")))),
        }
        labels = self.c(src, "label")
        if src.get("elementref"):
            attrib[TYPE] = "Element"
            attrib["elementRef"] = src.get("elementref", "")
        elif src.get("type") == "group":
            attrib[TYPE] = "Container"
        else:
            attrib[TYPE] = "Label"
        node = sub(parent, "node", attrib)
        if attrib[TYPE] != "Element":
            if labels:
                self.texts(src, node, "label", "label")
            else:
                lang_text(node, "label", "", None)
        self.style(src, node)
        for child in self.c(src, "node"):  # 2.1 coordinates are absolute, like 3.1
            self.node(child, node, dx, dy)

    def style(self, src: ET.Element, dst: ET.Element) -> None:
        for style in self.c(src, "style"):
            out = sub(dst, "style")
            for tag in ("fillColor", "lineColor"):
                for color in self.c(style, tag):
                    sub(out, tag, _rgb(color))
            for font in self.c(style, "font"):
                attrib = {k: v for k, v in font.attrib.items() if k in ("name", "size")}
                words = font.get("style", "").replace("|", " ").split()
                if words:
                    attrib["style"] = " ".join(words)
                f = sub(out, "font", attrib)
                for color in self.c(font, "color"):
                    sub(f, "color", _rgb(color))


def _empty_name() -> ET.Element:
    node = ET.Element(q("name"))
    node.text = ""
    return node


def _rgb(node: ET.Element) -> dict[str, str]:
    return {k: node.get(k, "0") for k in ("r", "g", "b")} | (
        {"a": node.get("a", "100")} if node.get("a") else {}
    )


def _walk(node: ET.Element, tag: str) -> Iterator[ET.Element]:
    for child in node.findall(tag):
        yield child
        yield from _walk(child, tag)


def _retag(node: ET.Element, old_ns: str) -> ET.Element:
    """A copy of ``node`` with its ``old_ns`` names moved to the 3.x namespace."""
    tag = q(local(node.tag)) if ns(node.tag) == old_ns else node.tag
    copy = ET.Element(tag, dict(node.attrib))
    copy.text, copy.tail = node.text, node.tail
    for child in node:
        copy.append(_retag(child, old_ns))
    return copy
