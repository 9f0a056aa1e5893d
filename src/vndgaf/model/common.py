"""Parts shared by every element: provenance of a fact and suppression of a finding."""

import datetime as dt

import attrs

from vndgaf.model.enums import Confidence
from vndgaf.model.meta import doc
from vndgaf.model.typed import typed_fields

__all__ = ["Provenance", "Suppression"]


@attrs.frozen(field_transformer=typed_fields)
class Provenance:
    """Where a fact comes from, and how sure we are of it.

    Reference-catalogue entries always carry one; entries that DOMAIN.md marks as inference [I]
    or unverified [U] say so in ``confidence`` and are never presented as law.
    """

    source: str = attrs.field(
        metadata=doc("Legal basis or document the fact is taken from.", min_length=1)
    )
    confidence: Confidence = attrs.field(
        default=Confidence.SOURCED,
        metadata=doc("sourced, secondary, inference or unverified (the DOMAIN.md marks)."),
    )
    valid_from: dt.date | None = attrs.field(
        default=None, metadata=doc("Date from which the fact holds.")
    )
    note: str | None = attrs.field(default=None, metadata=doc("What is uncertain, and why."))


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
