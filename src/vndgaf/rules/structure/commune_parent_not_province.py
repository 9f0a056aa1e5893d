"""STR002 — a commune-level unit or agency placed under something other than its province."""

from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.model import Citation, Level
from vndgaf.rules.base import Context, LegalBasis, rule


@rule(
    code="STR002",
    name="commune-parent-not-province",
    severity=Severity.ERROR,
    title=(
        "Commune-level unit or agency not directly under its province",
        "Đơn vị hoặc cơ quan cấp xã không trực thuộc trực tiếp cấp tỉnh",
    ),
    basis=LegalBasis(
        cites=(
            Citation("luat-72-2025-qh15"),
            Citation("nq-203-2025-qh15"),
        ),
    ),
    fix=(
        "Set the parent to the province (vn:province/CODE) or its People's Committee.",
        "Đặt cấp trên là tỉnh (vn:province/MÃ) hoặc Ủy ban nhân dân tỉnh.",
    ),
)
def commune_parent_not_province(ctx: Context) -> Iterator[Violation]:
    """What it checks: a commune-level administrative unit (xã, phường, đặc khu) whose ``parent``
    is missing or is not a provincial unit, and a commune-level agency whose ``parent`` agency is
    neither provincial nor commune level (for example a district People's Committee).

    Why it matters: since 1/7/2025 a commune belongs directly to its province; there is no
    intermediate level (Law 72/2025/QH15 on the organisation of local government). A commune
    under a district describes the old three-tier structure.

    Example: ``{id: xa-a, kind: xa, parent: huyen-b}`` where ``huyen-b`` is a district.

    Use instead: ``parent: vn:province/08`` for the unit, ``parent: ubnd-tinh`` for the agency.
    """
    graph = ctx.graph
    for unit in ctx.graph.units:
        if unit.kind.tier is not Level.COMMUNE:
            continue
        parent = graph.unit(unit.parent)
        if parent is None or parent.kind.tier is not Level.PROVINCIAL:
            shown = unit.parent or "none"
            yield Violation(
                subject=unit.id,
                message=Text(
                    f"commune-level unit '{graph.label(unit.id)}' has parent '{shown}', which is "
                    "not a provincial unit",
                    f"đơn vị cấp xã '{graph.label(unit.id)}' có cấp trên '{shown}', không phải đơn "
                    "vị cấp tỉnh",
                ),
                related=(unit.parent,) if unit.parent else (),
                field="parent",
            )
    for agency in ctx.graph.agencies:
        if agency.level is not Level.COMMUNE or agency.parent is None:
            continue
        parent_agency = graph.agency(agency.parent)
        if parent_agency is not None and parent_agency.level not in (
            Level.PROVINCIAL,
            Level.COMMUNE,
            Level.UNKNOWN,  # the source does not say which tier the superior is
        ):
            yield Violation(
                subject=agency.id,
                message=Text(
                    f"commune-level agency '{graph.label(agency.id)}' reports to "
                    f"'{graph.label(parent_agency.id)}' ({parent_agency.level.value} level) "
                    "instead of a provincial body",
                    f"cơ quan cấp xã '{graph.label(agency.id)}' trực thuộc "
                    f"'{graph.label(parent_agency.id)}' (cấp {parent_agency.level.value}) thay vì "
                    "cơ quan cấp tỉnh",
                ),
                related=(parent_agency.id,),
                field="parent",
            )


RULE = commune_parent_not_province
