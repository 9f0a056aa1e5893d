"""How a rule is declared, what it sees, and how rules are gathered into families.

A rule is a small pure generator plus metadata in a decorator. It sees only a :class:`Context`:
the graph facade, the national catalogue and the date the check is made for. An import contract
(pyproject.toml) forbids the rules to import the loader, the engine, the reports, the renderers,
the exchange formats or the command line, so a rule cannot depend on how its input was read or
how its findings are shown.

A rule's docstring is its documentation, with the sections *What it checks*, *Why it matters*,
*Example* and *Use instead*; ``vndgaf rule CODE`` prints it and docs/rules/ is generated from it.
Its legal basis is data (:class:`~vndgaf.rules.basis.LegalBasis`): citations of instruments of
the catalogue, rendered in the report's language as of the check's date.

Each family package declares its :class:`~vndgaf.diagnostics.Family` (code letters and title)
once and lists its rules with :func:`family`; :func:`register` gathers the families into the
tuple of all rules. Both refuse a code without the family's letters, and two rules with one code
or one name, when the package is imported.
"""

import datetime as dt
import inspect
import re
from collections.abc import Callable, Iterable

import attrs

from vndgaf.diagnostics import Family, RuleInfo, Severity, Text, Violation
from vndgaf.graph import ArchGraph
from vndgaf.model import Submission
from vndgaf.reference import Catalogue, catalogue
from vndgaf.rules.basis import LegalBasis

__all__ = [
    "Context",
    "Family",
    "LegalBasis",
    "RegistrationError",
    "Rule",
    "RuleFunction",
    "family",
    "register",
    "rule",
]

#: A rule code: its family's letters and three digits (``IOP001``).
_CODE = re.compile(r"[A-Z]{3}[0-9]{3}")


@attrs.frozen
class Context:
    """Everything a rule may read: the graph facade, the national catalogue, the check date and
    the submission blocks.

    ``graph`` holds the submission's elements with the catalogue elements they refer to (see
    :class:`~vndgaf.graph.ArchGraph` for what it offers); ``catalogue`` is the national
    reference the graph was built against, for what the graph does not hold (the 3,321 communes,
    unit resolution); ``as_of`` is the date date-dependent rules are checked for.
    """

    graph: ArchGraph
    catalogue: Catalogue
    as_of: dt.date
    submissions: tuple[Submission, ...] = ()
    """Every submission block loaded (several when submissions are checked together)."""


RuleFunction = Callable[[Context], Iterable[Violation]]


class RegistrationError(ValueError):
    """A rule cannot be registered: two rules share a code or a name, a code lacks its
    family's letters, or a rule is listed in no family."""


@attrs.frozen
class Rule:
    """A rule: metadata and the function that yields its violations.

    ``family`` is set when the rule's family package lists it (:func:`family`); a rule that no
    family lists is never run.
    """

    code: str
    name: str
    severity: Severity
    title: Text
    basis: LegalBasis
    fix: Text | None
    check: RuleFunction = attrs.field(eq=False, repr=False)
    family: Family | None = None

    @property
    def sourced(self) -> bool:
        """True when the rule rests on the instruments it cites alone (no inference)."""
        return self.basis.sourced

    @property
    def doc(self) -> str:
        """The rule's documentation (its function's docstring, dedented)."""
        return inspect.cleandoc(self.check.__doc__ or "")

    def info(self, reference: Catalogue | None = None) -> RuleInfo:
        """The documentation-only view used by reports: with ``reference``, the legal basis as
        of its date (the instruments in force then, successors for repealed ones); without, the
        basis for every date, as the documentation shows it."""
        if self.family is None:
            raise RegistrationError(f"rule {self.code} is listed in no family")
        basis = self.basis.history(catalogue()) if reference is None else self.basis.on(reference)
        return RuleInfo(
            code=self.code,
            name=self.name,
            severity=self.severity,
            title=self.title,
            legal_basis=basis.text,
            sourced=basis.sourced,
            instruments=basis.instruments,
            family=self.family,
            fix=self.fix,
            doc=self.doc,
        )


def rule(
    *,
    code: str,
    name: str,
    severity: Severity,
    title: tuple[str, str],
    basis: LegalBasis,
    fix: tuple[str, str] | None = None,
) -> Callable[[RuleFunction], Rule]:
    """Declare a rule. ``title`` and ``fix`` are (English, Vietnamese) pairs.

    ``basis`` cites the instruments the rule rests on; when the rule reads more into them than
    they say, its ``inference`` says what, and the rule is labelled a design inference, not law.
    """

    def wrap(function: RuleFunction) -> Rule:
        return Rule(
            code=code,
            name=name,
            severity=severity,
            title=Text(*title),
            basis=basis,
            fix=Text(*fix) if fix else None,
            check=function,
        )

    return wrap


def _unique(rules: Iterable[Rule]) -> tuple[Rule, ...]:
    """``rules`` as a tuple; RegistrationError when two share a code or a name."""
    out = tuple(rules)
    codes: dict[str, Rule] = {}
    names: dict[str, Rule] = {}
    for item in out:
        for what, key, seen in (("code", item.code, codes), ("name", item.name, names)):
            other = seen.setdefault(key, item)
            if other is not item:
                raise RegistrationError(
                    f"rules {other.code} ({other.name}) and {item.code} ({item.name}) share "
                    f"the {what} {key!r}"
                )
    return out


def family(declared: Family, *rules: Rule) -> tuple[Rule, ...]:
    """The rules of one family, each stamped with it.

    RegistrationError when a code is not the family's letters and three digits, or two rules
    share a code or a name.
    """
    for item in rules:
        if not _CODE.fullmatch(item.code) or not item.code.startswith(declared.code):
            raise RegistrationError(
                f"rule {item.code} ({item.name}) is listed in family {declared.code}: its code "
                f"must be {declared.code} and three digits"
            )
    return _unique(attrs.evolve(item, family=declared) for item in rules)


def register(*families: tuple[Rule, ...]) -> tuple[Rule, ...]:
    """Every rule of ``families``, in order; RegistrationError when two rules of different
    families share a code or a name (codes of one family are checked by :func:`family`)."""
    return _unique(item for members in families for item in members)
