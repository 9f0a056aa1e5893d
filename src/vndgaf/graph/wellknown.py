"""Ids of the national catalogue elements that the rules and views treat specially."""

__all__ = [
    "AGGREGATE_DB",
    "HUBS",
    "INTEGRATION_TEMPLATE",
    "NDOP",
    "NDXP",
    "NPSP",
    "POPULATION_DB",
    "PROCEDURE_TEMPLATE",
    "VDXP",
    "VNEID",
]

NDXP = "vn:platform/ndxp"
NDOP = "vn:platform/ndop"
NPSP = "vn:platform/npsp"
VDXP = "vn:platform/vdxp"
VNEID = "vn:platform/vneid"
INTEGRATION_TEMPLATE = "vn:platform/lgsp"
PROCEDURE_TEMPLATE = "vn:platform/tthc-system"
POPULATION_DB = "vn:db/population"
AGGREGATE_DB = "vn:db/national-aggregate"

#: The national hubs drawn as distinct shapes and counted as "national exchange".
HUBS = (NDXP, NDOP, NPSP, VNEID, VDXP)
