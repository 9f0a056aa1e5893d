"""DAT005 — a national, sectoral or authoritative database without a data-quality profile."""

from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.model import Citation, DatabaseClass
from vndgaf.rules.base import Context, LegalBasis, rule


@rule(
    code="DAT005",
    name="missing-quality-profile",
    severity=Severity.WARNING,
    title=(
        "Database without a data-quality profile",
        "Cơ sở dữ liệu chưa có hồ sơ chất lượng dữ liệu",
    ),
    basis=LegalBasis(
        cites=(
            Citation("kh-02-2025-bcdtw"),
            Citation("vb-2943-2025-cdsqg"),
        ),
        inference=Text(
            "that a database's quality profile shows whether its data is đúng, đủ, sạch, sống, "
            "thống nhất, dùng chung",
            "hồ sơ chất lượng của cơ sở dữ liệu thể hiện dữ liệu có đúng, đủ, sạch, sống, thống "
            "nhất, dùng chung hay không",
        ),
    ),
    fix=(
        "Add a 'quality' block stating each of the six attributes, with evidence, update "
        "frequency and last sync.",
        "Bổ sung khối 'quality' nêu rõ sáu thuộc tính, kèm minh chứng, tần suất cập nhật và thời "
        "điểm đồng bộ gần nhất.",
    ),
)
def missing_quality_profile(ctx: Context) -> Iterator[Violation]:
    """What it checks: a submission database of class ``national`` or ``sectoral``, or one that
    is authoritative for some entity, without a ``quality`` profile.

    Why it matters: Plan 02-KH/BCĐTW and the guidance 2943/CĐSQG-CNCPS require databases to be
    "đúng, đủ, sạch, sống, thống nhất, dùng chung" (correct, complete, clean, live, consistent,
    shared). Nothing in the law prescribes a machine-readable profile: asking each national,
    sectoral or master database to declare the six attributes is a design inference, not a legal
    requirement, but without it nobody can tell whether the database meets the standard.

    Example: ``{id: csdl-lltp, db_class: sectoral}`` with no ``quality``.

    Use instead: ``quality: {dung: true, du: true, sach: true, song: true, thong_nhat: true,
    dung_chung: true, update_frequency: daily, evidence: "..."}``.
    """
    graph = ctx.graph
    for database in graph.databases:
        if database.quality is not None:
            continue
        national = database.db_class in (DatabaseClass.NATIONAL, DatabaseClass.SECTORAL)
        if not national and not database.authoritative_for:
            continue
        sources = graph.labels(sorted(set(database.authoritative_for)))
        why_en = (
            f"a {database.db_class.value} database"
            if national
            else f"the authoritative source of {sources}"
        )
        kinds_vi = {DatabaseClass.NATIONAL: "quốc gia", DatabaseClass.SECTORAL: "chuyên ngành"}
        why_vi = (
            f"cơ sở dữ liệu {kinds_vi[database.db_class]}"
            if national
            else f"nguồn gốc của {sources}"
        )
        yield Violation(
            subject=database.id,
            message=Text(
                f"'{graph.label(database.id)}' is {why_en} but declares no data-quality profile "
                "(đúng, đủ, sạch, sống, thống nhất, dùng chung)",
                f"'{graph.label(database.id)}' là {why_vi} nhưng chưa khai báo hồ sơ chất lượng dữ "
                "liệu (đúng, đủ, sạch, sống, thống nhất, dùng chung)",
            ),
            field="db_class" if national else "authoritative_for",
        )


RULE = missing_quality_profile
