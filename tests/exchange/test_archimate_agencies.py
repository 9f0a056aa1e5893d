"""Which agency an organisation of an ArchiMate model is: the agency map, properties, catalogue
names and unit names; otherwise an unknown tier, never a default."""

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from vndgaf.cli import main
from vndgaf.errors import InputError
from vndgaf.exchange import from_archimate, load_agency_map
from vndgaf.exchange.archimate_agencies import AgencyMap, AgencyRule, identify_agency
from vndgaf.model import Level

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "archimate-samples"

HEAD = (
    '<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m"><name>M</name>'
)


def _actor(ident: str, name: str, props: str = "") -> str:
    return (
        f'<element identifier="{ident}" xsi:type="BusinessActor"><name>{name}</name>'
        f"{props}</element>"
    )


def test_names_properties_and_catalogue() -> None:
    """A catalogue ministry by its Vietnamese, English or short name; the tier and unit from a
    unit in the name or from properties; everything else unknown."""
    props = (
        '<properties><property propertyDefinitionRef="p1"><value>commune</value></property>'
        '<property propertyDefinitionRef="p2"><value>vn:commune/00004</value></property>'
        "</properties>"
    )
    text = (
        HEAD
        + "<elements>"
        + _actor("a1", "Bộ Công an")
        + _actor("a2", "Ministry of Finance")
        + _actor("a3", "Sở Y tế tỉnh Tuyên Quang")
        + _actor("a4", "Phòng Văn hóa", props)
        + _actor("a5", "Front Office")
        + '<element identifier="s1" xsi:type="ApplicationComponent"><name>App</name></element>'
        + "</elements><relationships>"
        + '<relationship identifier="r1" source="a1" target="s1" xsi:type="Assignment"/>'
        + "</relationships>"
        + '<propertyDefinitions><propertyDefinition identifier="p1" type="string"><name>cấp</name>'
        + '</propertyDefinition><propertyDefinition identifier="p2" type="string"><name>unit</name>'
        + "</propertyDefinition></propertyDefinitions></model>"
    )
    result = from_archimate(text)
    refs = {m.source_id: (m.target_id, m.note) for m in result.mapped if m.kind == "reference"}
    assert refs == {
        "a1": ("vn:agency/bo-cong-an", "catalogue name"),
        "a2": ("vn:agency/bo-tai-chinh", "catalogue name"),
    }
    agencies = {a.id: (a.level, a.unit) for a in result.architecture.agencies}
    assert agencies == {
        "a3": (Level.PROVINCIAL, "vn:province/08"),
        "a4": (Level.COMMUNE, "vn:commune/00004"),
        "a5": (Level.UNKNOWN, None),
    }
    assert result.architecture.systems[0].owner == "vn:agency/bo-cong-an"


def test_agency_map_wins_and_defaults_fill_the_rest() -> None:
    """The map by identifier, then by name; its defaults for the organisations it does not
    list; a map entry that makes an organisation a catalogue agency."""
    amap = AgencyMap(
        rules=(
            AgencyRule(identifier="x1", level=Level.CENTRAL),
            AgencyRule(name="front office", agency="vn:agency/bo-noi-vu"),
        ),
        default_level=Level.PROVINCIAL,
        default_unit="vn:province/08",
    )
    assert identify_agency("x1", "Anything", {}, amap).level is Level.CENTRAL
    facts = identify_agency("x2", "Front Office", {}, amap)
    assert (facts.agency, facts.how) == ("vn:agency/bo-noi-vu", "agency map")
    facts = identify_agency("x3", "Back Office", {}, amap)
    assert (facts.level, facts.unit, facts.how) == (
        Level.PROVINCIAL,
        "vn:province/08",
        "map defaults",
    )
    assert identify_agency("x3", "Back Office", {}, None).level is Level.UNKNOWN


def test_agency_map_file_and_its_errors(tmp_path: Path) -> None:
    """The YAML map reads; a wrong level, a non-catalogue unit or an unknown key is one error
    naming the file and the entry."""
    good = (
        "agencies:\n  - {name: Sở Y tế, level: tỉnh, unit: vn:province/08}\ndefaults: {level: xã}\n"
    )
    amap = load_agency_map(good, path="a.yaml")
    assert amap.rules == (
        AgencyRule(name="Sở Y tế", level=Level.PROVINCIAL, unit="vn:province/08"),
    )
    assert amap.default_level is Level.COMMUNE
    with pytest.raises(InputError, match=r"^a\.yaml: agencies\[0\]: level 'galactic'"):
        load_agency_map("agencies:\n  - {name: X, level: galactic}\n", path="a.yaml")
    with pytest.raises(InputError, match=r"'vn:province/99' is not in the national catalogue"):
        load_agency_map("agencies:\n  - {name: X, unit: vn:province/99}\n", path="a.yaml")
    with pytest.raises(InputError, match=r"unknown key\(s\) tier"):
        load_agency_map("agencies:\n  - {name: X, tier: central}\n", path="a.yaml")
    with pytest.raises(InputError, match=r"^a\.yaml:3:1: not valid YAML"):
        load_agency_map("agencies:\n  - {name: [\n", path="a.yaml")


def test_import_with_an_agency_map_from_the_command_line(tmp_path: Path) -> None:
    """--agencies: ArchiSurance's organisations get the tier and unit the map states."""
    amap = tmp_path / "agencies.yaml"
    amap.write_text(
        yaml.safe_dump(
            {
                "agencies": [{"identifier": "id-275", "level": "central"}],
                "defaults": {"level": "provincial", "unit": "vn:province/08"},
            }
        ),
        encoding="utf-8",
    )
    out = tmp_path / "as.yaml"
    src = SAMPLES / "opengroup_archisurance_3.1.xml"
    run = CliRunner().invoke(
        main, ["import", "archimate", str(src), "-o", str(out), "--agencies", str(amap)]
    )
    assert run.exit_code == 0, run.output
    assert "agencies: tier unknown for 0 of 17" in run.stderr
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    levels = {a["id"]: (a["level"], a.get("unit")) for a in data["agencies"]}
    assert levels["id-275"] == ("central", None)
    assert levels["id-282"] == ("provincial", "vn:province/08")
