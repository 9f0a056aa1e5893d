"""RED — redundant investment: national shared platforms reused, one authoritative source."""

from vndgaf.rules.base import Rule
from vndgaf.rules.redundancy import (
    capability_built_repeatedly,
    duplicate_master_data,
    duplicate_procedure_system,
    duplicates_national_platform,
    investment_without_reuse,
    shadow_copy,
)

RULES: tuple[Rule, ...] = (
    duplicates_national_platform.RULE,
    capability_built_repeatedly.RULE,
    duplicate_master_data.RULE,
    shadow_copy.RULE,
    investment_without_reuse.RULE,
    duplicate_procedure_system.RULE,
)
