"""The capability taxonomy: what a system does, in codes that rules compare for redundancy."""

import attrs

from vndgaf.model import Provenance

__all__ = ["Capability"]


@attrs.frozen
class Capability:
    """One capability of the national taxonomy (``identity_authentication``, ``payment`` …).

    Systems list capability codes; two systems with the same code at overlapping scope are
    candidates for duplicate investment (QĐ 714/QĐ-TTg and QĐ 3090/QĐ-BKHCN ask to avoid it).
    """

    code: str
    name: str
    name_en: str
    description: str
    provenance: Provenance
