"""The rule catalogue: one module per rule, grouped by family, and the explicit tuple of all.

No import-time self-registration and no global mutable state: a rule exists when its family
package lists it in ``RULES`` and the family is listed here. Importing this package fails when two
rules share a code or a name, or a code lacks its family's letters.
"""

from vndgaf.diagnostics import Family
from vndgaf.rules import data, governance, interop, redundancy, structure
from vndgaf.rules.base import Context, RegistrationError, Rule, family, register, rule

#: The rule families, in the order reports and documentation list them.
FAMILIES: tuple[Family, ...] = (
    structure.FAMILY,
    interop.FAMILY,
    redundancy.FAMILY,
    data.FAMILY,
    governance.FAMILY,
)

ALL_RULES: tuple[Rule, ...] = register(
    structure.RULES,
    interop.RULES,
    redundancy.RULES,
    data.RULES,
    governance.RULES,
)

__all__ = [
    "ALL_RULES",
    "FAMILIES",
    "Context",
    "RegistrationError",
    "Rule",
    "family",
    "register",
    "rule",
]
