"""DAT001 — a procedure asks the citizen for data it can fetch from its authoritative source."""

from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.model import Citation, InputSource
from vndgaf.rules.base import Context, LegalBasis, rule


@rule(
    code="DAT001",
    name="once-only-violation",
    severity=Severity.ERROR,
    title=(
        "Procedure asks the citizen for data its handling system can fetch",
        "Thủ tục yêu cầu người dân cung cấp dữ liệu mà hệ thống giải quyết đã khai thác được",
    ),
    basis=LegalBasis(
        cites=(
            Citation("nd-47-2020", article="9", clause="3"),
            Citation("qd-942-2021-ttg"),
            Citation("nd-194-2025", article="16"),
        ),
    ),
    fix=(
        "Change 'obtained_from' to shared_data and fetch the entity from its authoritative "
        "database through the integration platform.",
        "Đổi 'obtained_from' thành shared_data và khai thác thực thể từ cơ sở dữ liệu gốc qua "
        "nền tảng tích hợp.",
    ),
)
def once_only_violation(ctx: Context) -> Iterator[Violation]:
    """What it checks: each required input of a submission service that is ``obtained_from:
    citizen`` although its entity has an authoritative database (in the submission or the
    national catalogue) connected to the service's handling system (``handled_by``) over declared
    flows and the national hubs. One finding per such input.

    Why it matters: NĐ 47/2020/NĐ-CP Art. 9(3) forbade an agency to require people or
    organisations to provide data that it already manages or that another agency can share,
    except to update or verify it (NĐ 278/2025/NĐ-CP replaced that decree on 22/10/2025; the
    article carrying the principle now was not identified, and reports name the successor);
    QĐ 942/QĐ-TTg makes "declare once" a principle of digital
    government, and NĐ 194/2025/NĐ-CP Art. 16 makes sharing the default. When the data is within
    reach of the handling system, asking the applicant for it again is a once-only violation.

    Example: a birth-registration service handled by ``tthc-tinh`` (connected to NDXP through
    the provincial LGSP) with ``{entity: vn:entity/residence, obtained_from: citizen}`` — the
    residence database ``vn:db/residence`` is reachable.

    Use instead: ``{entity: vn:entity/residence, obtained_from: shared_data}``.
    """
    graph = ctx.graph
    for service in graph.services:
        handler = service.handled_by
        if handler is None:
            continue
        for index, item in enumerate(service.required_inputs):
            if item.obtained_from is not InputSource.CITIZEN:
                continue
            reachable = [
                db for db in graph.authoritative_dbs(item.entity) if graph.connected(handler, db)
            ]
            if not reachable:
                continue
            source = reachable[0]
            yield Violation(
                subject=service.id,
                message=Text(
                    f"'{graph.label(service.id)}' asks the citizen for "
                    f"'{graph.label(item.entity)}', which its handling system "
                    f"'{graph.label(handler)}' can fetch from the authoritative database "
                    f"'{graph.label(source)}'",
                    f"'{graph.label(service.id)}' yêu cầu người dân cung cấp "
                    f"'{graph.label(item.entity)}' trong khi hệ thống giải quyết "
                    f"'{graph.label(handler)}' khai thác được từ cơ sở dữ liệu gốc "
                    f"'{graph.label(source)}'",
                ),
                related=tuple(sorted((item.entity, source))),
                field=f"required_inputs/{index}",
            )


RULE = once_only_violation
