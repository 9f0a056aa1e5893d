"""The vocabulary shared by the ArchiMate exporter and importer: namespaces, type and role tables.

One table decides how each reference field of the model becomes an ArchiMate relationship, so
that export and import cannot drift apart. Relationship types were chosen among those ArchiMate
3.1 allows between the two element types (Archi refuses a model with a relationship the language
does not allow; an agency owning an application component is therefore an Association).
"""

import attrs

__all__ = [
    "ELEMENT_TYPE",
    "MODEL_PROPERTY",
    "NS3",
    "NS21",
    "NS_ARCHI",
    "PROP",
    "ROLES",
    "SCHEMA_LOCATION",
    "VIEWPOINTS",
    "XML_NS",
    "XSI",
    "RoleSpec",
    "prop",
    "type_31",
]

NS3 = "http://www.opengroup.org/xsd/archimate/3.0/"
NS21 = "http://www.opengroup.org/xsd/archimate"
NS_ARCHI = "http://www.archimatetool.com/archimate"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_NS = "http://www.w3.org/XML/1998/namespace"
SCHEMA_LOCATION = f"{NS3} http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd"

#: Viewpoint names the 3.1 exchange format allows (``ViewpointsEnum`` of the XSD).
VIEWPOINTS = frozenset(
    {
        "Organization",
        "Application Platform",
        "Application Structure",
        "Information Structure",
        "Technology",
        "Layered",
        "Physical",
        "Product",
        "Application Usage",
        "Technology Usage",
        "Business Process Cooperation",
        "Application Cooperation",
        "Service Realization",
        "Implementation and Deployment",
        "Goal Realization",
        "Goal Contribution",
        "Principles",
        "Requirements Realization",
        "Motivation",
        "Strategy",
        "Capability Map",
        "Outcome Realization",
        "Resource Map",
        "Value Stream",
        "Project",
        "Migration",
        "Implementation and Migration",
        "Stakeholder",
    }
)

#: ArchiMate 2.1 names (exchange format 2.1, and the short forms some tools write) with their
#: ArchiMate 3.1 equivalents.
_NAMES_21 = {
    "UsedBy": "Serving",
    "Realisation": "Realization",
    "Specialisation": "Specialization",
    "InfrastructureService": "TechnologyService",
    "InfrastructureInterface": "TechnologyInterface",
    "InfrastructureFunction": "TechnologyFunction",
    "Network": "CommunicationNetwork",
    "CommunicationPath": "Path",
    "Junction": "AndJunction",
}


def type_31(xsi_type: str) -> str:
    """The ArchiMate 3.1 name of an element or relationship type written in any generation.

    >>> [type_31(t) for t in ("UsedByRelationship", "archimate:FlowRelationship", "Network")]
    ['Serving', 'Flow', 'CommunicationNetwork']
    """
    local = xsi_type.rsplit(":", 1)[-1]
    if local.endswith("Relationship") and local != "Relationship":
        local = local.removesuffix("Relationship")
    return _NAMES_21.get(local, local)


#: ArchiMate element type written for each vndgaf kind.
ELEMENT_TYPE: dict[str, str] = {
    "unit": "Location",
    "agency": "BusinessActor",
    "system": "ApplicationComponent",
    "platform": "ApplicationComponent",
    "database": "ApplicationComponent",
    "entity": "DataObject",
    "service": "BusinessService",
    "investment": "WorkPackage",
}

#: Prefix of every property vndgaf writes, so they never collide with free properties.
PREFIX = "vndgaf:"


def prop(name: str) -> str:
    """The property name vndgaf writes for a field or a marker."""
    return PREFIX + name


class PROP:
    """Names of the marker properties (fields use ``prop(field_name)``)."""

    ID = prop("id")
    ELEMENT = prop("element")
    REFERENCE = prop("reference")
    ROLE = prop("role")
    FLOW = prop("flow")
    HOP = prop("hop")
    FORMAT_VERSION = prop("format_version")


def MODEL_PROPERTY(field: str) -> str:
    """The model-level property holding one field of the submission."""
    return prop("submission." + field)


@attrs.frozen
class RoleSpec:
    """How one reference field is written: relationship type, direction, access type.

    ``reverse`` means the relationship goes from the referenced element to the element that
    holds the field (an owner points at what it owns).
    """

    rel_type: str
    reverse: bool
    access_type: str | None = None


_SYSTEM_ROLES = {
    "owner": RoleSpec("Association", reverse=True),
    "operator": RoleSpec("Association", reverse=True),
    "tenants": RoleSpec("Serving", reverse=False),
}

#: (kind, field) -> how the reference field is written. Flows are written separately.
ROLES: dict[tuple[str, str], RoleSpec] = {
    ("unit", "parent"): RoleSpec("Composition", reverse=True),
    ("agency", "unit"): RoleSpec("Aggregation", reverse=True),
    ("agency", "parent"): RoleSpec("Composition", reverse=True),
    ("agency", "successor_of"): RoleSpec("Association", reverse=False),
    **{
        (kind, name): spec
        for kind in ("system", "platform", "database")
        for name, spec in _SYSTEM_ROLES.items()
    },
    ("platform", "instance_of"): RoleSpec("Specialization", reverse=False),
    ("database", "authoritative_for"): RoleSpec("Access", reverse=False, access_type="Write"),
    ("database", "copies"): RoleSpec("Access", reverse=False, access_type="Read"),
    ("service", "owner"): RoleSpec("Assignment", reverse=True),
    ("service", "handled_by"): RoleSpec("Serving", reverse=True),
    ("investment", "owner"): RoleSpec("Assignment", reverse=True),
    ("investment", "reuses"): RoleSpec("Association", reverse=False),
}
