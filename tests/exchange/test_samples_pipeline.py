"""The Archi samples import, validate, check and render: a model from another tool goes
through the whole pipeline."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from vndgaf.cli import main
from vndgaf.load import load

SAMPLES = sorted((Path(__file__).parents[1] / "data" / "archimate-samples").glob("*.xml"))


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_sample_imports_checks_and_renders(sample: Path, tmp_path: Path) -> None:
    """import archimate -> YAML that loads without findings, checks, and renders to SVG."""
    runner = CliRunner()
    out = tmp_path / "model.yaml"
    run = runner.invoke(main, ["import", "archimate", str(sample), "-o", str(out)])
    assert run.exit_code == 0, run.output
    result = load([out])
    assert [f.code for f in result.findings if f.code != "REF006"] == []
    check = runner.invoke(main, ["check", str(out), "--format", "json"])
    assert check.exit_code in (0, 1), check.output
    assert '"version": 1' in check.output
    svg = tmp_path / "model.svg"
    render = runner.invoke(main, ["render", str(out), "-o", str(svg)])
    assert render.exit_code == 0, render.output
    assert svg.read_text(encoding="utf-8").lstrip().startswith(("<?xml", "<svg", "<!DOCTYPE"))
