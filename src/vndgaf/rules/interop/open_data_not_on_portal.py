"""IOP012 — open data published without the National Data Portal."""

from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.model import Citation, FlowMode
from vndgaf.reference.wellknown import DATA_PORTAL
from vndgaf.rules.base import Context, LegalBasis, rule
from vndgaf.rules.interop._common import active_flows


@rule(
    code="IOP012",
    name="open-data-not-on-portal",
    severity=Severity.WARNING,
    title=(
        "Open data not published on the National Data Portal",
        "Dữ liệu mở chưa được công bố trên Cổng dữ liệu quốc gia",
    ),
    basis=LegalBasis(
        cites=(
            Citation("nd-47-2020"),
            Citation("nd-194-2025"),
        ),
    ),
    fix=(
        "Route the open-data flow to vn:platform/data-portal (as target or in 'via').",
        "Đưa luồng dữ liệu mở tới vn:platform/data-portal (làm đích hoặc trong 'via').",
    ),
)
def open_data_not_on_portal(ctx: Context) -> Iterator[Violation]:
    """What it checks: every active flow with ``mode: open_data`` has the National Data Portal
    (``vn:platform/data-portal``, data.gov.vn) on its route.

    Why it matters: NĐ 47/2020/NĐ-CP required open data of state agencies to be published on the
    National Data Portal, reviewed at least every six months and updated within three months;
    since 19/8/2025 open data of state agencies is governed by NĐ 194/2025/NĐ-CP;
    open data published only on an agency's own site is hard to find and to reuse.

    Example: ``{id: f-mo-quy-hoach, source: csdl-quy-hoach, target: cong-tinh, mode:
    open_data}``.

    Use instead: ``{source: csdl-quy-hoach, target: vn:platform/data-portal, mode: open_data,
    via: [lgsp-tinh, vn:platform/ndxp]}``.
    """
    graph = ctx.graph
    for flow in active_flows(graph):
        if flow.mode is not FlowMode.OPEN_DATA or DATA_PORTAL in graph.route(flow):
            continue
        name = flow.name or flow.id
        yield Violation(
            subject=flow.id,
            message=Text(
                f"open-data flow '{name}' does not reach the National Data Portal (data.gov.vn)",
                f"luồng dữ liệu mở '{name}' không tới Cổng dữ liệu quốc gia (data.gov.vn)",
            ),
            related=(DATA_PORTAL,),
            field="target",
        )


RULE = open_data_not_on_portal
