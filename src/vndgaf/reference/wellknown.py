"""Ids and codes of the national catalogue that the graph, the rules and the views treat specially.

One home for each: code compares against these names, never against a literal id.
"""

__all__ = [
    "AGGREGATE_DB",
    "DATA_INTEGRATION",
    "DATA_PORTAL",
    "DOCUMENT_MANAGEMENT",
    "HUBS",
    "INTEGRATION_TEMPLATE",
    "NDOP",
    "NDXP",
    "NPSP",
    "POPULATION_DB",
    "PROCEDURE_CASE_HANDLING",
    "PROCEDURE_TEMPLATE",
    "PROVINCE_PREFIX",
    "PUBLIC_SERVICE_PORTAL",
    "VDXP",
    "VNEID",
    "is_province_id",
    "province_id",
]

# -- national platforms and databases (catalogue ids) ------------------------------------------

#: National data exchange platform (NĐ 194/2025/NĐ-CP Art. 20).
NDXP = "vn:platform/ndxp"
#: National Data Center's sharing and orchestration platform (NĐ 194/2025/NĐ-CP Art. 20).
NDOP = "vn:platform/ndop"
#: National Public Service Portal, dichvucong.gov.vn (QĐ 274/QĐ-TTg).
NPSP = "vn:platform/npsp"
#: National document exchange axis (QĐ 28/2018/QĐ-TTg).
VDXP = "vn:platform/vdxp"
#: National electronic identification (VNeID).
VNEID = "vn:platform/vneid"
#: National Data Portal, data.gov.vn (NĐ 47/2020/NĐ-CP).
DATA_PORTAL = "vn:platform/data-portal"
#: The ministry/provincial integration platform (LGSP) each ministry and province deploys.
INTEGRATION_TEMPLATE = "vn:platform/lgsp"
#: The ministry/provincial administrative-procedure information system (NĐ 367/2025/NĐ-CP).
PROCEDURE_TEMPLATE = "vn:platform/tthc-system"
#: National Population Database.
POPULATION_DB = "vn:db/population"
#: National aggregate database of the National Data Center (NĐ 278/2025/NĐ-CP).
AGGREGATE_DB = "vn:db/national-aggregate"

#: The national hubs drawn as distinct shapes and counted as "national exchange".
HUBS = (NDXP, NDOP, NPSP, VNEID, VDXP)

# -- capabilities (codes of the catalogue's capabilities.yaml) --------------------------------

DATA_INTEGRATION = "data_integration"
PUBLIC_SERVICE_PORTAL = "public_service_portal"
PROCEDURE_CASE_HANDLING = "procedure_case_handling"
DOCUMENT_MANAGEMENT = "document_management"

# -- administrative units ------------------------------------------------------------------------

#: Catalogue ids of provincial units: ``vn:province/`` and the official two-digit code.
PROVINCE_PREFIX = "vn:province/"


def province_id(code: str) -> str:
    """The catalogue id of the province with this official code.

    >>> province_id("08")
    'vn:province/08'
    """
    return f"{PROVINCE_PREFIX}{code}"


def is_province_id(element_id: str | None) -> bool:
    """True for an id of the form ``vn:province/CODE``."""
    return element_id is not None and element_id.startswith(PROVINCE_PREFIX)
