"""The performance edits keep behaviour: paused collector, id-list structuring, memoised queries."""

import gc
import json
from pathlib import Path

import cattrs

from vndgaf import converter
from vndgaf.gcpause import paused_gc
from vndgaf.graph import EdgeKind, build_graph
from vndgaf.load import load
from vndgaf.model import Architecture, DataFlow
from vndgaf.reference import catalogue
from vndgaf.synth import minimum_flows, synthesize

SMALL = "province:46"


def test_paused_gc_restores_the_collector_state() -> None:
    """paused_gc disables the collector inside and restores whatever state it found."""
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_id_lists_structure_as_the_generic_converter_does(tmp_path: Path) -> None:
    """The tuple[str, ...] hook gives the same architecture as cattrs' generic tuple handling."""
    document = synthesize(scale=SMALL, flows=minimum_flows(SMALL) + 50, seed=3, defects=5).document
    plain = cattrs.Converter(forbid_extra_keys=True)  # cattrs' own handling of tuples
    fast = converter.structure(document, Architecture)
    flows = tuple(plain.structure(f, DataFlow) for f in document["flows"])
    assert fast.flows == flows
    assert fast.flows[0].via == tuple(document["flows"][0].get("via", ()))
    assert all(type(hop) is str for flow in fast.flows for hop in flow.via)
    path = tmp_path / "s.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert load([path]).architecture.flows == fast.flows


def test_graph_and_organisations_of_a_synthesis(tmp_path: Path) -> None:
    """Referenced communes become nodes; organisation_of gives the province, also when cached."""
    document = synthesize(scale=SMALL, flows=minimum_flows(SMALL), seed=0).document
    path = tmp_path / "s.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = load([path])
    graph = build_graph(result.architecture, catalogue(), result.submissions[0].as_of)
    committee = next(a for a in result.architecture.agencies if a.level.value == "commune")
    assert committee.unit is not None
    assert graph.kind(committee.unit) == "unit"
    located = [
        b
        for _, b, d in graph.graph.out_edges(committee.id, data=True)
        if d["kind"] is EdgeKind.LOCATED_IN
    ]
    assert located == [committee.unit]
    for _ in range(2):  # the second round is answered from the memo
        assert graph.organisation_of("t46-lgsp") == "vn:province/46"
        assert graph.organisation_of(committee.id) == "vn:province/46"
        assert graph.organisation_of("vn:db/population") == "vn:agency/bo-cong-an"
