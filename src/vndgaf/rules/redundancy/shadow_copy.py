"""RED004 — a database keeps a copy of master data without syncing it from its source."""

from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.model import Citation
from vndgaf.rules.base import Context, LegalBasis, rule


@rule(
    code="RED004",
    name="shadow-copy",
    severity=Severity.ERROR,
    title=(
        "Copy of master data without a sync flow from its authoritative source",
        "Bản sao dữ liệu chủ không được đồng bộ từ nguồn gốc",
    ),
    basis=LegalBasis(
        cites=(
            Citation("nd-47-2024"),
            Citation("nd-278-2025"),
        ),
    ),
    fix=(
        "Add a flow from the authoritative database into this one that lists the entity in "
        "'entities' (mode sync_master, through NDXP/NDOP and the integration platform).",
        "Bổ sung luồng dữ liệu từ cơ sở dữ liệu gốc vào cơ sở dữ liệu này, ghi thực thể trong "
        "'entities' (mode sync_master, qua NDXP/NDOP và nền tảng tích hợp).",
    ),
)
def shadow_copy(ctx: Context) -> Iterator[Violation]:
    """What it checks: for every entity in the ``copies`` of a submission database that has an
    authoritative database (in the submission or the national catalogue), whether an active flow
    comes into the copy directly from one of those authoritative databases and lists the entity
    in its ``entities``. The flow may pass through any ``via`` platforms and use any mode; a flow
    from another copy, or one that does not name the entity, does not count. A database that is
    itself authoritative for the entity is not a copy of it.

    Why it matters: under NĐ 47/2024/NĐ-CP (repealed by NĐ 194/2025/NĐ-CP from 19/8/2025) master
    data is the reference for synchronisation, and when it changes every database referencing it
    must be synchronised; NĐ 278/2025/NĐ-CP makes
    one trusted source the rule. A copy that is not fed from its source becomes a second, stale
    version of the truth.

    Example: ``{id: csdl-dat-dai-tinh, copies: [vn:entity/land-parcel]}`` with no flow from
    ``vn:db/land``.

    Use instead: a flow ``{source: vn:db/land, target: csdl-dat-dai-tinh, entities:
    [vn:entity/land-parcel], via: [vn:platform/ndxp, lgsp-tinh], mode: sync_master}``.
    """
    graph = ctx.graph
    for database in graph.databases:
        fed = {(f.source, e) for f in graph.flows_to(database.id) for e in f.entities}
        seen: set[str] = set()
        for index, entity in enumerate(database.copies):
            if entity in seen or entity in database.authoritative_for:
                continue
            seen.add(entity)
            sources = set(graph.authoritative_dbs(entity)) - {database.id}
            if not sources:
                continue
            if any((source, entity) in fed for source in sources):
                continue
            names = graph.labels(sorted(sources))
            yield Violation(
                subject=database.id,
                message=Text(
                    f"'{graph.label(database.id)}' keeps a copy of '{graph.label(entity)}' but no "
                    f"flow from its authoritative source {names} carries it in: the copy is not "
                    "synchronised",
                    f"'{graph.label(database.id)}' lưu bản sao của '{graph.label(entity)}' nhưng "
                    f"không có luồng dữ liệu nào từ nguồn gốc {names} mang thực thể này vào: bản "
                    "sao không được đồng bộ",
                ),
                related=tuple(sorted({entity, *sources})),
                field=f"copies/{index}",
            )


RULE = shadow_copy
