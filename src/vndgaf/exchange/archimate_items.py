"""What an ArchiMate import gives: the items mapped into the model or kept aside, the groups that
say what kept-aside items mean for the checks, and the result.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import attrs

from vndgaf.model import Architecture

__all__ = ["GROUPS", "ImportResult", "KeptItem", "MappedItem"]


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
