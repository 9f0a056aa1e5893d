"""What an ArchiMate import did, counted for a person and listed in full for a file.

:func:`import_counts` compares the source document with what was mapped: by ArchiMate type, how
many elements and relationships became part of the model, how many were used to derive a flow,
a data use, a procedure system or a hosting, and how many were kept aside (and in which group of
:data:`~vndgaf.exchange.archimate_import.GROUPS`). :func:`summary_lines` is the short text the
CLI prints (counts and what each kept-aside group means for the checks, never documentation or
other free text of the model); :func:`import_report` is the full JSON-ready record
(``vndgaf import archimate --report FILE``).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from typing import Any

import attrs

from vndgaf.exchange._archimate_vocab import NS3, XSI, type_31
from vndgaf.exchange.archimate_import import GROUPS, ImportResult
from vndgaf.model import Level

__all__ = ["ImportCounts", "import_counts", "import_report", "summary_lines"]

_TYPE = f"{{{XSI}}}type"
_STATES = ("imported", "derived", "kept_aside")


@attrs.frozen
class ImportCounts:
    """Counts by ArchiMate type of the source and of what became of each item.

    ``elements`` and ``relationships`` map a type to ``{"imported": n, "derived": n,
    "kept_aside": n}`` (every item in exactly one state); ``views`` is the number of views.
    """

    elements: dict[str, dict[str, int]]
    relationships: dict[str, dict[str, int]]
    views: int

    def total(self, part: str, state: str | None = None) -> int:
        """All items of ``part`` (``elements`` or ``relationships``), or those in ``state``."""
        table: dict[str, dict[str, int]] = getattr(self, part)
        return sum(n for counts in table.values() for s, n in counts.items() if state in (None, s))


def _state(xid: str, direct: set[str], derived: set[str]) -> str:
    if xid in direct:
        return "imported"
    if xid in derived:
        return "derived"
    return "kept_aside"


def import_counts(result: ImportResult) -> ImportCounts:
    """Counts by type of the source and what became of it (see :class:`ImportCounts`)."""
    direct = {m.source_id for m in result.mapped if not m.derived_from and m.kind != "evidence"}
    derived = {i for m in result.mapped if m.derived_from for i in (m.source_id, *m.derived_from)}
    root = result.base if result.base is not None else ET.Element("none")
    tables: dict[str, dict[str, dict[str, int]]] = {"elements": {}, "relationships": {}}
    for part, tag in (("elements", "element"), ("relationships", "relationship")):
        for holder in root.findall(f"{{{NS3}}}{part}"):
            for node in holder.findall(f"{{{NS3}}}{tag}"):
                xsi_type = type_31(node.get(_TYPE, ""))
                counts = tables[part].setdefault(xsi_type, dict.fromkeys(_STATES, 0))
                counts[_state(node.get("identifier", ""), direct, derived)] += 1
    views = len(root.findall(f"{{{NS3}}}views/{{{NS3}}}diagrams/{{{NS3}}}view"))
    return ImportCounts(
        elements=dict(sorted(tables["elements"].items())),
        relationships=dict(sorted(tables["relationships"].items())),
        views=views,
    )


def _model_counts(result: ImportResult) -> dict[str, int]:
    arch = result.architecture
    counts = {
        name: len(getattr(arch, name))
        for name in (
            "agencies",
            "systems",
            "platforms",
            "databases",
            "entities",
            "flows",
            "services",
            "investments",
            "units",
        )
    }
    counts["flows.derived"] = sum(1 for f in arch.flows if f.provenance is not None)
    counts["agencies.tier_unknown"] = sum(1 for a in arch.agencies if a.level is Level.UNKNOWN)
    counts["catalogue_references"] = sum(1 for m in result.mapped if m.kind == "reference")
    return counts


def _by_type(items: Counter[str], limit: int = 6) -> str:
    top = items.most_common()
    shown = ", ".join(f"{t} {n}" for t, n in top[:limit])
    return shown + (f", {len(top) - limit} more types" if len(top) > limit else "")


def summary_lines(result: ImportResult, *, source: str) -> list[str]:
    """A few lines a person reads: counts by kind and type, and what the kept-aside groups mean.

    No name, documentation or property value of the model is printed: only counts and types.
    """
    counts = import_counts(result)
    model = _model_counts(result)
    lines = [
        f"read {source} ({result.source_format}): {counts.total('elements')} elements, "
        f"{counts.total('relationships')} relationships, {counts.views} views"
    ]
    kinds = [
        f"{model[k]} {k}" for k in ("agencies", "systems", "platforms", "databases", "entities")
    ]
    kinds += [f"{model[k]} {k}" for k in ("services", "investments", "units")]
    shown = [k for k in kinds if not k.startswith("0 ")]
    flows = f"{model['flows']} flows ({model['flows.derived']} derived)"
    lines.append("model: " + ", ".join([*shown, flows]))
    if model["agencies"]:
        unknown = model["agencies.tier_unknown"]
        lines.append(
            f"agencies: tier unknown for {unknown} of {model['agencies']}"
            + (" (state them with --agencies FILE)" if unknown else "")
        )
    if model["catalogue_references"]:
        lines.append(
            f"catalogue: {model['catalogue_references']} elements are national catalogue "
            "units or agencies"
        )
    for part in ("elements", "relationships"):
        table = getattr(counts, part)
        lines.append(
            f"{part}: {counts.total(part, 'imported')} imported, "
            f"{counts.total(part, 'derived')} used to derive, "
            f"{counts.total(part, 'kept_aside')} kept aside"
        )
        used = Counter(
            {
                t: c["imported"] + c["derived"]
                for t, c in table.items()
                if c["imported"] + c["derived"]
            }
        )
        if used:
            lines.append(f"  imported or used by type: {_by_type(used, 12)}")
    groups: dict[str, Counter[str]] = {}
    for item in result.kept_aside:
        groups.setdefault(item.group, Counter())[item.archimate_type or "?"] += 1
    if groups:
        lines.append(
            "kept aside (written back by export --base), and what it means for the checks:"
        )
    for key in GROUPS:
        if key not in groups:
            continue
        title, meaning = GROUPS[key]
        types = groups[key]
        lines.append(f"  {sum(types.values())} {title} ({_by_type(types)}): {meaning}")
    return lines


def import_report(result: ImportResult, *, source: str) -> dict[str, Any]:
    """The full record of an import, JSON-ready and in a stable order."""
    counts = import_counts(result)
    groups: dict[str, dict[str, Any]] = {}
    for item in result.kept_aside:
        title, meaning = GROUPS.get(item.group, (item.group, ""))
        g = groups.setdefault(item.group, {"title": title, "meaning": meaning, "count": 0})
        g["count"] += 1
    return {
        "version": 1,
        "source": {"path": source, "format": result.source_format},
        "source_counts": {
            "elements": counts.elements,
            "relationships": counts.relationships,
            "views": counts.views,
        },
        "model": _model_counts(result),
        "groups": {k: groups[k] for k in GROUPS if k in groups},
        "mapped": [
            {
                "source_id": m.source_id,
                "archimate_type": m.archimate_type,
                "name": m.name,
                "kind": m.kind,
                "target": m.target_id,
                "derived_from": list(m.derived_from),
                "note": m.note,
            }
            for m in result.mapped
        ],
        "kept_aside": [
            {
                "source_id": k.source_id,
                "archimate_type": k.archimate_type,
                "name": k.name,
                "group": k.group,
                "reason": k.reason,
            }
            for k in result.kept_aside
        ],
    }
