"""RED003 — more than one database claims to be the trusted source of one entity."""

from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.model import Citation
from vndgaf.rules.base import Context, LegalBasis, rule


@rule(
    code="RED003",
    name="duplicate-master-data",
    severity=Severity.ERROR,
    title=(
        "More than one database claims authority for the same data entity",
        "Nhiều cơ sở dữ liệu cùng nhận là nguồn gốc của một thực thể dữ liệu",
    ),
    basis=LegalBasis(
        cites=(
            Citation("nd-278-2025"),
            Citation("qd-714-2015-ttg"),
        ),
    ),
    fix=(
        "Keep 'authoritative_for' on one database only; list the entity under 'copies' in the "
        "others and sync them from the authoritative source.",
        "Chỉ để 'authoritative_for' ở một cơ sở dữ liệu; các cơ sở dữ liệu khác ghi thực thể vào "
        "'copies' và đồng bộ từ nguồn gốc.",
    ),
)
def duplicate_master_data(ctx: Context) -> Iterator[Violation]:
    """What it checks: for every entity in the ``authoritative_for`` of a submission database,
    whether another database, of the submission or of the national catalogue, also claims
    authority for it. Each submission database that claims an entity in addition to another
    claimant gives one finding per entity.

    Why it matters: NĐ 278/2025/NĐ-CP sets the "single source of trust" principle — one datum
    has exactly one trusted source — and QĐ 714/QĐ-TTg requires new national databases not to
    overlap with those already in operation. Two masters for one entity drift apart and nobody
    knows which one is right.

    Example: a provincial ``csdl-dan-cu-tinh`` with ``authoritative_for: [vn:entity/person]``
    competes with the National Population Database ``vn:db/population``.

    Use instead: ``copies: [vn:entity/person]`` and a ``sync_master`` flow from
    ``vn:db/population``.
    """
    graph = ctx.graph
    for database in graph.databases:
        seen: set[str] = set()
        for index, entity in enumerate(database.authoritative_for):
            if entity in seen:
                continue
            seen.add(entity)
            others = sorted(set(graph.authoritative_dbs(entity)) - {database.id})
            if not others:
                continue
            names = graph.labels(others)
            yield Violation(
                subject=database.id,
                message=Text(
                    f"'{graph.label(database.id)}' claims to be the authoritative source of "
                    f"'{graph.label(entity)}', which {names} also claims: one datum must have "
                    "exactly one trusted source",
                    f"'{graph.label(database.id)}' nhận là nguồn gốc của '{graph.label(entity)}' "
                    f"trong khi {names} cũng nhận như vậy: mỗi dữ liệu chỉ có một nguồn tin cậy "
                    "duy nhất",
                ),
                related=tuple(sorted({entity, *others})),
                field=f"authoritative_for/{index}",
            )


RULE = duplicate_master_data
