"""DAT009 — official documents sent over VDXP without the special-use signature."""

from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.model import Citation, FlowMode
from vndgaf.reference.wellknown import VDXP
from vndgaf.rules.base import Context, LegalBasis, rule


@rule(
    code="DAT009",
    name="unsigned-document-exchange",
    severity=Severity.WARNING,
    title=(
        "Document exchange over VDXP without the special-use official signature",
        "Liên thông văn bản qua Trục quốc gia không dùng chữ ký số chuyên dùng công vụ",
    ),
    basis=LegalBasis(
        cites=(
            Citation("qd-28-2018-ttg"),
            Citation("nd-68-2024"),
            Citation("chuong-trinh-cds-2026"),
        ),
        inference=Text(
            "that documents exchanged over VDXP carry the special-use public-service signature "
            "is a target of the 2026 programme, not a duty stated by a legal text",
            "văn bản liên thông qua Trục quốc gia ký bằng chữ ký số chuyên dùng công vụ là mục "
            "tiêu của chương trình năm 2026, không phải nghĩa vụ do văn bản quy phạm quy định",
        ),
    ),
    fix=(
        "Sign the documents with the special-use public-service signature and set "
        "'official_signature: true'.",
        "Ký văn bản bằng chữ ký số chuyên dùng công vụ và khai báo 'official_signature: true'.",
    ),
)
def unsigned_document_exchange(ctx: Context) -> Iterator[Violation]:
    """What it checks: an active submission flow with ``mode: document_exchange`` whose route
    (``via`` hops or target) includes the national document exchange axis ``vn:platform/vdxp``
    and whose ``official_signature`` is not ``true`` (unset counts as unsigned).

    Why it matters: QĐ 28/2018/QĐ-TTg governs electronic documents sent between state agencies
    over the national axis, and the 2026 digital transformation programme targets all work files
    at ministry, province and commune level processed with the special-use public-service digital
    signature (chữ ký số chuyên dùng công vụ), which NĐ 68/2024/NĐ-CP regulates. The duty to sign
    every document exchanged on the axis is a programme target, not a text of law: the rule is a
    design inference and its findings are warnings.

    Example: ``{source: qlvb-tinh, target: vn:platform/vdxp, mode: document_exchange}``.

    Use instead: the same flow with ``official_signature: true``.
    """
    graph = ctx.graph
    for flow in graph.active_flows:
        if flow.mode is not FlowMode.DOCUMENT_EXCHANGE:
            continue
        if VDXP not in (*flow.via, flow.target) or flow.official_signature is True:
            continue
        state_en = "false" if flow.official_signature is False else "not declared"
        state_vi = "false" if flow.official_signature is False else "chưa khai báo"
        yield Violation(
            subject=flow.id,
            message=Text(
                f"flow '{graph.label(flow.id)}' exchanges documents over '{graph.label(VDXP)}' "
                f"without the special-use official signature (official_signature: {state_en})",
                f"luồng '{graph.label(flow.id)}' liên thông văn bản qua '{graph.label(VDXP)}' mà "
                f"không dùng chữ ký số chuyên dùng công vụ (official_signature: {state_vi})",
            ),
            related=(VDXP,),
            field="official_signature" if flow.official_signature is False else "mode",
        )


RULE = unsigned_document_exchange
