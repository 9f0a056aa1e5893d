"""``vndgaf import archimate`` and ``vndgaf export --to archimate`` from the command line."""

import json
from pathlib import Path

import yaml
from click.testing import CliRunner
from exchange_fixtures import province

from vndgaf.cli import main
from vndgaf.exchange import to_archimate

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "archimate-samples"


def test_import_writes_yaml_and_prints_the_summary(tmp_path: Path) -> None:
    """The ArchiSurance model becomes a YAML submission; stderr counts by kind and type and says
    what each kept-aside group means, without any name or documentation of the model."""
    out = tmp_path / "as.yaml"
    src = SAMPLES / "opengroup_archisurance_3.1.xml"
    result = CliRunner().invoke(main, ["import", "archimate", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    crm = next(s for s in data["systems"] if s["id"] == "id-1393")
    assert crm["name"] == "CRM System"
    assert crm["properties"] == {"hosted_on": "Claim Files Service (TechnologyService)"}
    lines = result.stderr.splitlines()
    assert lines[0] == (
        "read opengroup_archisurance_3.1.xml (ArchiMate 3.x exchange): "
        "120 elements, 178 relationships, 17 views"
    )
    assert lines[1] == (
        "model: 17 agencies, 7 systems, 3 databases, 14 entities, 6 services, 9 flows (2 derived)"
    )
    assert "agencies: tier unknown for 17 of 17 (state them with --agencies FILE)" in lines
    assert "relationships: 19 imported, 4 used to derive, 155 kept aside" in lines
    assert any(line.startswith("  21 technology and physical elements (") for line in lines)
    assert lines[-2] == "the full list: --report FILE"
    assert lines[-1] == (
        "back to ArchiMate, with your changes: "
        f"vndgaf export {out} --to archimate --base {src} -o FILE"
    )
    assert "Customer Information Service" not in result.stderr  # no names of the model
    assert "fictional Insurance company" not in result.stderr  # no documentation


def test_import_report_lists_every_item(tmp_path: Path) -> None:
    """--report writes every mapped and kept-aside item with its group and reason (JSON)."""
    report = tmp_path / "report.json"
    src = SAMPLES / "opengroup_archisurance_3.1.xml"
    result = CliRunner().invoke(
        main,
        ["import", "archimate", str(src), "-o", str(tmp_path / "m.yaml"), "--report", str(report)],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["source"] == {"path": src.name, "format": "ArchiMate 3.x exchange"}
    assert data["source_counts"]["relationships"]["Serving"] == {
        "imported": 11,
        "derived": 2,
        "kept_aside": 19,
    }
    ids = {k["source_id"] for k in data["kept_aside"]} | {m["source_id"] for m in data["mapped"]}
    assert "id-1544" in ids  # a BusinessInterface, kept aside
    derived = [m for m in data["mapped"] if m["kind"] == "flow" and m["derived_from"]]
    assert sorted(m["target"] for m in derived) == ["id-1393-to-id-861", "id-861-to-id-1399"]


def test_import_to_json_by_suffix(tmp_path: Path) -> None:
    """An output name ending in .json gives JSON; a vndgaf export comes back with its flows."""
    src = tmp_path / "p.xml"
    src.write_text(to_archimate(province()), encoding="utf-8")
    out = tmp_path / "p.json"
    result = CliRunner().invoke(main, ["import", "archimate", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.lstrip().startswith("{")
    assert '"via": [\n        "tq-lgsp",\n        "vn:platform/ndxp"\n      ]' in text
    assert "agencies: tier unknown for 0 of 5" in result.stderr


def test_import_refuses_a_doctype_with_exit_2(tmp_path: Path) -> None:
    """A DOCTYPE is a one-line error and exit code 2, not a traceback."""
    src = tmp_path / "bomb.xml"
    src.write_text('<!DOCTYPE m [<!ENTITY a "b">]><model/>', encoding="utf-8")
    result = CliRunner().invoke(main, ["import", "archimate", str(src)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"vndgaf: error: {src}:1:13: XML document type declarations")
    assert len(result.stderr.splitlines()) == 1


def test_import_refuses_broken_xml_with_its_line(tmp_path: Path) -> None:
    """Malformed XML: one line naming the file, line and column; exit code 2."""
    src = tmp_path / "broken.xml"
    src.write_text("<model>\n  <elements>\n</model>\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", "archimate", str(src)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"vndgaf: error: {src}:3:3: not well-formed XML")
