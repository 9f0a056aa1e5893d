"""A synthetic province with 1,500 flows renders to the reviewed DOT, whatever the flow order.

The golden files were made by the per-flow implementation (one link per hop of each flow),
before the views aggregated flows into links between elements: they pin that the aggregation
draws the same edges, counts and colours.
"""

import gzip
import itertools
import re
from pathlib import Path

import attrs
import pytest
from render_fixtures import DATA, check_golden, shuffled

from vndgaf.diagnostics import Finding, Severity, Text
from vndgaf.graph import ArchGraph, build_graph
from vndgaf.load import LoadResult, load
from vndgaf.model import Suppression
from vndgaf.reference import catalogue
from vndgaf.render import render, to_bytes

#: ``synthesize(scale="province:46*3", flows=1500, seed=3, defects=12)``, frozen (compact JSON).
FROZEN = DATA / "synth-province-46x3.json.gz"
VIEWS = (
    ("overview", False),
    ("overview", True),
    ("entity:vn:entity/residence", False),
    ("agency:t46-so-tp", False),
    ("impact:t46-lgsp", False),
)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> tuple[LoadResult, ArchGraph]:
    """The frozen synthetic submission, loaded, and its graph."""
    path: Path = tmp_path_factory.mktemp("synth") / "synth.json"
    path.write_bytes(gzip.decompress(FROZEN.read_bytes()))
    result = load([path])
    return result, build_graph(result.architecture, catalogue(), result.submissions[0].as_of)


def _findings(graph: ArchGraph) -> list[Finding]:
    """Findings on every 7th flow and every 5th agency, of rotating severity, one suppressed."""
    severities = (Severity.NOTE, Severity.WARNING, Severity.ERROR)
    subjects = [f.id for f in graph.active_flows][::7]
    subjects += sorted(a.id for a in graph.architecture.agencies)[::5]
    return [
        Finding(
            code="TST001",
            name="tst",
            severity=severities[index % 3],
            message=Text("m", "m"),
            subject=subject,
            suppressed_by=Suppression(rule="TST001", reason="ok") if index == 3 else None,
        )
        for index, subject in enumerate(subjects)
    ]


def _dot(graph: ArchGraph, view: str, expand: bool) -> str:
    dot = render(
        graph,
        view=view,
        findings=_findings(graph),
        highlight=True,
        expand=expand,
        lang="en" if expand else "vi",
    )
    return to_bytes(dot, "dot").decode("utf-8")


def _name(view: str, expand: bool) -> str:
    flat = view.replace(":", "_").replace("/", "_")
    return f"synth-46x3--{flat}{'-expand' if expand else ''}.dot"


@pytest.mark.parametrize(("view", "expand"), VIEWS)
def test_synthetic_views_match_golden(synthetic, view, expand):
    """Each view of the frozen synthetic province, highlighted, gives exactly the golden DOT."""
    _, graph = synthetic
    check_golden(_name(view, expand), _dot(graph, view, expand))


def test_overview_edge_counts_the_flows_of_its_hop(synthetic):
    """The overview edge from the LGSP to the procedure system counts every flow with that hop."""
    _, graph = synthetic
    hop = ("t46-lgsp", "t46-tthc")
    expected = sum(1 for f in graph.active_flows if hop in itertools.pairwise(graph.route(f)))
    found = re.findall(
        r"^n_t46_lgsp -> n_t46_tthc \[xlabel=<(\d+) luồng>", _dot(graph, "overview", False), re.M
    )
    assert expected > 400
    assert found == [str(expected)]


@pytest.mark.parametrize(("view", "expand"), VIEWS)
def test_synthetic_views_ignore_flow_order(synthetic, view, expand):
    """Shuffled flows (and every other element list) give byte-identical DOT."""
    result, graph = synthetic
    first = _dot(graph, view, expand)
    for seed in (5, 6):
        other = build_graph(
            shuffled(result.architecture, seed), catalogue(), result.submissions[0].as_of
        )
        assert _dot(other, view, expand) == first, seed


def _with_via(result: LoadResult, flow_ids: set[str], via: tuple[str, ...]) -> ArchGraph:
    arch = result.architecture
    flows = tuple(attrs.evolve(f, via=via) if f.id in flow_ids else f for f in arch.flows)
    return build_graph(attrs.evolve(arch, flows=flows), catalogue(), result.submissions[0].as_of)


def test_unknown_hops_are_skipped_like_absent_ones(synthetic):
    """A flow through an unknown element draws like the same flow without that hop: the
    overview joins the known hops on either side."""
    result, graph = synthetic
    chosen = {f.id for f in graph.active_flows[:40]}
    ghost = _with_via(result, chosen, ("no-such-platform",))
    plain = _with_via(result, chosen, ())
    assert ghost.kind("no-such-platform") is None
    assert _dot(ghost, "overview", False) == _dot(plain, "overview", False)
    assert _dot(ghost, "overview", False) != _dot(
        _with_via(result, chosen, ("t46-lgsp",)), "overview", False
    )
