"""DAT003 — a fully online service still asks the applicant for shared data."""

from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.model import Citation, InputSource, OnlineLevel
from vndgaf.rules.base import Context, LegalBasis, rule


@rule(
    code="DAT003",
    name="full-online-asks-citizen",
    severity=Severity.ERROR,
    title=(
        "Fully online service asks the citizen for shared data",
        "Dịch vụ công trực tuyến toàn trình yêu cầu người dân cung cấp dữ liệu dùng chung",
    ),
    basis=LegalBasis(
        cites=(
            Citation("nd-42-2022", article="11"),
            Citation("nd-47-2020", article="9", clause="3"),
        ),
    ),
    fix=(
        "Fetch the entity from shared data ('obtained_from: shared_data'), or declare the "
        "service 'mot_phan' until it can.",
        "Khai thác thực thể từ dữ liệu dùng chung ('obtained_from: shared_data'), hoặc khai báo "
        "dịch vụ là 'mot_phan' cho đến khi làm được.",
    ),
)
def full_online_asks_citizen(ctx: Context) -> Iterator[Violation]:
    """What it checks: a submission service with ``online_level: toan_trinh`` that has a
    required input ``obtained_from: citizen`` whose entity is shared data: it has an
    authoritative database (in the submission or the catalogue) or is national master data
    (``national_master: true``). Unlike DAT001, reachability does not matter: a fully online
    service must not depend on the applicant supplying shared data at all.

    Why it matters: under NĐ 42/2022/NĐ-CP Art. 11 a "toàn trình" service is one where all of the
    procedure is done online; NĐ 47/2020/NĐ-CP Art. 9(3) forbade asking for data another agency
    can share (NĐ 278/2025/NĐ-CP replaced that decree on 22/10/2025; the article that carries the
    principle now was not identified, and reports name the successor). Tying the two, a fully
    online service takes shared data from the shared source.

    Example: ``{id: dv-khai-sinh, online_level: toan_trinh, required_inputs: [{entity:
    vn:entity/residence, obtained_from: citizen}]}``.

    Use instead: ``obtained_from: shared_data`` for the residence, fetched from
    ``vn:db/residence``.
    """
    graph = ctx.graph
    for service in graph.services:
        if service.online_level is not OnlineLevel.TOAN_TRINH:
            continue
        for index, item in enumerate(service.required_inputs):
            if item.obtained_from is not InputSource.CITIZEN:
                continue
            sources = graph.authoritative_dbs(item.entity)
            entity = graph.entity(item.entity)
            if not sources and not (entity is not None and entity.national_master):
                continue
            kind_en = f"held by {graph.labels(sources)}" if sources else "national master data"
            kind_vi = f"có trong {graph.labels(sources)}" if sources else "dữ liệu chủ quốc gia"
            yield Violation(
                subject=service.id,
                message=Text(
                    f"fully online service '{graph.label(service.id)}' asks the citizen for "
                    f"'{graph.label(item.entity)}', which is shared data ({kind_en})",
                    f"dịch vụ công trực tuyến toàn trình '{graph.label(service.id)}' yêu cầu người "
                    f"dân cung cấp '{graph.label(item.entity)}' là dữ liệu dùng chung ({kind_vi})",
                ),
                related=tuple(sorted({item.entity, *sources})),
                field=f"required_inputs/{index}",
            )


RULE = full_online_asks_citizen
