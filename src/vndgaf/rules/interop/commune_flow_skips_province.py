"""IOP013 — a commune system exchanging data outside its province without the provincial LGSP."""

import functools
from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.model import Citation, Level
from vndgaf.rules.base import Context, LegalBasis, rule
from vndgaf.rules.interop._common import (
    is_national_platform,
    label,
    lgsps_by_organisation,
)


@rule(
    code="IOP013",
    name="commune-flow-skips-province",
    severity=Severity.WARNING,
    title=(
        "Commune system exchanges data beyond its province without the provincial platform",
        "Hệ thống cấp xã trao đổi dữ liệu ra ngoài tỉnh mà không qua nền tảng tích hợp của tỉnh",
    ),
    basis=LegalBasis(
        cites=(
            Citation("nd-194-2025", article="20"),
            Citation("luat-72-2025-qh15"),
        ),
        inference=Text(
            "that a commune's data leaves the province only through the provincial platform",
            "dữ liệu của cấp xã ra ngoài tỉnh chỉ qua nền tảng tích hợp của tỉnh",
        ),
    ),
    fix=(
        "Route the flow through the provincial LGSP (add it to 'via' before NDXP or NDOP).",
        "Cho luồng dữ liệu đi qua LGSP của tỉnh (thêm vào 'via' trước NDXP hoặc NDOP).",
    ),
)
def commune_flow_skips_province(ctx: Context) -> Iterator[Violation]:
    """What it checks: every active flow with an end owned by a commune-level agency whose
    other end lies outside the commune's province (another ministry or province, or a national
    platform such as NDXP or NPSP) must pass an integration platform (LGSP) of the commune's
    province.

    Why it matters: NĐ 194/2025/NĐ-CP Art. 20 connects the ministry/provincial infrastructure
    to NDXP, and since 1/7/2025 communes sit directly under their province; commune systems
    that talk to national or other bodies on their own multiply connections the province
    cannot see or secure. That communes reach NDXP/NDOP only through the provincial platform is a
    design inference, not a legal requirement.

    Example: ``{source: ql-xa, target: vn:platform/ndxp}`` for a commune system.

    Use instead: ``{source: ql-xa, target: vn:platform/ndxp, via: [lgsp-tinh]}``.
    """
    graph = ctx.graph
    lgsps = lgsps_by_organisation(graph)

    @functools.cache
    def commune_province(end: str) -> str | None:
        """``vn:province/CODE`` of a commune-level submission element, else None."""
        if graph.level_of(end) is not Level.COMMUNE or graph.is_catalogue(end):
            return None
        province = graph.organisation_of(end)
        return province if province is not None and province.startswith("vn:province/") else None

    @functools.cache
    def beyond(other: str) -> str | None:
        """The organisation of the other end; "" for a national platform (always beyond)."""
        return "" if is_national_platform(graph, other) else graph.organisation_of(other)

    def skipped(route: tuple[str, ...]) -> tuple[str, str, str, tuple[str, ...]] | None:
        """(commune end, other end, province, its LGSPs) when the route skips them, else None."""
        for end, other in ((route[0], route[-1]), (route[-1], route[0])):
            province = commune_province(end)
            if province is None or beyond(other) in (province, None):
                continue
            platforms = lgsps.get(province, ())
            if not any(hop in platforms for hop in route):
                return end, other, province, platforms
        return None

    for route, flows in graph.routes.items():  # the verdict depends on the route only
        found = skipped(route)
        if found is None:
            continue
        end, other, province, platforms = found
        for flow in flows:
            name = flow.name or flow.id
            yield Violation(
                subject=flow.id,
                message=Text(
                    f"flow '{name}' links commune system '{label(graph, end)}' to "
                    f"'{label(graph, other)}' outside '{label(graph, province)}' without "
                    "passing the provincial integration platform",
                    f"luồng dữ liệu '{name}' nối hệ thống cấp xã '{label(graph, end)}' với "
                    f"'{label(graph, other)}' ngoài '{label(graph, province)}' mà không qua nền "
                    "tảng tích hợp của tỉnh",
                ),
                related=tuple(sorted({end, *platforms})),
                field="via",
            )


RULE = commune_flow_skips_province
