"""STR003 — a declared unit whose name or code no longer exists (legacy or unknown)."""

from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.model import Citation
from vndgaf.reference import ResolutionStatus, resolve_unit
from vndgaf.reference.dates import TWO_TIER_GOVERNMENT
from vndgaf.rules.base import Context, LegalBasis, rule


@rule(
    code="STR003",
    name="legacy-unit",
    severity=Severity.WARNING,
    title=(
        "Administrative unit that no longer exists, or is unknown",
        "Đơn vị hành chính không còn tồn tại hoặc không xác định",
    ),
    basis=LegalBasis(
        cites=(
            Citation("nq-202-2025-qh15"),
            Citation("nq-ubtvqh15-2025-cap-xa"),
            Citation("qd-19-2025-ttg"),
        ),
    ),
    fix=(
        "Refer to the current unit from the catalogue (vn:province/CODE, vn:commune/CODE).",
        "Tham chiếu đơn vị hiện hành trong danh mục (vn:province/MÃ, vn:commune/MÃ).",
    ),
)
def legacy_unit(ctx: Context) -> Iterator[Violation]:
    """What it checks: every administrative unit the submission declares itself (rather than
    referring to the catalogue) and that is still in force, looked up by official code or name in
    the catalogue of units in force since 1/7/2025 and in the pre-merger list. A unit that was
    merged, split, renamed or whose level was abolished is reported with the current unit(s) that
    replaced it; a name found nowhere is reported as unknown, with suggestions.

    Why it matters: agency inventories still use pre-2025 names ("Bình Dương", "Huyện Yên Sơn").
    Since the 2025 arrangement (NQ 202/2025/QH15 for the provinces, the Standing Committee
    resolutions for the communes, codes by QĐ 19/2025/QĐ-TTg), only 34 provincial and 3,321
    commune-level units exist; data keyed to old units cannot be joined with national data.

    Example: ``{id: tinh-binh-duong, name: Tỉnh Bình Dương, kind: tinh}`` — merged into
    Thành phố Hồ Chí Minh.

    Use instead: ``vn:province/79`` (``vndgaf units resolve "Bình Dương"`` tells which).
    """
    graph = ctx.graph
    for unit in graph.units:
        if unit.valid_to is not None and unit.valid_to <= TWO_TIER_GOVERNMENT:
            continue
        resolution = resolve_unit(unit.code or unit.name, as_of=ctx.as_of, reference=ctx.catalogue)
        status = resolution.status
        if status is ResolutionStatus.CURRENT and (unit.code or resolution.units):
            continue
        current = ", ".join(f"{u.name} ({u.id})" for u in resolution.units[:8])
        more = "" if len(resolution.units) <= 8 else f" and {len(resolution.units) - 8} more"
        related = tuple(sorted(u.id for u in resolution.units))
        if status is ResolutionStatus.UNKNOWN:
            hint = f"; did you mean {resolution.suggestions[0]}?" if resolution.suggestions else ""
            hint_vi = f"; có phải là {resolution.suggestions[0]}?" if resolution.suggestions else ""
            message = Text(
                f"'{graph.label(unit.id)}' is not a known administrative unit{hint}",
                f"'{graph.label(unit.id)}' không phải đơn vị hành chính đã biết{hint_vi}",
            )
        elif status is ResolutionStatus.AMBIGUOUS:
            continue  # a name shared by several units: the code is needed to tell; not an error
        elif status is ResolutionStatus.CURRENT:
            continue
        else:
            message = Text(
                f"'{graph.label(unit.id)}' no longer exists ({status.value.replace('_', ' ')}); "
                f"current: {current}{more}",
                f"'{graph.label(unit.id)}' không còn tồn tại ({status.value}); đơn vị hiện hành: "
                f"{current}{more.replace(' and ', ' và ').replace(' more', ' đơn vị khác')}",
            )
        yield Violation(subject=unit.id, message=message, related=related, field="name")


RULE = legacy_unit
