"""DAT008 — a master data entity without an identifier key."""

from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.model import Citation, DataLayer
from vndgaf.rules.base import Context, LegalBasis, rule


@rule(
    code="DAT008",
    name="master-entity-without-key",
    severity=Severity.WARNING,
    title=(
        "Master data entity without an identifier key",
        "Thực thể dữ liệu chủ không có mã định danh",
    ),
    basis=LegalBasis(
        cites=(
            Citation("nd-47-2024"),
            Citation("nd-278-2025"),
        ),
    ),
    fix=(
        "Set 'identifier_key' to the key that identifies an instance (personal identification "
        "number, enterprise code …).",
        "Khai báo 'identifier_key' là mã định danh của đối tượng (số định danh cá nhân, mã số "
        "doanh nghiệp …).",
    ),
)
def master_entity_without_key(ctx: Context) -> Iterator[Violation]:
    """What it checks: a submission data entity of data layer ``chu`` (master data) or marked
    ``national_master: true`` with no ``identifier_key``.

    Why it matters: NĐ 47/2024/NĐ-CP (repealed by NĐ 194/2025/NĐ-CP from 19/8/2025) defined
    master data as the most basic data identifying an
    object, which must carry an object identifier (mã định danh) and is the reference for
    synchronisation; NĐ 278/2025/NĐ-CP initialises national master data from a set of
    identification keys. Without a key, copies cannot be matched to their master.

    Example: ``{id: ban-an, name: Bản án, data_layer: chu}``.

    Use instead: ``{id: ban-an, data_layer: chu, identifier_key: so_ban_an}``.
    """
    graph = ctx.graph
    for entity in graph.entities:
        if entity.identifier_key:
            continue
        if entity.data_layer is not DataLayer.CHU and not entity.national_master:
            continue
        what_en = "national master data" if entity.national_master else "master data"
        what_vi = "dữ liệu chủ quốc gia" if entity.national_master else "dữ liệu chủ"
        yield Violation(
            subject=entity.id,
            message=Text(
                f"entity '{graph.label(entity.id)}' is {what_en} but declares no identifier_key",
                f"thực thể '{graph.label(entity.id)}' là {what_vi} nhưng chưa khai báo mã định "
                "danh (identifier_key)",
            ),
            field="data_layer" if entity.data_layer is DataLayer.CHU else "national_master",
        )


RULE = master_entity_without_key
