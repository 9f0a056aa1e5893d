"""STR008 — a provincial or commune procedure not accepted across communes of the province."""

from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.model import Citation, CompetentLevel
from vndgaf.rules.base import Context, LegalBasis, rule


@rule(
    code="STR008",
    name="procedure-bound-to-commune",
    severity=Severity.WARNING,
    title=(
        "Procedure not accepted regardless of commune within the province",
        "Thủ tục không được tiếp nhận không phụ thuộc địa giới cấp xã trong tỉnh",
    ),
    basis=LegalBasis(
        cites=(Citation("nd-118-2025"),),
    ),
    fix=(
        "Accept the procedure at every service centre of the province.",
        "Tiếp nhận thủ tục tại mọi trung tâm phục vụ hành chính công trong tỉnh.",
    ),
)
def procedure_bound_to_commune(ctx: Context) -> Iterator[Violation]:
    """What it checks: a public service decided at provincial or commune level whose
    ``cross_boundary_within_province`` is false.

    Why it matters: from 1/7/2025 the provincial and commune Public Administration Service
    Centres receive procedures regardless of administrative boundary within the province
    (NĐ 118/2025/NĐ-CP).

    Example: ``{id: dv-x, competent_level: commune, cross_boundary_within_province: false}``.

    Use instead: ``cross_boundary_within_province: true`` and a procedure system shared by the
    whole province.
    """
    graph = ctx.graph
    for service in graph.services:
        if (
            service.competent_level in (CompetentLevel.PROVINCIAL, CompetentLevel.COMMUNE)
            and not service.cross_boundary_within_province
        ):
            yield Violation(
                subject=service.id,
                message=Text(
                    f"'{graph.label(service.id)}' is only accepted in its own commune; since "
                    "1/7/2025 procedures are received anywhere in the province",
                    f"'{graph.label(service.id)}' chỉ được tiếp nhận tại xã của mình; từ 1/7/2025 "
                    "thủ tục được tiếp nhận ở bất kỳ đâu trong tỉnh",
                ),
                field="cross_boundary_within_province",
            )


RULE = procedure_bound_to_commune
