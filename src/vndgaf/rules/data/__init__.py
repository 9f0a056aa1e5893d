"""DAT — data sharing, once-only and data quality."""

from vndgaf.rules.base import Rule

RULES: tuple[Rule, ...] = ()
