"""IOP014 — a master or national database that does not sync to the National Aggregate DB."""

import datetime as dt
from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.graph.wellknown import AGGREGATE_DB
from vndgaf.model import DatabaseClass, FlowMode, Status
from vndgaf.rules.base import Context, rule

#: QĐ 1751/QĐ-TTg: 100% of national and sectoral databases synced "by 2030".
AGGREGATE_TARGET = dt.date(2031, 1, 1)
SCOPED_CLASSES = (DatabaseClass.NATIONAL, DatabaseClass.SECTORAL)


@rule(
    code="IOP014",
    name="master-data-not-synced-to-aggregate",
    severity=Severity.ERROR,
    title=(
        "Master or national database not synchronised with the National Aggregate Database",
        "Cơ sở dữ liệu chủ hoặc cơ sở dữ liệu quốc gia, chuyên ngành chưa đồng bộ với Cơ sở dữ "
        "liệu tổng hợp quốc gia",
    ),
    legal_basis="QĐ 1751/QĐ-TTg (18/8/2025): 100% of national and sectoral databases connect, "
    "integrate and sync with the National Aggregate Database by 2030; NĐ 278/2025/NĐ-CP",
    sourced=True,
    fix=(
        "Add a sync_master flow from the database to vn:db/national-aggregate (via NDOP).",
        "Bổ sung luồng sync_master từ cơ sở dữ liệu tới vn:db/national-aggregate (qua NDOP).",
    ),
)
def master_data_not_synced_to_aggregate(ctx: Context) -> Iterator[Violation]:
    """What it checks: every active database of the submission that is a national or sectoral
    database, or the authoritative source of a master entity, and holds no state-secret data,
    has an active ``sync_master`` flow from it whose route includes the National Aggregate
    Database (``vn:db/national-aggregate``). Until the end of 2030 the finding is a note (the
    target is not yet due); from 1/1/2031 it is an error.

    Why it matters: the National Data Center strategy (QĐ 1751/QĐ-TTg, 18/8/2025) sets that by
    2030 all national and sectoral databases connect, integrate and synchronise with the
    National Aggregate Database, the single trusted store of NĐ 278/2025/NĐ-CP. Extending the
    duty to every database that is authoritative for a master entity is a design inference
    (DOMAIN.md §5.2 A5). State-secret databases are excluded: they must not be shared this way.

    Example: ``{id: csdl-lltp, db_class: sectoral, authoritative_for: [ban-an-hinh-su]}`` with
    no flow towards the aggregate database.

    Use instead: ``{source: csdl-lltp, target: vn:db/national-aggregate, mode: sync_master,
    via: [lgsp-bo, vn:platform/ndop]}``.
    """
    graph = ctx.graph
    due = ctx.as_of >= AGGREGATE_TARGET
    for database in sorted(graph.architecture.databases, key=lambda d: d.id):
        if database.status is Status.RETIRED or database.state_secret:
            continue
        if database.db_class not in SCOPED_CLASSES and not database.authoritative_for:
            continue
        if any(
            flow.mode is FlowMode.SYNC_MASTER and AGGREGATE_DB in graph.route(flow)
            for flow in graph.flows_from(database.id)
        ):
            continue
        yield Violation(
            subject=database.id,
            message=Text(
                f"database '{database.name}' ({database.db_class.value}) has no sync_master "
                "flow to the National Aggregate Database" + ("" if due else " (target: by 2030)"),
                f"cơ sở dữ liệu '{database.name}' ({database.db_class.value}) chưa có luồng "
                "đồng bộ (sync_master) tới Cơ sở dữ liệu tổng hợp quốc gia"
                + ("" if due else " (mục tiêu: trước năm 2030)"),
            ),
            related=(AGGREGATE_DB,),
            field="db_class",
            severity=None if due else Severity.NOTE,
        )


RULE = master_data_not_synced_to_aggregate
