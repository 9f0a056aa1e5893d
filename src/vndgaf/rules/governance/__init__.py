"""GOV — governance: owners, active agencies, consistent hierarchy and flows."""

from vndgaf.rules.base import Rule
from vndgaf.rules.governance import (
    agency_hierarchy_cycle,
    agency_tier_unknown,
    element_without_owner,
    owner_not_active,
    self_flow,
)

RULES: tuple[Rule, ...] = (
    element_without_owner.RULE,
    owner_not_active.RULE,
    agency_hierarchy_cycle.RULE,
    self_flow.RULE,
    agency_tier_unknown.RULE,
)
