"""How a loader check is documented, and how one of its findings is made.

The loader's checks (SCH: syntax and schema, REF: references) are documented like rules
(``vndgaf rule SCH012``) although no rule runs them: each is declared with :func:`input_check`
in the module whose code reports it, and :data:`vndgaf.load.INPUT_CHECKS` gathers them.
"""

from vndgaf.diagnostics import Family, Finding, Location, RuleInfo, Severity, Text, family_code
from vndgaf.load.positions import SourceMap

__all__ = ["BASIS", "REFERENCES", "SCHEMA", "finding", "input_check", "located"]

BASIS = Text(
    "vndgaf submission format (design, not law)",
    "định dạng hồ sơ của vndgaf (thiết kế, không phải quy định pháp luật)",
)
"""The legal basis of every loader check: they follow from the submission format itself."""

SCHEMA = Family("SCH", Text("Schema", "Lược đồ dữ liệu"))
"""The checks of syntax and schema (SCH)."""

REFERENCES = Family("REF", Text("References and integrity", "Tham chiếu và toàn vẹn"))
"""The checks of ids and references (REF)."""

_FAMILIES = {family.code: family for family in (SCHEMA, REFERENCES)}


def input_check(
    code: str,
    name: str,
    severity: Severity,
    title: Text,
    fix: Text,
    doc: str,
) -> RuleInfo:
    """The documentation of one loader check (its basis is the submission format, not law).

    Its family is the one its code's letters name: SCH or REF (KeyError for any other).
    """
    return RuleInfo(
        code=code,
        name=name,
        severity=severity,
        title=title,
        legal_basis=BASIS,
        sourced=False,
        family=_FAMILIES[family_code(code)],
        fix=fix,
        doc=doc,
    )


def finding(
    check: RuleInfo,
    message: Text,
    location: Location | None,
    subject: str = "",
    related: tuple[str, ...] = (),
) -> Finding:
    """A finding of a loader check, stamped with what its documentation says."""
    return Finding(
        code=check.code,
        name=check.name,
        severity=check.severity,
        message=message,
        location=location,
        subject=subject,
        related=related,
        legal_basis=check.legal_basis,
        fix=check.fix,
    )


def located(path: str, source: SourceMap, pointer: str, *, key: bool = False) -> Location:
    """The location of the value at ``pointer`` (its key when ``key``) in the file ``path``."""
    line, column = source.locate(pointer, key=key)
    return Location(path, line, column, pointer)
