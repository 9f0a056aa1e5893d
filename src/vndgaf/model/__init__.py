"""The typed model of a digital-government architecture (attrs, frozen, slotted).

This package imports only attrs and the standard library.
"""

from vndgaf.model.architecture import (
    ELEMENT_LISTS,
    EXTERNAL_LISTS,
    FORMAT_VERSION,
    Architecture,
    Externals,
    Submission,
    submission_key,
    with_externals,
)
from vndgaf.model.common import Citation, Provenance, Suppression
from vndgaf.model.elements import (
    AdministrativeUnit,
    Agency,
    Database,
    DataEntity,
    DataFlow,
    DataQuality,
    InformationSystem,
    Investment,
    Platform,
    PublicService,
    RequiredInput,
)
from vndgaf.model.enums import (
    AgencyType,
    Branch,
    Channel,
    CompetentLevel,
    Confidence,
    DatabaseClass,
    DataLayer,
    FlowMode,
    FrameworkVersion,
    Hosting,
    InputSource,
    Layer,
    Level,
    Network,
    OnlineLevel,
    Scope,
    Status,
    UnitKind,
)

Element = (
    AdministrativeUnit
    | Agency
    | InformationSystem
    | DataEntity
    | DataFlow
    | PublicService
    | Investment
)

__all__ = [
    "ELEMENT_LISTS",
    "EXTERNAL_LISTS",
    "FORMAT_VERSION",
    "AdministrativeUnit",
    "Agency",
    "AgencyType",
    "Architecture",
    "Branch",
    "Channel",
    "Citation",
    "CompetentLevel",
    "Confidence",
    "DataEntity",
    "DataFlow",
    "DataLayer",
    "DataQuality",
    "Database",
    "DatabaseClass",
    "Element",
    "Externals",
    "FlowMode",
    "FrameworkVersion",
    "Hosting",
    "InformationSystem",
    "InputSource",
    "Investment",
    "Layer",
    "Level",
    "Network",
    "OnlineLevel",
    "Platform",
    "Provenance",
    "PublicService",
    "RequiredInput",
    "Scope",
    "Status",
    "Submission",
    "Suppression",
    "UnitKind",
    "submission_key",
    "with_externals",
]
