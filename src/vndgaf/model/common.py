"""Parts shared by every element: provenance of a fact and suppression of a finding."""

import datetime as dt

import attrs

from vndgaf.model.enums import Confidence
from vndgaf.model.meta import doc
from vndgaf.model.typed import typed_fields

__all__ = ["Citation", "Provenance", "Suppression"]

#: Instrument ids of the reference catalogue: lower case, digits and hyphens (``nd-194-2025``).
INSTRUMENT_ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"


@attrs.frozen
class Citation:
    """A reference to a legal instrument of the catalogue, down to the article if known.

    ``instrument`` is the id of an instrument in the reference catalogue (``vndgaf reference
    instruments`` lists them); ``article``, ``clause`` and ``point`` locate the provision
    ("Điều 40, khoản 2, điểm a" is ``article: "40", clause: "2", point: "a"``). The catalogue
    renders a citation in English or Vietnamese from these parts.
    """

    instrument: str = attrs.field(
        metadata=doc(
            "Id of the instrument in the reference catalogue (nd-194-2025).",
            pattern=INSTRUMENT_ID_PATTERN,
            max_length=100,
        )
    )
    article: str | None = attrs.field(default=None, metadata=doc("Article (Điều) number."))
    clause: str | None = attrs.field(default=None, metadata=doc("Clause (khoản) number."))
    point: str | None = attrs.field(default=None, metadata=doc("Point (điểm) letter."))


@attrs.frozen(field_transformer=typed_fields)
class Provenance:
    """Where a fact comes from, and how sure we are of it.

    Reference-catalogue entries always carry one; entries marked as inference or unverified say
    so in ``confidence`` and are never presented as law. A fact holds from ``valid_from`` (open
    when unknown or earlier than anything the catalogue answers for) up to the day before
    ``valid_to``; ``basis`` cites the instruments that set it.
    """

    source: str = attrs.field(
        metadata=doc("Legal basis or document the fact is taken from.", min_length=1)
    )
    confidence: Confidence = attrs.field(
        default=Confidence.SOURCED,
        metadata=doc("sourced, secondary, inference or unverified."),
    )
    valid_from: dt.date | None = attrs.field(
        default=None, metadata=doc("Date from which the fact holds.")
    )
    note: str | None = attrs.field(default=None, metadata=doc("What is uncertain, and why."))
    valid_to: dt.date | None = attrs.field(
        default=None, metadata=doc("First date on which the fact no longer holds.")
    )
    basis: tuple[Citation, ...] = attrs.field(
        default=(),
        metadata=doc("Instruments that set the fact, the one that set it first."),
    )


@attrs.frozen(field_transformer=typed_fields)
class Suppression:
    """A reviewed decision to accept one finding on this element.

    A suppressed finding is still reported, marked as suppressed; after ``expires`` it counts
    again as a finding.
    """

    rule: str = attrs.field(
        metadata=doc(
            "Rule code (IOP001) or name (flow-bypasses-integration-platform).", min_length=1
        )
    )
    reason: str = attrs.field(metadata=doc("Why the finding is accepted.", min_length=1))
    expires: dt.date | None = attrs.field(
        default=None, metadata=doc("After this date the finding is reported again.")
    )
    owner: str | None = attrs.field(default=None, metadata=doc("Who answers for this decision."))
