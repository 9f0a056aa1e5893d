"""IOP003 — a commune system or commune body cut off from its province's integration platform."""

from collections import defaultdict
from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.model import Citation, Level, Status
from vndgaf.rules.base import Context, LegalBasis, rule
from vndgaf.rules.interop._common import is_procedure_system, label, lgsps_by_organisation


@rule(
    code="IOP003",
    name="commune-system-unreachable",
    severity=Severity.WARNING,
    title=(
        "Commune system or commune body cannot reach its province's integration platform",
        "Hệ thống hoặc cơ quan cấp xã không kết nối được với nền tảng tích hợp của tỉnh",
    ),
    basis=LegalBasis(
        cites=(Citation("qd-2618-2025-bkhcn"),),
        inference=Text(
            "that a commune reaches shared data only through its province's integration platform",
            "cấp xã chỉ kết nối dữ liệu dùng chung qua nền tảng tích hợp của tỉnh",
        ),
    ),
    fix=(
        "Connect the commune system to the provincial LGSP with a flow, or make the commune "
        "body a tenant of the provincial LGSP or procedure system.",
        "Kết nối hệ thống cấp xã với LGSP của tỉnh bằng luồng dữ liệu, hoặc đưa cơ quan cấp xã "
        "vào danh sách đơn vị sử dụng (tenants) LGSP hoặc hệ thống giải quyết TTHC của tỉnh.",
    ),
)
def commune_system_unreachable(ctx: Context) -> Iterator[Violation]:
    """What it checks: (1) every system, platform or database owned by a commune-level agency
    is connected, over declared flows and hubs, to an integration platform (LGSP) of its
    province; (2) every active commune-level agency either owns such a connected system or is a
    tenant of its province's LGSP or procedure (TTHC) system.

    Why it matters: the national and shared platforms are deployed "to provincial and commune
    level where the business reaches the commune" (QĐ 2618/QĐ-BKHCN, 55-platform list), and
    since 1/7/2025 the commune is the only tier below the province. A commune that reaches no
    provincial platform cannot share data or handle procedures on the common systems. Requiring
    the connection to go through the province's own platform goes further than the texts: this
    is a design inference, not a legal requirement, and its findings are warnings.

    Example: ``{id: ql-xa, owner: ubnd-xa-tan-trao}`` with no flow to any system linked to
    ``lgsp-tinh``; ``{id: ubnd-xa-tan-trao, level: commune}`` in no platform's ``tenants``.

    Use instead: a flow ``{source: ql-xa, target: kho-tinh, via: [lgsp-tinh]}``, and the
    commune body in ``tenants`` of the provincial LGSP and TTHC system.
    """
    graph = ctx.graph
    lgsps = lgsps_by_organisation(graph)
    procedure: dict[str, set[str]] = defaultdict(set)
    tenancies: dict[str, set[str]] = defaultdict(set)
    owned: dict[str, list[str]] = defaultdict(list)
    for system in graph.own_systems:
        if system.status is Status.RETIRED:
            continue
        for tenant in system.tenants:
            tenancies[tenant].add(system.id)
        for agency_id in {system.owner, system.operator} - {None}:
            owned[str(agency_id)].append(system.id)
        organisation = graph.organisation_of(system.id)
        if (
            organisation is not None
            and is_procedure_system(graph, system)
            and graph.level_of(system.id) is not Level.COMMUNE
        ):
            procedure[organisation].add(system.id)
    connected: set[str] = set()
    for system in graph.own_systems:
        if system.status is Status.RETIRED or graph.level_of(system.id) is not Level.COMMUNE:
            continue
        organisation = graph.organisation_of(system.id)
        if organisation is None or not organisation.startswith("vn:province/"):
            continue
        platforms = lgsps.get(organisation, ())
        if any(graph.connected(system.id, p) for p in platforms):
            connected.add(system.id)
            continue
        province = label(graph, organisation)
        target = (
            (
                (f"its province's integration platform '{label(graph, platforms[0])}'"),
                (f"nền tảng tích hợp của tỉnh '{label(graph, platforms[0])}'"),
            )
            if platforms
            else (
                f"an integration platform ('{province}' declares none)",
                f"nền tảng tích hợp nào ('{province}' chưa khai báo nền tảng nào)",
            )
        )
        yield Violation(
            subject=system.id,
            message=Text(
                f"commune system '{graph.label(system.id)}' is not connected to {target[0]}",
                f"hệ thống cấp xã '{graph.label(system.id)}' không kết nối được với {target[1]}",
            ),
            related=platforms,
            field="owner",
        )
    for agency in graph.agencies:
        if agency.level is not Level.COMMUNE or not agency.active:
            continue
        organisation = graph.organisation_of(agency.id)
        if organisation is None or not organisation.startswith("vn:province/"):
            continue
        if any(s in connected for s in owned.get(agency.id, ())):
            continue
        provincial = set(lgsps.get(organisation, ())) | procedure.get(organisation, set())
        if tenancies.get(agency.id, set()) & provincial:
            continue
        province = label(graph, organisation)
        yield Violation(
            subject=agency.id,
            message=Text(
                f"commune body '{graph.label(agency.id)}' owns no system connected to the "
                f"integration platform of '{province}' and is not a tenant of its LGSP or "
                "procedure system",
                f"cơ quan cấp xã '{graph.label(agency.id)}' không có hệ thống nào kết nối với nền "
                f"tảng tích hợp của '{province}' và không sử dụng LGSP hoặc hệ thống giải quyết "
                "TTHC của tỉnh",
            ),
            related=tuple(sorted(provincial)),
            field="level",
        )


RULE = commune_system_unreachable
