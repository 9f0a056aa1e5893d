"""ArchiMate 3.1 Model Exchange File Format: export (here) and import (re-exported).

The export is meant to open in Archi and to come back unchanged: every element carries its
vndgaf id and kind as properties, reference fields become relationships tagged with the field
they come from, and a flow through platforms becomes a chain of Flow relationships tagged with
the flow id and hop index. docs/exchange.md has the full mapping table.
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET
from collections.abc import Iterable
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
from vndgaf.textsafe import digest, id_token, xml_document, xml_text

__all__ = ["ImportResult", "KeptItem", "MappedItem", "from_archimate", "to_archimate"]

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
    ids = _Ids()
    nodes = list(iter_nodes(arch))
    xid_of: dict[str, str] = {}
    node_xids: list[tuple[str, NodeElement, str]] = []
    for kind, element in nodes:
        xid = ids.element(element.id)
        xid_of.setdefault(element.id, xid)
        node_xids.append((kind, element, xid))

    placeholders: dict[str, str] = {}  # vndgaf id -> kind, for referenced but undefined ids

    def target_xid(ref: str, kinds: tuple[str, ...]) -> str:
        if ref not in xid_of:
            xid_of[ref] = ids.element(ref)
            placeholders[ref] = kinds[0] if kinds[0] in ELEMENT_TYPE else "system"
        return xid_of[ref]

    rels: list[_Rel] = []
    for kind, element, xid in node_xids:
        rels.extend(_reference_rels(kind, element, xid, target_xid, ids))
    for flow in arch.flows:
        rels.extend(_flow_rels(flow, target_xid, ids))

    used_props: dict[str, str] = {}
    root = ET.Element(
        "model", {"xmlns": NS3, "xmlns:xsi": XSI, "xsi:schemaLocation": SCHEMA_LOCATION}
    )
    root.set("identifier", "model")  # never an element id: those start with "id-"
    title = arch.submission.title if arch.submission and arch.submission.title else None
    _name(root, title or label("model", lang), lang)
    _properties(root, _model_props(arch), used_props)

    elements = ET.SubElement(root, "elements")
    for kind, element, xid in node_xids:
        _element(
            elements,
            ELEMENT_TYPE[kind],
            xid,
            element.name,
            lang,
            getattr(element, "name_en", None),
            _node_props(kind, element),
            used_props,
        )
    for ref, kind in placeholders.items():
        reference = "catalogue" if ref.startswith("vn:") else "undefined"
        _element(
            elements,
            ELEMENT_TYPE[kind],
            xid_of[ref],
            ref,
            lang,
            None,
            [(PROP.ID, ref), (PROP.ELEMENT, kind), (PROP.REFERENCE, reference)],
            used_props,
        )
    if not len(elements):
        root.remove(elements)

    if rels:
        rel_root = ET.SubElement(root, "relationships")
        for rel in rels:
            _relationship(rel_root, rel, lang, used_props)

    xid_by_object = {id(element): xid for _kind, element, xid in node_xids}
    _organizations(root, group_by_tier(arch), xid_by_object, xid_of, placeholders, lang)

    if used_props:
        defs = ET.SubElement(root, "propertyDefinitions")
        for name in sorted(used_props):
            pd = ET.SubElement(
                defs,
                "propertyDefinition",
                {"identifier": _propdef_id(name), "type": used_props[name]},
            )
            _name(pd, name, None)

    _view(root, node_xids, placeholders, xid_of, rels, lang)
    return xml_document(root)


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
    parent: ET.Element,
    xsi_type: str,
    xid: str,
    name: str,
    lang: str,
    name_en: str | None,
    props: list[tuple[str, Any]],
    used: dict[str, str],
) -> None:
    node = ET.SubElement(parent, "element", {"identifier": xid, _TYPE: xsi_type})
    _name(node, name, lang)
    if name_en is not None and lang != "en":
        _name(node, name_en, "en")
    _properties(node, props, used)


def _reference_rels(
    kind: str, element: NodeElement, xid: str, target_xid: Any, ids: _Ids
) -> list[_Rel]:
    rels: list[_Rel] = []
    for f in ref_fields(type(element)):
        spec = ROLES[(kind, f.name)]
        value = getattr(element, f.name)
        refs = value if isinstance(value, tuple) else (value,) if value is not None else ()
        for n, ref in enumerate(refs):
            other = target_xid(ref, f.metadata["ref"])
            src, tgt = (other, xid) if spec.reverse else (xid, other)
            key = f"{f.name}|{element.id}|{ref}|{n}"
            rels.append(
                _Rel(
                    ids.relationship(key),
                    spec.rel_type,
                    src,
                    tgt,
                    None,
                    ((PROP.ROLE, f.name),),
                    spec.access_type,
                    directed=spec.rel_type == "Association",
                )
            )
    return rels


def _flow_rels(flow: DataFlow, target_xid: Any, ids: _Ids) -> list[_Rel]:
    fields = attrs.fields(DataFlow)
    chain = [target_xid(flow.source, fields.source.metadata["ref"])]
    chain += [target_xid(v, fields.via.metadata["ref"]) for v in flow.via]
    chain.append(target_xid(flow.target, fields.target.metadata["ref"]))
    rels: list[_Rel] = []
    for hop in range(len(chain) - 1):
        props: list[tuple[str, Any]] = [(PROP.ROLE, "flow"), (PROP.FLOW, flow.id), (PROP.HOP, hop)]
        if hop == 0:
            props += [(prop(f.name), getattr(flow, f.name)) for f in value_fields(DataFlow)]
        rels.append(
            _Rel(
                ids.relationship(f"flow|{flow.id}|{hop}"),
                "Flow",
                chain[hop],
                chain[hop + 1],
                flow.name,
                tuple(props),
            )
        )
    first = rels[0].xid
    for n, entity in enumerate(flow.entities):
        other = target_xid(entity, fields.entities.metadata["ref"])
        rels.append(
            _Rel(
                ids.relationship(f"entities|{flow.id}|{entity}|{n}"),
                "Association",
                first,
                other,
                None,
                ((PROP.ROLE, "entities"), (PROP.FLOW, flow.id)),
                directed=True,
            )
        )
    return rels


def _relationship(parent: ET.Element, rel: _Rel, lang: str, used: dict[str, str]) -> None:
    node = ET.SubElement(
        parent,
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


def _organizations(
    root: ET.Element,
    grouping: Grouping,
    xid_by_object: dict[int, str],
    xid_of: dict[str, str],
    placeholders: dict[str, str],
    lang: str,
) -> None:
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
    folder(orgs, label("references", lang), [xid_of[ref] for ref in placeholders])
    if len(orgs):
        root.append(orgs)


def _view(
    root: ET.Element,
    node_xids: list[tuple[str, NodeElement, str]],
    placeholders: dict[str, str],
    xid_of: dict[str, str],
    rels: list[_Rel],
    lang: str,
) -> None:
    views = ET.SubElement(root, "views")
    diagrams = ET.SubElement(views, "diagrams")
    view = ET.SubElement(diagrams, "view", {"identifier": "view-overview", _TYPE: "Diagram"})
    _name(view, label("overview", lang), lang)
    bands: dict[str, list[str]] = {}
    for kind, element, xid in node_xids:
        band = f"agency:{getattr(element, 'level', '')}" if kind == "agency" else kind
        bands.setdefault(band, []).append(xid)
    bands["references"] = [xid_of[ref] for ref in placeholders]
    order = [
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
    ]
    ordered = [b for b in order if b in bands] + sorted(b for b in bands if b not in order)
    node_of: dict[str, str] = {}
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
            ET.SubElement(
                view,
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
    for rel in rels:
        if rel.source in node_of and rel.target in node_of:
            ET.SubElement(
                view,
                "connection",
                {
                    "identifier": "c-" + rel.xid,
                    "relationshipRef": rel.xid,
                    _TYPE: "Relationship",
                    "source": node_of[rel.source],
                    "target": node_of[rel.target],
                },
            )
