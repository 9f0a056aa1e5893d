"""GOV004 — a data flow from a system to itself."""

from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.rules.base import Context, LegalBasis, rule


@rule(
    code="GOV004",
    name="self-flow",
    severity=Severity.WARNING,
    title=("Data flow from a system to itself", "Luồng dữ liệu từ một hệ thống tới chính nó"),
    basis=LegalBasis(
        inference=Text(
            "a check of the model's own integrity (a flow from a system to itself hides its "
            "real target)",
            "kiểm tra tính toàn vẹn của mô hình (luồng từ một hệ thống tới chính nó che khuất "
            "đích thực)",
        ),
    ),
    fix=(
        "Point the flow at the system that receives the data.",
        "Trỏ luồng tới hệ thống nhận dữ liệu.",
    ),
)
def self_flow(ctx: Context) -> Iterator[Violation]:
    """What it checks: a flow whose ``source`` and ``target`` are the same element, or whose
    ``via`` lists one of its own ends.

    Why it matters: such a flow exchanges nothing between agencies; it is usually a copy-paste
    slip that hides the real target. A model-consistency check, not a legal requirement.

    Example: ``{id: f1, source: lgsp-x, target: lgsp-x}``.

    Use instead: the real target system.
    """
    graph = ctx.graph
    for flow in graph.flows:
        if flow.source == flow.target:
            yield Violation(
                subject=flow.id,
                message=Text(
                    f"flow '{graph.label(flow.id)}' goes from '{graph.label(flow.source)}' to "
                    "itself",
                    f"luồng '{graph.label(flow.id)}' đi từ '{graph.label(flow.source)}' tới chính "
                    "nó",
                ),
                field="target",
            )
        elif flow.source in flow.via or flow.target in flow.via:
            yield Violation(
                subject=flow.id,
                message=Text(
                    f"flow '{graph.label(flow.id)}' lists one of its own ends in via",
                    f"luồng '{graph.label(flow.id)}' liệt kê chính điểm đầu/cuối của nó trong via",
                ),
                field="via",
            )


RULE = self_flow
