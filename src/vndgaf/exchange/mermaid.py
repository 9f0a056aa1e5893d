"""Mermaid flowchart of an architecture, for Markdown viewers (GitHub, GitLab, docs sites).

Tiers and agencies are nested subgraphs; data flows are arrows through their ``via`` platforms.
Node ids are :func:`~vndgaf.textsafe.id_token` values (distinct ids, distinct nodes); every
label is quoted and written by :func:`~vndgaf.textsafe.mermaid_text` (entity codes, controls shown
as escapes), so no name can break the syntax, inject markup or reorder what a reader sees.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from vndgaf.exchange._fields import NodeElement, iter_nodes, kind_of
from vndgaf.exchange._grouping import group_by_tier, label
from vndgaf.model import Architecture
from vndgaf.textsafe import id_token, mermaid_text, printable

__all__ = ["mermaid_chunks", "to_mermaid"]

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


def to_mermaid(
    arch: Architecture, *, lang: str = "vi", names: Mapping[str, str] | None = None
) -> str:
    """A ``flowchart LR`` with a subgraph per tier and per agency (deterministic text).

    ``names`` gives the display name of catalogue elements the flows reach (``vn:platform/ndxp``
    -> ``National Data Exchange Platform``); a reference without one shows its id."""
    return "".join(mermaid_chunks(arch, lang=lang, names=names))


def mermaid_chunks(
    arch: Architecture, *, lang: str = "vi", names: Mapping[str, str] | None = None
) -> Iterator[str]:
    """:func:`to_mermaid` line by line, each made as it is written (a national model's
    flowchart is never held whole)."""
    for line in _lines(arch, lang, names or {}):
        yield line + "\n"


def _lines(arch: Architecture, lang: str, names: Mapping[str, str]) -> Iterator[str]:
    yield "flowchart LR"
    ids: dict[str, str] = {}

    def node_id(vid: str) -> str:
        return ids.setdefault(vid, "n_" + id_token(vid))

    def node(element: NodeElement, indent: str) -> Iterator[str]:
        kind = kind_of(element)
        if element.id in ids:  # duplicate id: drawn once
            return
        opening, closing = _SHAPES[kind]
        yield f'{indent}{node_id(element.id)}{opening}"{mermaid_text(element.name)}"{closing}'

    def subgraph(key: str, title: str, indent: str) -> str:
        return f'{indent}subgraph sg_{key}["{mermaid_text(title)}"]'

    grouping = group_by_tier(arch)
    for tier in grouping.tiers:
        inner = "    "
        yield subgraph(f"t_{tier.tier.value}", label(tier.tier, lang), "  ")
        for group in tier.agencies:
            sub = inner + "  "
            yield subgraph("a_" + id_token(group.agency.id), group.agency.name, inner)
            yield from node(group.agency, sub)
            for member in group.members:
                yield from node(member, sub)
            yield f"{inner}end"
        if tier.units:
            sub = inner + "  "
            yield subgraph(f"u_{tier.tier.value}", label("units", lang), inner)
            for unit in tier.units:
                yield from node(unit, sub)
            yield f"{inner}end"
        yield "  end"
    if grouping.entities:
        yield subgraph("x_entities", label("entities", lang), "  ")
        for entity in grouping.entities:
            yield from node(entity, "    ")
        yield "  end"
    for element in grouping.other:
        yield from node(element, "  ")

    defined = {e.id for _, e in iter_nodes(arch)}
    referenced: dict[str, None] = {}  # ordered set
    for flow in arch.flows:
        for ref in (flow.source, *flow.via, flow.target):
            if ref not in defined:
                referenced.setdefault(ref)
    if referenced:
        yield subgraph("x_references", label("references", lang), "  ")
        for ref in referenced:  # an id is one line: a line break in it shows as \n
            shown = mermaid_text(names[ref]) if ref in names else mermaid_text(printable(ref))
            yield f'    {node_id(ref)}["{shown}"]'
        yield "  end"

    for flow in arch.flows:
        chain = [flow.source, *flow.via, flow.target]
        text = mermaid_text(flow.name if flow.name else flow.id)
        for hop in range(len(chain) - 1):
            arrow = f'-->|"{text}"|' if hop == 0 else "-->"
            yield f"  {node_id(chain[hop])} {arrow} {node_id(chain[hop + 1])}"
