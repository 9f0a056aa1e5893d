"""Writing an imported model back to ArchiMate with nothing lost: the base plus the user's changes.

An architect imports an ArchiMate model, corrects it in vndgaf (owners, tiers, names, flows,
elements added or removed), and takes it back to Archi. :func:`merge_archimate` starts from the
*base* (the source model as a 3.1 exchange document, as :func:`read_model` gives it), imports it
again to learn what the base says in vndgaf terms (``A0``, with the same agency map as the first
import), compares that with the user's architecture (``A1``), and applies the difference to the
base:

- an element of A1 that is in A0 keeps its ArchiMate element; a changed name replaces the name, a
  changed field becomes a ``vndgaf:`` property (read back by the importer), a changed kind a
  ``vndgaf:element`` property;
- an element of A0 that is not in A1 is removed, with its relationships, the view nodes and
  connections that show them and its folder entries;
- an element of A1 not in A0 is added as vndgaf's own export writes it, in a folder "vndgaf";
- a reference added in A1 (an owner, a tenant …) becomes a relationship tagged ``vndgaf:role``;
  one removed removes the relationship it came from;
- a flow added becomes a chain of Flow relationships tagged with its id; one removed removes its
  relationship; a changed flow gets its fields as properties (or a new chain when its ends
  changed);
- a changed submission block becomes the model's ``vndgaf:submission.…`` properties.

What cannot be applied is said in ``MergeResult.notes`` (for example a derived flow removed in
vndgaf: the relationships it was derived from stay in the model). Unchanged, an imported model
comes back with every element, relationship, property, view and organisation of the base.
"""

from __future__ import annotations

import copy
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable
from typing import Any

import attrs

from vndgaf.errors import InputError
from vndgaf.exchange._archimate_vocab import (
    ELEMENT_TYPE,
    MODEL_PROPERTY,
    NS3,
    PROP,
    ROLES,
    SCHEMA_LOCATION,
    XML_NS,
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
from vndgaf.exchange.archimate import (
    _element,
    _flow_rels,
    _Ids,
    _node_props,
    _propdef_id,
    _Rel,
    _relationship,
)
from vndgaf.exchange.archimate_agencies import AgencyMap
from vndgaf.exchange.archimate_import import ImportResult, import_model
from vndgaf.exchange.archimate_read import SourceModel, document_text
from vndgaf.model import Architecture, DataFlow
from vndgaf.textsafe import xml_text

__all__ = ["MergeResult", "merge_archimate"]

_TYPE = f"{{{XSI}}}type"
_LANG = f"{{{XML_NS}}}lang"
_ELEMENT_KINDS = frozenset(kind for kind in ELEMENT_TYPE)


def _q(tag: str) -> str:
    return f"{{{NS3}}}{tag}"


@attrs.frozen
class MergeResult:
    """The exchange document written, and what of the user's changes could not be applied."""

    text: str
    notes: tuple[str, ...]


class _Doc:
    """The output document: an editable copy of the base with lookups by identifier."""

    def __init__(self, root: ET.Element) -> None:
        self.root = root
        self.ids = _Ids()
        for node in root.iter():
            ident = node.get("identifier")
            if ident:
                self.ids.unique(ident)
        self.used_props: dict[str, str] = {}
        self.prop_ids: dict[str, str] = {}  # property name -> definition id in the base
        names: dict[str, str] = {}
        for d in root.iter(_q("propertyDefinition")):
            name = d.findtext(_q("name")) or ""
            names[d.get("identifier", "")] = name
            self.prop_ids.setdefault(name, d.get("identifier", ""))
        self.prop_names = names
        self.concepts: dict[str, ET.Element] = {}
        for part, tag in (("elements", "element"), ("relationships", "relationship")):
            for holder in root.findall(_q(part)):
                for node in holder.findall(_q(tag)):
                    self.concepts[node.get("identifier", "")] = node

    def container(self, part: str) -> ET.Element:
        """The ``elements`` or ``relationships`` container, created in schema order if absent."""
        found = self.root.find(_q(part))
        if found is not None:
            return found
        order = ["elements", "relationships", "organizations", "propertyDefinitions", "views"]
        node = ET.Element(_q(part))
        after = order[order.index(part) + 1 :]
        children = list(self.root)
        index = next(
            (i for i, c in enumerate(children) if c.tag in {_q(t) for t in after}), len(children)
        )
        self.root.insert(index, node)
        return node

    # -- removal ------------------------------------------------------------------------------
    def remove(self, ids: Iterable[str]) -> int:
        """Remove concepts, relationships that touch them, and what shows or lists them."""
        gone = {i for i in ids if i in self.concepts}
        changed = True
        while changed:
            changed = False
            for ident, node in self.concepts.items():
                if ident in gone or node.tag != _q("relationship"):
                    continue
                if node.get("source") in gone or node.get("target") in gone:
                    gone.add(ident)
                    changed = True
        for part in ("elements", "relationships"):
            for holder in self.root.findall(_q(part)):
                for node in list(holder):
                    if node.get("identifier") in gone:
                        holder.remove(node)
                if not len(holder):
                    self.root.remove(holder)
        for ident in gone:
            self.concepts.pop(ident, None)
        self._remove_from_views(gone)
        self._remove_from_folders(self.root, gone)
        return len(gone)

    def _remove_from_views(self, gone: set[str]) -> None:
        for view in self.root.iter(_q("view")):
            removed: set[str] = set()
            stack = [view]
            while stack:
                parent = stack.pop()
                for child in list(parent):
                    if child.tag != _q("node"):
                        continue
                    if child.get("elementRef") in gone:
                        removed.update(n.get("identifier", "") for n in child.iter(_q("node")))
                        parent.remove(child)
                    else:
                        stack.append(child)
            changed = True
            while changed:
                changed = False
                for conn in list(view.findall(_q("connection"))):
                    if (
                        conn.get("relationshipRef") in gone
                        or conn.get("source") in removed
                        or conn.get("target") in removed
                    ):
                        view.remove(conn)
                        removed.add(conn.get("identifier", ""))
                        changed = True

    def _remove_from_folders(self, parent: ET.Element, gone: set[str]) -> None:
        for child in list(parent):
            if child.tag == _q("item"):
                if child.get("identifierRef") in gone:
                    parent.remove(child)
                    continue
                self._remove_from_folders(child, gone)
            elif child.tag == _q("organizations"):
                self._remove_from_folders(child, gone)

    # -- properties ---------------------------------------------------------------------------
    def set_property(self, node: ET.Element, name: str, value: Any) -> None:
        """Set property ``name`` of a concept (or the model) to ``value``, replacing any."""
        text = value if isinstance(value, str) else encode_value(value)
        holder = node.find(_q("properties"))
        if holder is None:
            holder = ET.Element(_q("properties"))
            tags = {_q("name"), _q("documentation")}
            index = sum(1 for c in node if c.tag in tags)
            node.insert(index, holder)
        for p in holder.findall(_q("property")):
            if self.prop_names.get(p.get("propertyDefinitionRef", "")) == name:
                for v in p.findall(_q("value")):
                    p.remove(v)
                ET.SubElement(p, _q("value")).text = xml_text(text)
                return
        ref = self.prop_ids.get(name)
        if ref is None:
            ref = self.ids.unique(_propdef_id(name))
            self.prop_ids[name] = ref
            self.prop_names[ref] = name
            self.used_props[name] = "string" if isinstance(value, str) else field_type_name(value)
        p = ET.SubElement(holder, _q("property"), {"propertyDefinitionRef": ref})
        ET.SubElement(p, _q("value")).text = xml_text(text)

    def write_definitions(self) -> None:
        if not self.used_props:
            return
        defs = self.root.find(_q("propertyDefinitions"))
        if defs is None:
            defs = ET.Element(_q("propertyDefinitions"))
            views = self.root.find(_q("views"))
            children = list(self.root)
            self.root.insert(children.index(views) if views is not None else len(children), defs)
        existing = {d.get("identifier") for d in defs.findall(_q("propertyDefinition"))}
        for name in sorted(self.used_props):
            ident = self.prop_ids.get(name) or _propdef_id(name)
            if ident in existing:
                continue
            existing.add(ident)
            pd = ET.SubElement(
                defs,
                _q("propertyDefinition"),
                {"identifier": ident, "type": self.used_props[name]},
            )
            ET.SubElement(pd, _q("name")).text = xml_text(name)


def _pick_name(node: ET.Element) -> ET.Element | None:
    names = node.findall(_q("name"))
    for wanted in ("vi", None):
        for n in names:
            if n.get(_LANG) == wanted:
                return n
    return names[0] if names else None


class _Merge:
    """One merge: the output document, the two architectures and how they map to it."""

    def __init__(self, doc: _Doc, a0: ImportResult, a1: Architecture, lang: str) -> None:
        self.doc = doc
        self.a0 = a0.architecture
        self.a1 = a1
        self.lang = lang
        self.notes: list[str] = []
        self.xid: dict[str, str] = {}  # vndgaf id (element or catalogue reference) -> identifier
        self.facts: dict[tuple[str, str, str], list[str]] = {}
        self.derived_facts: set[tuple[str, str, str]] = set()
        self.flow_rels: dict[str, list[str]] = {}
        for m in a0.mapped:
            if m.kind in _ELEMENT_KINDS or m.kind == "reference":
                self.xid.setdefault(m.target_id, m.source_id)
            elif m.holder:
                key = (m.holder, m.kind, m.value)
                if m.derived_from:
                    self.derived_facts.add(key)
                else:
                    self.facts.setdefault(key, []).append(m.source_id)
            elif m.kind in ("flow", "hop") and not m.derived_from:
                self.flow_rels.setdefault(m.target_id, []).append(m.source_id)
        self.folder: ET.Element | None = None
        self.placeholders: dict[str, str] = {}

    # -- elements -----------------------------------------------------------------------------
    def elements(self) -> None:
        n0 = {e.id: (k, e) for k, e in iter_nodes(self.a0)}
        n1 = {e.id: (k, e) for k, e in iter_nodes(self.a1)}
        if n0 and n1 and not set(n0) & set(n1):
            raise InputError(
                "the base model does not look like the one this submission was imported from "
                "(no element id in common): give the file it was imported from"
            )
        removed = [self.xid[v] for v in n0 if v not in n1 and v in self.xid]
        if removed:
            count = self.doc.remove(removed)
            self.notes.append(
                f"{len(removed)} element(s) removed in vndgaf removed from the model, "
                f"with {count - len(removed)} relationship(s) that touched them"
            )
        for vid, (kind, e1) in n1.items():
            if vid in n0 and vid in self.xid:
                self.update(self.doc.concepts[self.xid[vid]], n0[vid][0], n0[vid][1], kind, e1)
            else:
                self.add(kind, e1)

    def update(
        self, node: ET.Element, kind0: str, e0: NodeElement, kind1: str, e1: NodeElement
    ) -> None:
        if e1.name != e0.name:
            name = _pick_name(node)
            if name is None:
                name = ET.Element(_q("name"))
                node.insert(0, name)
            name.text = xml_text(e1.name)
        if kind1 != kind0:
            self.doc.set_property(node, PROP.ELEMENT, kind1)
        f0 = {f.name for f in attrs.fields(type(e0))}
        for f in value_fields(type(e1)):
            v1 = getattr(e1, f.name)
            if f.name not in f0 or getattr(e0, f.name) != v1:
                self.doc.set_property(node, prop(f.name), v1)
        free0: dict[str, str] = getattr(e0, "properties", {}) or {}
        free1: dict[str, str] = getattr(e1, "properties", {}) or {}
        for key, value in free1.items():
            if free0.get(key) == value or key == "hosted_on":
                continue
            if key == "documentation":
                doc = node.find(_q("documentation"))
                if doc is None:
                    doc = ET.Element(_q("documentation"))
                    node.insert(len(node.findall(_q("name"))), doc)
                doc.text = xml_text(value)
            else:
                self.doc.set_property(node, key, value)
        for key in free0.keys() - free1.keys() - {"hosted_on", "documentation"}:
            self.notes.append(f"property {key!r} removed from {e1.id} in vndgaf: kept in the model")

    def add(self, kind: str, e1: NodeElement) -> None:
        xid = self.doc.ids.element(e1.id)
        holder = self.doc.container("elements")
        element = _element(
            ELEMENT_TYPE[kind],
            xid,
            e1.name,
            self.lang,
            getattr(e1, "name_en", None),
            _node_props(kind, e1),
            self.doc.used_props,
        )
        holder.append(element)
        self.xid[e1.id] = xid
        self.in_folder(xid)

    def in_folder(self, xid: str) -> None:
        if self.folder is None:
            orgs = self.doc.root.find(_q("organizations"))
            if orgs is None:
                orgs = ET.Element(_q("organizations"))
                children = list(self.doc.root)
                after = {_q("propertyDefinitions"), _q("views")}
                index = next((i for i, c in enumerate(children) if c.tag in after), len(children))
                self.doc.root.insert(index, orgs)
            self.folder = ET.SubElement(orgs, _q("item"))
            ET.SubElement(self.folder, _q("label")).text = "vndgaf"
        ET.SubElement(self.folder, _q("item"), {"identifierRef": xid})

    def target_xid(self, ref: str, kinds: tuple[str, ...]) -> str:
        """The identifier of a referenced id; a catalogue id never seen gets a placeholder."""
        if ref in self.xid:
            return self.xid[ref]
        if ref not in self.placeholders:
            kind = kinds[0] if kinds[0] in ELEMENT_TYPE else "system"
            xid = self.doc.ids.element(ref)
            reference = "catalogue" if ref.startswith("vn:") else "undefined"
            placeholder = _element(
                ELEMENT_TYPE[kind],
                xid,
                ref,
                self.lang,
                None,
                [(PROP.ID, ref), (PROP.ELEMENT, kind), (PROP.REFERENCE, reference)],
                self.doc.used_props,
            )
            self.doc.container("elements").append(placeholder)
            self.placeholders[ref] = xid
            self.in_folder(xid)
        return self.placeholders[ref]

    def write(self, rels: Iterable[_Rel]) -> None:
        holder = self.doc.container("relationships")
        for rel in rels:
            holder.append(_relationship(rel, self.lang, self.doc.used_props))

    # -- references ---------------------------------------------------------------------------
    def references(self) -> None:
        n0 = {e.id: e for _, e in iter_nodes(self.a0)}
        for kind, e1 in iter_nodes(self.a1):
            e0 = n0.get(e1.id)
            for f in ref_fields(type(e1)):
                v1 = _values(getattr(e1, f.name))
                v0 = _values(getattr(e0, f.name, None)) if e0 is not None else []
                for value in (Counter(v0) - Counter(v1)).elements():
                    self.drop_fact((e1.id, f.name, value), f"{f.name} {value!r} of {e1.id}")
                for n, value in enumerate((Counter(v1) - Counter(v0)).elements()):
                    spec = ROLES[(kind, f.name)]
                    xid = self.xid[e1.id]
                    other = self.target_xid(value, f.metadata["ref"])
                    src, tgt = (other, xid) if spec.reverse else (xid, other)
                    key = f"{f.name}|{e1.id}|{value}|{n}"
                    self.write(
                        [
                            _Rel(
                                self.doc.ids.relationship(key),
                                spec.rel_type,
                                src,
                                tgt,
                                None,
                                ((PROP.ROLE, f.name),),
                                spec.access_type,
                                directed=spec.rel_type == "Association",
                            )
                        ]
                    )

    def drop_fact(self, key: tuple[str, str, str], what: str) -> None:
        rels = self.facts.get(key)
        if rels:
            self.doc.remove([rels.pop(0)])
        elif key in self.derived_facts:
            self.notes.append(
                f"{what} was derived from the model and removed in vndgaf: the relationships it "
                "comes from are kept (remove them in the ArchiMate tool)"
            )

    # -- flows --------------------------------------------------------------------------------
    def flows(self) -> None:
        f0 = {f.id: f for f in self.a0.flows}
        f1 = {f.id: f for f in self.a1.flows}
        for fid in f0:
            if fid in f1:
                continue
            if fid in self.flow_rels:
                self.doc.remove(self.flow_rels[fid])
            else:
                self.notes.append(
                    f"flow {fid} was derived from the model and removed in vndgaf: the "
                    "relationships it comes from are kept (remove them in the ArchiMate tool)"
                )
        for fid, flow in f1.items():
            old = f0.get(fid)
            if old is None:
                self.write(_flow_rels(flow, self.target_xid, self.doc.ids))
            elif old != flow:
                self.change_flow(old, flow)

    def change_flow(self, old: DataFlow, new: DataFlow) -> None:
        rels = self.flow_rels.get(new.id, [])
        same_ends = (old.source, old.via, old.target) == (new.source, new.via, new.target)
        if not rels or not same_ends or len(rels) != 1:
            if rels:
                self.doc.remove(rels)
            else:
                self.notes.append(
                    f"flow {new.id} was derived and changed in vndgaf: written as a flow of its own"
                )
            self.write(_flow_rels(new, self.target_xid, self.doc.ids))
            return
        node = self.doc.concepts[rels[0]]
        if new.name != old.name:
            name = _pick_name(node)
            if name is None:
                name = ET.Element(_q("name"))
                node.insert(0, name)
            name.text = xml_text(new.name or "")
        for f in value_fields(DataFlow):
            if getattr(new, f.name) != getattr(old, f.name):
                self.doc.set_property(node, prop(f.name), getattr(new, f.name))
        if new.entities != old.entities:
            added = (Counter(new.entities) - Counter(old.entities)).elements()
            self.write(
                [
                    _Rel(
                        self.doc.ids.relationship(f"entities|{new.id}|{entity}|{n}"),
                        "Association",
                        rels[0],
                        self.target_xid(entity, ("entity",)),
                        None,
                        ((PROP.ROLE, "entities"), (PROP.FLOW, new.id)),
                        directed=True,
                    )
                    for n, entity in enumerate(added)
                ]
            )

    # -- submission ---------------------------------------------------------------------------
    def submission(self) -> None:
        s0, s1 = self.a0.submission, self.a1.submission
        if s1 is None or s1 == s0:
            return
        for f in attrs.fields(type(s1)):
            value = getattr(s1, f.name)
            if value is not None and (s0 is None or getattr(s0, f.name) != value):
                self.doc.set_property(self.doc.root, MODEL_PROPERTY(f.name), value)


def _values(value: Any) -> list[str]:
    if value is None:
        return []
    return list(value) if isinstance(value, tuple) else [value]


def merge_archimate(
    arch: Architecture,
    base: ET.Element,
    *,
    agencies: AgencyMap | None = None,
    lang: str = "vi",
) -> MergeResult:
    """The base model with the changes that make ``arch`` differ from what the base imports to.

    ``base`` is the root a :func:`~vndgaf.exchange.archimate_read.read_model` gave for the file
    the submission was imported from; ``agencies`` is the agency map used at import (the same
    map makes the same agencies). Raises :class:`~vndgaf.errors.InputError` when the base shares
    no element with ``arch`` (the wrong file).
    """
    a0 = import_model(SourceModel(base, "base"), agencies=agencies)
    doc = _Doc(copy.deepcopy(base))
    merge = _Merge(doc, a0, arch, lang)
    merge.elements()
    merge.references()
    merge.flows()
    merge.submission()
    doc.write_definitions()
    ET.indent(doc.root, space="  ")
    return MergeResult(document_text(doc.root, schema_location=SCHEMA_LOCATION), tuple(merge.notes))
