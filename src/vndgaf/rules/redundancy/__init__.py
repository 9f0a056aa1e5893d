"""RED — redundant investment: national shared platforms reused, one authoritative source."""

from vndgaf.rules.base import Rule

RULES: tuple[Rule, ...] = ()
