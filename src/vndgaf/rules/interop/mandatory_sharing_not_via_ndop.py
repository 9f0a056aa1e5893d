"""IOP010 — mandatory data sharing not routed through NDOP."""

from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.model import Citation
from vndgaf.reference.dates import MANDATORY_SHARING_VIA_NDOP_DUE, day_month_year
from vndgaf.reference.wellknown import NDOP
from vndgaf.rules.base import Context, LegalBasis, rule
from vndgaf.rules.interop._common import active_flows


@rule(
    code="IOP010",
    name="mandatory-sharing-not-via-ndop",
    severity=Severity.ERROR,
    title=(
        "Mandatory data sharing not routed through NDOP",
        "Chia sẻ dữ liệu bắt buộc không đi qua Nền tảng chia sẻ, điều phối dữ liệu (NDOP)",
    ),
    basis=LegalBasis(
        cites=(Citation("nd-278-2025"),),
    ),
    fix=(
        "Add vn:platform/ndop to the flow's 'via'.",
        "Bổ sung vn:platform/ndop vào 'via' của luồng dữ liệu.",
    ),
)
def mandatory_sharing_not_via_ndop(ctx: Context) -> Iterator[Violation]:
    """What it checks: every active flow marked ``mandatory: true`` has NDOP
    (``vn:platform/ndop``) on its route. Until 31/12/2026 the finding is a warning ("migration
    pending"); from 1/1/2027 it is an error.

    Why it matters: under NĐ 278/2025/NĐ-CP all mandatory data sharing must go through the
    National Data Center's sharing and orchestration platform (NDOP), so that it can be
    monitored, traced and evaluated; the deadline is 31/12/2026.

    Example: ``{id: f-dancu, mandatory: true, via: [vn:platform/ndxp, lgsp-tinh]}``.

    Use instead: ``via: [vn:platform/ndop, lgsp-tinh]``.
    """
    graph = ctx.graph
    overdue = ctx.as_of > MANDATORY_SHARING_VIA_NDOP_DUE
    due = day_month_year(MANDATORY_SHARING_VIA_NDOP_DUE)
    for flow in active_flows(graph):
        if not flow.mandatory or NDOP in graph.route(flow):
            continue
        name = flow.name or flow.id
        if overdue:
            message = Text(
                f"mandatory sharing flow '{name}' does not pass NDOP; the deadline was {due}",
                f"luồng chia sẻ dữ liệu bắt buộc '{name}' không đi qua NDOP; hạn chót là {due}",
            )
        else:
            message = Text(
                f"mandatory sharing flow '{name}' does not pass NDOP yet: migration pending, "
                f"due by {due}",
                f"luồng chia sẻ dữ liệu bắt buộc '{name}' chưa đi qua NDOP: cần chuyển đổi "
                f"trước {due}",
            )
        yield Violation(
            subject=flow.id,
            message=message,
            related=tuple(sorted({flow.source, flow.target})),
            field="via",
            severity=None if overdue else Severity.WARNING,
        )


RULE = mandatory_sharing_not_via_ndop
