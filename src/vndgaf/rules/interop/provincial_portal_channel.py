"""IOP006 — a public service still offered through a provincial portal after 1/7/2025."""

from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.model import Channel, Citation
from vndgaf.reference.dates import SINGLE_WINDOW, day_month_year
from vndgaf.rules.base import Context, LegalBasis, rule


@rule(
    code="IOP006",
    name="provincial-portal-channel",
    severity=Severity.WARNING,
    title=(
        "Public service still lists the provincial portal as a channel",
        "Dịch vụ công vẫn khai báo kênh Cổng dịch vụ công cấp tỉnh",
    ),
    basis=LegalBasis(
        cites=(
            Citation("kh-02-2025-bcdtw"),
            Citation("cv-623-2025-ttg"),
        ),
    ),
    fix=(
        "Replace 'provincial_portal' with 'npsp' in the service's channels.",
        "Thay 'provincial_portal' bằng 'npsp' trong kênh cung cấp của dịch vụ.",
    ),
)
def provincial_portal_channel(ctx: Context) -> Iterator[Violation]:
    """What it checks: for a check date on or after 1/7/2025, a public service whose
    ``channels`` include ``provincial_portal``.

    Why it matters: from 1/7/2025 provinces close the interfaces of their provincial public-
    service portals and the National Public Service Portal becomes the single window; a
    service that still points citizens to the provincial portal describes a channel that is
    gone.

    Example: ``{id: dv-chung-thuc, channels: [counter, provincial_portal]}``.

    Use instead: ``channels: [npsp, counter]``.
    """
    graph = ctx.graph
    if ctx.as_of < SINGLE_WINDOW:
        return
    since = day_month_year(SINGLE_WINDOW)
    for service in graph.services:
        if Channel.PROVINCIAL_PORTAL not in service.channels:
            continue
        yield Violation(
            subject=service.id,
            message=Text(
                f"service '{graph.label(service.id)}' lists the provincial portal as a channel; "
                f"provincial portal interfaces were closed on {since}",
                f"dịch vụ '{graph.label(service.id)}' vẫn khai báo kênh Cổng dịch vụ công cấp "
                f"tỉnh; giao diện cổng cấp tỉnh đã đóng từ {since}",
            ),
            field="channels",
        )


RULE = provincial_portal_channel
