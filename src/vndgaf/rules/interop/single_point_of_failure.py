"""IOP009 — an integration platform whose failure cuts agencies off NDXP."""

from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.model import Citation
from vndgaf.rules.base import Context, LegalBasis, rule

#: At most this many agencies are listed in ``related``; the message gives the full count.
RELATED_CAP = 20


@rule(
    code="IOP009",
    name="single-point-of-failure",
    severity=Severity.WARNING,
    title=(
        "Integration platform is a single point of failure for reaching NDXP",
        "Nền tảng tích hợp là điểm lỗi duy nhất trên đường kết nối tới NDXP",
    ),
    basis=LegalBasis(
        cites=(Citation("nd-194-2025", article="20"),),
        inference=Text(
            "that a platform every path to NDXP passes through is a single point of failure",
            "nền tảng mà mọi đường kết nối tới NDXP đều đi qua là điểm lỗi duy nhất",
        ),
    ),
    fix=(
        "Plan redundancy for the platform (a standby instance, a second path to NDXP or NDOP) "
        "and record it in the architecture.",
        "Lập phương án dự phòng cho nền tảng (bản sao dự phòng, đường kết nối thứ hai tới NDXP "
        "hoặc NDOP) và ghi nhận trong kiến trúc.",
    ),
)
def single_point_of_failure(ctx: Context) -> Iterator[Violation]:
    """What it checks: every integration platform of the submission (LGSP, or a local NDXP/NDOP
    deployment) that is an articulation point of the exchange graph between the submission's
    agencies and NDXP: if it fails, the message says how many agencies lose every path to NDXP
    and ``related`` lists them (the first 20, sorted).

    Why it matters: NĐ 194/2025/NĐ-CP Art. 20 shapes the national intermediary system as NDXP
    with the ministry/provincial infrastructures connected to it, so each LGSP carries all the
    exchange of its ministry or province. This is a design inference, not a legal requirement:
    no text demands redundancy, but the finding shows where an outage would isolate agencies
    and sizes the impact, so that continuity can be planned.

    Example: one provincial LGSP that every department and commune reaches NDXP through.

    Use instead: keep the hub, and document a standby or a second route (for example a direct
    link from the provincial data warehouse to NDOP).
    """
    graph = ctx.graph
    impact = graph.single_points_of_failure
    for platform_id in sorted(impact):
        if graph.is_catalogue(platform_id) or not graph.is_integration_platform(platform_id):
            continue
        lost = sorted(impact[platform_id])
        platform = graph.platform(platform_id)
        name = platform.name if platform else platform_id
        yield Violation(
            subject=platform_id,
            message=Text(
                f"if integration platform '{name}' fails, {len(lost)} "
                f"agenc{'y' if len(lost) == 1 else 'ies'} of the submission lose every path to "
                "NDXP",
                f"nếu nền tảng tích hợp '{name}' gặp sự cố, {len(lost)} cơ quan trong hồ sơ mất "
                "toàn bộ đường kết nối tới NDXP",
            ),
            related=tuple(lost[:RELATED_CAP]),
        )


RULE = single_point_of_failure
