"""STR001 — district-level unit or agency still active after 1/7/2025."""

from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.model import Citation, Level
from vndgaf.reference.dates import TWO_TIER_GOVERNMENT, day_month_year
from vndgaf.rules.base import Context, LegalBasis, rule


@rule(
    code="STR001",
    name="district-level-active",
    severity=Severity.ERROR,
    title=(
        "District-level unit or agency active after the two-tier reform",
        "Đơn vị hoặc cơ quan cấp huyện còn hoạt động sau khi tổ chức chính quyền hai cấp",
    ),
    basis=LegalBasis(
        cites=(
            Citation("nq-203-2025-qh15"),
            Citation("luat-72-2025-qh15"),
        ),
    ),
    fix=(
        "Move the unit's communes and the agency's systems to the province or the new "
        "commune, then mark it inactive.",
        "Chuyển các xã và hệ thống của đơn vị về tỉnh hoặc xã mới, rồi đánh dấu không còn hoạt "
        "động.",
    ),
)
def district_level_active(ctx: Context) -> Iterator[Violation]:
    """What it checks: for a check date on or after 1/7/2025, an administrative unit of district
    kind (huyện, quận, thị xã, thành phố thuộc tỉnh) without an end date before that day, or an
    active agency of level ``district``.

    Why it matters: since 1/7/2025 local government has two tiers, province and commune; the
    district level no longer exists (NQ 203/2025/QH15 amending the Constitution, Law
    72/2025/QH15). An architecture that
    still routes data or services through a district body describes something that is gone.

    Example: ``{id: ubnd-huyen-yen-son, level: district, name: UBND huyện Yên Sơn}``.

    Use instead: the provincial agency or the new commune that took over its tasks
    (``vndgaf units resolve "Huyện Yên Sơn"`` lists them).
    """
    graph = ctx.graph
    if ctx.as_of < TWO_TIER_GOVERNMENT:
        return
    ended_on = day_month_year(TWO_TIER_GOVERNMENT)
    for unit in graph.units:
        ended = unit.valid_to is not None and unit.valid_to <= TWO_TIER_GOVERNMENT
        if unit.kind.tier is Level.DISTRICT and not ended:
            yield Violation(
                subject=unit.id,
                message=Text(
                    f"district-level unit '{graph.label(unit.id)}' is still in force; the district "
                    f"level ended on {ended_on}",
                    f"đơn vị cấp huyện '{graph.label(unit.id)}' vẫn còn hiệu lực; cấp huyện đã kết "
                    f"thúc từ {ended_on}",
                ),
                field="kind",
            )
    for agency in graph.agencies:
        if agency.level is Level.DISTRICT and agency.active:
            yield Violation(
                subject=agency.id,
                message=Text(
                    f"district-level agency '{graph.label(agency.id)}' is still active; the "
                    f"district level ended on {ended_on}",
                    f"cơ quan cấp huyện '{graph.label(agency.id)}' vẫn hoạt động; cấp huyện đã kết "
                    f"thúc từ {ended_on}",
                ),
                field="level",
            )


RULE = district_level_active
