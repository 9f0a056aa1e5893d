"""STR004 — a reference to an agency merged away in the 2025 restructuring."""

from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.graph import NodeKind
from vndgaf.model import Agency, Citation, InformationSystem, Investment, PublicService
from vndgaf.rules.base import Context, LegalBasis, rule

_AGENCY_FIELDS = ("owner", "operator", "parent")


@rule(
    code="STR004",
    name="merged-agency-referenced",
    severity=Severity.WARNING,
    title=(
        "Reference to an agency merged in the 2025 restructuring",
        "Tham chiếu tới cơ quan đã hợp nhất trong sắp xếp năm 2025",
    ),
    basis=LegalBasis(
        cites=(Citation("nq-176-2025-qh15"),),
    ),
    fix=("Refer to the successor agency.", "Tham chiếu tới cơ quan kế thừa."),
)
def merged_agency_referenced(ctx: Context) -> Iterator[Violation]:
    """What it checks: an owner, operator, parent agency, tenant or submitter that is an
    inactive agency listed in some agency's ``successor_of`` — for example the former Ministry of
    Planning and Investment, now part of the Ministry of Finance.

    Why it matters: in 2025 MPI merged into MOF, MIC into MOST, MONRE and MARD into the Ministry
    of Agriculture and Environment, MOT into MOC and MOLISA into MOHA: NQ 176/2025/QH15 set the
    Government at 14 ministries and 3 ministerial-level agencies. Systems
    still owned by a merged ministry have no accountable owner in the new structure.

    Example: ``owner: vn:agency/bo-ke-hoach-va-dau-tu``.

    Use instead: ``owner: vn:agency/bo-tai-chinh``.
    """
    graph = ctx.graph
    successor: dict[str, Agency] = {}
    for element_id in sorted(i for i, kind in graph.kinds.items() if kind is NodeKind.AGENCY):
        agency = graph.agency(element_id)
        if agency is not None and agency.active:
            for old in agency.successor_of:
                successor.setdefault(old, agency)

    def merged(ref: str | None) -> tuple[Agency, Agency] | None:
        if ref is None or ref not in successor:  # a few dozen merged agencies: look here first
            return None
        old = graph.agency(ref)
        if old is None or old.active:
            return None
        return old, successor[ref]

    def violation(subject: str, field: str, pair: tuple[Agency, Agency]) -> Violation:
        old, new = pair
        return Violation(
            subject=subject,
            message=Text(
                f"'{old.name}' was merged into '{new.name}'; refer to '{new.id}'",
                f"'{old.name}' đã hợp nhất vào '{new.name}'; hãy tham chiếu '{new.id}'",
            ),
            related=(old.id, new.id),
            field=field,
        )

    for submission in ctx.submissions:
        pair = merged(submission.submitter)
        if pair:
            yield violation(submission.key, "submitter", pair)
    arch = graph.architecture
    elements: list[Agency | InformationSystem | PublicService | Investment] = [
        *arch.agencies,
        *graph.own_systems,
        *arch.services,
        *arch.investments,
    ]
    for element in elements:
        for field in _AGENCY_FIELDS:
            pair = merged(getattr(element, field, None))
            if pair:
                yield violation(element.id, field, pair)
        for index, tenant in enumerate(getattr(element, "tenants", ())):
            pair = merged(tenant)
            if pair:
                yield violation(element.id, f"tenants/{index}", pair)


RULE = merged_agency_referenced
