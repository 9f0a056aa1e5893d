"""Mermaid flowchart of an architecture, for Markdown viewers (GitHub, GitLab, docs sites).

Tiers and agencies are nested subgraphs; data flows are arrows through their ``via`` platforms.
Node ids are derived from element ids deterministically; every label is quoted and escaped with
Mermaid entity codes, so no name can break the syntax or inject markup.
"""

from __future__ import annotations

import re

from vndgaf.exchange._fields import NodeElement, iter_nodes, kind_of
from vndgaf.exchange._grouping import group_by_tier, label
from vndgaf.exchange._text import safe_text, stable_token
from vndgaf.model import Architecture

__all__ = ["escape_label", "to_mermaid"]

#: Node shapes per kind: (opening, closing) around the quoted label.
_SHAPES: dict[str, tuple[str, str]] = {
    "agency": ("([", "])"),
    "system": ("[", "]"),
    "platform": ("{{", "}}"),
    "database": ("[(", ")]"),
    "entity": ("[/", "/]"),
    "service": ("([", "])"),
    "investment": ("[\\", "\\]"),
    "unit": ("[", "]"),
    "reference": ("[", "]"),
}

_NAMED = {'"': "#quot;", "<": "#lt;", ">": "#gt;", "&": "#amp;"}
# Characters that could end a label, open markup or start an entity, and the Unicode line
# separators a JavaScript lexer treats as line ends: written as entity codes. Parentheses, common
# in names ("(cũ)", "(LGSP)"), are safe inside a quoted label and stay as they are.
_SPECIAL = re.compile('["<>&#\\[\\]{}|\\\\`\n\t\x85\u2028\u2029]')


def escape_label(text: str) -> str:
    """``text`` for use inside a quoted Mermaid label: special characters as entity codes."""
    safe = safe_text(text)
    return _SPECIAL.sub(lambda m: _NAMED.get(m.group(0), f"#{ord(m.group(0))};"), safe)


def _node_id(vid: str) -> str:
    return "n_" + stable_token(vid, allowed="A-Za-z0-9")


def to_mermaid(arch: Architecture, *, lang: str = "vi") -> str:
    """A ``flowchart LR`` with a subgraph per tier and per agency (deterministic text)."""
    lines = ["flowchart LR"]
    ids: dict[str, str] = {}
    used: set[str] = set()

    def node_id(vid: str) -> str:
        if vid not in ids:
            nid, n = _node_id(vid), 1
            while nid in used:
                n += 1
                nid = f"{_node_id(vid)}_d{n}"
            used.add(nid)
            ids[vid] = nid
        return ids[vid]

    def node(element: NodeElement, indent: str) -> None:
        kind = kind_of(element)
        if element.id in ids:  # duplicate id: drawn once
            return
        opening, closing = _SHAPES[kind]
        lines.append(
            f'{indent}{node_id(element.id)}{opening}"{escape_label(element.name)}"{closing}'
        )

    def subgraph(key: str, title: str, indent: str) -> str:
        lines.append(f'{indent}subgraph sg_{key}["{escape_label(title)}"]')
        return indent + "  "

    grouping = group_by_tier(arch)
    for tier in grouping.tiers:
        inner = subgraph(f"t_{tier.tier.value}", label(tier.tier, lang), "  ")
        for group in tier.agencies:
            sub = subgraph(
                "a_" + stable_token(group.agency.id, "A-Za-z0-9"), group.agency.name, inner
            )
            node(group.agency, sub)
            for member in group.members:
                node(member, sub)
            lines.append(f"{inner}end")
        if tier.units:
            sub = subgraph(f"u_{tier.tier.value}", label("units", lang), inner)
            for unit in tier.units:
                node(unit, sub)
            lines.append(f"{inner}end")
        lines.append("  end")
    if grouping.entities:
        inner = subgraph("x_entities", label("entities", lang), "  ")
        for entity in grouping.entities:
            node(entity, inner)
        lines.append("  end")
    for element in grouping.other:
        node(element, "  ")

    defined = {e.id for _, e in iter_nodes(arch)}
    referenced: dict[str, None] = {}  # ordered set
    for flow in arch.flows:
        for ref in (flow.source, *flow.via, flow.target):
            if ref not in defined:
                referenced.setdefault(ref)
    if referenced:
        inner = subgraph("x_references", label("references", lang), "  ")
        for ref in referenced:
            lines.append(f'{inner}{node_id(ref)}["{escape_label(ref)}"]')
        lines.append("  end")

    for flow in arch.flows:
        chain = [flow.source, *flow.via, flow.target]
        text = escape_label(flow.name if flow.name else flow.id)
        for hop in range(len(chain) - 1):
            arrow = f'-->|"{text}"|' if hop == 0 else "-->"
            lines.append(f"  {node_id(chain[hop])} {arrow} {node_id(chain[hop + 1])}")
    return "\n".join(lines) + "\n"
