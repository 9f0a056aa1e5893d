"""The elements of an architecture submission.

Every element has an ``id`` unique across the whole submission (all files), a ``name`` and
optional ``suppress`` entries. Fields whose metadata carries ``ref`` hold ids of other elements:
of the same submission (a local id), of the built-in national catalogue (ids starting with
``vn:``), or of another submission (``submitter::id``, declared under ``externals``).
"""

import datetime as dt

import attrs

from vndgaf.model.common import Provenance, Suppression
from vndgaf.model.enums import (
    AgencyType,
    Branch,
    Channel,
    CompetentLevel,
    DatabaseClass,
    DataLayer,
    FlowMode,
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
from vndgaf.model.meta import ID_PATTERN, doc
from vndgaf.model.typed import typed_fields

__all__ = [
    "AdministrativeUnit",
    "Agency",
    "DataEntity",
    "DataFlow",
    "DataQuality",
    "Database",
    "InformationSystem",
    "Investment",
    "Platform",
    "PublicService",
    "RequiredInput",
]

SYSTEM_KINDS = ("system", "platform", "database")


ID_DOC = doc(
    "Identifier, unique in the submission (other submissions write it after the submitter: "
    "submitter::id); '::' is reserved for that.",
    pattern=ID_PATTERN,
    max_length=200,
    examples=("so-tu-phap-tuyen-quang", "lgsp-tuyen-quang"),
)


@attrs.frozen(field_transformer=typed_fields)
class AdministrativeUnit:
    """An administrative unit: a province-level unit or a commune-level unit.

    Since 1/7/2025 a commune's parent is its province; there is no district level (NQ 203/2025/QH15,
    Law 72/2025/QH15). The built-in catalogue holds all 34 + 3,321 units as ``vn:province/CODE`` and
    ``vn:commune/CODE``; a submission declares units only to describe legacy or local structure.
    """

    id: str = attrs.field(metadata=ID_DOC)
    name: str = attrs.field(metadata=doc("Official name, in Vietnamese.", min_length=1))
    kind: UnitKind = attrs.field(metadata=doc("Kind of unit (tinh, xa, phuong, dac_khu, …)."))
    code: str | None = attrs.field(
        default=None, metadata=doc("Official unit code (GSO list).", pattern=r"^[0-9]{2,5}$")
    )
    parent: str | None = attrs.field(
        default=None, metadata=doc("The unit this one belongs to.", ref=("unit",))
    )
    valid_from: dt.date | None = attrs.field(default=None, metadata=doc("Date created."))
    valid_to: dt.date | None = attrs.field(default=None, metadata=doc("Date abolished."))
    predecessor_codes: tuple[str, ...] = attrs.field(
        default=(), metadata=doc("Codes of the pre-merger units it was formed from.")
    )
    name_en: str | None = attrs.field(default=None, metadata=doc("English name."))
    provenance: Provenance | None = attrs.field(
        default=None, metadata=doc("Where the facts about this unit come from.")
    )
    suppress: tuple[Suppression, ...] = attrs.field(
        default=(), metadata=doc("Accepted findings on this element.")
    )


@attrs.frozen(field_transformer=typed_fields)
class Agency:
    """A body of the political system: ministry, People's Committee, department, Party body …"""

    id: str = attrs.field(metadata=ID_DOC)
    name: str = attrs.field(metadata=doc("Official name, in Vietnamese.", min_length=1))
    level: Level = attrs.field(
        metadata=doc("Tier: central, provincial or commune (unknown when the source does not say).")
    )
    branch: Branch = attrs.field(
        default=Branch.GOVERNMENT, metadata=doc("Branch of the political system.")
    )
    type: AgencyType = attrs.field(default=AgencyType.OTHER, metadata=doc("Kind of agency."))
    unit: str | None = attrs.field(
        default=None,
        metadata=doc(
            "Administrative unit the agency governs or sits in.",
            ref=("unit",),
            examples=("vn:province/08", "vn:commune/00694"),
        ),
    )
    parent: str | None = attrs.field(
        default=None, metadata=doc("Superior agency.", ref=("agency",))
    )
    successor_of: tuple[str, ...] = attrs.field(
        default=(), metadata=doc("Agencies merged into this one.", ref=("agency",))
    )
    active: bool = attrs.field(
        default=True, metadata=doc("False for abolished or merged agencies.")
    )
    short_name: str | None = attrs.field(
        default=None, metadata=doc("Abbreviation (Bộ KH&CN, UBND tỉnh …).")
    )
    name_en: str | None = attrs.field(default=None, metadata=doc("English name."))
    provenance: Provenance | None = attrs.field(
        default=None, metadata=doc("Where the facts about this agency come from.")
    )
    suppress: tuple[Suppression, ...] = attrs.field(
        default=(), metadata=doc("Accepted findings on this element.")
    )


@attrs.frozen(field_transformer=typed_fields)
class InformationSystem:
    """An application or information system owned by an agency (ARM)."""

    id: str = attrs.field(metadata=ID_DOC)
    name: str = attrs.field(metadata=doc("Name of the system.", min_length=1))
    owner: str | None = attrs.field(
        default=None, metadata=doc("Agency that owns the system (chủ quản).", ref=("agency",))
    )
    operator: str | None = attrs.field(
        default=None, metadata=doc("Agency that runs it, if not the owner.", ref=("agency",))
    )
    layer: Layer | None = attrs.field(default=None, metadata=doc("Architecture layer."))
    capabilities: tuple[str, ...] = attrs.field(
        default=(),
        metadata=doc(
            "Capability codes from the national taxonomy (vndgaf reference capabilities).",
            pattern=r"^[a-z][a-z0-9_]*$",
        ),
    )
    scope: Scope | None = attrs.field(default=None, metadata=doc("Who the system serves."))
    status: Status = attrs.field(default=Status.OPERATING, metadata=doc("Life-cycle status."))
    hosting: Hosting | None = attrs.field(default=None, metadata=doc("Where it runs."))
    security_level: int | None = attrs.field(
        default=None,
        metadata=doc("Security level under NĐ 85/2016/NĐ-CP (1–5).", minimum=1, maximum=5),
    )
    tenants: tuple[str, ...] = attrs.field(
        default=(), metadata=doc("Agencies that use the system.", ref=("agency",))
    )
    name_en: str | None = attrs.field(default=None, metadata=doc("English name."))
    properties: dict[str, str] = attrs.field(
        factory=dict, metadata=doc("Free key/value properties (kept from imports).")
    )
    provenance: Provenance | None = attrs.field(
        default=None, metadata=doc("Where the facts about this system come from.")
    )
    suppress: tuple[Suppression, ...] = attrs.field(
        default=(), metadata=doc("Accepted findings on this element.")
    )


@attrs.frozen(field_transformer=typed_fields)
class Platform(InformationSystem):
    """A platform: integration hub (LGSP), portal, procedure system, identity, payment …

    ``instance_of`` names the national catalogue template this platform deploys, for example
    ``vn:platform/lgsp`` for a provincial integration platform.
    """

    instance_of: str | None = attrs.field(
        default=None,
        metadata=doc(
            "Catalogue platform or template this one deploys.",
            ref=("platform",),
            examples=("vn:platform/lgsp",),
        ),
    )
    justification: str | None = attrs.field(
        default=None,
        metadata=doc("Why a capability of a national shared platform is built again here."),
    )


@attrs.frozen(field_transformer=typed_fields)
class DataQuality:
    """The six data-quality attributes: đúng, đủ, sạch, sống, thống nhất, dùng chung [S].

    The slogan is sourced (Plan 02-KH/BCĐTW; 2943/CĐSQG-CNCPS); the machine-checkable proxies
    (evidence, update frequency, last sync) are a design inference [I].
    """

    dung: bool | None = attrs.field(
        default=None, metadata=doc("đúng — correct, checked against master data.")
    )
    du: bool | None = attrs.field(
        default=None, metadata=doc("đủ — complete per the data dictionary.")
    )
    sach: bool | None = attrs.field(default=None, metadata=doc("sạch — clean, no duplicates."))
    song: bool | None = attrs.field(
        default=None, metadata=doc("sống — live, updated within its SLA.")
    )
    thong_nhat: bool | None = attrs.field(
        default=None, metadata=doc("thống nhất — consistent, uses national keys and dictionary.")
    )
    dung_chung: bool | None = attrs.field(
        default=None, metadata=doc("dùng chung — shared through the exchange platforms.")
    )
    update_frequency: str | None = attrs.field(
        default=None, metadata=doc("How often the data is updated (daily, realtime …).")
    )
    last_sync: dt.date | None = attrs.field(default=None, metadata=doc("Date of the last sync."))
    evidence: str | None = attrs.field(
        default=None, metadata=doc("Where the claims are evidenced.")
    )


@attrs.frozen(field_transformer=typed_fields)
class Database(InformationSystem):
    """A database. ``authoritative_for`` lists the master entities it is the single trusted
    source of (NĐ 278/2025: one datum, one trusted source); ``copies`` lists entities it keeps
    copies of."""

    db_class: DatabaseClass = attrs.field(
        default=DatabaseClass.LOCAL, metadata=doc("national, sectoral, provincial_shared, local …")
    )
    authoritative_for: tuple[str, ...] = attrs.field(
        default=(),
        metadata=doc("Entities this database is the trusted source of.", ref=("entity",)),
    )
    copies: tuple[str, ...] = attrs.field(
        default=(), metadata=doc("Entities this database keeps a copy of.", ref=("entity",))
    )
    quality: DataQuality | None = attrs.field(
        default=None,
        metadata=doc("Data-quality profile (đúng, đủ, sạch, sống, thống nhất, dùng chung)."),
    )
    state_secret: bool = attrs.field(
        default=False, metadata=doc("Holds state-secret data (excluded from NDOP sharing, NĐ 278).")
    )


@attrs.frozen(field_transformer=typed_fields)
class DataEntity:
    """A data entity of the common data dictionary (person, enterprise, land parcel …)."""

    id: str = attrs.field(metadata=ID_DOC)
    name: str = attrs.field(metadata=doc("Name of the entity.", min_length=1))
    code: str | None = attrs.field(default=None, metadata=doc("Common-data-dictionary code."))
    data_layer: DataLayer | None = attrs.field(
        default=None, metadata=doc("Data layer (QĐ 2439): goc, chu, danh_muc, giao_dich …")
    )
    identifier_key: str | None = attrs.field(
        default=None, metadata=doc("Key that identifies an instance (personal id number …).")
    )
    national_master: bool = attrs.field(
        default=False, metadata=doc("True for national master data (dữ liệu chủ quốc gia).")
    )
    name_en: str | None = attrs.field(default=None, metadata=doc("English name."))
    provenance: Provenance | None = attrs.field(
        default=None, metadata=doc("Where the facts about this entity come from.")
    )
    suppress: tuple[Suppression, ...] = attrs.field(
        default=(), metadata=doc("Accepted findings on this element.")
    )


@attrs.frozen(field_transformer=typed_fields)
class DataFlow:
    """Data moving from one system to another, through ordered ``via`` platforms.

    ``via`` lists the intermediaries in order, e.g. the provincial integration platform, then NDXP.
    """

    id: str = attrs.field(metadata=ID_DOC)
    source: str = attrs.field(metadata=doc("System the data comes from.", ref=SYSTEM_KINDS))
    target: str = attrs.field(metadata=doc("System the data goes to.", ref=SYSTEM_KINDS))
    entities: tuple[str, ...] = attrs.field(
        default=(), metadata=doc("Entities carried.", ref=("entity",))
    )
    via: tuple[str, ...] = attrs.field(
        default=(),
        metadata=doc(
            "Platforms the flow passes through, in order.",
            ref=("platform",),
            examples=(["lgsp-tuyen-quang", "vn:platform/ndxp"],),
        ),
    )
    mode: FlowMode = attrs.field(default=FlowMode.DEFAULT_SHARE, metadata=doc("Kind of exchange."))
    api_id: str | None = attrs.field(
        default=None, metadata=doc("API registration id on V-APEX (2943/CĐSQG-CNCPS).")
    )
    network: Network | None = attrs.field(default=None, metadata=doc("Network used."))
    mandatory: bool = attrs.field(
        default=False,
        metadata=doc("Mandatory sharing under NĐ 278/2025 (must go through NDOP from 2027)."),
    )
    official_signature: bool | None = attrs.field(
        default=None, metadata=doc("Documents signed with the special-use official signature.")
    )
    status: Status = attrs.field(default=Status.OPERATING, metadata=doc("Life-cycle status."))
    name: str | None = attrs.field(default=None, metadata=doc("What the flow is for."))
    provenance: Provenance | None = attrs.field(
        default=None,
        metadata=doc(
            "Where the flow comes from: for a flow derived on import, the relationships it was "
            "derived from (confidence inference)."
        ),
    )
    suppress: tuple[Suppression, ...] = attrs.field(
        default=(), metadata=doc("Accepted findings on this element.")
    )


@attrs.frozen(field_transformer=typed_fields)
class RequiredInput:
    """One piece of data a procedure needs, and where the procedure gets it."""

    entity: str = attrs.field(metadata=doc("Entity required.", ref=("entity",)))
    obtained_from: InputSource = attrs.field(
        metadata=doc("citizen (asked from the applicant) or shared_data (fetched).")
    )


@attrs.frozen(field_transformer=typed_fields)
class PublicService:
    """A public service / administrative procedure (thủ tục hành chính)."""

    id: str = attrs.field(metadata=ID_DOC)
    name: str = attrs.field(metadata=doc("Name of the procedure.", min_length=1))
    owner: str | None = attrs.field(
        default=None, metadata=doc("Agency responsible.", ref=("agency",))
    )
    procedure_code: str | None = attrs.field(
        default=None, metadata=doc("Code in the National Administrative Procedures Database.")
    )
    competent_level: CompetentLevel = attrs.field(
        default=CompetentLevel.PROVINCIAL, metadata=doc("Level competent to decide.")
    )
    online_level: OnlineLevel = attrs.field(
        default=OnlineLevel.MOT_PHAN,
        metadata=doc("toan_trinh (fully online) or mot_phan (partly), NĐ 42/2022 Art. 11."),
    )
    channels: tuple[Channel, ...] = attrs.field(default=(), metadata=doc("Channels offered."))
    handled_by: str | None = attrs.field(
        default=None, metadata=doc("Procedure system that handles the case.", ref=SYSTEM_KINDS)
    )
    required_inputs: tuple[RequiredInput, ...] = attrs.field(
        default=(), metadata=doc("Data the procedure needs.")
    )
    cross_boundary_within_province: bool = attrs.field(
        default=True,
        metadata=doc("Accepted regardless of commune within the province (NĐ 118/2025)."),
    )
    name_en: str | None = attrs.field(default=None, metadata=doc("English name."))
    suppress: tuple[Suppression, ...] = attrs.field(
        default=(), metadata=doc("Accepted findings on this element.")
    )


@attrs.frozen(field_transformer=typed_fields)
class Investment:
    """A planned or running IT investment (project)."""

    id: str = attrs.field(metadata=ID_DOC)
    name: str = attrs.field(metadata=doc("Name of the project.", min_length=1))
    owner: str | None = attrs.field(
        default=None, metadata=doc("Investing agency.", ref=("agency",))
    )
    capability: str | None = attrs.field(
        default=None,
        metadata=doc("Capability code the investment builds.", pattern=r"^[a-z][a-z0-9_]*$"),
    )
    budget_vnd: int | None = attrs.field(
        default=None, metadata=doc("Budget in Vietnamese đồng.", minimum=0, maximum=10**16)
    )
    reuses: tuple[str, ...] = attrs.field(
        default=(), metadata=doc("Existing platforms reused.", ref=("platform",))
    )
    justification: str | None = attrs.field(
        default=None, metadata=doc("Why no existing platform is reused.")
    )
    status: Status = attrs.field(default=Status.PLANNED, metadata=doc("Life-cycle status."))
    suppress: tuple[Suppression, ...] = attrs.field(
        default=(), metadata=doc("Accepted findings on this element.")
    )
