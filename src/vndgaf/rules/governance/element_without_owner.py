"""GOV001 — a system, service or investment without an owning agency."""

from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.model import InformationSystem, Investment, PublicService
from vndgaf.rules.base import Context, rule


@rule(
    code="GOV001",
    name="element-without-owner",
    severity=Severity.ERROR,
    title=(
        "System, service or investment without an owner",
        "Hệ thống, dịch vụ hoặc dự án không có cơ quan chủ quản",
    ),
    legal_basis="NĐ 47/2020/NĐ-CP Art. 9(1) (data organised under clear agency responsibility); "
    "NĐ 85/2016/NĐ-CP (system owner answers for security)",
    sourced=True,
    fix=(
        "Set owner to the accountable agency (chủ quản).",
        "Khai báo owner là cơ quan chủ quản chịu trách nhiệm.",
    ),
)
def element_without_owner(ctx: Context) -> Iterator[Violation]:
    """What it checks: every system, platform, database, public service and investment of the
    submission has an ``owner``.

    Why it matters: data must be organised under a clear agency responsibility
    (NĐ 47/2020/NĐ-CP Art. 9(1)) and every information system has an owner answerable for its
    security level (NĐ 85/2016/NĐ-CP). Without an owner, no rule about tiers, provinces or
    duplicated investment can be applied to the element either.

    Example: ``{id: he-thong-x, name: Hệ thống X}``.

    Use instead: ``{id: he-thong-x, name: Hệ thống X, owner: so-khcn}``.
    """
    arch = ctx.graph.architecture
    owned: list[InformationSystem | PublicService | Investment] = [
        *ctx.graph.own_systems,
        *arch.services,
        *arch.investments,
    ]
    for element in owned:
        if element.owner is None:
            yield Violation(
                subject=element.id,
                message=Text(
                    f"'{element.name}' has no owner", f"'{element.name}' không có cơ quan chủ quản"
                ),
                field="name",
            )


RULE = element_without_owner
