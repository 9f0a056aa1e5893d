"""DAT004 — an authoritative database that shares its data with nobody."""

from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.model import Citation, DatabaseClass
from vndgaf.rules.base import Context, LegalBasis, rule


@rule(
    code="DAT004",
    name="authoritative-db-not-shared",
    severity=Severity.WARNING,
    title=(
        "Authoritative or national database with no outgoing flow (not shared)",
        'Cơ sở dữ liệu gốc hoặc quốc gia không chia sẻ dữ liệu (không "dùng chung")',
    ),
    basis=LegalBasis(
        cites=(
            Citation("kh-02-2025-bcdtw"),
            Citation("nd-194-2025", article="16", clause="2"),
        ),
    ),
    fix=(
        "Publish the data through the integration platform (a flow from the database to its "
        "consumers via LGSP and NDXP/NDOP).",
        "Chia sẻ dữ liệu qua nền tảng tích hợp (luồng dữ liệu từ cơ sở dữ liệu tới nơi sử dụng "
        "qua LGSP và NDXP/NDOP).",
    ),
)
def authoritative_db_not_shared(ctx: Context) -> Iterator[Violation]:
    """What it checks: a submission database with a non-empty ``authoritative_for``, or of class
    ``national``, that is the source of no active flow. Databases holding state secrets are
    skipped: NĐ 278/2025/NĐ-CP excludes state-secret data from mandatory sharing.

    Why it matters: the slogan of Plan 02-KH/BCĐTW ends with "dùng chung" (shared), and
    NĐ 194/2025/NĐ-CP Art. 16(2) makes shared data available to state agencies by default; a
    refusal must be written and reasoned. A master or national database that nobody reads from
    is where agencies start keeping their own copies.

    Example: ``{id: csdl-quy-hoach, authoritative_for: [quy-hoach-xay-dung]}`` with no flow
    whose source is ``csdl-quy-hoach``.

    Use instead: a flow from ``csdl-quy-hoach`` to the systems that use the plans, through the
    provincial integration platform.
    """
    graph = ctx.graph
    for database in graph.databases:
        national = database.db_class is DatabaseClass.NATIONAL
        if not (database.authoritative_for or national) or database.state_secret:
            continue
        if graph.flows_from(database.id):
            continue
        entities = sorted(set(database.authoritative_for))
        if entities:
            what = Text(
                f"is the authoritative source of {graph.labels(entities)}",
                f"là nguồn gốc của {graph.labels(entities)}",
            )
        else:
            what = Text("is a national database", "là cơ sở dữ liệu quốc gia")
        yield Violation(
            subject=database.id,
            message=Text(
                f"'{graph.label(database.id)}' {what.en} but shares its data with nobody: no flow "
                "starts from it",
                f"'{graph.label(database.id)}' {what.vi} nhưng không chia sẻ cho ai: không có "
                "luồng dữ liệu nào xuất phát từ cơ sở dữ liệu này",
            ),
            related=tuple(entities),
            field="authoritative_for" if entities else "db_class",
        )


RULE = authoritative_db_not_shared
