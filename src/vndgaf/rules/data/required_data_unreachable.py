"""DAT002 — shared data a procedure needs cannot reach its handling system."""

from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.model import Citation, InputSource, Level, PublicService
from vndgaf.rules.base import Context, LegalBasis, rule


def _gap(ctx: Context, service: PublicService, entity: str, sources: tuple[str, ...]) -> Text:
    """The missing link, in words, for one unreachable input."""
    graph = ctx.graph
    handler = service.handled_by
    names = graph.labels(sources)
    if not sources:
        return Text(
            f"'{graph.label(service.id)}' expects '{graph.label(entity)}' from shared data, but no "
            "database is its authoritative source: declare the master database (authoritative_for) "
            "or ask the owner to register it",
            f"'{graph.label(service.id)}' khai thác '{graph.label(entity)}' từ dữ liệu dùng chung "
            "nhưng không có cơ sở dữ liệu nào là nguồn gốc của thực thể này: khai báo cơ sở dữ "
            "liệu gốc (authoritative_for) hoặc đề nghị cơ quan chủ quản đăng ký",
        )
    if handler is None:
        return Text(
            f"'{graph.label(service.id)}' expects '{graph.label(entity)}' from shared data "
            f"({names}), but has no handling system (handled_by) to fetch it",
            f"'{graph.label(service.id)}' khai thác '{graph.label(entity)}' từ dữ liệu dùng chung "
            f"({names}) nhưng không có hệ thống giải quyết (handled_by) để khai thác",
        )
    if graph.reaches_national_exchange(handler):
        return Text(
            f"'{graph.label(entity)}' needed by '{graph.label(service.id)}' cannot reach "
            f"'{graph.label(handler)}' because its authoritative database {names} has no route to "
            f"NDXP/NDOP or to '{graph.label(handler)}': add a flow from "
            f"'{graph.label(sources[0])}' through its integration platform to "
            f"'{graph.label(handler)}'",
            f"'{graph.label(entity)}' cần cho '{graph.label(service.id)}' không đến được "
            f"'{graph.label(handler)}' vì cơ sở dữ liệu gốc {names} không có đường kết nối tới "
            f"NDXP/NDOP hoặc tới '{graph.label(handler)}': bổ sung luồng dữ liệu từ "
            f"'{graph.label(sources[0])}' qua nền tảng tích hợp tới '{graph.label(handler)}'",
        )
    if graph.level_of(handler) is Level.CENTRAL:
        hub_en, hub_vi = "the ministry integration platform", "nền tảng tích hợp cấp bộ"
    else:
        hub_en, hub_vi = "the provincial integration platform", "nền tảng tích hợp cấp tỉnh"
    return Text(
        f"'{graph.label(entity)}' needed by '{graph.label(service.id)}' cannot be fetched because "
        f"the procedure system '{graph.label(handler)}' has no route to NDXP/NDOP or to {names}: "
        f"add a flow from '{graph.label(handler)}' through {hub_en} to NDXP",
        f"'{graph.label(entity)}' cần cho '{graph.label(service.id)}' không khai thác được vì hệ "
        f"thống giải quyết '{graph.label(handler)}' không có đường kết nối tới NDXP/NDOP hoặc tới "
        f"{names}: bổ sung luồng dữ liệu từ '{graph.label(handler)}' qua {hub_vi} tới NDXP",
    )


@rule(
    code="DAT002",
    name="required-data-unreachable",
    severity=Severity.ERROR,
    title=(
        "Shared data required by a procedure cannot reach its handling system",
        "Dữ liệu dùng chung mà thủ tục cần không đến được hệ thống giải quyết",
    ),
    basis=LegalBasis(
        cites=(
            Citation("nd-47-2020", article="9", clause="3"),
            Citation("qd-942-2021-ttg"),
            Citation("nd-194-2025", article="16"),
            Citation("nd-194-2025", article="20"),
        ),
    ),
    fix=(
        "Connect the handling system to NDXP/NDOP through the ministry or provincial "
        "integration platform, or the authoritative database to the handling system.",
        "Kết nối hệ thống giải quyết với NDXP/NDOP qua nền tảng tích hợp cấp bộ, cấp tỉnh, hoặc "
        "kết nối cơ sở dữ liệu gốc với hệ thống giải quyết.",
    ),
)
def required_data_unreachable(ctx: Context) -> Iterator[Violation]:
    """What it checks: each required input of a submission service that is ``obtained_from:
    shared_data`` when no authoritative database of its entity is connected to the service's
    handling system, when the service has no handling system, or when the entity has no
    authoritative database at all. The message names the missing link: the handling system's
    route to NDXP/NDOP when it has none, else the database's route.

    Why it matters: the once-only rule (NĐ 47/2020/NĐ-CP Art. 9(3), replaced by NĐ 278/2025/NĐ-CP;
    QĐ 942/QĐ-TTg) only works if
    the data can actually travel: NĐ 194/2025/NĐ-CP Art. 20 makes NDXP, NDOP and the ministry and
    provincial platforms connected to NDXP the path for it, and Art. 16 makes sharing the
    default. A service that claims to fetch data it cannot reach will in practice ask the
    citizen again. Wording the finding as a missing link is a design inference, not a legal
    requirement.

    Example: a service handled by ``tthc-tinh`` needs ``vn:entity/person`` from shared data,
    but ``tthc-tinh`` has no flow to the provincial LGSP and the LGSP none to NDXP.

    Use instead: flows ``tthc-tinh`` → ``lgsp-tinh`` → ``vn:platform/ndxp``, so that the
    National Population Database is reachable.
    """
    graph = ctx.graph
    for service in graph.services:
        handler = service.handled_by
        for index, item in enumerate(service.required_inputs):
            if item.obtained_from is not InputSource.SHARED_DATA:
                continue
            sources = graph.authoritative_dbs(item.entity)
            if handler is not None and any(graph.connected(handler, db) for db in sources):
                continue
            yield Violation(
                subject=service.id,
                message=_gap(ctx, service, item.entity, sources),
                related=tuple(sorted({item.entity, *sources})),
                field=f"required_inputs/{index}",
            )


RULE = required_data_unreachable
