"""Import of an ArchiMate model (exchange 3.x or 2.1, or Archi's ``.archimate``) into vndgaf.

A file written by :func:`vndgaf.exchange.archimate.to_archimate` comes back exactly: ids, kinds
and fields are read from the ``vndgaf:`` properties, references from the relationships tagged
with ``vndgaf:role``. A model from another tool is mapped by what ArchiMate means (the table in
docs/exchange.md): application components are systems, Flow, Triggering and Serving between them
are data flows, flows through a component's services and interfaces are derived with ArchiMate's
derivation rules (each derived flow says where it comes from), Access to data objects says which
system is the source of which data, ownership comes from Assignment, Composition and Aggregation,
and technology that serves or realises a component is its hosting.

Every element and relationship ends up in exactly one of: ``mapped`` (kept in the model, or used
to derive something kept, ``derived_from`` then says so) and ``kept_aside`` (with the reason and
a group that says what it means for the checks). Nothing is dropped silently, and the whole
source document stays in ``ImportResult.base`` for the round trip back to ArchiMate.
"""

from __future__ import annotations

import re
import typing
import xml.etree.ElementTree as ET
from typing import Any

import attrs

from vndgaf.errors import InputError
from vndgaf.exchange._archimate_concepts import (
    ID_RE,
    SYSTEMS,
    TYPE_KIND,
    Concept,
    Pending,
    Reader,
    element_group,
    pick,
    q,
)
from vndgaf.exchange._archimate_derivation import derive
from vndgaf.exchange._archimate_hops import build_flows
from vndgaf.exchange._archimate_vocab import (
    MODEL_PROPERTY,
    PROP,
    ROLES,
    prop,
)
from vndgaf.exchange._fields import KIND_CLASSES, decode_value, value_fields
from vndgaf.exchange.archimate_agencies import AgencyMap, identify_agency
from vndgaf.exchange.archimate_items import GROUPS, ImportResult, KeptItem, MappedItem
from vndgaf.exchange.archimate_read import SourceModel, read_model
from vndgaf.model import (
    FORMAT_VERSION,
    Architecture,
    Confidence,
    DataFlow,
    Level,
    Provenance,
    Submission,
)
from vndgaf.reference.resolve import ResolutionStatus, resolve_unit
from vndgaf.textsafe import digest

__all__ = [
    "GROUPS",
    "ImportResult",
    "KeptItem",
    "MappedItem",
    "from_archimate",
    "import_model",
]

_CLASS = {kind: cls for kind, cls, _ in KIND_CLASSES}
_LIST = {kind: attr_name for kind, _, attr_name in KIND_CLASSES}


class Importer:
    """State of one import; used once by :func:`import_model`, and handed to the steps that live
    in modules of their own (:func:`derive`, :func:`build_flows`)."""

    def __init__(self, reader: Reader, ours: bool, agencies: AgencyMap | None) -> None:
        self.r = reader
        self.ours = ours
        self.agency_map = agencies
        self.mapped: list[MappedItem] = []
        self.kept: list[KeptItem] = []
        self.used_ids: set[str] = set()
        self.concepts: dict[str, Concept] = {}
        self.pending: dict[str, Pending] = {}  # xid -> element being built
        self.references: dict[str, tuple[str, str]] = {}  # xid -> (kind, catalogue/undefined id)
        self.flows: dict[str, dict[str, Any]] = {}  # vndgaf flow id -> values
        self.flow_of_rel: dict[str, str] = {}  # relationship xid -> flow id (direct flows)
        self.flow_hops: dict[str, list[tuple[int, str, str, str, ET.Element]]] = {}
        self.entity_links: list[tuple[str, str, ET.Element, str, str]] = []
        self.done: set[str] = set()  # relationship xids mapped, used or kept aside
        self.data_use: dict[str, dict[str, list[str]]] = {}  # system xid -> field -> entity ids
        self.data_evidence: dict[str, list[str]] = {}  # system xid -> relationship ids
        self.hosting: dict[str, dict[str, None]] = {}  # system xid -> "name (type)"

    # -- items ------------------------------------------------------------------------------
    def keep(self, c: Concept | None, reason: str, group: str, xsi_type: str = "") -> None:
        if c is None:
            self.kept.append(KeptItem("", xsi_type, "", reason, group))
        else:
            self.kept.append(KeptItem(c.xid, xsi_type or c.xsi_type, c.name, reason, group))

    def new_id(self, wanted: str | None, fallback: str) -> str:
        for candidate in (wanted, fallback):
            if candidate and ID_RE.search(candidate) and candidate not in self.used_ids:
                self.used_ids.add(candidate)
                return candidate
        base = re.sub(r"[^A-Za-z0-9._:/-]", "-", fallback).lstrip("._:/-") or "x"
        if base != fallback:
            base = f"{base}-{digest(fallback, 8)}"
        vid, n = base, 1
        while vid in self.used_ids:
            n += 1
            vid = f"{base}-{n}"
        self.used_ids.add(vid)
        return vid

    # -- elements ---------------------------------------------------------------------------
    def element(self, c: Concept) -> None:
        pmap = dict(c.props)
        name_lang, name = pick(list(c.names)) if c.names else (None, "")
        if PROP.REFERENCE in pmap and pmap.get(PROP.ID):
            self.references[c.xid] = (pmap.get(PROP.ELEMENT, "system"), pmap[PROP.ID])
            self.mapped.append(MappedItem(c.xid, c.xsi_type, name, "reference", pmap[PROP.ID]))
            return
        ours = pmap.get(PROP.ELEMENT) in _CLASS
        kind: str | None = pmap[PROP.ELEMENT] if ours else TYPE_KIND.get(c.xsi_type)
        if kind is None and c.xsi_type == "Location":
            self.location(c, name)
            return
        if kind is None:
            self.keep(c, f"no vndgaf element for {c.xsi_type}", element_group(c.xsi_type))
            return
        note = ""
        facts = None
        if kind == "agency" and not ours:
            facts = identify_agency(c.xid, name, pmap, self.agency_map)
            if facts.agency is not None:
                self.references[c.xid] = ("agency", facts.agency)
                self.mapped.append(
                    MappedItem(c.xid, c.xsi_type, name, "reference", facts.agency, note=facts.how)
                )
                return
        cls = _CLASS[kind]
        vid = self.new_id(pmap.get(PROP.ID), c.xid)
        if not name:
            self.keep(c, "name missing; the identifier is used as the name", "details")
            name = c.xid
        values: dict[str, Any] = {"id": vid, "name": name}
        field_names = {f.name for f in attrs.fields(cls)}
        english = [text for lang, text in c.names if lang == "en"]
        if english and name_lang != "en" and "name_en" in field_names:
            values["name_en"] = english[0]
        free: dict[str, str] | None = {} if "properties" in field_names else None
        by_prop = {prop(f.name): f for f in value_fields(cls)}
        for key, text in c.props:
            if key in (PROP.ID, PROP.ELEMENT):
                continue
            if key in by_prop:
                f = by_prop[key]
                try:
                    values[f.name] = decode_value(text, f)
                except ValueError as exc:
                    self.keep(c, f"property {key} not used: {exc}", "details")
                continue
            if free is not None and not key.startswith(prop("")):
                free[key] = text
            else:
                self.keep(c, f"property {key!r} has no field on {kind}", "details")
        if c.doc is not None:
            if free is not None:
                free["documentation"] = c.doc
            else:
                self.keep(c, f"documentation has no field on {kind}", "details")
        if free:
            values["properties"] = free
        if kind == "agency" and "level" not in values:
            level = facts.level if facts is not None else Level.UNKNOWN
            values["level"] = level
            if facts is not None and facts.unit and "unit" not in values:
                values["unit"] = facts.unit
            note = f"tier {level.value}" + (f" ({facts.how})" if facts and facts.how else "")
        if kind == "unit" and "kind" not in values:
            self.keep(c, "administrative unit without a kind: not imported", "location")
            return
        self.pending[c.xid] = Pending(kind, vid, c.xid, c.xsi_type, name, values, ours)
        self.mapped.append(MappedItem(c.xid, c.xsi_type, name, kind, vid, note=note))

    def location(self, c: Concept, name: str) -> None:
        """A Location named like a current unit is that catalogue unit; others are kept aside."""
        result = resolve_unit(name) if name.strip() else None
        if (
            result is not None
            and result.status is ResolutionStatus.CURRENT
            and len(result.units) == 1
            and result.units[0].id
        ):
            unit = result.units[0].id
            self.references[c.xid] = ("unit", unit)
            self.mapped.append(MappedItem(c.xid, c.xsi_type, name, "reference", unit))
        else:
            self.keep(c, "not the name of a current administrative unit", "location")

    def use(self, rid: str, target: str) -> None:
        """Record that relationship ``rid`` was used to derive ``target`` (once)."""
        if rid in self.done or rid not in self.concepts:
            return
        self.done.add(rid)
        c = self.concepts[rid]
        self.mapped.append(MappedItem(rid, c.xsi_type, c.name, "evidence", target, (rid,)))

    def endpoint(self, xid: str) -> tuple[str, str] | None:
        """(kind, vndgaf id) of an element endpoint; references keep their own kind."""
        if xid in self.pending:
            p = self.pending[xid]
            return p.kind, p.vid
        if xid in self.references:
            return self.references[xid]
        return None

    # -- relationships: tagged by vndgaf ------------------------------------------------------
    def tagged(self, c: Concept) -> bool:
        """Map a relationship vndgaf wrote (``vndgaf:role``); False when it has no role tag."""
        pmap = dict(c.props)
        role = pmap.get(PROP.ROLE)
        if role is None:
            return False
        if role == "flow" and PROP.FLOW in pmap:
            try:
                hop = int(pmap.get(PROP.HOP, "0"))
            except ValueError:
                hop = 0
            flow_id = pmap[PROP.FLOW]
            self.flow_hops.setdefault(flow_id, []).append((hop, c.source, c.target, c.name, c.node))
            self.flows.setdefault(flow_id, {})
            self.done.add(c.xid)
            return True
        if role == "entities" and PROP.FLOW in pmap:
            entity = self.endpoint(c.target)
            if entity is not None and entity[0] == "entity":
                self.entity_links.append((pmap[PROP.FLOW], entity[1], c.node, c.xsi_type, c.name))
                self.done.add(c.xid)
                return True
        a, b = self.endpoint(c.source), self.endpoint(c.target)
        if a is None or b is None:
            return False
        target = self.role_target(role, c.source, c.target, a, b)
        if target is None:
            return False
        self.place(c, *target, f"{a[1]} -> {b[1]}")
        return True

    def role_target(
        self, role: str, src: str, tgt: str, a: tuple[str, str], b: tuple[str, str]
    ) -> tuple[Pending, str, str] | None:
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
        c: Concept,
        holder: Pending,
        field_name: str,
        value: str,
        described: str,
        derived_from: tuple[str, ...] = (),
    ) -> bool:
        """Set (or append to) a field; a second value for a single field is kept aside."""
        f = attrs.fields_dict(_CLASS[holder.kind])[field_name]
        current = holder.values.get(field_name)
        item = MappedItem(
            c.xid, c.xsi_type, c.name, field_name, described, derived_from, "", holder.vid, value
        )
        if typing.get_origin(f.type) is tuple:
            if derived_from and value in (current or ()):
                self.done.add(c.xid)
                self.mapped.append(item)
                return True
            holder.values[field_name] = (*(current or ()), value)
        elif current is None:
            holder.values[field_name] = value
        else:
            if not derived_from:
                self.keep(
                    c,
                    f"second {field_name} {value!r} of {holder.vid} (kept: {current!r})",
                    "conflict",
                )
                self.done.add(c.xid)
            return False
        self.done.add(c.xid)
        self.mapped.append(item)
        return True

    # -- relationships: from another tool -----------------------------------------------------
    def direct(self, c: Concept) -> None:
        """Map a relationship by the types of its two ends, if it says something checkable."""
        a, b = self.endpoint(c.source), self.endpoint(c.target)
        if a is None or b is None:
            return
        ka, kb = a[0], b[0]
        rel = c.xsi_type
        if rel in ("Flow", "Triggering", "Serving") and ka in SYSTEMS and kb in SYSTEMS:
            if c.source == c.target:
                return
            fid = self.new_id(None, c.xid)
            values: dict[str, Any] = {"id": fid, "source": a[1], "target": b[1]}
            if c.name:
                values["name"] = c.name
            self.flows[fid] = values
            self.flow_of_rel[c.xid] = fid
            self.done.add(c.xid)
            self.mapped.append(MappedItem(c.xid, rel, c.name, "flow", fid))
            if c.props or c.doc:
                self.keep(c, "properties or documentation of a flow", "details")
            return
        placed: tuple[str, str, str] | None = None  # (holder xid, field, value)
        if rel in ("Composition", "Aggregation", "Assignment") and ka == "agency":
            if kb in (*SYSTEMS, "service", "investment"):
                placed = (c.target, "owner", a[1])
            elif kb == "agency" and rel != "Assignment":
                placed = (c.target, "parent", a[1])
        elif rel in ("Composition", "Aggregation") and ka == "unit" and kb == "agency":
            placed = (c.target, "unit", a[1])
        elif rel == "Serving" and ka in SYSTEMS and kb == "agency":
            placed = (c.source, "tenants", b[1])
        elif rel in ("Serving", "Realization") and ka in SYSTEMS and kb == "service":
            placed = (c.target, "handled_by", a[1])
        elif rel == "Access" and ka in SYSTEMS and kb == "entity":
            self.access(c, c.source, b[1], c.node.get("accessType", "Write"), ())
            return
        if placed is None:
            return
        holder = self.pending.get(placed[0])
        if holder is None or (holder.ours and placed[1] in holder.values):
            return
        self.place(c, holder, placed[1], placed[2], f"{a[1]} -> {b[1]}")

    def access(
        self, c: Concept, system_xid: str, entity: str, access: str, chain: tuple[str, ...]
    ) -> None:
        """Data use: write (and read-write) makes the system a source of the entity, read a copy."""
        field = {"Write": "authoritative_for", "ReadWrite": "authoritative_for"}.get(access)
        if access == "Read":
            field = "copies"
        holder = self.pending.get(system_xid)
        if field is None or holder is None or holder.ours:
            if not chain:
                self.keep(
                    c,
                    "access without read or write direction"
                    if field is None
                    else "access from an element vndgaf does not map",
                    "data-use",
                )
                self.done.add(c.xid)
            return
        fields = self.data_use.setdefault(system_xid, {})
        entities = fields.setdefault(field, [])
        if entity not in entities:
            entities.append(entity)
        ids = (*chain, c.xid) if chain else ()
        self.data_evidence.setdefault(system_xid, []).extend([*chain, c.xid])
        if c.xid in self.done:
            return
        self.done.add(c.xid)
        self.mapped.append(
            MappedItem(
                c.xid,
                "Access",
                c.name,
                field,
                f"{holder.vid} -> {entity}",
                ids,
                "",
                holder.vid,
                entity,
            )
        )
        for rid in chain:
            self.use(rid, holder.vid)

    # -- what is left -------------------------------------------------------------------------
    def leftovers(self, rels: list[Concept]) -> None:
        for c in rels:
            if c.xid in self.done:
                continue
            a, b = self.endpoint(c.source), self.endpoint(c.target)
            ta = self.concepts[c.source].xsi_type if c.source in self.concepts else "?"
            tb = self.concepts[c.target].xsi_type if c.target in self.concepts else "?"
            if c.xsi_type == "Access":
                self.keep(c, f"access from {ta} to {tb}", "data-use")
            elif a is None or b is None:
                self.keep(c, f"{c.xsi_type} from {ta} to {tb}", "unmapped-end")
            else:
                self.keep(c, f"{c.xsi_type} from {ta} to {tb}", "relationship")

    # -- relationships of a flow ------------------------------------------------------------
    def flow_entities(self, rels: list[Concept]) -> None:
        """An Association between a data object and a flow relationship: data the flow carries."""
        for c in rels:
            if c.xid in self.done or c.xsi_type != "Association":
                continue
            for rel_end, other in ((c.source, c.target), (c.target, c.source)):
                fid = self.flow_of_rel.get(rel_end)
                entity = self.endpoint(other)
                if fid is not None and entity is not None and entity[0] == "entity":
                    values = self.flows[fid]
                    if entity[1] not in values.get("entities", ()):
                        values["entities"] = (*values.get("entities", ()), entity[1])
                    self.done.add(c.xid)
                    self.mapped.append(
                        MappedItem(c.xid, c.xsi_type, c.name, "entities", f"{fid} -> {entity[1]}")
                    )
                    break

    # -- final shape --------------------------------------------------------------------------
    def finish_systems(self) -> None:
        """Systems that write or read data become databases; hosting goes to properties."""
        for xid, fields in self.data_use.items():
            p = self.pending[xid]
            if p.kind == "system":
                p.kind = "database"
            for field, entities in fields.items():
                current = list(p.values.get(field, ()))
                p.values[field] = tuple(current + [e for e in entities if e not in current])
            if "provenance" not in p.values:
                evidence = list(dict.fromkeys(self.data_evidence.get(xid, [])))
                p.values["provenance"] = Provenance(
                    source=f"ArchiMate import: data use from {', '.join(evidence)}",
                    confidence=Confidence.INFERENCE,
                    note="authoritative_for from write access, copies from read access",
                )
        for xid, hosts in self.hosting.items():
            p = self.pending[xid]
            free = dict(p.values.get("properties", {}))
            free.setdefault("hosted_on", "; ".join(hosts))
            p.values["properties"] = free


def from_archimate(
    xml_text: str, *, path: str = "<input>", agencies: AgencyMap | None = None
) -> ImportResult:
    """Map an ArchiMate model (exchange 3.x or 2.1, or Archi's ``.archimate``) onto vndgaf.

    Raises :class:`~vndgaf.errors.InputError` when the text is not well-formed XML (with the
    line and column), exceeds the size or nesting limits, declares a DOCTYPE or entities, or is
    not an ArchiMate model.
    """
    return import_model(read_model(xml_text, path=path), agencies=agencies)


def import_model(source: SourceModel, *, agencies: AgencyMap | None = None) -> ImportResult:
    """Map a model already read by :func:`~vndgaf.exchange.archimate_read.read_model`."""
    root = source.root
    reader = Reader(root)
    model_props = reader.properties(root)
    ours = any(k == PROP.FORMAT_VERSION for k, _ in model_props)
    imp = Importer(reader, ours, agencies)
    elements = [reader.concept(n) for h in root.findall(q("elements")) for n in h]
    rels = [reader.concept(n) for h in root.findall(q("relationships")) for n in h]
    for c in (*elements, *rels):
        imp.concepts[c.xid] = c
    for c in elements:
        imp.element(c)
    untagged = [c for c in rels if not imp.tagged(c)]
    for c in untagged:
        imp.direct(c)
    derive(imp, [c for c in rels if c.xid not in imp.done])
    build_flows(imp)
    imp.flow_entities(rels)
    flows = [DataFlow(**values) for values in imp.flows.values()]
    imp.leftovers(rels)
    imp.finish_systems()
    submission = _submission(imp, root, reader, model_props)
    _views_and_folders(imp, root)
    for d in source.dropped:
        imp.kept.append(KeptItem(d.source_id, d.archimate_type, d.name, d.reason, "lost"))

    lists: dict[str, list[Any]] = {attr_name: [] for attr_name in _LIST.values()}
    for p in imp.pending.values():
        lists[_LIST[p.kind]].append(_CLASS[p.kind](**p.values))
    element_lists: dict[str, Any] = {k: tuple(v) for k, v in lists.items()}
    try:
        arch = Architecture(
            format_version=FORMAT_VERSION,
            submission=submission,
            flows=tuple(flows),
            **element_lists,
        )
    except (TypeError, ValueError) as exc:  # pragma: no cover - the mapping builds valid values
        raise InputError(f"cannot build the model: {exc}") from exc
    return ImportResult(
        architecture=arch,
        mapped=tuple(imp.mapped),
        kept_aside=tuple(imp.kept),
        source_format=source.source_format,
        base=root,
    )


def _submission(
    imp: Importer, root: ET.Element, reader: Reader, model_props: list[tuple[str, str]]
) -> Submission | None:
    fields = {MODEL_PROPERTY(f.name): f for f in attrs.fields(Submission)}
    values: dict[str, Any] = {}
    names = reader.names(root)
    model_name = pick(names)[1] if names else ""
    model = Concept(root.get("identifier", ""), "Model", tuple(names), (), None, root)
    foreign = 0
    for key, text in model_props:
        if key == PROP.FORMAT_VERSION:
            continue
        if key in fields:
            try:
                values[fields[key].name] = decode_value(text, fields[key])
                continue
            except ValueError as exc:
                imp.keep(model, f"property {key} not used: {exc}", "model")
        else:
            foreign += 1
    if foreign:
        imp.keep(model, f"{foreign} model propert{'y' if foreign == 1 else 'ies'}", "model")
    if reader.documentation(root) is not None and not imp.ours:
        imp.keep(model, "model documentation", "model")
    required = [f.name for f in attrs.fields(Submission) if f.default is attrs.NOTHING]
    if all(r in values for r in required):
        return Submission(**values)
    if values:
        imp.keep(
            model,
            "submission properties incomplete (needs submitter, framework_version, as_of)",
            "model",
        )
    if not imp.ours and model_name.strip():
        imp.keep(model, "model name has no field (no submission title)", "model")
    return None


def _views_and_folders(imp: Importer, root: ET.Element) -> None:
    for views in root.findall(q("views")):
        for diagrams in views.findall(q("diagrams")):
            for view in diagrams.findall(q("view")):
                names = Reader.names(view)
                name = pick(names)[1] if names else ""
                c = Concept(view.get("identifier", ""), "Diagram", tuple(names), (), None, view)
                if imp.ours and view.get("identifier") == "view-overview":
                    imp.mapped.append(
                        MappedItem(c.xid, "Diagram", name, "view", "regenerated on export")
                    )
                else:
                    imp.keep(c, "view (layout)", "layout")
    if root.find(q("organizations")) is not None:
        if imp.ours:
            imp.mapped.append(
                MappedItem("", "Organizations", "", "folders", "regenerated on export")
            )
        else:
            imp.keep(None, "folder structure", "layout", "Organizations")
    if root.find(q("metadata")) is not None:
        imp.keep(None, "model metadata", "model", "Metadata")
