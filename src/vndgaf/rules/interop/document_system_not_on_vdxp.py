"""IOP007 — a document-management system not on the national document exchange axis."""

from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.model import Citation, Status
from vndgaf.reference.wellknown import DOCUMENT_MANAGEMENT, VDXP
from vndgaf.rules.base import Context, LegalBasis, rule
from vndgaf.rules.interop._common import reaches_via_flow


@rule(
    code="IOP007",
    name="document-system-not-on-vdxp",
    severity=Severity.ERROR,
    title=(
        "Document-management system not connected to the national document exchange axis",
        "Hệ thống quản lý văn bản chưa kết nối Trục liên thông văn bản quốc gia",
    ),
    basis=LegalBasis(
        cites=(
            Citation("qd-28-2018-ttg"),
            Citation("qd-626-2019-vpcp"),
        ),
    ),
    fix=(
        "Add a document_exchange flow between the system and vn:platform/vdxp.",
        "Bổ sung luồng document_exchange giữa hệ thống và vn:platform/vdxp.",
    ),
)
def document_system_not_on_vdxp(ctx: Context) -> Iterator[Violation]:
    """What it checks: every system of the submission with the capability
    ``document_management`` has at least one active flow, from or to it, whose route includes
    the national document exchange axis (``vn:platform/vdxp``).

    Why it matters: official electronic documents between state agencies are sent and received
    over the national document exchange axis (QĐ 28/2018/QĐ-TTg; project QĐ 626/QĐ-VPCP); since
    early 2020 every ministry, sector and locality is connected at both levels of government.
    A document system off the axis forces paper or e-mail exchange.

    Example: ``{id: qlvb-tinh, capabilities: [document_management]}`` with no flow to VDXP.

    Use instead: ``{source: qlvb-tinh, target: vn:platform/vdxp, mode: document_exchange}``.
    """
    graph = ctx.graph
    for system in graph.own_systems:
        if system.status is Status.RETIRED or DOCUMENT_MANAGEMENT not in system.capabilities:
            continue
        if reaches_via_flow(graph, system.id, VDXP):
            continue
        yield Violation(
            subject=system.id,
            message=Text(
                f"document-management system '{graph.label(system.id)}' has no flow to or from the "
                "national document exchange axis (VDXP)",
                f"hệ thống quản lý văn bản '{graph.label(system.id)}' chưa có luồng dữ liệu nào "
                "với Trục liên thông văn bản quốc gia",
            ),
            related=(VDXP,),
            field="capabilities",
        )


RULE = document_system_not_on_vdxp
