"""The built-in national reference catalogue and legacy-unit resolution.

:func:`catalogue` returns the immutable catalogue (34 provinces, 3,321 communes, central agencies,
national platforms and databases, data entities, capabilities), loaded from the package data once.
:func:`resolve_unit` maps a unit name or code, as people write it (old or new, any spelling), to
the units in force on a date, with status and lineage; :func:`conversion_table` is the published
old → new table; :func:`legacy_reference` explains a pre-1/7/2025 unit used in a submission.
"""

from vndgaf.reference.capability import Capability
from vndgaf.reference.catalogue import (
    CATALOGUE_PREFIX,
    Catalogue,
    CatalogueElement,
    catalogue,
    is_catalogue_id,
)
from vndgaf.reference.conversion import ConversionRow, Share, conversion_table
from vndgaf.reference.legacy_refs import LegacyReference, legacy_reference
from vndgaf.reference.names import fold
from vndgaf.reference.resolve import (
    Candidate,
    LineageLink,
    Resolution,
    ResolutionStatus,
    resolve_unit,
    resolve_units,
)
from vndgaf.reference.unit_index import UnitRef

__all__ = [
    "CATALOGUE_PREFIX",
    "Candidate",
    "Capability",
    "Catalogue",
    "CatalogueElement",
    "ConversionRow",
    "LegacyReference",
    "LineageLink",
    "Resolution",
    "ResolutionStatus",
    "Share",
    "UnitRef",
    "catalogue",
    "conversion_table",
    "fold",
    "is_catalogue_id",
    "legacy_reference",
    "resolve_unit",
    "resolve_units",
]
