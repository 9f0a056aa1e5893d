"""RED006 — more than one procedure system or public-service portal in a province or ministry."""

from collections import defaultdict
from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.model import Citation, Database, InformationSystem, Platform, Status
from vndgaf.reference.wellknown import (
    PROCEDURE_CASE_HANDLING,
    PROCEDURE_TEMPLATE,
    PUBLIC_SERVICE_PORTAL,
)
from vndgaf.rules.base import Context, LegalBasis, rule

_WHAT = {
    PROCEDURE_CASE_HANDLING: (
        "administrative-procedure systems",
        "hệ thống giải quyết thủ tục hành chính",
    ),
    PUBLIC_SERVICE_PORTAL: ("public-service portals", "cổng dịch vụ công"),
}


def _kinds(system: InformationSystem) -> tuple[str, ...]:
    """Which of the two one-per-organisation roles a system plays."""
    deploys = isinstance(system, Platform) and system.instance_of == PROCEDURE_TEMPLATE
    roles = []
    if deploys or PROCEDURE_CASE_HANDLING in system.capabilities:
        roles.append(PROCEDURE_CASE_HANDLING)
    if PUBLIC_SERVICE_PORTAL in system.capabilities:
        roles.append(PUBLIC_SERVICE_PORTAL)
    return tuple(roles)


@rule(
    code="RED006",
    name="duplicate-procedure-system",
    severity=Severity.WARNING,
    title=(
        "More than one procedure system or public-service portal in one province or ministry",
        "Một tỉnh hoặc một bộ có nhiều hơn một hệ thống giải quyết TTHC hoặc cổng dịch vụ công",
    ),
    basis=LegalBasis(
        cites=(
            Citation("nd-118-2025"),
            Citation("nd-367-2025"),
            Citation("quy-dinh-05-2025-bcdtw"),
            Citation("kh-02-2025-bcdtw"),
        ),
        inference=Text(
            'that a province or ministry runs exactly one procedure system is read from "unified"',
            'mỗi tỉnh hoặc bộ chỉ có đúng một hệ thống giải quyết TTHC là cách hiểu từ "thống '
            'nhất"',
        ),
    ),
    fix=(
        "Move the procedures onto the one procedure system of the province or ministry (a "
        "deployment of vn:platform/tthc-system) and retire the others.",
        "Chuyển các thủ tục về hệ thống giải quyết TTHC duy nhất của tỉnh hoặc bộ (triển khai "
        "từ vn:platform/tthc-system) và dừng các hệ thống còn lại.",
    ),
)
def duplicate_procedure_system(ctx: Context) -> Iterator[Violation]:
    """What it checks: the submission systems and platforms (not retired) that are procedure
    (TTHC) systems — a deployment of ``vn:platform/tthc-system`` or a system with the capability
    ``procedure_case_handling`` — or public-service portals (capability
    ``public_service_portal``), grouped by province (for provincial and commune owners) or by
    ministry (the top of the owner's chain of parent agencies). When a group holds more than one,
    the one kept is the deployment of the catalogue template, else one owned by the head of the
    province or ministry (the top of its chain of parent agencies), else the first by id; each
    other one is flagged.

    Why it matters: since NĐ 367/2025/NĐ-CP the procedure information system of a ministry or
    province is a unified platform connected to the National Public Service Portal; Quy định
    05-QĐ/BCĐTW and Plan 02-KH/BCĐTW end portals and apps built per agency. A second system
    splits the case files and the citizen's view of them. That the unified platform means exactly
    one per province or ministry is read from "unified": a design inference, not law.

    Example: the province deploys ``tthc-tinh`` (``instance_of: vn:platform/tthc-system``) and a
    department still runs its own ``mot-cua-so-xd`` with ``procedure_case_handling``.

    Use instead: one procedure system per province or ministry, with its departments and
    communes as tenants.
    """
    graph = ctx.graph
    groups: dict[tuple[str, str], list[InformationSystem]] = defaultdict(list)
    for system in graph.own_systems:
        if isinstance(system, Database) or system.status is Status.RETIRED:
            continue
        roles = _kinds(system)
        if not roles:
            continue
        organisation = graph.organisation_of(system.id)
        if organisation is None:
            continue
        for role in roles:
            groups[(role, organisation)].append(system)
    for (role, organisation), members in sorted(groups.items()):
        if len(members) < 2:
            continue
        ordered = sorted(
            members,
            key=lambda s: (
                not (isinstance(s, Platform) and s.instance_of == PROCEDURE_TEMPLATE),
                s.owner is None or graph.top_agency(s.owner) != s.owner,
                s.id,
            ),
        )
        kept = ordered[0]
        where = graph.label(organisation, with_id=True)
        en_what, vi_what = _WHAT[role]
        for extra in ordered[1:]:
            yield Violation(
                subject=extra.id,
                message=Text(
                    f"{where} has {len(members)} {en_what}; '{graph.label(extra.id)}' duplicates "
                    f"'{graph.label(kept.id)}'",
                    f"{where} có {len(members)} {vi_what}; '{graph.label(extra.id)}' trùng lặp với "
                    f"'{graph.label(kept.id)}'",
                ),
                related=(kept.id,),
                field="capabilities",
            )


RULE = duplicate_procedure_system
