"""A small run imports only what it needs (docs/performance.md, "The small case").

Checked in a fresh interpreter: the modules a command imported are read from ``sys.modules``
when it has finished, so nothing imported earlier by the test session can hide an import.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

_PROBE = """
import json, sys
from vndgaf.cli import main
try:
    main(args=sys.argv[1:], prog_name="vndgaf")
except SystemExit as exc:
    code = exc.code
sys.stdout.flush()
print("\\n" + json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""

HEAVY = ("networkx", "pydot", "jsonschema")


def _imported(*args: str) -> tuple[int, set[str]]:
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert proc.stderr == "", proc.stderr
    probe = json.loads(proc.stdout.strip().splitlines()[-1])
    return probe["code"], {name.split(".")[0] for name in probe["modules"]}


@pytest.mark.parametrize("path", ["examples/bo-tu-phap", "examples/tuyen-quang"])
def test_validate_of_a_valid_submission_imports_no_graph_diagram_or_error_library(
    path: str,
) -> None:
    code, top = _imported("validate", path)
    assert code == 0
    assert not top & set(HEAVY), sorted(top & set(HEAVY))


def test_validate_of_an_invalid_file_does_import_jsonschema_for_its_messages(
    tmp_path: Path,
) -> None:
    """The precise messages come from jsonschema: the probe above can see an import."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("agencies:\n  - id: 7\n", encoding="utf-8")
    code, top = _imported("validate", str(bad))
    assert code == 1
    assert "jsonschema" in top and "networkx" not in top


def test_import_vndgaf_alone_imports_no_graph_or_diagram_library() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", "import json, sys, vndgaf; print(json.dumps(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
    )
    top = {name.split(".")[0] for name in json.loads(proc.stdout)}
    assert not top & set(HEAVY)


def _modules(*args: str) -> tuple[int, set[str], str]:
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, cwd=ROOT, check=False
    )
    lines = proc.stdout.strip().splitlines()
    probe = json.loads(lines[-1])
    return probe["code"], set(probe["modules"]), "\n".join(lines[:-1])


#: What a clean YAML file's ``validate`` has no use for: unit resolution (only a dangling unit
#: reference asks for it), the other report writers, the JSON reader.
NOT_FOR_A_CLEAN_YAML_FILE = (
    "vndgaf.reference.resolve",
    "vndgaf.reference.conversion",
    "vndgaf.report.sarif",
    "vndgaf.report.html_",
    "vndgaf.report.markdown",
    "vndgaf.load.json_reader",
)


def test_validate_of_a_clean_yaml_file_imports_only_what_it_uses() -> None:
    code, modules, _ = _modules("validate", "examples/bo-tu-phap")
    assert code == 0
    assert not modules & set(NOT_FOR_A_CLEAN_YAML_FILE)
    assert "vndgaf.report.text" in modules  # the probe sees what the command did import


def test_a_pre_merger_unit_still_gets_its_successor_named(tmp_path: Path) -> None:
    """Unit resolution, imported on demand, still answers: Quảng Nam (49) became Đà Nẵng (48)."""
    (tmp_path / "sub.yaml").write_text(
        "format_version: 1\n"
        'submission: {submitter: vn:province/48, framework_version: "4.0", as_of: 2025-11-01}\n'
        "agencies:\n"
        "  - {id: ubnd, name: Ủy ban nhân dân, level: provincial, unit: vn:province/49}\n",
        encoding="utf-8",
    )
    code, modules, output = _modules("validate", str(tmp_path / "sub.yaml"))
    assert code == 1
    assert "vndgaf.reference.resolve" in modules
    assert "REF007" in output and "SCH" not in output, output
    assert "part of Thành phố Đà Nẵng: use vn:province/48" in output, output
