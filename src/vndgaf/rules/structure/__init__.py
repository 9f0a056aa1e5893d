"""The two-tier structure rules: no district level, communes under provinces, current agencies."""

from vndgaf.diagnostics import Family, Text
from vndgaf.rules.base import Rule, family
from vndgaf.rules.structure import (
    commune_owns_shared_platform,
    commune_parent_not_province,
    district_level_active,
    legacy_unit,
    merged_agency_referenced,
    procedure_bound_to_commune,
    superseded_framework_version,
    unofficial_special_zone,
)

FAMILY = Family("STR", Text("Two-tier structure", "Cơ cấu chính quyền hai cấp"))

RULES: tuple[Rule, ...] = family(
    FAMILY,
    district_level_active.RULE,
    commune_parent_not_province.RULE,
    legacy_unit.RULE,
    merged_agency_referenced.RULE,
    commune_owns_shared_platform.RULE,
    superseded_framework_version.RULE,
    unofficial_special_zone.RULE,
    procedure_bound_to_commune.RULE,
)
