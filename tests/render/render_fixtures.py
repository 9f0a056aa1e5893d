"""Shared helpers of the render tests: loading, SVG text, node counts, goldens, synthetic
national-scale models."""

import datetime as dt
import os
import random
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import attrs

from vndgaf.graph import ArchGraph, build_graph
from vndgaf.load import LoadResult, load
from vndgaf.model import (
    Agency,
    AgencyType,
    Architecture,
    DataFlow,
    InformationSystem,
    Level,
    Platform,
)
from vndgaf.reference import catalogue

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
DATA = Path(__file__).parent / "data"
GOLDEN = Path(__file__).parent / "golden"
SVG_NS = "{http://www.w3.org/2000/svg}"
AS_OF = dt.date(2025, 12, 1)


def loaded(path: Path) -> tuple[LoadResult, ArchGraph]:
    """Load a submission and build its graph at its own ``as_of`` date."""
    result = load([str(path)])
    as_of = max((s.as_of for s in result.submissions), default=AS_OF)
    return result, build_graph(result.architecture, catalogue(), as_of)


def graph_of(arch: Architecture) -> ArchGraph:
    """The graph of an in-memory architecture."""
    return build_graph(arch, catalogue(), AS_OF)


def svg_labels(svg: bytes) -> dict[str, list[str]]:
    """For each SVG group class (node, edge, cluster, graph): the text of every group, its
    lines joined by single spaces."""
    root = ET.fromstring(svg)
    out: dict[str, list[str]] = {"node": [], "edge": [], "cluster": [], "graph": []}
    for group in root.iter(f"{SVG_NS}g"):
        kind = group.get("class")
        if kind not in out:
            continue
        texts = [t.text or "" for t in group.iter(f"{SVG_NS}text")]  # inside links too
        out[kind].append(" ".join(texts))
    return out


def count_nodes(graph: Any) -> int:
    """Nodes of a pydot graph, inside clusters too (the defaults pseudo-nodes excluded)."""
    own = [n for n in graph.get_nodes() if n.get_name() not in ("node", "edge", "graph")]
    return len(own) + sum(count_nodes(sub) for sub in graph.get_subgraphs())


def node_attrs(graph: Any) -> dict[str, dict[str, str]]:
    """Every node's attributes by node name, clusters included."""
    out = {
        n.get_name(): n.get_attributes()
        for n in graph.get_nodes()
        if n.get_name() not in ("node", "edge", "graph")
    }
    for sub in graph.get_subgraphs():
        out.update(node_attrs(sub))
    return out


def check_golden(name: str, text: str) -> None:
    """Compare with ``golden/name``; ``VNDGAF_UPDATE_GOLDEN=1`` rewrites the file."""
    path = GOLDEN / name
    if os.environ.get("VNDGAF_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.exists(), f"missing golden file {path}; run with VNDGAF_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"


def shuffled(arch: Architecture, seed: int) -> Architecture:
    """The same architecture with every element list in another order."""
    rng = random.Random(seed)
    changes = {}
    for field in attrs.fields(Architecture):
        value = getattr(arch, field.name)
        if isinstance(value, tuple):
            items = list(value)
            rng.shuffle(items)
            changes[field.name] = tuple(items)
    return attrs.evolve(arch, **changes)


def full_country(systems_per_province: int = 0) -> Architecture:
    """Every province with a People's Committee, an LGSP and a procedure system; every one of
    the 3,321 communes with a People's Committee and one system; flows via the provincial LGSP
    to NDXP. ``systems_per_province`` adds provincial systems, to force folding."""
    cat = catalogue()
    agencies, platforms, systems, flows = [], [], [], []
    for province in cat.provinces:
        code = province.code
        ubnd, lgsp, tthc = f"ubnd-p{code}", f"lgsp-p{code}", f"tthc-p{code}"
        agencies.append(
            Agency(
                id=ubnd,
                name=f"Ủy ban nhân dân {province.name}",
                level=Level.PROVINCIAL,
                type=AgencyType.PROVINCIAL_PEOPLES_COMMITTEE,
                unit=province.id,
            )
        )
        platforms += [
            Platform(
                id=lgsp, name=f"LGSP {province.name}", owner=ubnd, instance_of="vn:platform/lgsp"
            ),
            Platform(
                id=tthc,
                name=f"Hệ thống TTHC {province.name}",
                owner=ubnd,
                instance_of="vn:platform/tthc-system",
            ),
        ]
        flows += [
            DataFlow(id=f"f-{lgsp}", source=lgsp, target="vn:platform/ndxp"),
            DataFlow(
                id=f"f-{tthc}",
                source=tthc,
                target="vn:platform/npsp",
                via=(lgsp, "vn:platform/ndxp"),
            ),
        ]
        for i in range(systems_per_province):
            sid = f"ht-p{code}-{i}"
            systems.append(InformationSystem(id=sid, name=f"Hệ thống {i}", owner=ubnd))
            flows.append(
                DataFlow(id=f"f-{sid}", source=sid, target="vn:platform/ndxp", via=(lgsp,))
            )
    for commune in cat.communes:
        code = commune.code
        province_code = (commune.parent or "").rpartition("/")[2]
        ubnd, sid = f"ubnd-c{code}", f"mc-c{code}"
        agencies.append(
            Agency(
                id=ubnd,
                name=f"Ủy ban nhân dân {commune.name}",
                level=Level.COMMUNE,
                type=AgencyType.COMMUNE_PEOPLES_COMMITTEE,
                unit=commune.id,
                parent=f"ubnd-p{province_code}",
            )
        )
        systems.append(InformationSystem(id=sid, name=f"Một cửa {commune.name}", owner=ubnd))
        flows.append(
            DataFlow(
                id=f"f-{sid}",
                source=sid,
                target="vn:platform/ndxp",
                via=(f"lgsp-p{province_code}",),
            )
        )
    return Architecture(
        format_version=1,
        agencies=tuple(agencies),
        platforms=tuple(platforms),
        systems=tuple(systems),
        flows=tuple(flows),
    )
