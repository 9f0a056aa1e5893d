"""``vndgaf import archimate`` and ``vndgaf export --to archimate`` from the command line."""

from pathlib import Path

import yaml
from click.testing import CliRunner
from exchange_fixtures import province

from vndgaf.cli import main
from vndgaf.exchange import to_archimate

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "archimate-samples"


def test_import_writes_yaml_and_prints_the_summary(tmp_path: Path) -> None:
    """The sample becomes a YAML submission; stderr lists mapped counts and kept-aside items."""
    out = tmp_path / "sample.yaml"
    result = CliRunner().invoke(
        main, ["import", "archimate", str(SAMPLES / "archi_Sample1.xml"), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["agencies"] == [
        {"id": "id-37d5bc4b", "name": "Sales Person", "level": "provincial"}
    ]
    lines = result.stderr.splitlines()
    assert lines[0] == "mapped 1: 1 agency"
    assert lines[1] == "kept aside 5:"
    assert "  - Assignment [id-52b86b7b]: an end of this relationship was not imported" in lines


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
    assert result.stderr.splitlines()[1] == "kept aside 0"


def test_import_refuses_a_doctype_with_exit_2(tmp_path: Path) -> None:
    """A DOCTYPE is a one-line error and exit code 2, not a traceback."""
    src = tmp_path / "bomb.xml"
    src.write_text('<!DOCTYPE m [<!ENTITY a "b">]><model/>', encoding="utf-8")
    result = CliRunner().invoke(main, ["import", "archimate", str(src)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"vndgaf: error: {src}:1:13: XML document type declarations")
    assert len(result.stderr.splitlines()) == 1
