"""GOV001 — a system, service or investment without an owning agency."""

from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.model import Citation, InformationSystem, Investment, PublicService
from vndgaf.rules.base import Context, LegalBasis, rule

#: The submission records no ownership when at least this many elements lack an owner and they
#: are most of its systems, services and investments (a design choice [I], see the docs below).
SUMMARY_AT = 5


@rule(
    code="GOV001",
    name="element-without-owner",
    severity=Severity.ERROR,
    title=(
        "System, service or investment without an owner",
        "Hệ thống, dịch vụ hoặc dự án không có cơ quan chủ quản",
    ),
    basis=LegalBasis(
        cites=(
            Citation("nd-47-2020", article="9", clause="1"),
            Citation("nd-85-2016"),
        ),
    ),
    fix=(
        "Set owner to the accountable agency (chủ quản).",
        "Khai báo owner là cơ quan chủ quản chịu trách nhiệm.",
    ),
)
def element_without_owner(ctx: Context) -> Iterator[Violation]:
    """What it checks: every system, platform, database, public service and investment of the
    submission has an ``owner``.

    When the submission records no ownership at all — at least five of these elements lack an
    owner and they are more than half of them, as in a model imported from an ArchiMate tool
    without ownership relationships — one finding says so for all of them (on the first by id,
    with the count), instead of one finding per element: the fix is the same for all, stating
    who owns what (in the ArchiMate model, or with ``vndgaf import archimate --agencies``), and
    a list of identical errors hides the other findings. The thresholds are a design choice [I].

    Why it matters: data must be organised under a clear agency responsibility (NĐ 47/2020/NĐ-CP
    Art. 9(1), replaced by NĐ 278/2025/NĐ-CP from 22/10/2025) and every information system has an
    owner answerable for its security level (NĐ 85/2016/NĐ-CP). Without an owner, no rule about
    tiers, provinces or duplicated investment can be applied to the element either.

    Example: ``{id: he-thong-x, name: Hệ thống X}``.

    Use instead: ``{id: he-thong-x, name: Hệ thống X, owner: so-khcn}``.
    """
    graph = ctx.graph
    owned: list[InformationSystem | PublicService | Investment] = [
        *graph.own_systems,
        *graph.services,
        *graph.investments,
    ]
    missing = [element for element in owned if element.owner is None]
    if len(missing) >= SUMMARY_AT and 2 * len(missing) > len(owned):
        first = min(element.id for element in missing)
        yield Violation(
            subject=first,
            message=Text(
                f"{len(missing)} of the {len(owned)} systems, services and investments have no "
                "owner: the submission does not say who owns what",
                f"{len(missing)} trong {len(owned)} hệ thống, dịch vụ và dự án không có cơ quan "
                "chủ quản: hồ sơ chưa cho biết cơ quan nào chủ quản",
            ),
            field="name",
        )
        return
    for element in missing:
        yield Violation(
            subject=element.id,
            message=Text(
                f"'{graph.label(element.id)}' has no owner",
                f"'{graph.label(element.id)}' không có cơ quan chủ quản",
            ),
            field="name",
        )


RULE = element_without_owner
