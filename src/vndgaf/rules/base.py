"""How a rule is declared: a small pure generator plus metadata in a decorator.

A rule's docstring is its documentation, with the sections *What it checks*, *Why it matters*
(with the legal basis), *Example* and *Use instead*; ``vndgaf rule CODE`` prints it and
docs/rules/ is generated from it.
"""

import datetime as dt
import inspect
from collections.abc import Callable, Iterable

import attrs

from vndgaf.diagnostics import RuleInfo, Severity, Text, Violation
from vndgaf.graph import ArchGraph
from vndgaf.model import Submission

__all__ = ["Context", "Rule", "RuleFunction", "rule"]


@attrs.frozen
class Context:
    """What a rule sees: the graph facade and the date the check is made for."""

    graph: ArchGraph
    as_of: dt.date
    submissions: tuple[Submission, ...] = ()
    """Every submission block loaded (several when submissions are checked together)."""


RuleFunction = Callable[[Context], Iterable[Violation]]


@attrs.frozen
class Rule:
    """A rule: metadata and the function that yields its violations."""

    code: str
    name: str
    severity: Severity
    title: Text
    legal_basis: str
    sourced: bool
    fix: Text | None
    check: RuleFunction = attrs.field(eq=False, repr=False)

    @property
    def doc(self) -> str:
        """The rule's documentation (its function's docstring, dedented)."""
        return inspect.cleandoc(self.check.__doc__ or "")

    @property
    def family(self) -> str:
        """Letters of the code: STR, IOP, RED, DAT, GOV, REF, SCH."""
        return self.code.rstrip("0123456789")

    def info(self) -> RuleInfo:
        """The documentation-only view used by reports."""
        return RuleInfo(
            code=self.code,
            name=self.name,
            severity=self.severity,
            title=self.title,
            legal_basis=self.legal_basis,
            sourced=self.sourced,
            fix=self.fix,
            doc=self.doc,
        )


def rule(
    *,
    code: str,
    name: str,
    severity: Severity,
    title: tuple[str, str],
    legal_basis: str,
    sourced: bool,
    fix: tuple[str, str] | None = None,
) -> Callable[[RuleFunction], Rule]:
    """Declare a rule. ``title`` and ``fix`` are (English, Vietnamese) pairs.

    ``sourced`` is False when the rule is a design inference rather than a legal requirement;
    its documentation must then say so.
    """

    def wrap(function: RuleFunction) -> Rule:
        return Rule(
            code=code,
            name=name,
            severity=severity,
            title=Text(*title),
            legal_basis=legal_basis,
            sourced=sourced,
            fix=Text(*fix) if fix else None,
            check=function,
        )

    return wrap
