"""STR — two-tier structure: no district level, communes under provinces, current agencies."""

from vndgaf.rules.base import Rule
from vndgaf.rules.structure import district_level_active

RULES: tuple[Rule, ...] = (district_level_active.RULE,)
