"""STR004 — a reference to an agency merged away in the 2025 restructuring."""

from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.model import (
    Agency,
    Citation,
    InformationSystem,
    Investment,
    PublicService,
    agency_references,
)
from vndgaf.rules.base import Context, LegalBasis, rule


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
    successor = graph.merged_into

    def merged(ref: str) -> tuple[Agency, Agency] | None:
        if ref not in successor:  # a few dozen merged agencies: look here first
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
                f"'{graph.label(old.id)}' was merged into '{graph.label(new.id)}'; refer to "
                f"'{new.id}'",
                f"'{graph.label(old.id)}' đã hợp nhất vào '{graph.label(new.id)}'; hãy tham "
                f"chiếu '{new.id}'",
            ),
            related=(old.id, new.id),
            field=field,
        )

    for submission in ctx.submissions:
        pair = merged(submission.submitter)
        if pair:
            yield violation(submission.key, "submitter", pair)
    elements: tuple[Agency | InformationSystem | PublicService | Investment, ...] = (
        *graph.agencies,
        *graph.own_systems,
        *graph.services,
        *graph.investments,
    )
    for element in elements:
        for field, agency_id in agency_references(element):
            pair = merged(agency_id)
            if pair:
                yield violation(element.id, field, pair)


RULE = merged_agency_referenced
