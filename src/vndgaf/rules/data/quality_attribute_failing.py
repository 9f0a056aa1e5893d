"""DAT010 — a data-quality profile declares one of the six attributes as not met."""

from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.model import Citation
from vndgaf.rules.base import Context, LegalBasis, rule

#: The six attributes, in the order of the slogan, with their Vietnamese names.
ATTRIBUTES = (
    ("dung", "đúng", "correct"),
    ("du", "đủ", "complete"),
    ("sach", "sạch", "clean"),
    ("song", "sống", "live"),
    ("thong_nhat", "thống nhất", "consistent"),
    ("dung_chung", "dùng chung", "shared"),
)


@rule(
    code="DAT010",
    name="quality-attribute-failing",
    severity=Severity.WARNING,
    title=(
        "Data-quality profile declares an attribute not met",
        "Hồ sơ chất lượng dữ liệu có thuộc tính chưa đạt",
    ),
    basis=LegalBasis(
        cites=(
            Citation("kh-02-2025-bcdtw"),
            Citation("vb-2943-2025-cdsqg"),
        ),
        inference=Text(
            "that an attribute a quality profile declares not met is a finding",
            "thuộc tính mà hồ sơ chất lượng khai báo chưa đạt là một phát hiện",
        ),
    ),
    fix=(
        "Plan the work that makes the attribute true (cleaning, sync, publication) and update "
        "the profile when it is done.",
        "Lập kế hoạch khắc phục để đạt thuộc tính (làm sạch, đồng bộ, chia sẻ) và cập nhật hồ sơ "
        "khi hoàn thành.",
    ),
)
def quality_attribute_failing(ctx: Context) -> Iterator[Violation]:
    """What it checks: a submission database whose ``quality`` profile sets one or more of the six
    attributes (``dung``, ``du``, ``sach``, ``song``, ``thong_nhat``, ``dung_chung``) to
    ``false``. Attributes left unset are not reported. One finding per database, pointing at the
    first failing attribute and naming all of them.

    Why it matters: Plan 02-KH/BCĐTW and 2943/CĐSQG-CNCPS set the target that data be đúng, đủ,
    sạch, sống, thống nhất, dùng chung; a profile that admits a gap is a standing task. Recording
    the six attributes as flags is a design inference, not a legal requirement.

    Example: ``quality: {dung: true, du: false, song: false}``.

    Use instead: fix the data, then ``du: true, song: true`` with evidence.
    """
    graph = ctx.graph
    for database in graph.databases:
        quality = database.quality
        if quality is None:
            continue
        failing = [a for a in ATTRIBUTES if getattr(quality, a[0]) is False]
        if not failing:
            continue
        yield Violation(
            subject=database.id,
            message=Text(
                f"the data-quality profile of '{graph.label(database.id)}' declares "
                f"{', '.join(f'{vi} ({en})' for _, vi, en in failing)} not met",
                f"hồ sơ chất lượng dữ liệu của '{graph.label(database.id)}' khai báo chưa đạt: "
                f"{', '.join(vi for _, vi, _ in failing)}",
            ),
            field=f"quality/{failing[0][0]}",
        )


RULE = quality_attribute_failing
