"""Back to ArchiMate with nothing lost: import, change in vndgaf, export with the base."""

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import attrs
import pytest
import yaml
from click.testing import CliRunner
from exchange_xsd import schema_errors

from vndgaf.cli import main
from vndgaf.errors import InputError
from vndgaf.exchange import from_archimate, merge_archimate, read_model
from vndgaf.model import (
    Architecture,
    DataFlow,
    FrameworkVersion,
    InformationSystem,
    Level,
    Submission,
)

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "archimate-samples"
MODELS = sorted(p.name for p in SAMPLES.iterdir() if p.suffix in (".xml", ".archimate"))


def _counts(root: ET.Element) -> dict[str, int]:
    return {
        "elements": len(root.findall("{*}elements/{*}element")),
        "relationships": len(root.findall("{*}relationships/{*}relationship")),
        "views": len(root.findall("{*}views/{*}diagrams/{*}view")),
        "properties": len(root.findall(".//{*}properties/{*}property")),
        "folders": len(root.findall(".//{*}organizations//{*}item")),
        "view nodes": len(root.findall(".//{*}view//{*}node")),
        "connections": len(root.findall(".//{*}view/{*}connection")),
    }


def _original_counts(name: str) -> dict[str, int]:
    """Counts read from the original file in its own format (not from vndgaf's reading)."""
    root = ET.parse(SAMPLES / name).getroot()
    if name.endswith(".archimate"):
        types = [e.get("{http://www.w3.org/2001/XMLSchema-instance}type", "") for e in root.iter()]
        return {
            "elements": sum(
                1
                for e in root.iter("element")
                if not e.get("{http://www.w3.org/2001/XMLSchema-instance}type", "").endswith(
                    ("Relationship", "DiagramModel", "SketchModel", "CanvasModel")
                )
            ),
            "relationships": sum(1 for t in types if t.endswith("Relationship")),
            "views": types.count("archimate:ArchimateDiagramModel"),
        }
    return {
        "elements": len(root.findall("{*}elements/{*}element")),
        "relationships": len(root.findall("{*}relationships/{*}relationship")),
        "views": len(root.findall(".//{*}views//{*}view")),
    }


@pytest.mark.parametrize("name", MODELS)
def test_unchanged_model_comes_back_whole(name: str) -> None:
    """import -> export with the base, no change: XSD-valid, the same number of elements,
    relationships and views as the original file, every property, folder, view node and
    connection of the base, and it imports to the same architecture."""
    text = (SAMPLES / name).read_text(encoding="utf-8")
    result = from_archimate(text, path=name)
    base = read_model(text, path=name).root
    merged = merge_archimate(result.architecture, base)
    assert schema_errors(merged.text) == []
    assert merged.notes == ()
    out = ET.fromstring(merged.text)
    counts = _counts(out)
    assert counts == _counts(base)
    original = _original_counts(name)
    assert {k: counts[k] for k in original} == original
    assert from_archimate(merged.text).architecture == result.architecture


def _changed(arch: Architecture) -> Architecture:
    """What an architect does after importing ArchiSurance: tier and unit of the company,
    owners, a rename, a system removed, a new system with a flow through the NDXP, the
    submission block; and a derived flow deleted."""
    agencies = tuple(
        attrs.evolve(a, level=Level.PROVINCIAL, unit="vn:province/08") if a.id == "id-275" else a
        for a in arch.agencies
    )
    systems = tuple(
        attrs.evolve(s, owner="id-275", name="CRM (mới)" if s.id == "id-1393" else s.name)
        for s in arch.systems
        if s.id != "id-849"
    )
    new = InformationSystem(id="he-thong-moi", name="Hệ thống mới", owner="id-275")
    flows = tuple(
        f
        for f in arch.flows
        if "id-849" not in (f.source, f.target) and f.id != "id-1393-to-id-861"
    )
    flows += (
        DataFlow(
            id="f-moi",
            source="he-thong-moi",
            target="id-1393",
            via=("vn:platform/ndxp",),
            entities=("id-837",),
            mandatory=True,
        ),
    )
    submission = Submission(
        submitter="id-275",
        framework_version=FrameworkVersion.V4_0,
        as_of=dt.date(2025, 7, 1),
        title="ArchiSurance",
    )
    return attrs.evolve(
        arch, agencies=agencies, systems=(*systems, new), flows=flows, submission=submission
    )


def test_changes_made_in_vndgaf_are_applied() -> None:
    """Every change comes back on a new import; a removed element leaves with its
    relationships and its view nodes; what cannot be applied is said."""
    name = "opengroup_archisurance_3.1.xml"
    text = (SAMPLES / name).read_text(encoding="utf-8")
    base = read_model(text, path=name).root
    arch = _changed(from_archimate(text, path=name).architecture)
    merged = merge_archimate(arch, base)
    assert schema_errors(merged.text) == []
    assert merged.notes == (
        "1 element(s) removed in vndgaf removed from the model, with 2 relationship(s) that "
        "touched them",
        "flow id-1393-to-id-861 was derived from the model and removed in vndgaf: the "
        "relationships it comes from are kept (remove them in the ArchiMate tool)",
    )
    out = ET.fromstring(merged.text)
    assert [n for n in base.iter() if n.get("elementRef") == "id-849"]  # shown in the base
    assert not [n for n in out.iter() if n.get("elementRef") == "id-849"]
    assert _counts(out)["views"] == 17
    back = from_archimate(merged.text).architecture
    company = next(a for a in back.agencies if a.id == "id-275")
    assert (company.level, company.unit) == (Level.PROVINCIAL, "vn:province/08")
    assert {s.id: (s.name, s.owner) for s in back.systems} == {
        s.id: (s.name, s.owner) for s in arch.systems
    }
    flow = next(f for f in back.flows if f.id == "f-moi")
    assert (flow.via, flow.entities, flow.mandatory) == (("vn:platform/ndxp",), ("id-837",), True)
    assert back.submission == arch.submission
    folder = [i for i in out.findall(".//{*}item") if i.findtext("{*}label") == "vndgaf"]
    assert len(folder) == 1


def test_a_base_from_another_model_is_refused() -> None:
    """Exporting onto the wrong file would delete everything: it is an input error."""
    arch = from_archimate(
        (SAMPLES / "arktect_visual_paradigm_3.1.xml").read_text(encoding="utf-8")
    ).architecture
    base = read_model((SAMPLES / "opengroup_archisurance_3.1.xml").read_text(encoding="utf-8"))
    with pytest.raises(InputError, match="does not look like the one this submission"):
        merge_archimate(arch, base.root)


def test_round_trip_from_the_command_line(tmp_path: Path) -> None:
    """import -o; the architect sets the tier of the organisations in the YAML; export --base
    gives Archi the whole model with the tiers as properties."""
    runner = CliRunner()
    src = SAMPLES / "archi_Archisurance.archimate"
    model = tmp_path / "as.yaml"
    run = runner.invoke(main, ["import", "archimate", str(src), "-o", str(model)])
    assert run.exit_code == 0, run.output
    data = yaml.safe_load(model.read_text(encoding="utf-8"))
    for agency in data["agencies"]:
        agency["level"] = "central"
    model.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "back.xml"
    run = runner.invoke(
        main, ["export", str(model), "--to", "archimate", "--base", str(src), "-o", str(out)]
    )
    assert run.exit_code == 0, run.output
    text = out.read_text(encoding="utf-8")
    assert schema_errors(text) == []
    assert _counts(ET.fromstring(text))["elements"] == 120
    back = from_archimate(text).architecture
    assert {a.level for a in back.agencies} == {Level.CENTRAL}


def test_base_only_with_archimate(tmp_path: Path) -> None:
    """--base with another format is a one-line usage error."""
    run = CliRunner().invoke(
        main,
        ["export", str(SAMPLES), "--to", "mermaid", "--base", str(SAMPLES / "archi_Sample1.xml")],
    )
    assert run.exit_code == 2
    assert "--base and --agencies go with --to archimate" in run.stderr


def test_a_changed_derived_flow_becomes_a_flow_of_its_own() -> None:
    """A derived flow the architect marks mandatory is written as a tagged flow; on the next
    import it is that flow, once, with its field (the derivation does not repeat it)."""
    name = "opengroup_archisurance_3.1.xml"
    text = (SAMPLES / name).read_text(encoding="utf-8")
    arch = from_archimate(text, path=name).architecture
    flows = tuple(
        attrs.evolve(f, mandatory=True) if f.id == "id-861-to-id-1399" else f for f in arch.flows
    )
    merged = merge_archimate(attrs.evolve(arch, flows=flows), read_model(text).root)
    assert merged.notes == (
        "flow id-861-to-id-1399 was derived and changed in vndgaf: written as a flow of its own",
    )
    back = from_archimate(merged.text).architecture
    same = [f for f in back.flows if (f.source, f.target) == ("id-861", "id-1399")]
    assert [(f.id, f.mandatory) for f in same] == [("id-861-to-id-1399", True)]


def test_names_and_documentation_in_several_languages_survive() -> None:
    """The Vietnamese name and documentation are read, the English name becomes name_en, and
    the export with the base keeps every language of both."""
    text = (
        '<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m"><name>M</name>'
        '<elements><element identifier="c1" xsi:type="ApplicationComponent">'
        '<name xml:lang="en">One-stop system</name><name xml:lang="vi">Hệ thống một cửa</name>'
        '<documentation xml:lang="en">Handles cases</documentation>'
        '<documentation xml:lang="vi">Giải quyết hồ sơ</documentation>'
        "</element></elements></model>"
    )
    result = from_archimate(text)
    (system,) = result.architecture.systems
    assert (system.name, system.name_en) == ("Hệ thống một cửa", "One-stop system")
    assert system.properties == {"documentation": "Giải quyết hồ sơ"}
    merged = merge_archimate(result.architecture, read_model(text).root)
    out = ET.fromstring(merged.text)
    docs = {
        d.get("{http://www.w3.org/XML/1998/namespace}lang"): d.text
        for d in out.iter()
        if d.tag.endswith("documentation")
    }
    assert docs == {"en": "Handles cases", "vi": "Giải quyết hồ sơ"}
    assert schema_errors(merged.text) == []
