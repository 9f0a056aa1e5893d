"""Import of an ArchiMate exchange file (3.0/3.1, and the 2.1 namespace) into the vndgaf model.

A file written by :func:`vndgaf.exchange.archimate.to_archimate` comes back exactly: ids, kinds
and fields are read from the ``vndgaf:`` properties, references from the relationships tagged
with ``vndgaf:role``. A file from another tool is mapped by element and relationship type. What
has no place in the model is listed in ``kept_aside`` with the reason, never dropped silently.
"""

from __future__ import annotations

import re
import typing
import xml.etree.ElementTree as ET
from typing import Any

import attrs

from vndgaf.errors import InputError
from vndgaf.exchange._archimate_vocab import (
    MODEL_PROPERTY,
    NS3,
    NS21,
    PROP,
    ROLES,
    XML_NS,
    XSI,
    prop,
)
from vndgaf.exchange._fields import KIND_CLASSES, decode_value, value_fields
from vndgaf.exchange._text import parse_xml, short_hash
from vndgaf.model import (
    FORMAT_VERSION,
    Architecture,
    DataFlow,
    Level,
    Submission,
    UnitKind,
)
from vndgaf.model.meta import ID_PATTERN

__all__ = ["DEFAULTS", "ImportResult", "KeptItem", "MappedItem", "from_archimate"]

_LANG = f"{{{XML_NS}}}lang"
_TYPE = f"{{{XSI}}}type"
_CLASS = {kind: cls for kind, cls, _ in KIND_CLASSES}
_LIST = {kind: attr_name for kind, _, attr_name in KIND_CLASSES}
_SYSTEMS = ("system", "platform", "database")

#: vndgaf kind of each ArchiMate element type that has one.
TYPE_KIND: dict[str, str] = {
    "BusinessActor": "agency",
    "BusinessRole": "agency",
    "ApplicationComponent": "system",
    "DataObject": "entity",
    "Node": "platform",
    "SystemSoftware": "platform",
    "TechnologyService": "platform",
    "InfrastructureService": "platform",  # ArchiMate 2.1 name of TechnologyService
    "BusinessService": "service",
    "Location": "unit",
    "WorkPackage": "investment",
}

#: ArchiMate 2.1 relationship names and their 3.x equivalents.
_RENAMED = {"UsedBy": "Serving", "Realisation": "Realization", "Specialisation": "Specialization"}

#: Required model fields that an exchange file may not carry, and the value used then.
DEFAULTS: dict[tuple[str, str], Any] = {
    ("agency", "level"): Level.PROVINCIAL,
    ("unit", "kind"): UnitKind.TINH,
}

_FLOW_TYPES = frozenset({"Flow", "Serving", "Triggering", "Access"})
_OWNING_TYPES = frozenset({"Composition", "Aggregation", "Assignment"})


@attrs.frozen
class MappedItem:
    """One exchange-file item that became part of the model."""

    source_id: str
    archimate_type: str
    name: str
    kind: str
    target_id: str


@attrs.frozen
class KeptItem:
    """One exchange-file item (or part of one) that has no place in the model, and why."""

    source_id: str
    archimate_type: str
    name: str
    reason: str


@attrs.frozen
class ImportResult:
    """The imported architecture, what was mapped, and what was kept aside."""

    architecture: Architecture
    mapped: tuple[MappedItem, ...]
    kept_aside: tuple[KeptItem, ...]


@attrs.define
class _Pending:
    """An element being rebuilt: its kind, vndgaf id and field values so far."""

    kind: str
    vid: str
    xid: str
    xsi_type: str
    values: dict[str, Any]


@attrs.define
class _Reader:
    """Namespace-aware access to one exchange document (3.x or 2.1)."""

    ns: str
    prop_names: dict[str, str] = attrs.field(factory=dict)

    def q(self, tag: str) -> str:
        return f"{{{self.ns}}}{tag}"

    def children(self, node: ET.Element, tag: str) -> list[ET.Element]:
        return node.findall(self.q(tag))

    def names(self, node: ET.Element) -> list[tuple[str | None, str]]:
        tag = "name" if self.ns == NS3 else "label"
        return [(n.get(_LANG), n.text or "") for n in self.children(node, tag)]

    def properties(self, node: ET.Element) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        for holder in self.children(node, "properties"):
            for p in self.children(holder, "property"):
                ref = p.get("propertyDefinitionRef") or p.get("identifierref") or ""
                values = [(v.get(_LANG), v.text or "") for v in self.children(p, "value")]
                out.append((self.prop_names.get(ref, ref), _pick(values)[1] if values else ""))
        return out

    def documentation(self, node: ET.Element) -> str | None:
        docs = [(d.get(_LANG), d.text or "") for d in self.children(node, "documentation")]
        return _pick(docs)[1] if docs else None


def _pick(names: list[tuple[str | None, str]]) -> tuple[str | None, str]:
    """The Vietnamese name, else the one without a language, else the first."""
    for wanted in ("vi", None):
        for lang, text in names:
            if lang == wanted:
                return lang, text
    return names[0]


def _xsi_type(node: ET.Element) -> str:
    raw = node.get(_TYPE, "")
    local = raw.rsplit(":", 1)[-1]
    return _RENAMED.get(local, local)


_ID_RE = re.compile(ID_PATTERN)


class _Importer:
    """State of one import; used once by :func:`from_archimate`."""

    def __init__(self, reader: _Reader, ours: bool) -> None:
        self.r = reader
        self.ours = ours
        self.mapped: list[MappedItem] = []
        self.kept: list[KeptItem] = []
        self.used_ids: set[str] = set()
        self.pending: dict[str, _Pending] = {}  # xid -> element being built
        self.references: dict[str, str] = {}  # xid -> vndgaf id of a catalogue/undefined ref
        self.flows: dict[str, dict[str, Any]] = {}  # vndgaf flow id -> values
        self.flow_hops: dict[str, list[tuple[int, str, str, str, ET.Element]]] = {}
        # (flow id, entity id, relationship, type, name) of each flow-entity association
        self.entity_links: list[tuple[str, str, ET.Element, str, str]] = []

    # -- items ------------------------------------------------------------------------------
    def keep(self, node: ET.Element | None, xsi_type: str, name: str, reason: str) -> None:
        source = node.get("identifier", "") if node is not None else ""
        self.kept.append(KeptItem(source, xsi_type, name, reason))

    def new_id(self, wanted: str | None, fallback: str) -> str:
        for candidate in (wanted, fallback):
            if candidate and _ID_RE.match(candidate) and candidate not in self.used_ids:
                self.used_ids.add(candidate)
                return candidate
        base = re.sub(r"[^A-Za-z0-9._:/-]", "-", fallback).lstrip("._:/-") or "x"
        if base != fallback:
            base = f"{base}-{short_hash(fallback)}"
        vid, n = base, 1
        while vid in self.used_ids:
            n += 1
            vid = f"{base}-{n}"
        self.used_ids.add(vid)
        return vid

    # -- elements ---------------------------------------------------------------------------
    def element(self, node: ET.Element) -> None:
        xid = node.get("identifier", "")
        xsi_type = _xsi_type(node)
        names = self.r.names(node)
        name_lang, name = _pick(names) if names else (None, xid)
        props = self.r.properties(node)
        pmap = dict(props)
        if PROP.REFERENCE in pmap and pmap.get(PROP.ID):
            self.references[xid] = pmap[PROP.ID]
            self.mapped.append(MappedItem(xid, xsi_type, name, "reference", pmap[PROP.ID]))
            return
        kind = pmap.get(PROP.ELEMENT) if pmap.get(PROP.ELEMENT) in _CLASS else None
        kind = kind or TYPE_KIND.get(xsi_type)
        if kind is None:
            self.keep(node, xsi_type, name, f"no vndgaf element for ArchiMate type {xsi_type}")
            return
        cls = _CLASS[kind]
        vid = self.new_id(pmap.get(PROP.ID), xid)
        if not name:
            self.keep(node, xsi_type, name, "name missing; the identifier is used as the name")
            name = xid
        values: dict[str, Any] = {"id": vid, "name": name}
        field_names = {f.name for f in attrs.fields(cls)}
        english = [text for lang, text in names if lang == "en"]
        if english and name_lang != "en" and "name_en" in field_names:
            values["name_en"] = english[0]
        free: dict[str, str] | None = {} if "properties" in field_names else None
        by_prop = {prop(f.name): f for f in value_fields(cls)}
        for key, text in props:
            if key in (PROP.ID, PROP.ELEMENT):
                continue
            if key in by_prop:
                f = by_prop[key]
                try:
                    values[f.name] = decode_value(text, f)
                    continue
                except ValueError as exc:
                    reason = f"property {key} not used: {exc}"
            elif free is not None and not key.startswith(prop("")):
                free[key] = text
                continue
            else:
                reason = f"property {key!r} = {text!r} has no field on {kind}"
            self.keep(node, xsi_type, name, reason)
        doc = self.r.documentation(node)
        if doc is not None:
            if free is not None:
                free["documentation"] = doc
            else:
                self.keep(node, xsi_type, name, f"documentation has no field on {kind}: {doc!r}")
        if free:
            values["properties"] = free
        for (dkind, dfield), default in DEFAULTS.items():
            if dkind == kind and dfield not in values:
                values[dfield] = default
                self.keep(
                    node, xsi_type, name, f"{dfield} missing; set to the default {default.value!r}"
                )
        self.pending[xid] = _Pending(kind, vid, xid, xsi_type, values)
        self.mapped.append(MappedItem(xid, xsi_type, name, kind, vid))

    def endpoint(self, xid: str) -> tuple[str, str] | None:
        """(kind, vndgaf id) of an element endpoint; kind ``reference`` for placeholders."""
        if xid in self.pending:
            p = self.pending[xid]
            return p.kind, p.vid
        if xid in self.references:
            return "reference", self.references[xid]
        return None

    # -- relationships ----------------------------------------------------------------------
    def relationship(self, node: ET.Element) -> None:
        xid = node.get("identifier", "")
        rel_type = _xsi_type(node)
        names = self.r.names(node)
        name = _pick(names)[1] if names else ""
        props = self.r.properties(node)
        pmap = dict(props)
        src, tgt = node.get("source", ""), node.get("target", "")
        role = pmap.get(PROP.ROLE)
        if role == "flow" and PROP.FLOW in pmap:
            try:
                hop = int(pmap.get(PROP.HOP, "0"))
            except ValueError:
                hop = 0
            flow_id = pmap[PROP.FLOW]
            self.flow_hops.setdefault(flow_id, []).append((hop, src, tgt, name, node))
            self.flows.setdefault(flow_id, {})
            return
        if role == "entities" and PROP.FLOW in pmap:
            entity = self.endpoint(tgt)
            if entity is not None and entity[0] in ("entity", "reference"):
                self.entity_links.append((pmap[PROP.FLOW], entity[1], node, rel_type, name))
                return
        a, b = self.endpoint(src), self.endpoint(tgt)
        if a is None or b is None:
            self.keep(node, rel_type, name, "an end of this relationship was not imported")
            return
        target = self.role_target(role, src, tgt, a, b) if role is not None else None
        if target is not None:
            self.place(node, rel_type, name, *target, f"{a[1]} -> {b[1]}")
            return
        self.foreign_relationship(node, xid, rel_type, name, props, src, tgt, a, b)

    def role_target(
        self, role: str, src: str, tgt: str, a: tuple[str, str], b: tuple[str, str]
    ) -> tuple[_Pending, str, str] | None:
        """(element holding the field, field, referenced id) for a ``vndgaf:role`` relationship."""
        for holder_xid, other, reverse in ((tgt, a, True), (src, b, False)):
            holder = self.pending.get(holder_xid)
            if holder is None:
                continue
            spec = ROLES.get((holder.kind, role))
            if spec is not None and spec.reverse == reverse:
                return holder, role, other[1]
        return None

    def place(
        self,
        node: ET.Element,
        rel_type: str,
        name: str,
        holder: _Pending,
        field_name: str,
        value: str,
        described: str,
    ) -> None:
        """Set (or append to) a reference field; a second value for a single field is kept aside."""
        f = attrs.fields_dict(_CLASS[holder.kind])[field_name]
        current = holder.values.get(field_name)
        if typing.get_origin(f.type) is tuple:
            holder.values[field_name] = (*(current or ()), value)
        elif current is None:
            holder.values[field_name] = value
        else:
            self.keep(
                node,
                rel_type,
                name,
                f"second {field_name} {value!r} of {holder.vid} (kept: {current!r})",
            )
            return
        self.mapped.append(
            MappedItem(node.get("identifier", ""), rel_type, name, field_name, described)
        )

    def foreign_relationship(
        self,
        node: ET.Element,
        xid: str,
        rel_type: str,
        name: str,
        props: list[tuple[str, str]],
        src: str,
        tgt: str,
        a: tuple[str, str],
        b: tuple[str, str],
    ) -> None:
        field: str | None = None
        holder: _Pending | None = None
        value = ""
        ka, kb = a[0], b[0]
        if rel_type in _FLOW_TYPES and ka in _SYSTEMS and kb in _SYSTEMS:
            fid = self.new_id(None, xid)
            values: dict[str, Any] = {"id": fid, "source": a[1], "target": b[1]}
            if name:
                values["name"] = name
            self.flows[fid] = values
            self.mapped.append(MappedItem(xid, rel_type, name, "flow", fid))
            for key, text in props:
                self.keep(node, rel_type, name, f"property {key!r} = {text!r} has no field on flow")
            return
        if (
            rel_type in _OWNING_TYPES
            and ka == "agency"
            and kb in (*_SYSTEMS, "service", "investment")
        ):
            holder, field, value = self.pending[tgt], "owner", a[1]
        elif rel_type in ("Composition", "Aggregation") and ka == kb and ka in ("agency", "unit"):
            holder, field, value = self.pending[tgt], "parent", a[1]
        elif rel_type in ("Composition", "Aggregation") and ka == "unit" and kb == "agency":
            holder, field, value = self.pending[tgt], "unit", a[1]
        elif rel_type == "Serving" and ka in _SYSTEMS and kb == "agency":
            holder, field, value = self.pending[src], "tenants", b[1]
        elif rel_type == "Serving" and ka in _SYSTEMS and kb == "service":
            holder, field, value = self.pending[tgt], "handled_by", a[1]
        if holder is not None and field is not None:
            self.place(node, rel_type, name, holder, field, value, f"{a[1]} -> {b[1]}")
            for key, text in props:
                self.keep(node, rel_type, name, f"property {key!r} = {text!r} has no field")
            return
        self.keep(
            node, rel_type, name, f"no vndgaf field for {rel_type} from {ka} {a[1]} to {kb} {b[1]}"
        )

    # -- flows ------------------------------------------------------------------------------
    def build_flows(self) -> list[DataFlow]:
        fields = {prop(f.name): f for f in value_fields(DataFlow)}
        for flow_id, hops in self.flow_hops.items():
            hops.sort(key=lambda h: h[0])
            # Walk the hops in order; where a hop does not start where the previous one ended
            # (a hop was deleted in another tool), keep both ends so no platform is lost.
            path = [hops[0][1]]
            for _, src, tgt, _, _ in hops:
                if src != path[-1]:
                    path.append(src)
                path.append(tgt)
            points = [self.endpoint(x) for x in path]
            first_node = hops[0][4]
            ends = [p for p in points if p is not None]
            if len(ends) != len(points):
                self.keep(
                    first_node,
                    "Flow",
                    hops[0][3],
                    f"flow {flow_id}: an end of the chain was not imported",
                )
                del self.flows[flow_id]
                continue
            chain_ok = all(hops[i][2] == hops[i + 1][1] for i in range(len(hops) - 1))
            if not chain_ok or [h[0] for h in hops] != list(range(len(hops))):
                self.keep(
                    first_node,
                    "Flow",
                    hops[0][3],
                    f"flow {flow_id}: hops do not form one chain; rebuilt from hop order",
                )
            values = self.flows[flow_id]
            values.update(
                id=self.new_id(flow_id, flow_id),
                source=ends[0][1],
                target=ends[-1][1],
                via=tuple(e[1] for e in ends[1:-1]),
            )
            if hops[0][3]:
                values["name"] = hops[0][3]
            for key, text in self.r.properties(first_node):
                if key in (PROP.ROLE, PROP.FLOW, PROP.HOP):
                    continue
                if key in fields:
                    try:
                        values[fields[key].name] = decode_value(text, fields[key])
                        continue
                    except ValueError as exc:
                        reason = f"property {key} not used: {exc}"
                else:
                    reason = f"property {key!r} = {text!r} has no field on flow"
                self.keep(first_node, "Flow", hops[0][3], reason)
            self.mapped.append(
                MappedItem(
                    first_node.get("identifier", ""), "Flow", hops[0][3], "flow", values["id"]
                )
            )
        for flow_id, entity, node, rel_type, name in self.entity_links:
            if flow_id in self.flows:
                values = self.flows[flow_id]
                values["entities"] = (*values.get("entities", ()), entity)
                self.mapped.append(
                    MappedItem(
                        node.get("identifier", ""),
                        rel_type,
                        name,
                        "entities",
                        f"{flow_id} -> {entity}",
                    )
                )
            else:
                self.keep(node, rel_type, name, f"flow {flow_id} was not imported")
        return [DataFlow(**values) for values in self.flows.values()]


def from_archimate(xml_text: str, *, path: str = "<input>") -> ImportResult:
    """Map an ArchiMate exchange document onto the vndgaf model.

    Raises :class:`~vndgaf.errors.InputError` when the text is not well-formed XML, declares a
    DOCTYPE or entities, or is not an ArchiMate exchange model.
    """
    root = parse_xml(xml_text, path=path)
    ns = root.tag[1:].split("}", 1)[0] if root.tag.startswith("{") else ""
    if root.tag.rsplit("}", 1)[-1] != "model" or ns not in (NS3, NS21):
        raise InputError(f"{path}: not an ArchiMate exchange model (root {root.tag!r})")
    reader = _Reader(ns)
    for defs_tag, def_tag in (
        ("propertyDefinitions", "propertyDefinition"),
        ("propertydefs", "propertydef"),
    ):
        for defs in reader.children(root, defs_tag):
            for d in reader.children(defs, def_tag):
                names = reader.names(d)
                reader.prop_names[d.get("identifier", "")] = (
                    _pick(names)[1] if names else d.get("name", d.get("identifier", ""))
                )
    model_props = reader.properties(root)
    ours = any(k == PROP.FORMAT_VERSION for k, _ in model_props)
    imp = _Importer(reader, ours)
    for holder in reader.children(root, "elements"):
        for node in reader.children(holder, "element"):
            imp.element(node)
    for holder in reader.children(root, "relationships"):
        for node in reader.children(holder, "relationship"):
            imp.relationship(node)
    flows = imp.build_flows()
    submission = _submission(imp, root, reader, model_props)
    _views_and_folders(imp, root, reader)

    lists: dict[str, list[Any]] = {attr_name: [] for attr_name in _LIST.values()}
    for p in imp.pending.values():
        lists[_LIST[p.kind]].append(_CLASS[p.kind](**p.values))
    arch = Architecture(
        format_version=FORMAT_VERSION,
        submission=submission,
        flows=tuple(flows),
        **{k: tuple(v) for k, v in lists.items()},
    )
    return ImportResult(architecture=arch, mapped=tuple(imp.mapped), kept_aside=tuple(imp.kept))


def _submission(
    imp: _Importer, root: ET.Element, reader: _Reader, model_props: list[tuple[str, str]]
) -> Submission | None:
    fields = {MODEL_PROPERTY(f.name): f for f in attrs.fields(Submission)}
    values: dict[str, Any] = {}
    names = reader.names(root)
    model_name = _pick(names)[1] if names else ""
    for key, text in model_props:
        if key == PROP.FORMAT_VERSION:
            continue
        if key in fields:
            try:
                values[fields[key].name] = decode_value(text, fields[key])
                continue
            except ValueError as exc:
                reason = f"property {key} not used: {exc}"
        else:
            reason = f"model property {key!r} = {text!r} has no field"
        imp.keep(root, "Model", model_name, reason)
    required = [f.name for f in attrs.fields(Submission) if f.default is attrs.NOTHING]
    if all(r in values for r in required):
        return Submission(**values)
    if values:
        imp.keep(
            root,
            "Model",
            model_name,
            "submission properties incomplete (needs submitter, framework_version, as_of)",
        )
    if not imp.ours and model_name:
        imp.keep(root, "Model", model_name, "model name has no field (no submission title)")
    return None


def _views_and_folders(imp: _Importer, root: ET.Element, reader: _Reader) -> None:
    for views in reader.children(root, "views"):
        for diagrams in reader.children(views, "diagrams"):
            for view in reader.children(diagrams, "view"):
                names = reader.names(view)
                name = _pick(names)[1] if names else ""
                if imp.ours:
                    imp.mapped.append(
                        MappedItem(
                            view.get("identifier", ""),
                            "Diagram",
                            name,
                            "view",
                            "regenerated on export",
                        )
                    )
                else:
                    imp.keep(view, "Diagram", name, "diagrams are not imported (layout only)")
    # ArchiMate 2.1 keeps views directly under <views>.
    for views in reader.children(root, "views"):
        for view in reader.children(views, "view"):
            names = reader.names(view)
            imp.keep(
                view,
                "Diagram",
                _pick(names)[1] if names else "",
                "diagrams are not imported (layout only)",
            )
    for tag in ("organizations", "organization"):
        for orgs in reader.children(root, tag):
            if imp.ours:
                imp.mapped.append(
                    MappedItem("", "Organizations", "", "folders", "regenerated on export")
                )
            else:
                imp.keep(orgs, "Organizations", "", "folder structure is not imported")
    for tag in ("metadata",):
        for node in reader.children(root, tag):
            imp.keep(node, "Metadata", "", "model metadata is not imported")
