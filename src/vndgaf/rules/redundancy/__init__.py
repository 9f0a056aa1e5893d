"""The redundant-investment rules: national shared platforms reused, one authoritative source."""

from vndgaf.diagnostics import Family, Text
from vndgaf.rules.base import Rule, family
from vndgaf.rules.redundancy import (
    capability_built_repeatedly,
    duplicate_master_data,
    duplicate_procedure_system,
    duplicates_national_platform,
    investment_without_reuse,
    shadow_copy,
)

FAMILY = Family("RED", Text("Redundant investment", "Đầu tư trùng lặp"))

RULES: tuple[Rule, ...] = family(
    FAMILY,
    duplicates_national_platform.RULE,
    capability_built_repeatedly.RULE,
    duplicate_master_data.RULE,
    shadow_copy.RULE,
    investment_without_reuse.RULE,
    duplicate_procedure_system.RULE,
)
