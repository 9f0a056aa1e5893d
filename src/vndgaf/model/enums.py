"""Closed vocabularies of the model.

Values are the strings written in submissions. Official Vietnamese terms are kept where they are
the names used in law (``toan_trinh``, ``mot_phan``, ``xa``, ``phuong``, ``dac_khu``). Each enum's
docstring says whether the list is sourced (set by a legal text, [S]) or a design inference
([I]).
"""

from enum import StrEnum

__all__ = [
    "AgencyType",
    "Branch",
    "Channel",
    "CompetentLevel",
    "Confidence",
    "DataLayer",
    "DatabaseClass",
    "FlowMode",
    "FrameworkVersion",
    "Hosting",
    "InputSource",
    "Layer",
    "Level",
    "Network",
    "OnlineLevel",
    "Scope",
    "Status",
    "UnitKind",
]


class FrameworkVersion(StrEnum):
    """Versions of the national architecture framework [S].

    1.0: Văn bản 1178/BTTTT-THH (2015); 2.0: QĐ 2323/QĐ-BTTTT (2019); 3.0: QĐ 2568/QĐ-BTTTT
    (2023, amended by 1729/QĐ-BTTTT); 4.0: QĐ 292/QĐ-BKHCN (25/3/2025);
    national-2025: National Digital Architecture Framework, QĐ 3090/QĐ-BKHCN (8/10/2025).
    """

    V1_0 = "1.0"
    V2_0 = "2.0"
    V3_0 = "3.0"
    V4_0 = "4.0"
    NATIONAL_2025 = "national-2025"


class Confidence(StrEnum):
    """How well a fact is established.

    sourced: stated by a legal text or an official source; secondary: from a secondary source
    only (press, legal database); inference: a design inference, stated by no source;
    unverified: a claim no source confirmed.
    """

    SOURCED = "sourced"
    SECONDARY = "secondary"
    INFERENCE = "inference"
    UNVERIFIED = "unverified"


class UnitKind(StrEnum):
    """Kinds of administrative unit [S].

    Since 1/7/2025 only ``tinh``, ``thanh_pho_truc_thuoc_tw`` (provincial) and ``xa``, ``phuong``,
    ``dac_khu`` (commune level) exist. The district kinds are kept so that legacy inventories can be
    loaded and flagged.
    """

    TINH = "tinh"
    THANH_PHO_TRUC_THUOC_TW = "thanh_pho_truc_thuoc_tw"
    XA = "xa"
    PHUONG = "phuong"
    DAC_KHU = "dac_khu"
    THI_TRAN = "thi_tran"
    HUYEN = "huyen"
    QUAN = "quan"
    THI_XA = "thi_xa"
    THANH_PHO_THUOC_TINH = "thanh_pho_thuoc_tinh"

    @property
    def tier(self) -> "Level":
        """The government tier a unit of this kind belongs to."""
        if self in (UnitKind.TINH, UnitKind.THANH_PHO_TRUC_THUOC_TW):
            return Level.PROVINCIAL
        if self in (UnitKind.XA, UnitKind.PHUONG, UnitKind.DAC_KHU, UnitKind.THI_TRAN):
            return Level.COMMUNE
        return Level.DISTRICT


class Level(StrEnum):
    """Government tier. ``district`` ended on 1/7/2025 [S]; it exists only to flag legacy data.

    ``unknown`` says that the source does not tell the tier (an agency imported from an ArchiMate
    model without a level): rules that depend on the tier skip the agency. It is never a
    default.
    """

    CENTRAL = "central"
    PROVINCIAL = "provincial"
    DISTRICT = "district"
    COMMUNE = "commune"
    UNKNOWN = "unknown"


class Branch(StrEnum):
    """Branch of the political system an agency belongs to [S] (QĐ 3090 scope; NĐ 278)."""

    GOVERNMENT = "government"
    PARTY = "party"
    NATIONAL_ASSEMBLY = "national_assembly"
    FRONT = "front"
    COURT = "court"
    PROCURACY = "procuracy"
    AUDIT = "audit"
    SOCIO_POLITICAL = "socio_political"
    OTHER = "other"


class AgencyType(StrEnum):
    """Kind of agency [I] (a working vocabulary, not a legal list)."""

    MINISTRY = "ministry"
    MINISTERIAL_AGENCY = "ministerial_agency"
    GOVERNMENT_AGENCY = "government_agency"
    CENTRAL_BODY = "central_body"
    PROVINCIAL_PEOPLES_COMMITTEE = "provincial_peoples_committee"
    DEPARTMENT = "department"
    DISTRICT_PEOPLES_COMMITTEE = "district_peoples_committee"
    COMMUNE_PEOPLES_COMMITTEE = "commune_peoples_committee"
    PUBLIC_ADMIN_SERVICE_CENTER = "public_admin_service_center"
    VERTICAL_SECTOR_OFFICE = "vertical_sector_office"
    PUBLIC_SERVICE_UNIT = "public_service_unit"
    OTHER = "other"


class Layer(StrEnum):
    """Architecture layer [I], mapped onto the four layers of QĐ 3090 in the docs."""

    CHANNEL = "channel"
    PORTAL_SERVICE = "portal_service"
    BUSINESS = "business"
    APPLICATION = "application"
    INTEGRATION = "integration"
    SHARED_PLATFORM = "shared_platform"
    DATA = "data"
    INFRASTRUCTURE = "infrastructure"
    SECURITY = "security"


class Scope(StrEnum):
    """Who a system serves [I]."""

    NATIONAL = "national"
    SECTORAL = "sectoral"
    MINISTRY = "ministry"
    PROVINCIAL = "provincial"
    COMMUNE = "commune"


class Status(StrEnum):
    """Life-cycle status of a system or flow."""

    PLANNED = "planned"
    BUILDING = "building"
    OPERATING = "operating"
    RETIRED = "retired"


class Hosting(StrEnum):
    """Where a system runs [I]."""

    NDC_CLOUD = "ndc_cloud"
    GOV_CLOUD = "gov_cloud"
    AGENCY_DC = "agency_dc"
    COMMERCIAL_CLOUD = "commercial_cloud"
    ON_PREM = "on_prem"


class DatabaseClass(StrEnum):
    """Class of database [S] for national/sectoral (NĐ 194/2025), [I] for the rest."""

    NATIONAL = "national"
    SECTORAL = "sectoral"
    MINISTRY_SHARED = "ministry_shared"
    PROVINCIAL_SHARED = "provincial_shared"
    LOCAL = "local"
    WAREHOUSE = "warehouse"


class DataLayer(StrEnum):
    """Data layers of the National Data Architecture Framework, QĐ 2439/QĐ-TTg [S]."""

    GOC = "goc"
    DAC_TA = "dac_ta"
    CHU = "chu"
    DANH_MUC = "danh_muc"
    GIAO_DICH = "giao_dich"
    TONG_HOP = "tong_hop"
    PHAN_TICH = "phan_tich"
    MO = "mo"


class FlowMode(StrEnum):
    """How data moves along a flow [S] for default sharing (NĐ 47/2024), [I] for the names."""

    DEFAULT_SHARE = "default_share"
    ON_REQUEST = "on_request"
    OPEN_DATA = "open_data"
    SYNC_MASTER = "sync_master"
    DOCUMENT_EXCHANGE = "document_exchange"


class Network(StrEnum):
    """Network a flow travels on [S] (NDXP runs on both, 677/BTTTT-THH)."""

    SPECIALISED_DATA_NETWORK = "specialised_data_network"
    INTERNET = "internet"
    INTERNAL = "internal"


class OnlineLevel(StrEnum):
    """Online level of a public service, NĐ 42/2022/NĐ-CP Art. 11 [S]."""

    TOAN_TRINH = "toan_trinh"
    MOT_PHAN = "mot_phan"
    OFFLINE = "offline"


class CompetentLevel(StrEnum):
    """Level competent to decide an administrative procedure [S]."""

    CENTRAL = "central"
    PROVINCIAL = "provincial"
    COMMUNE = "commune"
    VERTICAL_SECTOR = "vertical_sector"


class Channel(StrEnum):
    """Channels through which a public service is offered.

    ``npsp`` is the National Public Service Portal (dichvucong.gov.vn), the single window since
    1/7/2025 [S]; ``provincial_portal`` interfaces were closed from that date [S].
    """

    NPSP = "npsp"
    PROVINCIAL_PORTAL = "provincial_portal"
    MINISTRY_PORTAL = "ministry_portal"
    VNEID = "vneid"
    MOBILE_APP = "mobile_app"
    COUNTER = "counter"
    POST = "post"


class InputSource(StrEnum):
    """Where a procedure obtains one of its required inputs."""

    CITIZEN = "citizen"
    SHARED_DATA = "shared_data"
