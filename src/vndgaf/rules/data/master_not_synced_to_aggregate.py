"""DAT007 — an authoritative database that does not feed the national aggregate database."""

from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.model import Citation
from vndgaf.reference.wellknown import AGGREGATE_DB
from vndgaf.rules.base import Context, LegalBasis, rule


@rule(
    code="DAT007",
    name="master-not-synced-to-aggregate",
    severity=Severity.WARNING,
    title=(
        "Authoritative database not synchronised to the national aggregate database",
        "Cơ sở dữ liệu gốc chưa đồng bộ về Cơ sở dữ liệu tổng hợp quốc gia",
    ),
    basis=LegalBasis(
        cites=(
            Citation("nd-278-2025"),
            Citation("qd-1751-2025-ttg"),
        ),
    ),
    fix=(
        "Add a flow from the database to vn:db/national-aggregate (mode sync_master) through the "
        "integration platform and NDOP.",
        "Bổ sung luồng dữ liệu từ cơ sở dữ liệu tới vn:db/national-aggregate (mode sync_master) "
        "qua nền tảng tích hợp và NDOP.",
    ),
)
def master_not_synced_to_aggregate(ctx: Context) -> Iterator[Violation]:
    """What it checks: a submission database that is authoritative for some entity (national
    master data or not), holds no state secrets, and is the source of no active flow (any mode,
    any route) whose target is the national aggregate database ``vn:db/national-aggregate``.
    State-secret databases are skipped: they must not have such a flow (DAT006).

    Why it matters: NĐ 278/2025/NĐ-CP makes connection and sharing with the National Data Center
    mandatory across the political system, and the national data strategy (QĐ 1751/QĐ-TTg) sets
    100% of databases connected to the national aggregate database by 2030. A master database that
    does not feed it leaves a hole in the national picture.

    Example: ``{id: csdl-quy-hoach, authoritative_for: [quy-hoach-xay-dung]}`` with no flow to
    ``vn:db/national-aggregate``.

    Use instead: ``{source: csdl-quy-hoach, target: vn:db/national-aggregate, via: [lgsp-tinh,
    vn:platform/ndop], mode: sync_master}``.
    """
    graph = ctx.graph
    for database in graph.databases:
        if not database.authoritative_for or database.state_secret:
            continue
        if any(f.target == AGGREGATE_DB for f in graph.flows_from(database.id)):
            continue
        entities = sorted(set(database.authoritative_for))
        masters = [e for e in entities if (found := graph.entity(e)) and found.national_master]
        extra_en = f" (national master data: {graph.labels(masters)})" if masters else ""
        extra_vi = f" (dữ liệu chủ quốc gia: {graph.labels(masters)})" if masters else ""
        yield Violation(
            subject=database.id,
            message=Text(
                f"'{graph.label(database.id)}' is the authoritative source of "
                f"{graph.labels(entities)}{extra_en} but has no flow to the national aggregate "
                f"database '{graph.label(AGGREGATE_DB)}'",
                f"'{graph.label(database.id)}' là nguồn gốc của {graph.labels(entities)}{extra_vi} "
                "nhưng chưa có luồng dữ liệu tới cơ sở dữ liệu tổng hợp quốc gia "
                f"'{graph.label(AGGREGATE_DB)}'",
            ),
            related=(AGGREGATE_DB,),
            field="authoritative_for",
        )


RULE = master_not_synced_to_aggregate
