"""Lists set by an instrument (the 55 shared platforms, the national databases), often partly known.

A public source may name only some items of a list ("13 of the 55 platforms are owned by the
Ministry of Public Security"). A :class:`ReferenceList` says how many items the instrument holds
(``expected``, None when unknown) and which of them the catalogue knows (``items``), so a reader
sees "14 of 55" rather than mistaking the known items for the whole list.
"""

import attrs

from vndgaf.model import Citation, Provenance
from vndgaf.model.meta import doc

__all__ = ["ListItem", "ReferenceList"]

LIST_ID_PATTERN = r"^vn:list/[a-z0-9][a-z0-9.-]*$"


@attrs.frozen
class ListItem:
    """One known item of a list: a catalogue element, with its number in the instrument."""

    element: str = attrs.field(metadata=doc("Catalogue id of the element listed."))
    item: str | None = attrs.field(
        default=None, metadata=doc("Its number or label in the instrument (XVIII, MPS 4).")
    )


@attrs.frozen
class ReferenceList:
    """A list set by an instrument, with the items the catalogue knows of it."""

    id: str = attrs.field(
        metadata=doc("Catalogue id (vn:list/qd-1527-2025-platforms).", pattern=LIST_ID_PATTERN)
    )
    name: str = attrs.field(metadata=doc("Name, in Vietnamese.", min_length=1))
    name_en: str = attrs.field(metadata=doc("Name, in English.", min_length=1))
    instrument: Citation = attrs.field(metadata=doc("The instrument that sets the list."))
    kind: str = attrs.field(
        metadata=doc("Element kind of the items: platform, database, agency or unit.")
    )
    items: tuple[ListItem, ...] = attrs.field(
        default=(), metadata=doc("The items the catalogue knows, in the instrument's order.")
    )
    expected: int | None = attrs.field(
        default=None,
        metadata=doc("How many items the instrument holds; none when unknown.", minimum=0),
    )
    provenance: Provenance | None = attrs.field(
        default=None, metadata=doc("Where the list is known from; its period of validity.")
    )

    @property
    def known(self) -> int:
        """How many items the catalogue holds."""
        return len(self.items)

    @property
    def complete(self) -> bool:
        """True when every item of the list is known."""
        return self.expected is not None and self.known >= self.expected
