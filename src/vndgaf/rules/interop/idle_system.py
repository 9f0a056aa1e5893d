"""IOP008 — an operating system with no flows, no tenants and no service."""

from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.model import Citation, Status
from vndgaf.rules.base import Context, LegalBasis, rule


@rule(
    code="IOP008",
    name="idle-system",
    severity=Severity.WARNING,
    title=(
        "Operating system exchanges no data and serves no one",
        "Hệ thống đang vận hành nhưng không trao đổi dữ liệu và không phục vụ ai",
    ),
    basis=LegalBasis(
        cites=(Citation("phat-bieu-ttg-2025-09-24"),),
        inference=Text(
            "that an operating system exchanging no data is idle infrastructure to be "
            "reviewed, read from a statement at a meeting (not a legal text)",
            "hệ thống đang vận hành mà không trao đổi dữ liệu là hạ tầng không sử dụng cần rà "
            "soát, theo một phát biểu tại cuộc họp (không phải văn bản quy phạm pháp luật)",
        ),
    ),
    fix=(
        "Declare the flows and tenants the system really has, connect it through the LGSP, or "
        "mark it retired.",
        "Khai báo các luồng dữ liệu và đơn vị sử dụng thực tế của hệ thống, kết nối qua LGSP, "
        "hoặc đánh dấu ngừng vận hành (retired).",
    ),
)
def idle_system(ctx: Context) -> Iterator[Violation]:
    """What it checks: every system, platform or database of the submission with status
    ``operating`` that no active flow starts, ends or passes at, that has no tenants, and that
    handles no public service.

    Why it matters: the Prime Minister asked, at a meeting on 24/9/2025, that infrastructure
    which "cannot be used or is not connected" be ring-fenced and re-invested synchronously. That
    is a statement, not a legal text, so the rule is a design inference, not law. An operating
    system with no declared exchange is either a gap in the architecture description or an
    island that duplicates data.

    Example: ``{id: gis-cu, status: operating}`` with no flow, no tenants and no service.

    Use instead: the flows it actually has (``{source: gis-cu, target: kho-tinh, via:
    [lgsp-tinh]}``), or ``status: retired``.
    """
    graph = ctx.graph
    handling = {s.handled_by for s in graph.services if s.handled_by}
    for system in graph.own_systems:
        if system.status is not Status.OPERATING or system.tenants or system.id in handling:
            continue
        if graph.has_flows(system.id):
            continue
        yield Violation(
            subject=system.id,
            message=Text(
                f"system '{graph.label(system.id)}' is operating but has no data flow, no tenants "
                "and handles no public service",
                f"hệ thống đang vận hành '{graph.label(system.id)}' không có luồng dữ liệu, không "
                "có đơn vị sử dụng và không xử lý dịch vụ công nào",
            ),
            field="status",
        )


RULE = idle_system
