"""The flows of a file vndgaf wrote, joined back from their hops: a flow through platforms is
written as one relationship per hop, tagged with the flow id and the hop's place in the chain.
"""

from __future__ import annotations

import typing

from vndgaf.exchange._archimate_vocab import PROP, prop
from vndgaf.exchange._fields import decode_value, value_fields
from vndgaf.exchange.archimate_items import MappedItem
from vndgaf.model import DataFlow

if typing.TYPE_CHECKING:
    from vndgaf.exchange.archimate_import import Importer

__all__ = ["build_flows"]


def build_flows(imp: Importer) -> None:
    """Each flow of a vndgaf file from its hops (relationships tagged with the flow id, in hop
    order): ends, platforms passed, name and fields; an incomplete chain is kept aside."""
    fields = {prop(f.name): f for f in value_fields(DataFlow)}
    for flow_id, hops in imp.flow_hops.items():
        hops.sort(key=lambda h: h[0])
        # Walk the hops in order; where a hop does not start where the previous one ended
        # (a hop was deleted in another tool), keep both ends so no platform is lost.
        path = [hops[0][1]]
        for _, src, tgt, _, _ in hops:
            if src != path[-1]:
                path.append(src)
            path.append(tgt)
        points = [imp.endpoint(x) for x in path]
        first_node = hops[0][4]
        first = imp.r.concept(first_node)
        ends = [p for p in points if p is not None]
        if len(ends) != len(points):
            imp.keep(
                first,
                f"flow {flow_id}: an end of the chain was not imported",
                "unmapped-end",
                "Flow",
            )
            del imp.flows[flow_id]
            continue
        chain_ok = all(hops[i][2] == hops[i + 1][1] for i in range(len(hops) - 1))
        if not chain_ok or [h[0] for h in hops] != list(range(len(hops))):
            imp.keep(
                first,
                f"flow {flow_id}: hops do not form one chain; rebuilt from hop order",
                "conflict",
                "Flow",
            )
        values = imp.flows[flow_id]
        imp.used_ids.discard(flow_id)  # reserved for this flow by derive()
        values.update(
            id=imp.new_id(flow_id, flow_id),
            source=ends[0][1],
            target=ends[-1][1],
            via=tuple(e[1] for e in ends[1:-1]),
        )
        if hops[0][3]:
            values["name"] = hops[0][3]
        for key, text in first.props:
            if key in (PROP.ROLE, PROP.FLOW, PROP.HOP):
                continue
            if key in fields:
                try:
                    values[fields[key].name] = decode_value(text, fields[key])
                    continue
                except ValueError as exc:
                    reason = f"property {key} not used: {exc}"
            else:
                reason = f"property {key!r} has no field on flow"
            imp.keep(first, reason, "details", "Flow")
        imp.mapped.append(MappedItem(first.xid, "Flow", hops[0][3], "flow", values["id"]))
        for _, _, _, name, node in hops[1:]:
            imp.mapped.append(
                MappedItem(node.get("identifier", ""), "Flow", name, "hop", values["id"])
            )
    for flow_id, entity, node, rel_type, name in imp.entity_links:
        if flow_id in imp.flows:
            values = imp.flows[flow_id]
            values["entities"] = (*values.get("entities", ()), entity)
            imp.mapped.append(
                MappedItem(
                    node.get("identifier", ""),
                    rel_type,
                    name,
                    "entities",
                    f"{flow_id} -> {entity}",
                )
            )
        else:
            imp.keep(imp.r.concept(node), f"flow {flow_id} was not imported", "unmapped-end")
