"""IOP005 — an online public service not offered on the National Public Service Portal."""

from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.model import Channel, Citation, OnlineLevel
from vndgaf.reference.dates import SINGLE_WINDOW, day_month_year
from vndgaf.rules.base import Context, LegalBasis, rule


@rule(
    code="IOP005",
    name="service-not-on-npsp",
    severity=Severity.ERROR,
    title=(
        "Online public service not offered on the National Public Service Portal",
        "Dịch vụ công trực tuyến chưa cung cấp trên Cổng Dịch vụ công quốc gia",
    ),
    basis=LegalBasis(
        cites=(
            Citation("kh-02-2025-bcdtw"),
            Citation("cv-623-2025-ttg"),
            Citation("qd-274-2019-ttg"),
        ),
    ),
    fix=(
        "Add 'npsp' to the service's channels and publish it on dichvucong.gov.vn.",
        "Bổ sung 'npsp' vào kênh cung cấp của dịch vụ và công khai trên dichvucong.gov.vn.",
    ),
)
def service_not_on_npsp(ctx: Context) -> Iterator[Violation]:
    """What it checks: for a check date on or after 1/7/2025, every public service whose
    ``online_level`` is not ``offline`` lists ``npsp`` among its ``channels``.

    Why it matters: the National Public Service Portal is set up at one single address
    (QĐ 274/QĐ-TTg, 2019) and from 1/7/2025 it is the single digital one-stop window
    (Kế hoạch 02-KH/BCĐTW); CV 623/TTg-KSTT asked for 100% of online services to be integrated
    on it in June 2025. An online service reachable only elsewhere is outside the single window.

    Example: ``{id: dv-chung-thuc, online_level: mot_phan, channels: [counter,
    provincial_portal]}``.

    Use instead: ``channels: [npsp, vneid, counter]``.
    """
    graph = ctx.graph
    if ctx.as_of < SINGLE_WINDOW:
        return
    since = day_month_year(SINGLE_WINDOW)
    for service in graph.services:
        if service.online_level is OnlineLevel.OFFLINE or Channel.NPSP in service.channels:
            continue
        yield Violation(
            subject=service.id,
            message=Text(
                f"online service '{graph.label(service.id)}' ({service.online_level.value}) is not "
                "offered on the National Public Service Portal; NPSP is the single window since "
                f"{since}",
                f"dịch vụ công trực tuyến '{graph.label(service.id)}' "
                f"({service.online_level.value}) chưa được cung cấp trên Cổng Dịch vụ công quốc "
                f"gia; từ {since} Cổng là đầu mối duy nhất",
            ),
            field="channels",
        )


RULE = service_not_on_npsp
