"""The rule catalogue: one module per rule, grouped by family, and the explicit tuple of all.

No import-time self-registration and no global mutable state: a rule exists when its family
package lists it in ``RULES`` and the family is listed here. Importing this package fails when two
rules share a code or a name, or a code lacks its family's letters.
"""

from collections.abc import Mapping, Sequence

from vndgaf.diagnostics import Family
from vndgaf.rules import data, governance, interop, redundancy, structure
from vndgaf.rules.base import (
    Context,
    LegalBasis,
    RegistrationError,
    Rule,
    family,
    register,
    rule,
)

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


def rules_by_instrument(rules: Sequence[Rule] = ALL_RULES) -> Mapping[str, tuple[str, ...]]:
    """Instrument id -> the codes of the rules whose legal basis cites it, in rule order.

    >>> rules_by_instrument()["nd-47-2024"]
    ('IOP001', 'IOP002', 'RED004', 'DAT008')
    """
    found: dict[str, list[str]] = {}
    for item in rules:
        for instrument in dict.fromkeys(c.instrument for c in item.basis.cites):
            found.setdefault(instrument, []).append(item.code)
    return {key: tuple(codes) for key, codes in sorted(found.items())}


__all__ = [
    "ALL_RULES",
    "FAMILIES",
    "Context",
    "LegalBasis",
    "RegistrationError",
    "Rule",
    "family",
    "register",
    "rule",
    "rules_by_instrument",
]
