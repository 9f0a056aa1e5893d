"""IOP001 — a flow between agencies that is a direct point-to-point link."""

import functools
from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.model import Citation, DataFlow, FlowMode
from vndgaf.reference.wellknown import NDOP, NDXP, VDXP
from vndgaf.rules.base import Context, LegalBasis, rule
from vndgaf.rules.interop._common import is_national_platform, label

NATIONAL_EXCHANGE = frozenset({NDXP, NDOP})


def _violation(ctx: Context, flow: DataFlow, orgs: tuple[str, str]) -> Violation:
    """The finding for one flow (labels are built only for flows at fault). A flow between two
    organisations is a warning (the rule's default); one inside a ministry or province, a note."""
    graph = ctx.graph
    src = f"'{label(graph, flow.source)}' ({label(graph, orgs[0])})"
    dst = f"'{label(graph, flow.target)}' ({label(graph, orgs[1])})"
    name = flow.name or flow.id
    if orgs[0] != orgs[1]:
        message = Text(
            f"flow '{name}' from {src} to {dst} crosses organisations without passing NDXP or "
            "NDOP: it is a direct point-to-point link",
            f"luồng dữ liệu '{name}' từ {src} đến {dst} đi giữa hai cơ quan khác nhau mà không "
            "qua NDXP hoặc NDOP: đây là kết nối điểm-điểm trực tiếp",
        )
        severity = None
    else:
        message = Text(
            f"flow '{name}' from {src} to {dst} links two agencies of the same organisation "
            "directly, without passing its integration platform (LGSP)",
            f"luồng dữ liệu '{name}' từ {src} đến {dst} kết nối trực tiếp hai cơ quan cùng một "
            "bộ/tỉnh mà không qua nền tảng tích hợp, chia sẻ dữ liệu (LGSP)",
        )
        severity = Severity.NOTE
    return Violation(
        subject=flow.id,
        message=message,
        related=tuple(sorted({flow.source, flow.target})),
        field="via",
        severity=severity,
    )


@rule(
    code="IOP001",
    name="flow-bypasses-integration-platform",
    severity=Severity.WARNING,
    title=(
        "Data flow between agencies bypasses the integration platforms",
        "Luồng dữ liệu giữa các cơ quan không đi qua nền tảng tích hợp, chia sẻ dữ liệu",
    ),
    basis=LegalBasis(
        cites=(
            Citation("nd-47-2024"),
            Citation("nd-194-2025", article="20"),
        ),
        inference=Text(
            "that every flow between agencies of different organisations passes the "
            "ministry/provincial platform and NDXP or NDOP is read from the intermediary system "
            "of the decree; the decree does not say it of every flow",
            "mọi luồng dữ liệu giữa các cơ quan thuộc các tổ chức khác nhau đều đi qua nền tảng "
            "cấp bộ, cấp tỉnh và NDXP hoặc NDOP là cách hiểu từ hệ thống trung gian của nghị "
            "định; nghị định không quy định như vậy cho mọi luồng",
        ),
    ),
    fix=(
        "Add the integration platforms to the flow's 'via': the ministry/provincial LGSP, and "
        "NDXP (or NDOP) when the other end belongs to another ministry or province.",
        "Bổ sung các nền tảng tích hợp vào 'via' của luồng: LGSP của bộ/tỉnh, và NDXP (hoặc "
        "NDOP) khi đầu kia thuộc bộ hoặc tỉnh khác.",
    ),
)
def flow_bypasses_integration_platform(ctx: Context) -> Iterator[Violation]:
    """What it checks: every active flow whose two ends are owned by different agencies.
    The organisation of an end is its province for provincial and commune elements, else the
    top central agency (the ministry). A flow between two organisations must pass NDXP or NDOP
    (VDXP for ``document_exchange`` flows); a flow between two agencies of one organisation must
    pass an integration platform (the LGSP, NDXP or NDOP). A flow that starts or ends at a
    national catalogue platform (NDXP, NPSP, VDXP …) is a connection to the national
    infrastructure itself and is not checked. The rule is an inference, so a cross-organisation
    finding is a warning and one inside a province or ministry a note.

    Why it matters: NĐ 47/2024/NĐ-CP shared data between state agencies by default through NDXP
    and the ministry/provincial integration platforms; NĐ 194/2025/NĐ-CP, which repealed it from
    19/8/2025, makes NDXP (Art. 20) the intermediary system that connects national databases and
    the ministry/provincial infrastructures. That every flow between agencies must pass them is
    read from that topology, not stated by the decree: a design inference, not law. A
    point-to-point link escapes monitoring, duplicates connections and breaks when either side
    changes.

    Example: ``{id: f-hotich-bo, source: hotich-tinh, target: vn:db/civil-status}`` — a
    provincial system sending straight to a ministry database.

    Use instead: ``via: [lgsp-tinh, vn:platform/ndxp]``.
    """
    graph = ctx.graph

    @functools.cache
    def party(end: str) -> tuple[str, str] | None:
        """(owner id, organisation) of a flow end, or None when the flow is not checked."""
        if is_national_platform(graph, end):
            return None
        owner = graph.owner(end)
        organisation = graph.organisation_of(end)
        return None if owner is None or organisation is None else (owner.id, organisation)

    for route, flows in graph.routes.items():  # the verdict depends on the route only
        source, target = party(route[0]), party(route[-1])
        if source is None or target is None or source[0] == target[0]:
            continue
        orgs = (source[1], target[1])
        if orgs[0] != orgs[1]:
            # Neither end is a national platform here, so a hub can only be in ``via``.
            via = frozenset(route[1:-1])
            if not NATIONAL_EXCHANGE.isdisjoint(via):
                continue
            for flow in flows:
                if not (flow.mode is FlowMode.DOCUMENT_EXCHANGE and VDXP in via):
                    yield _violation(ctx, flow, orgs)
        elif not any(map(graph.is_integration_platform, route)):
            for flow in flows:
                yield _violation(ctx, flow, orgs)


RULE = flow_bypasses_integration_platform
