"""GOV002 — an element owned or operated by an agency that is no longer active."""

from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.model import Citation, InformationSystem, Investment, PublicService, agency_references
from vndgaf.rules.base import Context, LegalBasis, rule


@rule(
    code="GOV002",
    name="owner-not-active",
    severity=Severity.ERROR,
    title=(
        "Owner or operator is not an active agency",
        "Cơ quan chủ quản hoặc vận hành không còn hoạt động",
    ),
    basis=LegalBasis(
        cites=(Citation("nd-47-2020", article="9", clause="1"),),
    ),
    fix=(
        "Transfer the element to the agency that took over the tasks.",
        "Chuyển phần tử cho cơ quan tiếp nhận nhiệm vụ.",
    ),
)
def owner_not_active(ctx: Context) -> Iterator[Violation]:
    """What it checks: an owner or operator that is an agency marked ``active: false`` and that
    no active agency lists in ``successor_of`` (merged agencies are STR004).

    Why it matters: an abolished body cannot answer for a system or its data
    (NĐ 47/2020/NĐ-CP Art. 9(1), replaced by NĐ 278/2025/NĐ-CP from 22/10/2025).

    Example: ``owner: ubnd-huyen-cu`` where ``ubnd-huyen-cu`` has ``active: false``.

    Use instead: the agency that took over, e.g. the province's People's Committee.
    """
    graph = ctx.graph
    merged = graph.merged_into
    owned: tuple[InformationSystem | PublicService | Investment, ...] = (
        *graph.own_systems,
        *graph.services,
        *graph.investments,
    )
    for element in owned:
        for field, agency_id in agency_references(element):
            if field not in ("owner", "operator"):
                continue
            agency = graph.agency(agency_id)
            if agency is not None and not agency.active and agency.id not in merged:
                yield Violation(
                    subject=element.id,
                    message=Text(
                        f"{field} '{graph.label(agency.id)}' of '{graph.label(element.id)}' is no "
                        "longer active",
                        f"cơ quan '{graph.label(agency.id)}' ({field}) của "
                        f"'{graph.label(element.id)}' không còn hoạt động",
                    ),
                    related=(agency.id,),
                    field=field,
                )


RULE = owner_not_active
