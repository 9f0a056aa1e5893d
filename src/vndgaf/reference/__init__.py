"""The national reference catalogue, as of a date, and legacy-unit resolution.

:func:`catalogue` returns the immutable catalogue as of a date (default today): the 34 provinces
and 3,321 communes in force then, central agencies, national platforms and databases, data
entities, capabilities, lists set by instruments and framework releases, each fact with its period
of validity, the instruments it rests on and its provenance; and the legal instruments with their
status on any date (:meth:`Catalogue.instrument_status`). It is built from overlay files
(:mod:`vndgaf.reference.overlay`), the bundled ones and any a user adds (read with positions by
:mod:`vndgaf.load.overlays`).
:func:`resolve_unit` maps a unit name or code, as people write it (old or new, any spelling), to
the units in force on a date, with status and lineage; :func:`conversion_table` is the published
old → new table; :func:`legacy_reference` explains a pre-1/7/2025 unit used in a submission.
"""

import importlib
from typing import TYPE_CHECKING, Any

from vndgaf.reference.capability import Capability
from vndgaf.reference.catalogue import (
    CATALOGUE_PREFIX,
    Catalogue,
    CatalogueElement,
    catalogue,
    is_catalogue_id,
)
from vndgaf.reference.frameworks import FrameworkRelease
from vndgaf.reference.history import Version
from vndgaf.reference.instruments import (
    Effect,
    EffectKind,
    Instrument,
    InstrumentState,
    InstrumentStatus,
    InstrumentType,
)
from vndgaf.reference.lists import ListItem, ReferenceList
from vndgaf.reference.overlay import Overlay, OverlayError, OverlayProblem

if TYPE_CHECKING:
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

#: Unit resolution (names, lineage, the old → new table) is imported on first use (PEP 562): a
#: run that meets no old unit never loads it (docs/performance.md). The catalogue, which every
#: run reads, is imported above.
_HOMES: dict[str, str] = {
    "Candidate": "vndgaf.reference.resolve",
    "ConversionRow": "vndgaf.reference.conversion",
    "LegacyReference": "vndgaf.reference.legacy_refs",
    "LineageLink": "vndgaf.reference.resolve",
    "Resolution": "vndgaf.reference.resolve",
    "ResolutionStatus": "vndgaf.reference.resolve",
    "Share": "vndgaf.reference.conversion",
    "UnitRef": "vndgaf.reference.unit_index",
    "conversion_table": "vndgaf.reference.conversion",
    "fold": "vndgaf.reference.names",
    "legacy_reference": "vndgaf.reference.legacy_refs",
    "resolve_unit": "vndgaf.reference.resolve",
    "resolve_units": "vndgaf.reference.resolve",
}

__all__ = [
    "CATALOGUE_PREFIX",
    "Candidate",
    "Capability",
    "Catalogue",
    "CatalogueElement",
    "ConversionRow",
    "Effect",
    "EffectKind",
    "FrameworkRelease",
    "Instrument",
    "InstrumentState",
    "InstrumentStatus",
    "InstrumentType",
    "LegacyReference",
    "LineageLink",
    "ListItem",
    "Overlay",
    "OverlayError",
    "OverlayProblem",
    "ReferenceList",
    "Resolution",
    "ResolutionStatus",
    "Share",
    "UnitRef",
    "Version",
    "catalogue",
    "conversion_table",
    "fold",
    "is_catalogue_id",
    "legacy_reference",
    "resolve_unit",
    "resolve_units",
]


def __getattr__(name: str) -> Any:
    """Import a unit-resolution name's module the first time the name is used."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'vndgaf.reference' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})
