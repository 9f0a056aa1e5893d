"""What elements have in common, typed: capabilities instead of ``getattr`` with a default.

Every element has an id and may carry suppressions; most have a name; systems, services and
investments have an owning agency; systems are also operated and rented. Code that needs one
of these asks for the capability (a :class:`~typing.Protocol`) in its signature, and narrows an
:data:`Element` to it with ``isinstance(element, OWNED)`` and the like, so that mypy checks
every access and no attribute is looked up by its name as a string.
"""

from collections.abc import Iterator
from typing import Protocol

from vndgaf.model.common import Suppression
from vndgaf.model.elements import (
    AdministrativeUnit,
    Agency,
    DataEntity,
    DataFlow,
    InformationSystem,
    Investment,
    PublicService,
)

__all__ = [
    "BILINGUAL",
    "NAMED",
    "OWNED",
    "Bilingual",
    "Element",
    "Identified",
    "Named",
    "NodeElement",
    "Owned",
    "OwnedElement",
    "Suppressible",
    "agency_references",
]


class Identified(Protocol):
    """Has an id, unique among everything checked together."""

    @property
    def id(self) -> str: ...


class Named(Identified, Protocol):
    """Has a name: the official one, in Vietnamese, for units and agencies."""

    @property
    def name(self) -> str: ...


class Bilingual(Named, Protocol):
    """Has a name and may have an English one."""

    @property
    def name_en(self) -> str | None: ...


class Owned(Identified, Protocol):
    """Belongs to an agency that answers for it (its ``owner``, None when not declared)."""

    @property
    def owner(self) -> str | None: ...


class Suppressible(Identified, Protocol):
    """May accept findings about itself (``suppress``: rule, reason, expiry, owner)."""

    @property
    def suppress(self) -> tuple[Suppression, ...]: ...


#: An element of the architecture. Platforms and databases are information systems. Every
#: element is :class:`Suppressible`.
Element = (
    AdministrativeUnit
    | Agency
    | InformationSystem
    | DataEntity
    | DataFlow
    | PublicService
    | Investment
)

#: An element that is a node of the graph: every element but a flow (flows are edges).
NodeElement = (
    AdministrativeUnit | Agency | InformationSystem | DataEntity | PublicService | Investment
)

#: The elements with an owner (:class:`Owned`).
OwnedElement = InformationSystem | PublicService | Investment

#: For ``isinstance``: the classes whose elements are :class:`Owned`.
OWNED = (InformationSystem, PublicService, Investment)

#: For ``isinstance``: the classes whose elements are :class:`Named` (every element; a flow's
#: name is optional, so a flow is not one).
NAMED = (AdministrativeUnit, Agency, InformationSystem, DataEntity, PublicService, Investment)

#: For ``isinstance``: the classes whose elements are :class:`Bilingual`.
BILINGUAL = (AdministrativeUnit, Agency, InformationSystem, DataEntity, PublicService)


def agency_references(element: Element) -> Iterator[tuple[str, str]]:
    """(field, agency id) for each agency an element names, in field order: an agency's
    ``parent``; the ``owner`` of a system, service or investment; a system's ``operator`` and
    each of its ``tenants`` (field ``tenants/N``). Units and flows name no agency."""
    if isinstance(element, Agency):
        if element.parent:
            yield "parent", element.parent
        return
    if isinstance(element, OWNED) and element.owner:
        yield "owner", element.owner
    if isinstance(element, InformationSystem):
        if element.operator:
            yield "operator", element.operator
        for index, tenant in enumerate(element.tenants):
            yield f"tenants/{index}", tenant
