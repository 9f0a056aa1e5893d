"""The rule catalogue: one module per rule, grouped by family, and the explicit tuple of all.

No import-time self-registration and no global mutable state: a rule exists when its family
package lists it in ``RULES`` and the family is listed here.
"""

from vndgaf.rules import data, governance, interop, redundancy, structure
from vndgaf.rules.base import Context, Rule, rule

ALL_RULES: tuple[Rule, ...] = (
    *structure.RULES,
    *interop.RULES,
    *redundancy.RULES,
    *data.RULES,
    *governance.RULES,
)

__all__ = ["ALL_RULES", "Context", "Rule", "rule"]
