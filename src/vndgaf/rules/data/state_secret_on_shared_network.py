"""DAT006 — state-secret data sent over NDXP, NDOP, the internet or to the aggregate database."""

from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.model import Citation, Network
from vndgaf.reference.wellknown import AGGREGATE_DB, NDOP, NDXP
from vndgaf.rules.base import Context, LegalBasis, rule


@rule(
    code="DAT006",
    name="state-secret-on-shared-network",
    severity=Severity.ERROR,
    title=(
        "State-secret data carried over a shared platform or the internet",
        "Dữ liệu bí mật nhà nước được truyền qua nền tảng dùng chung hoặc Internet",
    ),
    basis=LegalBasis(
        cites=(Citation("nd-278-2025"),),
    ),
    fix=(
        "Carry state-secret data only over the cipher-protected specialised network, outside "
        "NDXP/NDOP, or remove the secret data from the flow.",
        "Chỉ truyền dữ liệu bí mật nhà nước trên mạng chuyên dùng có bảo vệ bằng mật mã, không "
        "qua NDXP/NDOP, hoặc loại dữ liệu mật khỏi luồng.",
    ),
)
def state_secret_on_shared_network(ctx: Context) -> Iterator[Violation]:
    """What it checks: an active submission flow whose source is a database marked
    ``state_secret: true`` and whose route (``via`` hops or target) includes NDXP or NDOP, whose
    ``network`` is ``internet``, or whose target is the national aggregate database.

    Why it matters: NĐ 278/2025/NĐ-CP makes sharing through NDOP and the national aggregate
    database mandatory but excludes state-secret data, which stays under the law on state
    secrets and the cipher law. A state-secret database feeding the shared
    hubs, the aggregate database or the public internet breaks that line.

    Example: ``{source: csdl-mat, target: tthc-tinh, via: [lgsp-tinh, vn:platform/ndxp]}`` where
    ``csdl-mat`` has ``state_secret: true``.

    Use instead: a flow on the specialised network protected by cipher, not through NDXP/NDOP.
    """
    graph = ctx.graph
    secret = {
        d.id: d
        for d in (*graph.databases, *map(graph.database, graph.catalogue_ids))
        if d is not None and d.state_secret
    }
    for flow in graph.active_flows:
        source = secret.get(flow.source)
        if source is None:
            continue
        hubs = sorted({h for h in (*flow.via, flow.target) if h in (NDXP, NDOP)})
        reasons_en: list[str] = []
        reasons_vi: list[str] = []
        if hubs:
            reasons_en.append(f"passes through {graph.labels(hubs)}")
            reasons_vi.append(f"đi qua {graph.labels(hubs)}")
        if flow.network is Network.INTERNET:
            reasons_en.append("travels over the internet")
            reasons_vi.append("truyền qua Internet")
        if flow.target == AGGREGATE_DB:
            reasons_en.append("feeds the national aggregate database")
            reasons_vi.append("đưa vào Cơ sở dữ liệu tổng hợp quốc gia")
        if any(h in flow.via for h in hubs):
            field = "via"
        elif flow.network is Network.INTERNET:
            field = "network"
        else:
            field = "target"
        if not reasons_en:
            continue
        yield Violation(
            subject=flow.id,
            message=Text(
                f"flow '{graph.label(flow.id)}' carries data of the state-secret database "
                f"'{graph.label(source.id)}' and {' and '.join(reasons_en)}",
                f"luồng '{graph.label(flow.id)}' mang dữ liệu của cơ sở dữ liệu bí mật nhà nước "
                f"'{graph.label(source.id)}' và {', '.join(reasons_vi)}",
            ),
            related=(source.id,),
            field=field,
        )


RULE = state_secret_on_shared_network
