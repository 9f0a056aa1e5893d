"""The built-in national reference catalogue and legacy-unit resolution.

:func:`catalogue` returns the immutable catalogue (34 provinces, 3,321 communes, central agencies,
national platforms and databases, data entities, capabilities), loaded from the package data once.
:func:`resolve_unit` maps a legacy or current unit name or code to the units in force since
1/7/2025, with status and lineage.
"""

from vndgaf.reference.capability import Capability
from vndgaf.reference.catalogue import (
    CATALOGUE_PREFIX,
    Catalogue,
    CatalogueElement,
    catalogue,
    is_catalogue_id,
)
from vndgaf.reference.names import fold
from vndgaf.reference.resolve import (
    Candidate,
    LineageLink,
    Resolution,
    ResolutionStatus,
    UnitRef,
    resolve_unit,
    resolve_units,
)

__all__ = [
    "CATALOGUE_PREFIX",
    "Candidate",
    "Capability",
    "Catalogue",
    "CatalogueElement",
    "LineageLink",
    "Resolution",
    "ResolutionStatus",
    "UnitRef",
    "catalogue",
    "fold",
    "is_catalogue_id",
    "resolve_unit",
    "resolve_units",
]
