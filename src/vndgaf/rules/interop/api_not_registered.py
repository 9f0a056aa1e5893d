"""IOP011 — an inter-agency flow through an integration platform without a V-APEX API id."""

from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.model import Citation
from vndgaf.rules.base import Context, LegalBasis, rule
from vndgaf.rules.interop._common import active_flows


@rule(
    code="IOP011",
    name="api-not-registered",
    severity=Severity.NOTE,
    title=(
        "Inter-agency API not registered on V-APEX",
        "API chia sẻ dữ liệu giữa các cơ quan chưa đăng ký trên V-APEX",
    ),
    basis=LegalBasis(
        cites=(Citation("vb-2943-2025-cdsqg"),),
    ),
    fix=(
        "Register the API on V-APEX and record its id in the flow's 'api_id'.",
        "Đăng ký API trên V-APEX và ghi mã đăng ký vào 'api_id' của luồng dữ liệu.",
    ),
)
def api_not_registered(ctx: Context) -> Iterator[Violation]:
    """What it checks: every active flow that passes an integration platform (a ``via`` hop
    that is an LGSP, NDXP or NDOP) between systems of two different owning agencies, and has no
    ``api_id``.

    Why it matters: 2943/CĐSQG-CNCPS asks agencies to register and publish their data-sharing
    APIs on the national API platform V-APEX and to follow the national API standards; an
    unregistered API cannot be discovered, governed or reused by other agencies.

    Example: ``{id: f-hotich-tthc, source: hotich-tinh, target: tthc-tinh, via: [lgsp-tinh]}``
    between the Department of Justice and the People's Committee.

    Use instead: ``api_id: VAPEX-TINH-0002``.
    """
    graph = ctx.graph
    for flow in active_flows(graph):
        if flow.api_id or not any(graph.is_integration_platform(hop) for hop in flow.via):
            continue
        source_owner, target_owner = graph.owner(flow.source), graph.owner(flow.target)
        if source_owner is None or target_owner is None or source_owner.id == target_owner.id:
            continue
        name = flow.name or flow.id
        yield Violation(
            subject=flow.id,
            message=Text(
                f"flow '{name}' between '{graph.label(source_owner.id)}' and "
                f"'{graph.label(target_owner.id)}' passes an integration platform but has no "
                "V-APEX API id",
                f"luồng dữ liệu '{name}' giữa '{graph.label(source_owner.id)}' và "
                f"'{graph.label(target_owner.id)}' đi qua nền tảng tích hợp nhưng chưa có mã đăng "
                "ký API trên V-APEX",
            ),
            related=tuple(sorted({flow.source, flow.target})),
            field="api_id",
        )


RULE = api_not_registered
