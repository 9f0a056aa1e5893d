"""GOV005 — agencies whose tier (central, provincial, commune) is not known."""

from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.model import Citation, Level
from vndgaf.rules.base import Context, LegalBasis, rule


@rule(
    code="GOV005",
    name="agency-tier-unknown",
    severity=Severity.WARNING,
    title=(
        "Agencies of unknown tier",
        "Cơ quan chưa xác định cấp",
    ),
    basis=LegalBasis(
        cites=(
            Citation("luat-72-2025-qh15"),
            Citation("qd-3090-2025-bkhcn"),
        ),
        inference=Text(
            "that every agency's tier is known before the tier rules can be trusted",
            "cấp của mỗi cơ quan phải được xác định thì các quy tắc theo cấp mới tin cậy được",
        ),
    ),
    fix=(
        "Set each agency's level (central, provincial or commune) and its unit; for an import, "
        "give `vndgaf import archimate --agencies FILE`.",
        "Khai báo level (central, provincial hoặc commune) và unit của từng cơ quan; khi nhập "
        "từ ArchiMate, dùng `vndgaf import archimate --agencies FILE`.",
    ),
)
def agency_tier_unknown(ctx: Context) -> Iterator[Violation]:
    """What it checks: agencies with ``level: unknown`` — the source of the submission (an
    ArchiMate model, typically) does not say whether they are central, provincial or commune
    bodies. One finding for all of them, on the first by id, with the count: the cause and the
    fix are the same for every such agency.

    Why it matters: the two-tier rules (commune bodies under their province, communes connected
    through their province's platform, shared platforms not built by communes, duplicated
    investment by tier) need the tier of each agency (Law 72/2025/QH15 sets two tiers of local
    government); they skip agencies of unknown tier, so those parts of the architecture go
    unchecked. That an unknown tier deserves a warning of its own is a design inference [I].

    Example: ``{id: so-y-te, name: Sở Y tế, level: unknown}``.

    Use instead: ``{id: so-y-te, name: Sở Y tế, level: provincial, unit: vn:province/08}``.
    """
    unknown = [a for a in ctx.graph.agencies if a.level is Level.UNKNOWN]
    if not unknown:
        return
    total = len(ctx.graph.agencies)
    yield Violation(
        subject=unknown[0].id,
        message=Text(
            f"the tier of {len(unknown)} of the {total} agencies is unknown: the two-tier rules "
            "skip them",
            f"{len(unknown)} trong {total} cơ quan chưa xác định cấp: các quy tắc về hai cấp "
            "chính quyền bỏ qua các cơ quan này",
        ),
        field="level",
    )


RULE = agency_tier_unknown
