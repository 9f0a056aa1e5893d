"""IOP — interoperability gaps: routes through NDXP/NDOP and the integration platforms."""

from vndgaf.rules.base import Rule

RULES: tuple[Rule, ...] = ()
