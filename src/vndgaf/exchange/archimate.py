"""ArchiMate 3.1 Model Exchange File Format: export (here) and import (re-exported).

The export is meant to open in Archi and to come back unchanged: every element carries its
vndgaf id and kind as properties, reference fields become relationships tagged with the field
they come from, and a flow through platforms becomes a chain of Flow relationships tagged with
the flow id and hop index. docs/exchange.md has the full mapping table.
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs

from vndgaf.exchange._archimate_vocab import (
    ELEMENT_TYPE,
    MODEL_PROPERTY,
    NS3,
    PROP,
    ROLES,
    SCHEMA_LOCATION,
    XSI,
    prop,
)
from vndgaf.exchange._fields import (
    NodeElement,
    encode_value,
    field_type_name,
    iter_nodes,
    ref_fields,
    value_fields,
)
from vndgaf.exchange._grouping import Grouping, group_by_tier, label
from vndgaf.exchange.archimate_import import ImportResult, KeptItem, MappedItem, from_archimate
from vndgaf.model import FORMAT_VERSION, Architecture, DataFlow
from vndgaf.textsafe import (
    StreamedElement,
    digest,
    id_token,
    xml_document_chunks,
    xml_text,
)

__all__ = [
    "ImportResult",
    "KeptItem",
    "MappedItem",
    "archimate_chunks",
    "from_archimate",
    "to_archimate",
]

# Written with literal prefixes (ElementTree cannot combine a default namespace with
# unqualified attributes); the root declares both namespaces.
_LANG = "xml:lang"
_TYPE = "xsi:type"

# Generated layout: a grid of rows, one band of rows per group of elements.
_COLUMNS = 6
_NODE_W, _NODE_H = 200, 60
_STEP_X, _STEP_Y = 240, 100
_MARGIN = 24


@attrs.frozen
class _Rel:
    """One relationship to write."""

    xid: str
    rel_type: str
    source: str
    target: str
    name: str | None
    props: tuple[tuple[str, Any], ...]
    access_type: str | None = None
    directed: bool = False


class _Ids:
    """Deterministic, unique xs:ID values for vndgaf ids and relationship keys."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def unique(self, candidate: str) -> str:
        xid, n = candidate, 1
        while xid in self._used:
            n += 1
            xid = f"{candidate}_d{n}"
        self._used.add(xid)
        return xid

    def element(self, vid: str) -> str:
        return self.unique("id-" + id_token(vid, xml=True))

    def relationship(self, key: str) -> str:
        return self.unique("rel-" + digest(key, 16))


def to_archimate(arch: Architecture, *, lang: str = "vi") -> str:
    """The architecture as an ArchiMate 3.1 exchange file (deterministic text, UTF-8 ready)."""
    return "".join(archimate_chunks(arch, lang=lang))


def archimate_chunks(arch: Architecture, *, lang: str = "vi") -> Iterator[str]:
    """:func:`to_archimate` in pieces, made while they are written: the file of a national
    model (100,000 flows, 300 MB of XML) is never held whole, nor its relationships."""
    return xml_document_chunks(_Document(arch, lang).root())


class _Document:
    """What the document needs before its first element is written: the xs:ID of every
    element and of every referenced id that no element defines (a placeholder, listed after
    the elements). Relationships are made twice, as written and for the view, and never held."""

    def __init__(self, arch: Architecture, lang: str) -> None:
        self.arch, self.lang = arch, lang
        ids = _Ids()
        self.node_xids: list[tuple[str, NodeElement, str]] = []
        self.xid_of: dict[str, str] = {}
        for kind, element in iter_nodes(arch):
            xid = ids.element(element.id)
            self.xid_of.setdefault(element.id, xid)
            self.node_xids.append((kind, element, xid))
        self.placeholders: dict[str, str] = {}  # vndgaf id -> kind
        self.has_relationships = False
        for ref, kinds in _referenced(self.node_xids, arch.flows):
            self.has_relationships = True
            if ref not in self.xid_of:
                self.xid_of[ref] = ids.element(ref)
                self.placeholders[ref] = kinds[0] if kinds[0] in ELEMENT_TYPE else "system"
        self.used_props: dict[str, str] = {}  # filled as elements and relationships are made

    def relationships(self) -> Iterator[_Rel]:
        """Every relationship, with the same ids each time it is called."""
        ids = _Ids()

        def target_xid(ref: str, _kinds: tuple[str, ...]) -> str:
            return self.xid_of[ref]  # every referenced id has one (see __init__)

        for kind, element, xid in self.node_xids:
            yield from _reference_rels(kind, element, xid, target_xid, ids)
        for flow in self.arch.flows:
            yield from _flow_rels(flow, target_xid, ids)

    def root(self) -> StreamedElement:
        attributes = {
            "xmlns": NS3,
            "xmlns:xsi": XSI,
            "xsi:schemaLocation": SCHEMA_LOCATION,
            "identifier": "model",  # never an element id: those start with "id-"
        }
        return StreamedElement("model", attributes, self._model_children())

    def _model_children(self) -> Iterator[ET.Element | StreamedElement]:
        arch, lang, used = self.arch, self.lang, self.used_props
        head = ET.Element("model")
        title = arch.submission.title if arch.submission and arch.submission.title else None
        _name(head, title or label("model", lang), lang)
        _properties(head, _model_props(arch), used)
        yield from head
        if self.node_xids or self.placeholders:
            yield StreamedElement("elements", {}, self._elements())
        if self.has_relationships:
            yield StreamedElement(
                "relationships",
                {},
                (_relationship(rel, lang, used) for rel in self.relationships()),
            )
        orgs = _organizations(self, group_by_tier(arch))
        if len(orgs):
            yield orgs
        # Written after the elements and relationships, so every property they use is known.
        if used:
            defs = ET.Element("propertyDefinitions")
            for name in sorted(used):
                pd = ET.SubElement(
                    defs,
                    "propertyDefinition",
                    {"identifier": _propdef_id(name), "type": used[name]},
                )
                _name(pd, name, None)
            yield defs
        view = StreamedElement(
            "view", {"identifier": "view-overview", _TYPE: "Diagram"}, self._view_children()
        )
        yield StreamedElement("views", {}, [StreamedElement("diagrams", {}, [view])])

    def _elements(self) -> Iterator[ET.Element]:
        lang, used = self.lang, self.used_props
        for kind, element, xid in self.node_xids:
            name_en = getattr(element, "name_en", None)
            props = _node_props(kind, element)
            yield _element(ELEMENT_TYPE[kind], xid, element.name, lang, name_en, props, used)
        for ref, kind in self.placeholders.items():
            reference = "catalogue" if ref.startswith("vn:") else "undefined"
            props = [(PROP.ID, ref), (PROP.ELEMENT, kind), (PROP.REFERENCE, reference)]
            yield _element(ELEMENT_TYPE[kind], self.xid_of[ref], ref, lang, None, props, used)

    def _view_children(self) -> Iterator[ET.Element]:
        name = ET.Element("view")
        _name(name, label("overview", self.lang), self.lang)
        yield from name
        node_of: dict[str, str] = {}
        yield from _view_nodes(self, node_of)
        for rel in self.relationships():
            if rel.source in node_of and rel.target in node_of:
                yield ET.Element(
                    "connection",
                    {
                        "identifier": "c-" + rel.xid,
                        "relationshipRef": rel.xid,
                        _TYPE: "Relationship",
                        "source": node_of[rel.source],
                        "target": node_of[rel.target],
                    },
                )


def _refs(value: Any) -> tuple[str, ...]:
    """The ids held by a reference field (one, several or none)."""
    return value if isinstance(value, tuple) else (value,) if value is not None else ()


def _referenced(
    node_xids: Iterable[tuple[str, NodeElement, str]], flows: Iterable[DataFlow]
) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Every id a relationship points at, with the kinds it may have, in the order of
    :meth:`_Document.relationships` (so placeholders get their ids in that order)."""
    for _kind, element, _xid in node_xids:
        for f in ref_fields(type(element)):
            for ref in _refs(getattr(element, f.name)):
                yield ref, f.metadata["ref"]
    fields = attrs.fields(DataFlow)
    for flow in flows:
        yield flow.source, fields.source.metadata["ref"]
        for via in flow.via:
            yield via, fields.via.metadata["ref"]
        yield flow.target, fields.target.metadata["ref"]
        for entity in flow.entities:
            yield entity, fields.entities.metadata["ref"]


@functools.lru_cache(maxsize=4096)
def _propdef_id(name: str) -> str:
    # From the written form of the name, so that a re-imported name gives the same id.
    return "pd-" + id_token(xml_text(name), xml=True)


def _name(parent: ET.Element, text: str, lang: str | None, tag: str = "name") -> None:
    node = ET.SubElement(parent, tag)
    if lang:
        node.set(_LANG, lang)
    node.text = xml_text(text)


def _properties(parent: ET.Element, props: Iterable[tuple[str, Any]], used: dict[str, str]) -> None:
    items = [(k, v) for k, v in props if v is not None and v != () and v != {}]
    if not items:
        return
    holder = ET.SubElement(parent, "properties")
    for key, value in items:
        used.setdefault(xml_text(key), field_type_name(value))
        node = ET.SubElement(holder, "property", {"propertyDefinitionRef": _propdef_id(key)})
        ET.SubElement(node, "value").text = xml_text(encode_value(value))


def _model_props(arch: Architecture) -> list[tuple[str, Any]]:
    props: list[tuple[str, Any]] = [(PROP.FORMAT_VERSION, FORMAT_VERSION)]
    if arch.submission is not None:
        for f in attrs.fields(type(arch.submission)):
            props.append((MODEL_PROPERTY(f.name), getattr(arch.submission, f.name)))
    return props


def _node_props(kind: str, element: NodeElement) -> list[tuple[str, Any]]:
    props: list[tuple[str, Any]] = [(PROP.ID, element.id), (PROP.ELEMENT, kind)]
    for f in value_fields(type(element)):
        props.append((prop(f.name), getattr(element, f.name)))
    free = getattr(element, "properties", None)
    if isinstance(free, dict):
        props.extend((str(k), str(v)) for k, v in free.items())
    return props


def _element(
    xsi_type: str,
    xid: str,
    name: str,
    lang: str,
    name_en: str | None,
    props: list[tuple[str, Any]],
    used: dict[str, str],
) -> ET.Element:
    node = ET.Element("element", {"identifier": xid, _TYPE: xsi_type})
    _name(node, name, lang)
    if name_en is not None and lang != "en":
        _name(node, name_en, "en")
    _properties(node, props, used)
    return node


#: The xs:ID of a referenced vndgaf id, given the kinds the reference may point at (a merge
#: makes a placeholder element for an id it has not seen).
TargetXid = Callable[[str, tuple[str, ...]], str]


def _reference_rels(
    kind: str, element: NodeElement, xid: str, target_xid: TargetXid, ids: _Ids
) -> Iterator[_Rel]:
    for f in ref_fields(type(element)):
        spec = ROLES[(kind, f.name)]
        for n, ref in enumerate(_refs(getattr(element, f.name))):
            other = target_xid(ref, f.metadata["ref"])
            src, tgt = (other, xid) if spec.reverse else (xid, other)
            key = f"{f.name}|{element.id}|{ref}|{n}"
            yield _Rel(
                ids.relationship(key),
                spec.rel_type,
                src,
                tgt,
                None,
                ((PROP.ROLE, f.name),),
                spec.access_type,
                directed=spec.rel_type == "Association",
            )


def _flow_rels(flow: DataFlow, target_xid: TargetXid, ids: _Ids) -> Iterator[_Rel]:
    fields = attrs.fields(DataFlow)
    chain = [target_xid(flow.source, fields.source.metadata["ref"])]
    chain += [target_xid(v, fields.via.metadata["ref"]) for v in flow.via]
    chain.append(target_xid(flow.target, fields.target.metadata["ref"]))
    first = ""
    for hop in range(len(chain) - 1):
        props: list[tuple[str, Any]] = [(PROP.ROLE, "flow"), (PROP.FLOW, flow.id), (PROP.HOP, hop)]
        if hop == 0:
            props += [(prop(f.name), getattr(flow, f.name)) for f in value_fields(DataFlow)]
        rel = _Rel(
            ids.relationship(f"flow|{flow.id}|{hop}"),
            "Flow",
            chain[hop],
            chain[hop + 1],
            flow.name,
            tuple(props),
        )
        first = first or rel.xid
        yield rel
    for n, entity in enumerate(flow.entities):
        yield _Rel(
            ids.relationship(f"entities|{flow.id}|{entity}|{n}"),
            "Association",
            first,
            target_xid(entity, fields.entities.metadata["ref"]),
            None,
            ((PROP.ROLE, "entities"), (PROP.FLOW, flow.id)),
            directed=True,
        )


def _relationship(rel: _Rel, lang: str, used: dict[str, str]) -> ET.Element:
    node = ET.Element(
        "relationship",
        {"identifier": rel.xid, "source": rel.source, "target": rel.target, _TYPE: rel.rel_type},
    )
    if rel.access_type:
        node.set("accessType", rel.access_type)
    if rel.directed:
        node.set("isDirected", "true")
    if rel.name is not None:
        _name(node, rel.name, lang)
    _properties(node, rel.props, used)
    return node


def _organizations(doc: _Document, grouping: Grouping) -> ET.Element:
    """The folders: per tier, each agency with what it owns, then its units; then entities,
    other elements and placeholders. Empty folders are left out."""
    lang = doc.lang
    xid_by_object = {id(element): xid for _kind, element, xid in doc.node_xids}
    orgs = ET.Element("organizations")

    def xid(element: NodeElement) -> str:
        return xid_by_object[id(element)]

    def folder(parent: ET.Element, text: str, members: Iterable[str]) -> None:
        refs = list(members)
        if not refs:
            return
        item = ET.SubElement(parent, "item")
        _name(item, text, lang, tag="label")
        for ref in refs:
            ET.SubElement(item, "item", {"identifierRef": ref})

    for tier in grouping.tiers:
        tier_item = ET.SubElement(orgs, "item")
        _name(tier_item, label(tier.tier, lang), lang, tag="label")
        for group in tier.agencies:
            folder(
                tier_item, group.agency.name, [xid(group.agency)] + [xid(m) for m in group.members]
            )
        folder(tier_item, label("units", lang), [xid(u) for u in tier.units])
    folder(orgs, label("entities", lang), [xid(e) for e in grouping.entities])
    folder(orgs, label("other", lang), [xid(e) for e in grouping.other])
    folder(orgs, label("references", lang), [doc.xid_of[ref] for ref in doc.placeholders])
    return orgs


_BAND_ORDER = (
    "agency:central",
    "agency:provincial",
    "agency:district",
    "agency:commune",
    "platform",
    "system",
    "database",
    "entity",
    "service",
    "investment",
    "unit",
)


def _view_nodes(doc: _Document, node_of: dict[str, str]) -> Iterator[ET.Element]:
    """The view's boxes on a grid, one band of rows per kind (agencies per level); fills
    ``node_of`` (element xs:ID -> box id) for the connections."""
    bands: dict[str, list[str]] = {}
    for kind, element, xid in doc.node_xids:
        band = f"agency:{getattr(element, 'level', '')}" if kind == "agency" else kind
        bands.setdefault(band, []).append(xid)
    bands["references"] = [doc.xid_of[ref] for ref in doc.placeholders]
    ordered = [b for b in _BAND_ORDER if b in bands] + sorted(
        b for b in bands if b not in _BAND_ORDER
    )
    row = 0
    for band in ordered:
        members = bands[band]
        for i, xid in enumerate(members):
            if xid in node_of:
                continue
            node_id = "n-" + xid
            node_of[xid] = node_id
            x = _MARGIN + (i % _COLUMNS) * _STEP_X
            y = _MARGIN + (row + i // _COLUMNS) * _STEP_Y
            yield ET.Element(
                "node",
                {
                    "identifier": node_id,
                    "elementRef": xid,
                    _TYPE: "Element",
                    "x": str(x),
                    "y": str(y),
                    "w": str(_NODE_W),
                    "h": str(_NODE_H),
                },
            )
        if members:
            row += (len(members) + _COLUMNS - 1) // _COLUMNS
