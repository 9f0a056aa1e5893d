"""IOP004 — a procedure (TTHC) information system not connected to the National Public Service
Portal."""

from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.model import Citation, Status
from vndgaf.reference.wellknown import NPSP
from vndgaf.rules.base import Context, LegalBasis, rule
from vndgaf.rules.interop._common import is_procedure_system, reaches_via_flow


@rule(
    code="IOP004",
    name="procedure-system-not-on-npsp",
    severity=Severity.ERROR,
    title=(
        "Procedure information system not connected to the National Public Service Portal",
        "Hệ thống thông tin giải quyết TTHC chưa kết nối với Cổng Dịch vụ công quốc gia",
    ),
    basis=LegalBasis(
        cites=(
            Citation("nd-118-2025"),
            Citation("nd-367-2025"),
        ),
    ),
    fix=(
        "Add a flow between the procedure system and vn:platform/npsp (through the LGSP and "
        "NDXP where applicable).",
        "Bổ sung luồng dữ liệu giữa hệ thống giải quyết TTHC và vn:platform/npsp (qua LGSP và "
        "NDXP khi cần).",
    ),
)
def procedure_system_not_on_npsp(ctx: Context) -> Iterator[Violation]:
    """What it checks: every system or platform of the submission that is an administrative-
    procedure (TTHC) information system — ``instance_of: vn:platform/tthc-system`` or capability
    ``procedure_case_handling`` — has at least one active flow, from or to it, whose route
    includes the National Public Service Portal (``vn:platform/npsp``).

    Why it matters: NĐ 367/2025/NĐ-CP, amending NĐ 118/2025/NĐ-CP, defines the ministry and
    provincial procedure information system as a unified platform that receives, resolves and
    monitors procedures and connects, integrates and shares data with NPSP, the single window.
    A procedure system that does not sync with NPSP leaves citizens without status updates and
    the national statistics without its dossiers.

    Example: ``{id: tthc-tinh, instance_of: vn:platform/tthc-system}`` with no flow to NPSP.

    Use instead: ``{source: tthc-tinh, target: vn:platform/npsp, via: [lgsp-tinh]}``.
    """
    graph = ctx.graph
    for system in graph.own_systems:
        if system.status is Status.RETIRED or not is_procedure_system(graph, system):
            continue
        if reaches_via_flow(graph, system.id, NPSP):
            continue
        yield Violation(
            subject=system.id,
            message=Text(
                f"procedure system '{graph.label(system.id)}' has no flow to or from the National "
                "Public Service Portal (NPSP)",
                f"hệ thống giải quyết TTHC '{graph.label(system.id)}' chưa có luồng dữ liệu nào "
                "với Cổng Dịch vụ công quốc gia",
            ),
            related=(NPSP,),
            field="instance_of",
        )


RULE = procedure_system_not_on_npsp
