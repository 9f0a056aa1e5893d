"""Flows, data use, procedure systems and hosting that an ArchiMate model says through a
component's internals (services, interfaces, functions, junctions), derived with ArchiMate's
derivation rules; each derived item names the relationships it comes from.
"""

from __future__ import annotations

import typing
from typing import Any

from vndgaf.exchange._archimate_concepts import SYSTEMS, TECHNOLOGY, Concept
from vndgaf.exchange._archimate_derive import (
    DYNAMIC,
    Rel,
    reach,
    through_junctions,
)
from vndgaf.exchange._archimate_vocab import PROP
from vndgaf.exchange.archimate_items import MappedItem
from vndgaf.model import (
    Confidence,
    Provenance,
)

if typing.TYPE_CHECKING:
    from vndgaf.exchange.archimate_import import Importer

__all__ = ["derive"]


def derive(imp: Importer, rels: list[Concept]) -> None:
    """Flows, data use, procedure systems and hosting through a component's internals."""
    types = {xid: c.xsi_type for xid, c in imp.concepts.items()}
    plain = [
        Rel(c.xsi_type, c.source, c.target, (c.xid,), c.node.get("accessType"))
        for c in rels
        if not any(k == PROP.ROLE for k, _ in c.props)
    ]
    joined = through_junctions(plain, types)
    components = [x for x, p in imp.pending.items() if p.kind in SYSTEMS]
    reached = reach(components, joined, types)
    owners: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for comp, items in reached.items():
        for item in items:
            owners.setdefault(item.element, []).append((comp, item.ids))
    pairs: dict[tuple[str, str], list[str]] = {}
    names: dict[tuple[str, str], str] = {}
    for r in joined:
        if r.rel_type in ("Serving", *DYNAMIC):
            for src, chain_a in owners.get(r.source, ()):
                for dst, chain_b in owners.get(r.target, ()):
                    if src == dst or (not chain_a and not chain_b and len(r.ids) == 1):
                        continue
                    key = (src, dst)
                    evidence = pairs.setdefault(key, [])
                    for i in (*chain_a, *r.ids, *chain_b):
                        if i not in evidence:
                            evidence.append(i)
                    middle = r.source if chain_a else r.target
                    names.setdefault(key, imp.concepts[middle].name if chain_a or chain_b else "")
        elif r.rel_type == "Access":
            entity = imp.endpoint(r.target)
            if entity is None or entity[0] != "entity":
                continue
            for comp, chain in owners.get(r.source, ()):
                if chain or len(r.ids) > 1:
                    c = imp.concepts[r.ids[-1]]
                    imp.access(c, comp, entity[1], r.access_type or "Write", chain)
        elif r.rel_type in ("Serving", "Realization"):
            service = imp.endpoint(r.target)
            if service is not None and service[0] == "service":
                for comp, chain in owners.get(r.source, ()):
                    if chain:
                        holder = imp.pending[r.target]
                        imp.place(
                            imp.concepts[r.ids[-1]],
                            holder,
                            "handled_by",
                            imp.pending[comp].vid,
                            f"{imp.pending[comp].vid} -> {service[1]}",
                            (*chain, *r.ids),
                        )
                        for rid in chain:
                            imp.use(rid, imp.pending[comp].vid)
        if r.rel_type in ("Serving", "Realization") and types.get(r.source) in TECHNOLOGY:
            for comp, chain in owners.get(r.target, ()):
                host(imp, comp, r.source, (*chain, *r.ids))
    existing = {(f.get("source"), f.get("target")) for f in imp.flows.values()}
    for hops in imp.flow_hops.values():  # flows vndgaf wrote: a derived one would repeat them
        ordered = sorted(hops, key=lambda h: h[0])
        ends = imp.endpoint(ordered[0][1]), imp.endpoint(ordered[-1][2])
        if ends[0] is not None and ends[1] is not None:
            existing.add((ends[0][1], ends[1][1]))
    imp.used_ids.update(imp.flow_hops)  # their ids are theirs (see build_flows)
    for (src, dst), evidence in pairs.items():
        a, b = imp.pending[src], imp.pending[dst]
        if (a.vid, b.vid) in existing:
            for rid in evidence:
                imp.use(rid, f"{a.vid} -> {b.vid}")
            continue
        fid = imp.new_id(None, f"{a.vid}-to-{b.vid}")
        chain_text = describe(imp, evidence)
        values: dict[str, Any] = {
            "id": fid,
            "source": a.vid,
            "target": b.vid,
            "provenance": Provenance(
                source=f"derived on ArchiMate import from {', '.join(evidence)}",
                confidence=Confidence.INFERENCE,
                note=f"ArchiMate 3.1 derivation (Appendix B.2): {chain_text}",
            ),
        }
        if names.get((src, dst)):
            values["name"] = names[(src, dst)]
        imp.flows[fid] = values
        imp.mapped.append(
            MappedItem(evidence[0], "derived", values.get("name", ""), "flow", fid, tuple(evidence))
        )
        for rid in evidence:
            imp.use(rid, fid)


def host(imp: Importer, comp: str, tech: str, ids: tuple[str, ...]) -> None:
    """Technology element ``tech`` serves or realises ``comp``: it is where it runs."""
    names = imp.hosting.setdefault(comp, {})
    c = imp.concepts[tech]
    names[f"{c.name} ({c.xsi_type})"] = None
    last = ids[-1]
    if last not in imp.done:
        imp.done.add(last)
        rc = imp.concepts[last]
        imp.mapped.append(
            MappedItem(
                last,
                rc.xsi_type,
                rc.name,
                "hosting",
                imp.pending[comp].vid,
                ids if len(ids) > 1 else (),
            )
        )
    for rid in ids[:-1]:
        imp.use(rid, imp.pending[comp].vid)


def describe(imp: Importer, ids: list[str]) -> str:
    """``A -Realization-> B -Serving-> C`` for a chain of relationship ids."""
    parts: list[str] = []
    for rid in ids:
        c = imp.concepts[rid]
        src, tgt = imp.concepts.get(c.source), imp.concepts.get(c.target)
        parts.append(
            f"{src.name if src else c.source} -{c.xsi_type}-> {tgt.name if tgt else c.target}"
        )
    return "; ".join(parts)
