"""Archi's sample files and the repository's examples through import and export."""

import io
from pathlib import Path

import networkx as nx
import pytest
from exchange_xsd import schema_errors
from mermaid_check import check_lines

from vndgaf.converter import dumps
from vndgaf.diagnostics import Severity
from vndgaf.exchange import from_archimate, to_archimate, to_graphml, to_mermaid
from vndgaf.exchange._fields import iter_nodes
from vndgaf.load import load

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "tests" / "data" / "archimate-samples"
EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir() if p.is_dir())


def _errors(tmp_path: Path, yaml_text: str) -> list[str]:
    (tmp_path / "imported.yaml").write_text(yaml_text, encoding="utf-8")
    result = load([tmp_path])
    return [f.code for f in result.findings if f.severity == Severity.ERROR]


def test_sample1_keeps_a_role_and_a_process_aside(tmp_path: Path) -> None:
    """archi_Sample1: a BusinessRole assigned to a BusinessProcess: no agency (a role is not an
    organisation), nothing checkable, everything kept aside with its group."""
    result = from_archimate((SAMPLES / "archi_Sample1.xml").read_text(encoding="utf-8"))
    assert result.mapped == ()
    assert [(k.source_id, k.archimate_type, k.group, k.reason) for k in result.kept_aside] == [
        ("id-37d5bc4b", "BusinessRole", "business", "no vndgaf element for BusinessRole"),
        ("id-89c22226", "BusinessProcess", "business", "no vndgaf element for BusinessProcess"),
        (
            "id-52b86b7b",
            "Assignment",
            "unmapped-end",
            "Assignment from BusinessRole to BusinessProcess",
        ),
        ("id-11f5304f", "Model", "model", "model name has no field (no submission title)"),
    ]
    assert _errors(tmp_path, dumps(result.architecture)) == []


def test_bendpoint_sample_maps_the_service_and_keeps_the_view_aside(tmp_path: Path) -> None:
    """archi_bendpoint: BusinessService -> service; function, 2 relationships, view kept aside."""
    result = from_archimate((SAMPLES / "archi_bendpoint.test.xml").read_text(encoding="utf-8"))
    services = result.architecture.services
    assert [(s.id, s.name) for s in services] == [
        ("id-019dd58c-3116-731f-a761-905e3234486b", "Business Service")
    ]
    assert len(result.mapped) == 1
    assert sorted(k.archimate_type for k in result.kept_aside) == [
        "BusinessFunction",
        "Diagram",
        "Model",
        "Realization",
        "Serving",
    ]
    assert _errors(tmp_path, dumps(result.architecture)) == []


@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.glob("*.xml")))
def test_imported_samples_export_valid_archimate(sample: str) -> None:
    """What was imported from a sample exports again to a valid, stable document."""
    arch = from_archimate((SAMPLES / sample).read_text(encoding="utf-8")).architecture
    text = to_archimate(arch)
    assert schema_errors(text) == []
    assert to_archimate(from_archimate(text).architecture) == text


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_examples_export_validates_and_round_trips(example: Path, tmp_path: Path) -> None:
    """Every example exports to XSD-valid ArchiMate that imports back to the same model;
    a clean example stays clean (examples/broken is loaded as far as the loader gets)."""
    loaded = load([example])
    clean = not any(f.severity == Severity.ERROR for f in loaded.findings)
    assert clean == (example.name != "broken")
    arch = loaded.architecture
    text = to_archimate(arch)
    assert schema_errors(text) == []
    result = from_archimate(text, path=str(example))
    assert result.architecture == arch
    assert result.kept_aside == ()
    if clean:
        assert _errors(tmp_path, dumps(result.architecture)) == []


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_examples_export_to_mermaid_and_graphml(example: Path) -> None:
    """Each example gives a well-formed Mermaid flowchart and GraphML with every element."""
    arch = load([example]).architecture
    labels = check_lines(to_mermaid(arch))
    graph = nx.read_graphml(io.BytesIO(to_graphml(arch).encode("utf-8")), force_multigraph=True)
    vids = {d["vid"] for _, d in graph.nodes(data=True)}
    for _, element in iter_nodes(arch):
        assert element.id in vids
        assert element.name in labels.values()
    hops = [d for _, _, d in graph.edges(data=True) if d["kind"] == "flow"]
    assert len(hops) == sum(len(f.via) + 1 for f in arch.flows)
