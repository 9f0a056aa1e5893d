"""IOP002 — a province or ministry without an integration platform linked to NDXP."""

from collections import defaultdict
from collections.abc import Iterator, Sequence

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.graph import ArchGraph
from vndgaf.model import AgencyType, Citation, Level, Submission
from vndgaf.reference.wellknown import NDXP
from vndgaf.rules.base import Context, LegalBasis, rule
from vndgaf.rules.interop._common import label, lgsps_by_organisation

LOCAL_LEVELS = (Level.PROVINCIAL, Level.DISTRICT, Level.COMMUNE)
MINISTRY_TYPES = (AgencyType.MINISTRY, AgencyType.MINISTERIAL_AGENCY)


def _organisations(graph: ArchGraph, submissions: Sequence[Submission]) -> set[str]:
    """Every submitter's organisation, the provinces of the local agencies, and the ministries
    the central agencies belong to."""
    found: set[str] = set()
    for submission in submissions:
        organisation = graph.organisation_of(submission.submitter)
        if organisation is not None:
            found.add(organisation)
    for agency in graph.agencies:
        organisation = graph.organisation_of(agency.id)
        if organisation is None:
            continue
        if agency.level in LOCAL_LEVELS:
            if organisation.startswith("vn:province/"):
                found.add(organisation)
        else:
            top = graph.agency(organisation)
            if top is not None and top.type in MINISTRY_TYPES:
                found.add(organisation)
    return found


def _representative(
    graph: ArchGraph, submissions: Sequence[Submission], organisation: str, members: list[str]
) -> str | None:
    """The submission element that speaks for an organisation: its provincial People's
    Committee, the ministry itself, its submitter (its submission block when the submitter is a
    catalogue agency), a top agency, or its first member."""
    for member in members:
        agency = graph.agency(member)
        if agency is not None and agency.type is AgencyType.PROVINCIAL_PEOPLES_COMMITTEE:
            return member
    if organisation in members:
        return organisation
    for submission in submissions:
        if graph.organisation_of(submission.submitter) == organisation:
            if submission.submitter in members:
                return submission.submitter
            return submission.key
    for member in members:
        if graph.agency(member) is not None and graph.top_agency(member) == member:
            return member
    return members[0] if members else None


@rule(
    code="IOP002",
    name="missing-integration-platform",
    severity=Severity.ERROR,
    title=(
        "Province or ministry without an integration platform linked to NDXP",
        "Bộ, tỉnh chưa có nền tảng tích hợp, chia sẻ dữ liệu kết nối với NDXP",
    ),
    basis=LegalBasis(
        cites=(
            Citation("nd-47-2024"),
            Citation("nd-194-2025", article="20"),
        ),
    ),
    fix=(
        "Declare the ministry/provincial integration platform (instance_of: vn:platform/lgsp) "
        "and a flow linking it to vn:platform/ndxp.",
        "Khai báo nền tảng tích hợp, chia sẻ dữ liệu cấp bộ/cấp tỉnh (instance_of: "
        "vn:platform/lgsp) và luồng kết nối nền tảng đó với vn:platform/ndxp.",
    ),
)
def missing_integration_platform(ctx: Context) -> Iterator[Violation]:
    """What it checks: every organisation represented in the submission — the submitter's
    ministry or province, the province of every provincial or commune agency, and the ministry
    (or ministerial-level agency) of every central agency — has a
    ministry/provincial integration platform (a platform with ``instance_of: vn:platform/lgsp``
    owned by one of its agencies) that a flow hop links directly to NDXP. Without one, the
    organisation's top agency is flagged; an LGSP that is not linked is flagged itself; a second
    LGSP of the same organisation is a warning.

    Why it matters: NĐ 194/2025/NĐ-CP Art. 20 makes the ministry/provincial connection and
    sharing infrastructure the third component of the national intermediary system, serving
    internal connection and connected to NDXP; by 2020 every ministry and province had one.
    That there is exactly one per ministry or province is a design inference, not a legal
    requirement (only community code says so), hence a warning for the second one.

    Example: a provincial submission whose agencies own no platform with
    ``instance_of: vn:platform/lgsp``, or whose LGSP has no flow to ``vn:platform/ndxp``.

    Use instead: ``{id: lgsp-tinh, instance_of: vn:platform/lgsp, owner: ubnd-tinh}`` and a
    flow ``{source: lgsp-tinh, target: vn:platform/ndxp}``.
    """
    graph = ctx.graph
    lgsps = lgsps_by_organisation(graph)
    members: dict[str, list[str]] = defaultdict(list)
    for agency in graph.agencies:
        organisation = graph.organisation_of(agency.id)
        if organisation is not None:
            members[organisation].append(agency.id)
    for system in graph.own_systems:
        organisation = graph.organisation_of(system.id)
        if organisation is not None:
            members[organisation].append(system.id)
    for organisation in sorted(_organisations(graph, ctx.submissions)):
        name = label(graph, organisation)
        platforms = lgsps.get(organisation, ())
        if not platforms:
            subject = _representative(graph, ctx.submissions, organisation, members[organisation])
            if subject is None:
                continue
            yield Violation(
                subject=subject,
                message=Text(
                    f"'{name}' has no ministry/provincial integration platform (LGSP) "
                    "connected to NDXP",
                    f"'{name}' chưa có nền tảng tích hợp, chia sẻ dữ liệu cấp bộ/cấp tỉnh (LGSP) "
                    "kết nối với NDXP",
                ),
            )
            continue
        linked = [p for p in platforms if graph.exchange.has_edge(p, NDXP)]
        primary = linked[0] if linked else platforms[0]
        if not linked:
            yield Violation(
                subject=primary,
                message=Text(
                    f"integration platform '{label(graph, primary)}' of '{name}' is not linked "
                    "to NDXP by any flow",
                    f"nền tảng tích hợp '{label(graph, primary)}' của '{name}' chưa được kết nối "
                    "với NDXP bằng luồng dữ liệu nào",
                ),
                field="instance_of",
            )
        for extra in platforms:
            if extra == primary:
                continue
            yield Violation(
                subject=extra,
                message=Text(
                    f"'{name}' has a second integration platform '{label(graph, extra)}' "
                    f"besides '{label(graph, primary)}'; one per ministry or province is expected",
                    f"'{name}' có thêm nền tảng tích hợp '{label(graph, extra)}' ngoài "
                    f"'{label(graph, primary)}'; mỗi bộ, tỉnh chỉ nên có một nền tảng",
                ),
                related=(primary,),
                field="instance_of",
                severity=Severity.WARNING,
            )


RULE = missing_integration_platform
