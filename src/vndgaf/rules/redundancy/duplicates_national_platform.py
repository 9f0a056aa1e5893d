"""RED001 — an agency system or platform rebuilds a capability of a national shared platform."""

from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.model import Citation, Database, Platform, Status
from vndgaf.rules.base import Context, LegalBasis, rule


@rule(
    code="RED001",
    name="duplicates-national-platform",
    severity=Severity.WARNING,
    title=(
        "Agency system duplicates a national shared platform",
        "Hệ thống của cơ quan trùng lặp với nền tảng dùng chung quốc gia",
    ),
    basis=LegalBasis(
        cites=(
            Citation("qd-2618-2025-bkhcn"),
            Citation("qd-3090-2025-bkhcn"),
            Citation("luat-148-2025-qh15", article="7"),
            Citation("quy-dinh-05-2025-bcdtw"),
            Citation("qd-714-2015-ttg"),
        ),
    ),
    fix=(
        "Use the national platform (as a tenant, through NDXP/NDOP), or record in "
        "'justification' why it cannot serve.",
        "Sử dụng nền tảng quốc gia (qua NDXP/NDOP), hoặc ghi rõ lý do không dùng được vào "
        "'justification'.",
    ),
)
def duplicates_national_platform(ctx: Context) -> Iterator[Violation]:
    """What it checks: a submission system or platform (databases are not checked) that is not a
    deployment of a catalogue platform (``instance_of`` unset), is not retired, and has a
    capability that a national platform of the catalogue provides (templates such as the LGSP
    and the procedure system do not count), with no ``justification``. Plain systems have no
    justification field, so they are always treated as unjustified. A national platform owned by
    the same agency is not counted: that agency is describing its own platform.

    Why it matters: the list of 55 national and shared digital platforms (QĐ 2618/QĐ-BKHCN,
    11/9/2025) exists so that ministries and localities share platforms from the centre down to
    the commune and avoid "đầu tư trùng lặp, chồng chéo, lãng phí"; QĐ 714/QĐ-TTg and
    QĐ 3090/QĐ-BKHCN ask to avoid duplication at national scale; Law 148/2025/QH15 Art. 7 (in
    force from 1/7/2026) requires systems to be designed to use shared platforms; Quy định
    05-QĐ/BCĐTW ends fragmented investment. The texts say *avoid*, not *forbid*: a duplicate is
    a warning to justify or remove, not an error.

    Example: a provincial single sign-on ``{id: sso-tinh, capabilities:
    [identity_authentication]}`` duplicates VNeID (``vn:platform/vneid``).

    Use instead: authenticate with VNeID, take payments through the National Public Service
    Portal, and so on; if a local platform really is needed, say why in ``justification``.
    """
    graph = ctx.graph
    national = graph.national_capabilities
    for system in graph.own_systems:
        if isinstance(system, Database) or system.status is Status.RETIRED:
            continue
        if isinstance(system, Platform) and (system.instance_of or system.justification):
            continue
        duplicated: dict[str, set[str]] = {}
        for capability in system.capabilities:
            providers = {
                p.id
                for p in national.get(capability, ())
                if p.owner is None or p.owner != system.owner
            }
            if providers:
                duplicated[capability] = providers
        if not duplicated:
            continue
        capabilities = ", ".join(sorted(duplicated))
        platforms = sorted(set().union(*duplicated.values()))
        names = graph.labels(platforms)
        yield Violation(
            subject=system.id,
            message=Text(
                f"'{graph.label(system.id)}' builds {capabilities} again although the national "
                f"shared platform {names} provides it, and gives no justification",
                f"'{graph.label(system.id)}' xây dựng lại {capabilities} trong khi nền tảng dùng "
                f"chung quốc gia {names} đã cung cấp, và không nêu lý do",
            ),
            related=tuple(platforms),
            field="capabilities",
        )


RULE = duplicates_national_platform
