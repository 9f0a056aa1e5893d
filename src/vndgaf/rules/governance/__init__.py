"""The governance rules: owners, active agencies, consistent hierarchy and flows."""

from vndgaf.diagnostics import Family, Text
from vndgaf.rules.base import Rule, family
from vndgaf.rules.governance import (
    agency_hierarchy_cycle,
    agency_tier_unknown,
    element_without_owner,
    owner_not_active,
    self_flow,
)

FAMILY = Family("GOV", Text("Governance", "Quản trị"))

RULES: tuple[Rule, ...] = family(
    FAMILY,
    element_without_owner.RULE,
    owner_not_active.RULE,
    agency_hierarchy_cycle.RULE,
    self_flow.RULE,
    agency_tier_unknown.RULE,
)
