"""The concepts of an ArchiMate 3.1 exchange document as the importer reads them: each element
and relationship read once (names, properties, documentation), the element types by layer, and
the element being rebuilt as a vndgaf element.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

import attrs

from vndgaf.exchange._archimate_derive import APPLICATION_INTERNALS
from vndgaf.exchange._archimate_vocab import (
    NS3,
    XML_NS,
    XSI,
    type_31,
)
from vndgaf.model.meta import ID_PATTERN, pattern_regex

__all__ = [
    "APPLICATION",
    "BUSINESS",
    "ID_RE",
    "LANG",
    "SYSTEMS",
    "TECHNOLOGY",
    "TYPE",
    "TYPE_KIND",
    "Concept",
    "Pending",
    "Reader",
    "element_group",
    "pick",
    "q",
]

LANG = f"{{{XML_NS}}}lang"
TYPE = f"{{{XSI}}}type"
SYSTEMS = ("system", "platform", "database")

#: vndgaf kind of each ArchiMate element type that has one (a file from another tool).
TYPE_KIND: dict[str, str] = {
    "BusinessActor": "agency",
    "ApplicationComponent": "system",
    "DataObject": "entity",
    "BusinessObject": "entity",
    "BusinessService": "service",
    "WorkPackage": "investment",
}

TECHNOLOGY = frozenset(
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
BUSINESS = frozenset(
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
APPLICATION = APPLICATION_INTERNALS | {"ApplicationCollaboration"}


@attrs.define
class Pending:
    """An element being rebuilt: its kind, vndgaf id and field values so far."""

    kind: str
    vid: str
    xid: str
    xsi_type: str
    name: str
    values: dict[str, Any]
    ours: bool


@attrs.frozen
class Concept:
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
        return pick(list(self.names))[1] if self.names else ""


def q(tag: str) -> str:
    return f"{{{NS3}}}{tag}"


def pick(names: list[tuple[str | None, str]]) -> tuple[str | None, str]:
    """The Vietnamese name, else the one without a language, else the first."""
    for wanted in ("vi", None):
        for lang, text in names:
            if lang == wanted:
                return lang, text
    return names[0]


class Reader:
    """Access to the parts of a 3.1 exchange document."""

    def __init__(self, root: ET.Element) -> None:
        self.root = root
        self.prop_names: dict[str, str] = {}
        for defs in root.findall(q("propertyDefinitions")):
            for d in defs.findall(q("propertyDefinition")):
                names = self.names(d)
                self.prop_names[d.get("identifier", "")] = (
                    pick(names)[1] if names else d.get("identifier", "")
                )

    @staticmethod
    def names(node: ET.Element) -> list[tuple[str | None, str]]:
        return [(n.get(LANG), n.text or "") for n in node.findall(q("name"))]

    def properties(self, node: ET.Element) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        for holder in node.findall(q("properties")):
            for p in holder.findall(q("property")):
                ref = p.get("propertyDefinitionRef", "")
                values = [(v.get(LANG), v.text or "") for v in p.findall(q("value"))]
                out.append((self.prop_names.get(ref, ref), pick(values)[1] if values else ""))
        return out

    @staticmethod
    def documentation(node: ET.Element) -> str | None:
        docs = [(d.get(LANG), d.text or "") for d in node.findall(q("documentation"))]
        return pick(docs)[1] if docs else None

    def concept(self, node: ET.Element) -> Concept:
        return Concept(
            xid=node.get("identifier", ""),
            xsi_type=type_31(node.get(TYPE, "")),
            names=tuple(self.names(node)),
            props=tuple(self.properties(node)),
            doc=self.documentation(node),
            node=node,
            source=node.get("source", ""),
            target=node.get("target", ""),
        )


ID_RE = pattern_regex(ID_PATTERN)  # "$" as the end of the text: no trailing newline


def element_group(xsi_type: str) -> str:
    if xsi_type in APPLICATION:
        return "application"
    if xsi_type in BUSINESS:
        return "business"
    if xsi_type in TECHNOLOGY:
        return "technology"
    if xsi_type == "Location":
        return "location"
    return "motivation"
