"""RED005 — an investment builds a capability that already exists, without reuse or reason."""

from collections import defaultdict
from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.model import Citation, Database, Status
from vndgaf.rules.base import Context, LegalBasis, rule

#: At most this many existing providers are named in a finding.
MAX_PROVIDERS = 5


@rule(
    code="RED005",
    name="investment-without-reuse",
    severity=Severity.WARNING,
    title=(
        "Investment in a capability that already exists, without reuse or justification",
        "Dự án đầu tư năng lực đã có sẵn mà không tái sử dụng hoặc giải trình",
    ),
    basis=LegalBasis(
        cites=(
            Citation("ct-07-2017-ttg"),
            Citation("qd-3090-2025-bkhcn"),
        ),
        inference=Text(
            "that an investment in a capability that already exists names what it reuses or why "
            "nothing can serve (a review gate)",
            "dự án đầu tư năng lực đã có phải nêu nền tảng tái sử dụng hoặc lý do không dùng "
            "được (một bước thẩm định)",
        ),
    ),
    fix=(
        "List the existing platforms the project reuses in 'reuses', or explain in "
        "'justification' why none of them can serve.",
        "Ghi các nền tảng sẵn có được tái sử dụng vào 'reuses', hoặc giải trình trong "
        "'justification' vì sao không dùng được.",
    ),
)
def investment_without_reuse(ctx: Context) -> Iterator[Violation]:
    """What it checks: a submission investment (not retired) whose ``capability`` is already
    provided by a national platform of the catalogue, or by an operating system or platform of
    the submission owned by another agency, and that lists nothing in ``reuses`` and gives no
    ``justification``. Up to five existing providers are named.

    Why it matters: QĐ 3090/QĐ-BKHCN asks to limit duplicate investment and Directive
    07/CT-TTg asks agencies to coordinate before they build; the US FEAF collaborative planning
    method makes "research and leverage what exists" a step before any new investment. Turning
    that into a gate on every investment record is a design inference, not a legal requirement.

    Example: ``{id: dt-thanh-toan-tinh, capability: payment}`` while the National Public
    Service Portal already offers online payment (``vn:platform/npsp-payment``).

    Use instead: ``reuses: [vn:platform/npsp-payment]``, or a ``justification`` that a reviewer
    can weigh.
    """
    graph = ctx.graph
    national = graph.national_capabilities
    local: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for system in graph.own_systems:
        if isinstance(system, Database) or system.status is not Status.OPERATING:
            continue
        for code in sorted(set(system.capabilities)):
            local[code].append((system.id, system.owner))
    memo: dict[tuple[str, str | None], tuple[str, ...]] = {}
    for investment in graph.investments:
        capability = investment.capability
        if not capability or investment.status is Status.RETIRED:
            continue
        if investment.reuses or investment.justification:
            continue
        key = (capability, investment.owner)
        if key not in memo:
            found = [p.id for p in national.get(capability, ())]
            for system_id, owner in local.get(capability, ()):
                if len(found) >= MAX_PROVIDERS:
                    break
                if owner is None or owner != investment.owner:
                    found.append(system_id)
            memo[key] = tuple(sorted(found[:MAX_PROVIDERS]))
        providers = memo[key]
        if not providers:
            continue
        names = graph.labels(providers)
        yield Violation(
            subject=investment.id,
            message=Text(
                f"investment '{graph.label(investment.id)}' builds '{capability}', which {names} "
                "already provides, but lists nothing in 'reuses' and gives no justification",
                f"dự án '{graph.label(investment.id)}' đầu tư '{capability}' trong khi {names} đã "
                "cung cấp, nhưng không ghi nền tảng tái sử dụng ('reuses') và không giải trình",
            ),
            related=providers,
            field="capability",
        )


RULE = investment_without_reuse
