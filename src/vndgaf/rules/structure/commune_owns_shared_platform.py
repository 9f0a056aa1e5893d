"""STR005 — a commune body owning an integration platform, portal or procedure system."""

from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.model import Citation, Level
from vndgaf.reference.wellknown import (
    DATA_INTEGRATION,
    INTEGRATION_TEMPLATE,
    PROCEDURE_CASE_HANDLING,
    PROCEDURE_TEMPLATE,
    PUBLIC_SERVICE_PORTAL,
)
from vndgaf.rules.base import Context, LegalBasis, rule

_PROVINCIAL_CAPABILITIES = frozenset(
    {DATA_INTEGRATION, PUBLIC_SERVICE_PORTAL, PROCEDURE_CASE_HANDLING}
)


@rule(
    code="STR005",
    name="commune-owns-shared-platform",
    severity=Severity.WARNING,
    title=(
        "Commune body owns an integration platform, portal or procedure system",
        "Cơ quan cấp xã sở hữu nền tảng tích hợp, cổng dịch vụ công hoặc hệ thống TTHC",
    ),
    basis=LegalBasis(
        cites=(
            Citation("qd-2618-2025-bkhcn"),
            Citation("nd-367-2025"),
            Citation("kh-02-2025-bcdtw"),
        ),
        inference=Text(
            "that a commune body uses the province's integration platform, portal and procedure "
            "system as a tenant rather than owning one",
            "cơ quan cấp xã sử dụng nền tảng tích hợp, cổng dịch vụ công và hệ thống giải quyết "
            "TTHC của tỉnh với tư cách đơn vị sử dụng, không sở hữu riêng",
        ),
    ),
    fix=(
        "Use the province's integration platform and procedure system as a tenant.",
        "Dùng nền tảng tích hợp và hệ thống TTHC của tỉnh với tư cách đơn vị sử dụng.",
    ),
)
def commune_owns_shared_platform(ctx: Context) -> Iterator[Violation]:
    """What it checks: a system or platform owned by a commune-level agency that deploys the
    integration-platform or procedure-system template, or offers data integration, a
    public-service portal or procedure case handling.

    Why it matters: the national platforms are deployed down to commune level "where the
    business reaches the commune" (QĐ 2618/QĐ-BKHCN); the procedure system is one unified
    platform per ministry or province (NĐ 367/2025/NĐ-CP) and provincial portals were closed on
    1/7/2025 in favour of the National Public Service Portal. That communes therefore consume
    rather than own these platforms is a design inference, not a legal text.

    Example: ``{id: lgsp-xa, owner: ubnd-xa-a, capabilities: [data_integration]}``.

    Use instead: list the commune People's Committee in ``tenants`` of the provincial LGSP and
    procedure system.
    """
    graph = ctx.graph
    for system in graph.own_systems:
        owner = graph.owner(system.id)
        if owner is None or owner.level is not Level.COMMUNE:
            continue
        template = graph.template_of(system.id)
        caps = sorted(_PROVINCIAL_CAPABILITIES.intersection(system.capabilities))
        if template in (INTEGRATION_TEMPLATE, PROCEDURE_TEMPLATE) or caps:
            what = template or ", ".join(caps)
            yield Violation(
                subject=system.id,
                message=Text(
                    f"'{graph.label(system.id)}' ({what}) is owned by the commune body "
                    f"'{graph.label(owner.id)}'; communes use the province's platforms",
                    f"'{graph.label(system.id)}' ({what}) do cơ quan cấp xã "
                    f"'{graph.label(owner.id)}' sở hữu; cấp xã sử dụng nền tảng của tỉnh",
                ),
                related=(owner.id,),
                field="owner",
            )


RULE = commune_owns_shared_platform
