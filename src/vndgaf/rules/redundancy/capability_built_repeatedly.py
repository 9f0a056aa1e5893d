"""RED002 — the same capability built separately by several agencies of one level."""

from collections import defaultdict
from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.graph import ArchGraph
from vndgaf.model import Citation, Database, Investment, Level, Platform, Status
from vndgaf.reference.wellknown import DOCUMENT_MANAGEMENT
from vndgaf.rules.base import Context, LegalBasis, rule

#: (capability, level, scope): the agencies that could share one platform for the capability.
ClusterKey = tuple[str, Level, str]


def _party(graph: ArchGraph, owner_id: str, level: Level) -> str | None:
    """Who builds: the commune, the province or the ministry of the owning agency."""
    if level is Level.COMMUNE:
        owner = graph.agency(owner_id)
        return (owner.unit if owner else None) or owner_id
    return graph.organisation_of(owner_id)


def _key(graph: ArchGraph, capability: str, owner_id: str) -> tuple[ClusterKey, str] | None:
    """The cluster an element falls in, and the party it counts for, or None."""
    owner = graph.agency(owner_id)
    if owner is None:
        return None
    level = owner.level
    if level in (Level.COMMUNE, Level.DISTRICT):
        province = graph.province_of(owner_id)
        if province is None:
            return None
        level, scope = Level.COMMUNE, province
    elif level in (Level.PROVINCIAL, Level.CENTRAL):
        scope = "national"
    else:  # an unknown tier: the element cannot be placed in a cluster
        return None
    party = _party(graph, owner_id, level)
    return ((capability, level, scope), party) if party else None


def format_vnd(amount: int, lang: str) -> str:
    """An amount in đồng with thousands separators: 12,000,000,000 VND / 12.000.000.000 đồng."""
    grouped = f"{amount:,}"
    return f"{grouped} VND" if lang == "en" else f"{grouped.replace(',', '.')} đồng"


#: At most this many element ids are written in a message (``related`` lists them all).
MAX_LISTED = 10

_LEVEL_WORDS = {
    Level.COMMUNE: ("communes", "xã, phường"),
    Level.PROVINCIAL: ("provinces", "tỉnh, thành phố"),
    Level.CENTRAL: ("ministries or central bodies", "bộ, cơ quan trung ương"),
}


#: Capabilities every organisation is expected to run for itself (its own document and records
#: management, connected to the others through VDXP): never a duplicate. A design inference.
PER_ORGANISATION: frozenset[str] = frozenset({DOCUMENT_MANAGEMENT})


@rule(
    code="RED002",
    name="capability-built-repeatedly",
    severity=Severity.WARNING,
    title=(
        "Same capability built separately by several agencies of one level",
        "Cùng một năng lực được nhiều cơ quan cùng cấp đầu tư riêng rẽ",
    ),
    basis=LegalBasis(
        cites=(
            Citation("qd-3090-2025-bkhcn"),
            Citation("qd-2618-2025-bkhcn"),
        ),
        inference=Text(
            "that agencies of one level building the same capability (the clustering of the "
            "capability reference model) is a duplicate investment",
            "các cơ quan cùng cấp cùng xây dựng một năng lực (phân nhóm theo mô hình tham chiếu "
            "năng lực) là đầu tư trùng lặp",
        ),
    ),
    fix=(
        "Build the capability once as a shared platform of the level above (provincial or "
        "national) and make the agencies its tenants.",
        "Xây dựng năng lực này một lần thành nền tảng dùng chung của cấp trên (tỉnh hoặc quốc "
        "gia) và để các cơ quan cùng sử dụng.",
    ),
)
def capability_built_repeatedly(ctx: Context) -> Iterator[Violation]:
    """What it checks: submission systems and platforms (deployments of catalogue templates, with
    ``instance_of`` set, and databases excluded) and investments, grouped by capability (except
    capabilities every organisation runs for itself, such as document management), by the
    level of their owner, and by scope: communes are grouped per province, provinces and central
    agencies nationally. A group whose elements belong to at least two different communes,
    provinces or ministries gives one finding on its first element (by id), listing the others
    and the total budget of its investments. Retired elements do not count. Elements from several
    submissions are grouped together, so checking two provincial submissions at once reveals a
    duplicate that neither shows alone.

    Why it matters: QĐ 3090/QĐ-BKHCN asks to avoid duplication "trên quy mô quốc gia" and to limit
    duplicate investment; the 55-platform list (QĐ 2618/QĐ-BKHCN) shares platforms from the centre
    down to the commune; the US FEAF reference models exist to expose duplicative investment.
    Where exactly one shared platform would serve is a judgement: this is a design inference, not
    a legal requirement.

    Example: the communes ``ubnd-xa-a`` and ``ubnd-xa-b`` of one province each buy a
    ``reporting`` system; the provinces A and B each plan a ``video_conferencing`` investment.

    Use instead: one provincial platform with the communes as tenants, or one national platform
    for all provinces.
    """
    graph = ctx.graph
    clusters: dict[ClusterKey, list[tuple[str, str, int]]] = defaultdict(list)
    candidates: list[tuple[str, str | None, tuple[str, ...], int]] = []
    for system in graph.own_systems:
        if isinstance(system, Database) or system.status is Status.RETIRED:
            continue
        if isinstance(system, Platform) and system.instance_of:
            continue
        candidates.append((system.id, system.owner, system.capabilities, 0))
    for investment in graph.investments:
        if investment.status is Status.RETIRED or not investment.capability:
            continue
        budget = investment.budget_vnd or 0
        candidates.append((investment.id, investment.owner, (investment.capability,), budget))
    for element_id, owner_id, capabilities, budget in sorted(candidates, key=lambda c: c[0]):
        if owner_id is None:
            continue
        for capability in sorted(set(capabilities) - PER_ORGANISATION):
            found = _key(graph, capability, owner_id)
            if found is not None:
                key, party = found
                clusters[key].append((element_id, party, budget))
    for key in sorted(clusters, key=lambda k: (k[0], k[1].value, k[2])):
        members = clusters[key]
        parties = {party for _, party, _ in members}
        if len(parties) < 2:
            continue
        capability, level, scope = key
        ids = sorted({element_id for element_id, _, _ in members})
        listed_en = listed_vi = graph.labels(ids[:MAX_LISTED])
        if len(ids) > MAX_LISTED:
            listed_en += f" and {len(ids) - MAX_LISTED} more"
            listed_vi += f" và {len(ids) - MAX_LISTED} phần tử khác"
        total = sum(budget for _, _, budget in members)
        en_level, vi_level = _LEVEL_WORDS[level]
        where_en = where_vi = ""
        if level is Level.COMMUNE:
            province = graph.unit(f"vn:province/{scope}")
            name = province.name if province else scope
            where_en, where_vi = f" of {name} ({scope})", f" thuộc {name} ({scope})"
        if total:
            money = Text(
                f"; total budget at stake: {format_vnd(total, 'en')}",
                f"; tổng kinh phí liên quan: {format_vnd(total, 'vi')}",
            )
        else:
            money = Text("; no budget declared", "; chưa khai báo kinh phí")
        yield Violation(
            subject=ids[0],
            message=Text(
                f"capability '{capability}' is built separately by {len(parties)} {en_level}"
                f"{where_en} ({listed_en}) where one shared platform would serve"
                f"{money.en}",
                f"năng lực '{capability}' được {len(parties)} {vi_level}{where_vi} đầu tư riêng "
                f"rẽ ({listed_vi}) trong khi một nền tảng dùng chung là đủ{money.vi}",
            ),
            related=tuple(ids[1:]),
            field="capability" if isinstance(graph.element(ids[0]), Investment) else "capabilities",
        )


RULE = capability_built_repeatedly
