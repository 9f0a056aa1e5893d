"""STR007 — a unit declared as a special zone (đặc khu) that is not one of the 13."""

from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.model import Citation, UnitKind
from vndgaf.rules.base import Context, LegalBasis, rule


@rule(
    code="STR007",
    name="unofficial-special-zone",
    severity=Severity.WARNING,
    title=(
        "Unit declared as a special zone that is not one of the 13",
        "Đơn vị khai báo là đặc khu nhưng không thuộc 13 đặc khu",
    ),
    basis=LegalBasis(
        cites=(Citation("nq-ubtvqh15-2025-cap-xa"),),
    ),
    fix=(
        "Use kind xa or phuong, or refer to the catalogue unit.",
        "Dùng loại xa hoặc phuong, hoặc tham chiếu đơn vị trong danh mục.",
    ),
)
def unofficial_special_zone(ctx: Context) -> Iterator[Violation]:
    """What it checks: a unit of kind ``dac_khu`` whose code is not one of the 13 special zones
    of the official list (Kiên Hải, Phú Quốc, Thổ Châu, Cát Hải, Bạch Long Vĩ, Vân Đồn, Cô Tô,
    Côn Đảo, Hoàng Sa, Trường Sa, Phú Quý, Lý Sơn, Cồn Cỏ).

    Why it matters: since 1/7/2025 there are exactly 13 special zones among the 3,321
    commune-level units; any other "đặc khu" is a data error.

    Example: ``{id: dk-x, name: Đặc khu X, kind: dac_khu, code: "99999"}``.

    Use instead: the official unit, e.g. ``vn:commune/<code of Phú Quốc>``.
    """
    graph = ctx.graph
    official = {u.code for u in ctx.catalogue.communes if u.kind is UnitKind.DAC_KHU}
    for unit in graph.units:
        if unit.kind is UnitKind.DAC_KHU and unit.code not in official:
            yield Violation(
                subject=unit.id,
                message=Text(
                    f"'{graph.label(unit.id)}' is not one of the 13 official special zones",
                    f"'{graph.label(unit.id)}' không thuộc 13 đặc khu chính thức",
                ),
                field="kind",
            )


RULE = unofficial_special_zone
