"""GOV003 — agencies or units whose parent chain loops back on itself."""

from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.rules.base import Context, LegalBasis, rule


@rule(
    code="GOV003",
    name="hierarchy-cycle",
    severity=Severity.ERROR,
    title=(
        "Agency or unit hierarchy contains a cycle",
        "Cây tổ chức cơ quan hoặc đơn vị hành chính có vòng lặp",
    ),
    basis=LegalBasis(
        inference=Text(
            "a check of the model's own integrity (a hierarchy cannot contain a cycle)",
            "kiểm tra tính toàn vẹn của mô hình (cây tổ chức không thể có vòng lặp)",
        ),
    ),
    fix=(
        "Break the cycle: one of the parents is wrong.",
        "Phá vòng lặp: một trong các quan hệ cấp trên bị sai.",
    ),
)
def hierarchy_cycle(ctx: Context) -> Iterator[Violation]:
    """What it checks: following ``parent`` from agency to agency (or unit to unit) never comes
    back to where it started. One finding per cycle, on its smallest id.

    Why it matters: a hierarchy with a cycle has no top; tiers and provinces cannot be derived
    for its members. This is a consistency check of the model, not a legal requirement.

    Example: ``a.parent: b`` and ``b.parent: a``.

    Use instead: a tree, with the People's Committee or ministry at the top.
    """
    graph = ctx.graph
    parents: dict[str, str] = {a.id: a.parent for a in graph.agencies if a.parent}
    parents.update({u.id: u.parent for u in graph.units if u.parent})
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    for start in sorted(parents):
        path: list[str] = []
        node: str | None = start
        while node is not None and state.get(node, 0) == 0:
            state[node] = 1
            path.append(node)
            node = parents.get(node)
        if node is not None and state.get(node) == 1:
            cycle = path[path.index(node) :]
            first = min(cycle)
            yield Violation(
                subject=first,
                message=Text(
                    "parent chain loops: " + " → ".join([*cycle, node]),
                    "chuỗi cấp trên bị lặp: " + " → ".join([*cycle, node]),
                ),
                related=tuple(sorted(c for c in cycle if c != first)),
                field="parent",
            )
        for visited in path:
            state[visited] = 2


RULE = hierarchy_cycle
