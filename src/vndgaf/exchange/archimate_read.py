"""Reading the ArchiMate files people have, as one shape: an ArchiMate 3.1 exchange document.

Three formats reach vndgaf: the Open Group exchange format in its 3.x generation (namespace
``…/archimate/3.0/``), the same format in its 2.1 generation (``…/xsd/archimate``: ``label``,
``propertydefs``, ``UsedByRelationship`` …), and Archi's own ``.archimate`` files (folders,
``bounds``, ``sourceConnection``). :func:`read_model` turns each of them into an ElementTree of the
3.1 exchange format, so that the mapping onto the vndgaf model, the round trip and the export work
on one vocabulary. What the 3.1 format cannot hold (Archi sketch and canvas views) is listed in
``SourceModel.dropped`` with the reason.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import attrs

from vndgaf.errors import InputError
from vndgaf.exchange._archimate_vocab import (
    NS3,
    NS21,
    NS_ARCHI,
    VIEWPOINTS,
    XML_NS,
    XSI,
    type_31,
)
from vndgaf.exchange._xml_parse import parse_xml as safe_parse

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "Dropped",
    "SourceModel",
    "document_text",
    "parse_xml",
    "read_model",
]
from vndgaf.textsafe import xml_document

#: Largest input accepted, and deepest nesting (the limits of submission files).
MAX_BYTES = 256 * 1024 * 1024
MAX_DEPTH = 200

_TYPE = f"{{{XSI}}}type"
_LANG = f"{{{XML_NS}}}lang"
_NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")

#: Size Archi gives a diagram object whose bounds say -1 (its default figure size).
_DEFAULT_W, _DEFAULT_H = 120, 55


@attrs.frozen
class Dropped:
    """Something of the source file the 3.1 exchange format cannot hold, and why."""

    source_id: str
    archimate_type: str
    name: str
    reason: str


@attrs.frozen
class SourceModel:
    """An ArchiMate model read from any supported format, as a 3.1 exchange document."""

    root: ET.Element = attrs.field(eq=False)
    source_format: str
    dropped: tuple[Dropped, ...] = ()


def parse_xml(text: str, *, path: str) -> ET.Element:
    """Parse ``text`` as XML within the limits; errors name the file, line and column.

    defusedxml refuses document type declarations (and so every entity) inside the parser;
    files over :data:`MAX_BYTES` and elements nested deeper than :data:`MAX_DEPTH` are refused.
    """
    if len(text) > MAX_BYTES:
        raise InputError(f"{path}: larger than {MAX_BYTES // (1024 * 1024)} MiB")
    root = safe_parse(text, path=path)
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise InputError(
                f"{path}: XML nested deeper than {MAX_DEPTH} levels (element <{_local(node.tag)}>)"
            )
        stack.extend((child, depth + 1) for child in node)
    return root


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _ns(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def read_model(text: str, *, path: str = "<input>") -> SourceModel:
    """Read an exchange file (3.x or 2.1) or an Archi ``.archimate`` file as a 3.1 document."""
    root = parse_xml(text, path=path)
    ns = _ns(root.tag)
    if _local(root.tag) == "model" and ns == NS3:
        return SourceModel(root, "ArchiMate 3.x exchange")
    if _local(root.tag) == "model" and ns == NS21:
        return SourceModel(_From21(root).model(), "ArchiMate 2.1 exchange")
    if _local(root.tag) == "model" and ns == NS_ARCHI:
        converter = _FromArchi(root)
        return SourceModel(converter.model(), "Archi (.archimate)", tuple(converter.dropped))
    raise InputError(f"{path}: not an ArchiMate exchange model or Archi model (root {root.tag!r})")


def document_text(root: ET.Element, *, schema_location: str | None = None) -> str:
    """A 3.1 exchange document as text: the 3.x namespace as default, an XML declaration.

    Written with literal prefixes (ElementTree cannot combine a default namespace with
    unqualified attributes): ``xsi:`` and ``xml:`` as usual, other namespaces (Dublin Core in
    ``<metadata>``) with a prefix declared on the root.
    """
    prefixes: dict[str, str] = {XSI: "xsi", XML_NS: "xml", _DC: "dc"}
    used: dict[str, str] = {}

    def name(qname: str) -> str:
        if not qname.startswith("{"):
            return qname
        uri, local = qname[1:].split("}", 1)
        if uri == NS3:
            return local
        prefix = prefixes.setdefault(uri, f"ns{len(prefixes) - 2}")
        if uri != XML_NS:
            used[uri] = prefix
        return f"{prefix}:{local}"

    def plain(node: ET.Element) -> ET.Element:
        copy = ET.Element(name(node.tag), {name(k): v for k, v in node.attrib.items()})
        copy.text, copy.tail = node.text, node.tail
        copy.extend(plain(child) for child in node)
        return copy

    out = plain(root)
    declared = {"xmlns": NS3}
    used.setdefault(XSI, "xsi")
    for uri, prefix in sorted(used.items(), key=lambda item: item[1]):
        declared[f"xmlns:{prefix}"] = uri
    if schema_location and "xsi:schemaLocation" not in out.attrib:
        declared["xsi:schemaLocation"] = schema_location
    out.attrib = {**declared, **{k: v for k, v in out.attrib.items() if k not in declared}}
    return xml_document(out)


_DC = "http://purl.org/dc/elements/1.1/"


# -- writing helpers ---------------------------------------------------------------------------


def q(tag: str) -> str:
    """The 3.x-namespace name of ``tag``."""
    return f"{{{NS3}}}{tag}"


def _sub(parent: ET.Element, tag: str, attrib: dict[str, str] | None = None) -> ET.Element:
    return ET.SubElement(parent, q(tag), attrib or {})


def _lang_text(parent: ET.Element, tag: str, text: str, lang: str | None) -> ET.Element:
    node = _sub(parent, tag)
    if lang:
        node.set(_LANG, lang)
    node.text = text
    return node


class _Ids:
    """Identifiers as ``xs:ID`` values: kept when valid, else prefixed ``id-`` (as Archi does)."""

    def __init__(self) -> None:
        self.map: dict[str, str] = {}
        self.used: set[str] = set()

    def __call__(self, raw: str) -> str:
        if raw in self.map:
            return self.map[raw]
        candidate = raw if _NCNAME.match(raw) else "id-" + re.sub(r"[^A-Za-z0-9_.\-]", "_", raw)
        new, n = candidate, 1
        while new in self.used:
            n += 1
            new = f"{candidate}-{n}"
        self.used.add(new)
        self.map[raw] = new
        return new


# -- ArchiMate 2.1 exchange --------------------------------------------------------------------


class _From21:
    """The 2.1 exchange format rewritten as 3.1: same identifiers, 3.1 names and structure."""

    def __init__(self, root: ET.Element) -> None:
        self.src = root

    def c(self, node: ET.Element, tag: str) -> list[ET.Element]:
        return node.findall(f"{{{NS21}}}{tag}")

    def texts(self, src: ET.Element, dst: ET.Element, src_tag: str, dst_tag: str) -> None:
        for item in self.c(src, src_tag):
            _lang_text(dst, dst_tag, item.text or "", item.get(_LANG))

    def properties(self, src: ET.Element, dst: ET.Element) -> None:
        for holder in self.c(src, "properties"):
            out = _sub(dst, "properties")
            for p in self.c(holder, "property"):
                prop = _sub(out, "property", {"propertyDefinitionRef": p.get("identifierref", "")})
                for v in self.c(p, "value"):
                    _lang_text(prop, "value", v.text or "", v.get(_LANG))

    def concept(self, src: ET.Element, dst: ET.Element) -> None:
        self.texts(src, dst, "label", "name")
        self.texts(src, dst, "documentation", "documentation")
        self.properties(src, dst)

    def model(self) -> ET.Element:
        src = self.src
        out = ET.Element(q("model"), {"identifier": src.get("identifier", "model")})
        self.texts(src, out, "name", "name")
        if out.find(q("name")) is None:
            _lang_text(out, "name", "", None)  # 3.1 requires a name; 2.1 did not
        self.texts(src, out, "documentation", "documentation")
        self.properties(src, out)
        for meta in self.c(src, "metadata"):
            out.append(_retag(meta, NS21))
        for holder in self.c(src, "elements"):
            elements = _sub(out, "elements")
            for e in self.c(holder, "element"):
                node = _sub(
                    elements,
                    "element",
                    {"identifier": e.get("identifier", ""), _TYPE: type_31(e.get(_TYPE, ""))},
                )
                self.concept(e, node)
                if node.find(q("name")) is None:
                    node.insert(0, _empty_name())
        for holder in self.c(src, "relationships"):
            rels = _sub(out, "relationships")
            for r in self.c(holder, "relationship"):
                attrib = {
                    "identifier": r.get("identifier", ""),
                    "source": r.get("source", ""),
                    "target": r.get("target", ""),
                    _TYPE: type_31(r.get(_TYPE, "")),
                }
                if attrib[_TYPE] == "Access":  # 2.1 does not record read or write
                    attrib["accessType"] = "Access"
                node = _sub(rels, "relationship", attrib)
                self.concept(r, node)
        organizations = self.c(src, "organization")
        if organizations:
            orgs = _sub(out, "organizations")
            for org in organizations:
                for item in self.c(org, "item"):
                    self.item(item, orgs)
        for holder in self.c(src, "propertydefs"):
            defs = _sub(out, "propertyDefinitions")
            for d in self.c(holder, "propertydef"):
                pd = _sub(
                    defs,
                    "propertyDefinition",
                    {"identifier": d.get("identifier", ""), "type": d.get("type", "string")},
                )
                _lang_text(pd, "name", d.get("name", ""), None)
        for holder in self.c(src, "views"):
            views = _sub(out, "views")
            diagrams = _sub(views, "diagrams")
            for v in self.c(holder, "view"):
                self.view(v, diagrams)
        return out

    def item(self, src: ET.Element, parent: ET.Element) -> None:
        attrib = {}
        if src.get("identifierref"):
            attrib["identifierRef"] = src.get("identifierref", "")
        node = _sub(parent, "item", attrib)
        self.texts(src, node, "label", "label")
        self.texts(src, node, "documentation", "documentation")
        for child in self.c(src, "item"):
            self.item(child, node)

    def view(self, src: ET.Element, parent: ET.Element) -> None:
        attrib = {"identifier": src.get("identifier", ""), _TYPE: "Diagram"}
        viewpoint = src.get("viewpoint")
        if viewpoint in VIEWPOINTS:
            attrib["viewpoint"] = viewpoint
        view = _sub(parent, "view", attrib)
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
                attrib[_TYPE] = "Relationship"
                attrib["relationshipRef"] = conn.get("relationshipref", "")
            else:
                attrib[_TYPE] = "Line"
            node = _sub(view, "connection", attrib)
            self.texts(conn, node, "label", "label")
            self.style(conn, node)
            for bp in self.c(conn, "bendpoint"):
                _sub(
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
            attrib[_TYPE] = "Element"
            attrib["elementRef"] = src.get("elementref", "")
        elif src.get("type") == "group":
            attrib[_TYPE] = "Container"
        else:
            attrib[_TYPE] = "Label"
        node = _sub(parent, "node", attrib)
        if attrib[_TYPE] != "Element":
            if labels:
                self.texts(src, node, "label", "label")
            else:
                _lang_text(node, "label", "", None)
        self.style(src, node)
        for child in self.c(src, "node"):  # 2.1 coordinates are absolute, like 3.1
            self.node(child, node, dx, dy)

    def style(self, src: ET.Element, dst: ET.Element) -> None:
        for style in self.c(src, "style"):
            out = _sub(dst, "style")
            for tag in ("fillColor", "lineColor"):
                for color in self.c(style, tag):
                    _sub(out, tag, _rgb(color))
            for font in self.c(style, "font"):
                attrib = {k: v for k, v in font.attrib.items() if k in ("name", "size")}
                words = font.get("style", "").replace("|", " ").split()
                if words:
                    attrib["style"] = " ".join(words)
                f = _sub(out, "font", attrib)
                for color in self.c(font, "color"):
                    _sub(f, "color", _rgb(color))


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
    tag = q(_local(node.tag)) if _ns(node.tag) == old_ns else node.tag
    copy = ET.Element(tag, dict(node.attrib))
    copy.text, copy.tail = node.text, node.tail
    for child in node:
        copy.append(_retag(child, old_ns))
    return copy


# -- Archi's .archimate files ------------------------------------------------------------------

_ARCHI_TYPE = {
    "SketchModel": "sketch view",
    "CanvasModel": "canvas view",
}
_ACCESS = {"0": "Write", "1": "Read", "2": "Access", "3": "ReadWrite"}


class _FromArchi:
    """An Archi model written as a 3.1 exchange document, as Archi's own exporter would."""

    def __init__(self, root: ET.Element) -> None:
        self.src = root
        self.ids = _Ids()
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
        _lang_text(out, "name", src.get("name", ""), None)
        purpose = src.find("purpose")
        if purpose is not None and purpose.text:
            _lang_text(out, "documentation", purpose.text, None)
        self.properties(src, out)
        for folder in src.findall("folder"):
            self.collect(folder)
        for v in self.views:
            self.view_names[v.get("id", "")] = v.get("name", "")
        if self.elements:
            holder = _sub(out, "elements")
            for e in self.elements:
                self.element(e, holder)
        if self.relationships:
            holder = _sub(out, "relationships")
            for r in self.relationships:
                self.relationship(r, holder)
        orgs = ET.Element(q("organizations"))
        for folder in src.findall("folder"):
            self.folder(folder, orgs)
        if len(orgs):
            out.append(orgs)
        if self.prop_ids:
            defs = _sub(out, "propertyDefinitions")
            for key, pid in self.prop_ids.items():
                pd = _sub(defs, "propertyDefinition", {"identifier": pid, "type": "string"})
                _lang_text(pd, "name", key, None)
        if self.views:
            diagrams = _sub(_sub(out, "views"), "diagrams")
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
        return node.get(_TYPE, "").rsplit(":", 1)[-1]

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
            _lang_text(dst, "name", name, None)
        doc = src.find("documentation")
        if doc is not None and doc.text:
            _lang_text(dst, "documentation", doc.text, None)
        self.properties(src, dst)

    def properties(self, src: ET.Element, dst: ET.Element) -> None:
        props = src.findall("property")
        if not props:
            return
        holder = _sub(dst, "properties")
        for p in props:
            key = p.get("key", "")
            pid = self.prop_ids.setdefault(key, f"propid-{len(self.prop_ids) + 1}")
            prop = _sub(holder, "property", {"propertyDefinitionRef": pid})
            _lang_text(prop, "value", p.get("value", ""), None)

    def element(self, src: ET.Element, holder: ET.Element) -> None:
        kind = self.kind(src)
        if kind == "Junction":
            kind = "OrJunction" if src.get("type") == "or" else "AndJunction"
        node = _sub(holder, "element", {"identifier": self.ids(src.get("id", "")), _TYPE: kind})
        if not src.get("name"):
            _lang_text(node, "name", "", None)
        self.texts(src, node)

    def relationship(self, src: ET.Element, holder: ET.Element) -> None:
        kind = self.kind(src).removesuffix("Relationship")
        attrib = {
            "identifier": self.ids(src.get("id", "")),
            "source": self.ids(src.get("source", "")),
            "target": self.ids(src.get("target", "")),
            _TYPE: kind,
        }
        if kind == "Access":
            attrib["accessType"] = _ACCESS.get(src.get("accessType", "0"), "Write")
        if kind == "Association" and src.get("directed") == "true":
            attrib["isDirected"] = "true"
        if kind == "Influence" and src.get("strength"):
            attrib["modifier"] = src.get("strength", "")
        node = _sub(holder, "relationship", attrib)
        self.texts(src, node)

    def folder(self, src: ET.Element, parent: ET.Element) -> None:
        item = _sub(parent, "item")
        _lang_text(item, "label", src.get("name", ""), None)
        doc = src.find("documentation")
        if doc is not None and doc.text:
            _lang_text(item, "documentation", doc.text, None)
        for child in src:
            if child.tag == "folder":
                self.folder(child, item)
            elif child.tag == "element" and child.get("id", "") in self.exported:
                _sub(item, "item", {"identifierRef": self.ids(child.get("id", ""))})

    # -- views ------------------------------------------------------------------------------

    def view(self, src: ET.Element, parent: ET.Element) -> None:
        attrib = {"identifier": self.ids(src.get("id", "")), _TYPE: "Diagram"}
        viewpoint = _viewpoint(src.get("viewpoint", ""))
        if viewpoint:
            attrib["viewpoint"] = viewpoint
        view = _sub(parent, "view", attrib)
        _lang_text(view, "name", src.get("name", ""), None)
        doc = src.find("documentation")
        if doc is not None and doc.text:
            _lang_text(view, "documentation", doc.text, None)
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
            attrib[_TYPE] = "Element"
            attrib["elementRef"] = self.ids(src.get("archimateElement", ""))
        elif kind == "Group":
            attrib[_TYPE] = "Container"
            label = src.get("name", "")
        elif kind == "DiagramModelReference":
            attrib[_TYPE] = "Label"
            label = self.view_names.get(src.get("model", ""), src.get("name", ""))
        else:  # Note and anything else that only shows text
            attrib[_TYPE] = "Label"
            content = src.find("content")
            label = content.text if content is not None and content.text else src.get("name", "")
        node = _sub(parent, "node", attrib)
        if label is not None:
            _lang_text(node, "label", label, None)
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
            attrib[_TYPE] = "Relationship"
            attrib["relationshipRef"] = self.ids(src.get("archimateRelationship", ""))
        else:
            attrib[_TYPE] = "Line"
        node = _sub(view, "connection", attrib)
        if src.get("name") and attrib[_TYPE] == "Line":
            _lang_text(node, "label", src.get("name", ""), None)
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
            _sub(node, "bendpoint", {"x": str(max(0, px)), "y": str(max(0, py))})


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
    out = _sub(dst, "style")
    if fill:
        _sub(out, "fillColor", fill)
    if line:
        _sub(out, "lineColor", line)
    if font_attrib or font_color:
        f = _sub(out, "font", font_attrib)
        if font_color:
            _sub(f, "color", font_color)
