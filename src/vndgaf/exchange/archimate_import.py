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
from vndgaf.exchange._archimate_derive import (
    APPLICATION_INTERNALS,
    DYNAMIC,
    Rel,
    reach,
    through_junctions,
)
from vndgaf.exchange._archimate_vocab import (
    MODEL_PROPERTY,
    NS3,
    PROP,
    ROLES,
    XML_NS,
    XSI,
    prop,
    type_31,
)
from vndgaf.exchange._fields import KIND_CLASSES, decode_value, value_fields
from vndgaf.exchange.archimate_agencies import AgencyMap, identify_agency
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
from vndgaf.model.meta import ID_PATTERN, pattern_regex
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

_LANG = f"{{{XML_NS}}}lang"
_TYPE = f"{{{XSI}}}type"
_CLASS = {kind: cls for kind, cls, _ in KIND_CLASSES}
_LIST = {kind: attr_name for kind, _, attr_name in KIND_CLASSES}
_SYSTEMS = ("system", "platform", "database")

#: vndgaf kind of each ArchiMate element type that has one (a file from another tool).
TYPE_KIND: dict[str, str] = {
    "BusinessActor": "agency",
    "ApplicationComponent": "system",
    "DataObject": "entity",
    "BusinessObject": "entity",
    "BusinessService": "service",
    "WorkPackage": "investment",
}

_TECHNOLOGY = frozenset(
    {
        "Node",
        "Device",
        "SystemSoftware",
        "TechnologyCollaboration",
        "TechnologyInterface",
        "Path",
        "CommunicationNetwork",
        "TechnologyFunction",
        "TechnologyProcess",
        "TechnologyInteraction",
        "TechnologyEvent",
        "TechnologyService",
        "Artifact",
        "Equipment",
        "Facility",
        "DistributionNetwork",
        "Material",
    }
)
_BUSINESS = frozenset(
    {
        "BusinessRole",
        "BusinessCollaboration",
        "BusinessInterface",
        "BusinessProcess",
        "BusinessFunction",
        "BusinessInteraction",
        "BusinessEvent",
        "Contract",
        "Representation",
        "Product",
    }
)
_APPLICATION = APPLICATION_INTERNALS | {"ApplicationCollaboration"}

#: Kept-aside groups: a title and what the group means for the checks (the import summary).
GROUPS: dict[str, tuple[str, str]] = {
    "application": (
        "application services, interfaces and functions",
        "not elements of vndgaf; where they connect two systems they gave the derived flows",
    ),
    "business": (
        "business processes, roles and other business elements",
        "not checked: vndgaf checks public services (BusinessService), not processes or roles",
    ),
    "technology": (
        "technology and physical elements",
        "hosting: the systems they serve or realise list them under properties.hosted_on; "
        "no rule reads it",
    ),
    "motivation": (
        "motivation, strategy, implementation and grouping elements",
        "not checked",
    ),
    "location": (
        "locations that are not a current administrative unit",
        "not checked; a location named like a province or commune becomes that catalogue unit",
    ),
    "relationship": (
        "relationships with no meaning for the checks",
        "no rule reads them",
    ),
    "unmapped-end": (
        "relationships with an end that is not a vndgaf element",
        "no rule reads them",
    ),
    "data-use": (
        "data use the checks cannot read",
        "access without read or write, or not from a system: the authoritative-source and "
        "once-only rules do not see it",
    ),
    "conflict": (
        "second values of a single field",
        "the first value is used; check the model",
    ),
    "details": (
        "properties and documentation without a field",
        "no rule reads them",
    ),
    "layout": (
        "views and folders",
        "layout only; not checked",
    ),
    "model": ("model name, properties and metadata", "not checked"),
    "lost": (
        "content the exchange format cannot hold",
        "not written back by export: keep the original file",
    ),
}


@attrs.frozen
class MappedItem:
    """One item of the source that became part of the model, or was used to derive a part.

    ``derived_from`` lists the relationships a derived value comes from (empty when the item
    maps directly); ``note`` says how a value was learnt (for example the tier of an agency).
    For a reference field, ``holder`` is the id of the element that holds it and ``value`` the id
    it holds (the export back to ArchiMate finds the relationship of a value that way).
    """

    source_id: str
    archimate_type: str
    name: str
    kind: str
    target_id: str
    derived_from: tuple[str, ...] = ()
    note: str = ""
    holder: str = ""
    value: str = ""


@attrs.frozen
class KeptItem:
    """One item of the source (or part of one) with no place in the model, and why.

    ``group`` is a key of :data:`GROUPS`: what such items mean for the checks.
    """

    source_id: str
    archimate_type: str
    name: str
    reason: str
    group: str = "relationship"


@attrs.frozen
class ImportResult:
    """The imported architecture, what was mapped or derived, and what was kept aside.

    ``base`` is the source as a 3.1 exchange document: export uses it to write back every
    element, relationship, property, view and organisation with the user's changes applied.
    """

    architecture: Architecture
    mapped: tuple[MappedItem, ...]
    kept_aside: tuple[KeptItem, ...]
    source_format: str = "ArchiMate 3.x exchange"
    base: ET.Element | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def derived(self) -> tuple[MappedItem, ...]:
        """The mapped items that were derived (flows, data use, ownership, hosting)."""
        return tuple(m for m in self.mapped if m.derived_from)


@attrs.define
class _Pending:
    """An element being rebuilt: its kind, vndgaf id and field values so far."""

    kind: str
    vid: str
    xid: str
    xsi_type: str
    name: str
    values: dict[str, Any]
    ours: bool


@attrs.frozen
class _Concept:
    """One element or relationship of the document, read once."""

    xid: str
    xsi_type: str
    names: tuple[tuple[str | None, str], ...]
    props: tuple[tuple[str, str], ...]
    doc: str | None
    node: ET.Element = attrs.field(eq=False)
    source: str = ""
    target: str = ""

    @property
    def name(self) -> str:
        return _pick(list(self.names))[1] if self.names else ""


def _q(tag: str) -> str:
    return f"{{{NS3}}}{tag}"


def _pick(names: list[tuple[str | None, str]]) -> tuple[str | None, str]:
    """The Vietnamese name, else the one without a language, else the first."""
    for wanted in ("vi", None):
        for lang, text in names:
            if lang == wanted:
                return lang, text
    return names[0]


class _Reader:
    """Access to the parts of a 3.1 exchange document."""

    def __init__(self, root: ET.Element) -> None:
        self.root = root
        self.prop_names: dict[str, str] = {}
        for defs in root.findall(_q("propertyDefinitions")):
            for d in defs.findall(_q("propertyDefinition")):
                names = self.names(d)
                self.prop_names[d.get("identifier", "")] = (
                    _pick(names)[1] if names else d.get("identifier", "")
                )

    @staticmethod
    def names(node: ET.Element) -> list[tuple[str | None, str]]:
        return [(n.get(_LANG), n.text or "") for n in node.findall(_q("name"))]

    def properties(self, node: ET.Element) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        for holder in node.findall(_q("properties")):
            for p in holder.findall(_q("property")):
                ref = p.get("propertyDefinitionRef", "")
                values = [(v.get(_LANG), v.text or "") for v in p.findall(_q("value"))]
                out.append((self.prop_names.get(ref, ref), _pick(values)[1] if values else ""))
        return out

    @staticmethod
    def documentation(node: ET.Element) -> str | None:
        docs = [(d.get(_LANG), d.text or "") for d in node.findall(_q("documentation"))]
        return _pick(docs)[1] if docs else None

    def concept(self, node: ET.Element) -> _Concept:
        return _Concept(
            xid=node.get("identifier", ""),
            xsi_type=type_31(node.get(_TYPE, "")),
            names=tuple(self.names(node)),
            props=tuple(self.properties(node)),
            doc=self.documentation(node),
            node=node,
            source=node.get("source", ""),
            target=node.get("target", ""),
        )


_ID_RE = pattern_regex(ID_PATTERN)  # "$" as the end of the text: no trailing newline


def _element_group(xsi_type: str) -> str:
    if xsi_type in _APPLICATION:
        return "application"
    if xsi_type in _BUSINESS:
        return "business"
    if xsi_type in _TECHNOLOGY:
        return "technology"
    if xsi_type == "Location":
        return "location"
    return "motivation"


class _Importer:
    """State of one import; used once by :func:`import_model`."""

    def __init__(self, reader: _Reader, ours: bool, agencies: AgencyMap | None) -> None:
        self.r = reader
        self.ours = ours
        self.agency_map = agencies
        self.mapped: list[MappedItem] = []
        self.kept: list[KeptItem] = []
        self.used_ids: set[str] = set()
        self.concepts: dict[str, _Concept] = {}
        self.pending: dict[str, _Pending] = {}  # xid -> element being built
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
    def keep(self, c: _Concept | None, reason: str, group: str, xsi_type: str = "") -> None:
        if c is None:
            self.kept.append(KeptItem("", xsi_type, "", reason, group))
        else:
            self.kept.append(KeptItem(c.xid, xsi_type or c.xsi_type, c.name, reason, group))

    def new_id(self, wanted: str | None, fallback: str) -> str:
        for candidate in (wanted, fallback):
            if candidate and _ID_RE.search(candidate) and candidate not in self.used_ids:
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
    def element(self, c: _Concept) -> None:
        pmap = dict(c.props)
        name_lang, name = _pick(list(c.names)) if c.names else (None, "")
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
            self.keep(c, f"no vndgaf element for {c.xsi_type}", _element_group(c.xsi_type))
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
        self.pending[c.xid] = _Pending(kind, vid, c.xid, c.xsi_type, name, values, ours)
        self.mapped.append(MappedItem(c.xid, c.xsi_type, name, kind, vid, note=note))

    def location(self, c: _Concept, name: str) -> None:
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
    def tagged(self, c: _Concept) -> bool:
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
        c: _Concept,
        holder: _Pending,
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
    def direct(self, c: _Concept) -> None:
        """Map a relationship by the types of its two ends, if it says something checkable."""
        a, b = self.endpoint(c.source), self.endpoint(c.target)
        if a is None or b is None:
            return
        ka, kb = a[0], b[0]
        rel = c.xsi_type
        if rel in ("Flow", "Triggering", "Serving") and ka in _SYSTEMS and kb in _SYSTEMS:
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
            if kb in (*_SYSTEMS, "service", "investment"):
                placed = (c.target, "owner", a[1])
            elif kb == "agency" and rel != "Assignment":
                placed = (c.target, "parent", a[1])
        elif rel in ("Composition", "Aggregation") and ka == "unit" and kb == "agency":
            placed = (c.target, "unit", a[1])
        elif rel == "Serving" and ka in _SYSTEMS and kb == "agency":
            placed = (c.source, "tenants", b[1])
        elif rel in ("Serving", "Realization") and ka in _SYSTEMS and kb == "service":
            placed = (c.target, "handled_by", a[1])
        elif rel == "Access" and ka in _SYSTEMS and kb == "entity":
            self.access(c, c.source, b[1], c.node.get("accessType", "Write"), ())
            return
        if placed is None:
            return
        holder = self.pending.get(placed[0])
        if holder is None or (holder.ours and placed[1] in holder.values):
            return
        self.place(c, holder, placed[1], placed[2], f"{a[1]} -> {b[1]}")

    def access(
        self, c: _Concept, system_xid: str, entity: str, access: str, chain: tuple[str, ...]
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

    # -- derivation ---------------------------------------------------------------------------
    def derive(self, rels: list[_Concept]) -> None:
        """Flows, data use, procedure systems and hosting through a component's internals."""
        types = {xid: c.xsi_type for xid, c in self.concepts.items()}
        plain = [
            Rel(c.xsi_type, c.source, c.target, (c.xid,), c.node.get("accessType"))
            for c in rels
            if not any(k == PROP.ROLE for k, _ in c.props)
        ]
        joined = through_junctions(plain, types)
        components = [x for x, p in self.pending.items() if p.kind in _SYSTEMS]
        reached = reach(components, joined, types)
        owners: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for comp, items in reached.items():
            for item in items:
                owners.setdefault(item.element, []).append((comp, item.ids))
        pairs: dict[tuple[str, str], list[str]] = {}
        names: dict[tuple[str, str], str] = {}
        for r in joined:
            if r.rel_type in ("Serving", *DYNAMIC):
                for src, chain_a in owners.get(r.source, ()):
                    for dst, chain_b in owners.get(r.target, ()):
                        if src == dst or (not chain_a and not chain_b and len(r.ids) == 1):
                            continue
                        key = (src, dst)
                        evidence = pairs.setdefault(key, [])
                        for i in (*chain_a, *r.ids, *chain_b):
                            if i not in evidence:
                                evidence.append(i)
                        middle = r.source if chain_a else r.target
                        names.setdefault(
                            key, self.concepts[middle].name if chain_a or chain_b else ""
                        )
            elif r.rel_type == "Access":
                entity = self.endpoint(r.target)
                if entity is None or entity[0] != "entity":
                    continue
                for comp, chain in owners.get(r.source, ()):
                    if chain or len(r.ids) > 1:
                        c = self.concepts[r.ids[-1]]
                        self.access(c, comp, entity[1], r.access_type or "Write", chain)
            elif r.rel_type in ("Serving", "Realization"):
                service = self.endpoint(r.target)
                if service is not None and service[0] == "service":
                    for comp, chain in owners.get(r.source, ()):
                        if chain:
                            holder = self.pending[r.target]
                            self.place(
                                self.concepts[r.ids[-1]],
                                holder,
                                "handled_by",
                                self.pending[comp].vid,
                                f"{self.pending[comp].vid} -> {service[1]}",
                                (*chain, *r.ids),
                            )
                            for rid in chain:
                                self.use(rid, self.pending[comp].vid)
            if r.rel_type in ("Serving", "Realization") and types.get(r.source) in _TECHNOLOGY:
                for comp, chain in owners.get(r.target, ()):
                    self.host(comp, r.source, (*chain, *r.ids))
        existing = {(f.get("source"), f.get("target")) for f in self.flows.values()}
        for hops in self.flow_hops.values():  # flows vndgaf wrote: a derived one would repeat them
            ordered = sorted(hops, key=lambda h: h[0])
            ends = self.endpoint(ordered[0][1]), self.endpoint(ordered[-1][2])
            if ends[0] is not None and ends[1] is not None:
                existing.add((ends[0][1], ends[1][1]))
        self.used_ids.update(self.flow_hops)  # their ids are theirs (see build_flows)
        for (src, dst), evidence in pairs.items():
            a, b = self.pending[src], self.pending[dst]
            if (a.vid, b.vid) in existing:
                for rid in evidence:
                    self.use(rid, f"{a.vid} -> {b.vid}")
                continue
            fid = self.new_id(None, f"{a.vid}-to-{b.vid}")
            chain_text = self.describe(evidence)
            values: dict[str, Any] = {
                "id": fid,
                "source": a.vid,
                "target": b.vid,
                "provenance": Provenance(
                    source=f"derived on ArchiMate import from {', '.join(evidence)}",
                    confidence=Confidence.INFERENCE,
                    note=f"ArchiMate 3.1 derivation (Appendix B.2): {chain_text}",
                ),
            }
            if names.get((src, dst)):
                values["name"] = names[(src, dst)]
            self.flows[fid] = values
            self.mapped.append(
                MappedItem(
                    evidence[0], "derived", values.get("name", ""), "flow", fid, tuple(evidence)
                )
            )
            for rid in evidence:
                self.use(rid, fid)

    def host(self, comp: str, tech: str, ids: tuple[str, ...]) -> None:
        """Technology element ``tech`` serves or realises ``comp``: it is where it runs."""
        names = self.hosting.setdefault(comp, {})
        c = self.concepts[tech]
        names[f"{c.name} ({c.xsi_type})"] = None
        last = ids[-1]
        if last not in self.done:
            self.done.add(last)
            rc = self.concepts[last]
            self.mapped.append(
                MappedItem(
                    last,
                    rc.xsi_type,
                    rc.name,
                    "hosting",
                    self.pending[comp].vid,
                    ids if len(ids) > 1 else (),
                )
            )
        for rid in ids[:-1]:
            self.use(rid, self.pending[comp].vid)

    def describe(self, ids: list[str]) -> str:
        """``A -Realization-> B -Serving-> C`` for a chain of relationship ids."""
        parts: list[str] = []
        for rid in ids:
            c = self.concepts[rid]
            src, tgt = self.concepts.get(c.source), self.concepts.get(c.target)
            parts.append(
                f"{src.name if src else c.source} -{c.xsi_type}-> {tgt.name if tgt else c.target}"
            )
        return "; ".join(parts)

    # -- what is left -------------------------------------------------------------------------
    def leftovers(self, rels: list[_Concept]) -> None:
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

    # -- flows of a vndgaf file ---------------------------------------------------------------
    def build_flows(self) -> None:
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
            first = self.r.concept(first_node)
            ends = [p for p in points if p is not None]
            if len(ends) != len(points):
                self.keep(
                    first,
                    f"flow {flow_id}: an end of the chain was not imported",
                    "unmapped-end",
                    "Flow",
                )
                del self.flows[flow_id]
                continue
            chain_ok = all(hops[i][2] == hops[i + 1][1] for i in range(len(hops) - 1))
            if not chain_ok or [h[0] for h in hops] != list(range(len(hops))):
                self.keep(
                    first,
                    f"flow {flow_id}: hops do not form one chain; rebuilt from hop order",
                    "conflict",
                    "Flow",
                )
            values = self.flows[flow_id]
            self.used_ids.discard(flow_id)  # reserved for this flow by derive()
            values.update(
                id=self.new_id(flow_id, flow_id),
                source=ends[0][1],
                target=ends[-1][1],
                via=tuple(e[1] for e in ends[1:-1]),
            )
            if hops[0][3]:
                values["name"] = hops[0][3]
            for key, text in first.props:
                if key in (PROP.ROLE, PROP.FLOW, PROP.HOP):
                    continue
                if key in fields:
                    try:
                        values[fields[key].name] = decode_value(text, fields[key])
                        continue
                    except ValueError as exc:
                        reason = f"property {key} not used: {exc}"
                else:
                    reason = f"property {key!r} has no field on flow"
                self.keep(first, reason, "details", "Flow")
            self.mapped.append(MappedItem(first.xid, "Flow", hops[0][3], "flow", values["id"]))
            for _, _, _, name, node in hops[1:]:
                self.mapped.append(
                    MappedItem(node.get("identifier", ""), "Flow", name, "hop", values["id"])
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
                self.keep(self.r.concept(node), f"flow {flow_id} was not imported", "unmapped-end")

    def flow_entities(self, rels: list[_Concept]) -> None:
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
    reader = _Reader(root)
    model_props = reader.properties(root)
    ours = any(k == PROP.FORMAT_VERSION for k, _ in model_props)
    imp = _Importer(reader, ours, agencies)
    elements = [reader.concept(n) for h in root.findall(_q("elements")) for n in h]
    rels = [reader.concept(n) for h in root.findall(_q("relationships")) for n in h]
    for c in (*elements, *rels):
        imp.concepts[c.xid] = c
    for c in elements:
        imp.element(c)
    untagged = [c for c in rels if not imp.tagged(c)]
    for c in untagged:
        imp.direct(c)
    imp.derive([c for c in rels if c.xid not in imp.done])
    imp.build_flows()
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
    try:
        arch = Architecture(
            format_version=FORMAT_VERSION,
            submission=submission,
            flows=tuple(flows),
            **{k: tuple(v) for k, v in lists.items()},
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
    imp: _Importer, root: ET.Element, reader: _Reader, model_props: list[tuple[str, str]]
) -> Submission | None:
    fields = {MODEL_PROPERTY(f.name): f for f in attrs.fields(Submission)}
    values: dict[str, Any] = {}
    names = reader.names(root)
    model_name = _pick(names)[1] if names else ""
    model = _Concept(root.get("identifier", ""), "Model", tuple(names), (), None, root)
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


def _views_and_folders(imp: _Importer, root: ET.Element) -> None:
    for views in root.findall(_q("views")):
        for diagrams in views.findall(_q("diagrams")):
            for view in diagrams.findall(_q("view")):
                names = _Reader.names(view)
                name = _pick(names)[1] if names else ""
                c = _Concept(view.get("identifier", ""), "Diagram", tuple(names), (), None, view)
                if imp.ours and view.get("identifier") == "view-overview":
                    imp.mapped.append(
                        MappedItem(c.xid, "Diagram", name, "view", "regenerated on export")
                    )
                else:
                    imp.keep(c, "view (layout)", "layout")
    if root.find(_q("organizations")) is not None:
        if imp.ours:
            imp.mapped.append(
                MappedItem("", "Organizations", "", "folders", "regenerated on export")
            )
        else:
            imp.keep(None, "folder structure", "layout", "Organizations")
    if root.find(_q("metadata")) is not None:
        imp.keep(None, "model metadata", "model", "Metadata")
