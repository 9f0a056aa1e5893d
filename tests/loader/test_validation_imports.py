"""jsonschema is loaded only to explain an invalid document: a valid one is decided by
jsonschema-rs alone."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

_PROBE = """
import json, sys
from vndgaf.load import load
result = load(sys.argv[1:])
print(json.dumps([sorted({f.code for f in result.findings}), "jsonschema" in sys.modules]))
"""


def _load_in_fresh_process(*paths: Path) -> tuple[list[str], bool]:
    """The codes found by loading ``paths``, and whether jsonschema was imported to find them."""
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, *map(str, paths)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    codes, imported = json.loads(proc.stdout)
    return codes, imported


@pytest.mark.slow
def test_loading_valid_files_never_imports_jsonschema() -> None:
    """The bundled examples are schema-valid: jsonschema stays unimported."""
    codes, imported = _load_in_fresh_process(ROOT / "examples" / "tuyen-quang")
    assert not any(code.startswith("SCH") for code in codes)
    assert imported is False


@pytest.mark.slow
def test_an_invalid_file_is_explained_by_jsonschema(tmp_path: Path) -> None:
    """A schema error is found by the fast validator and explained by jsonschema."""
    path = tmp_path / "bad.yaml"
    path.write_text("format_version: 1\nagencies:\n  - id: a\n    nmae: A\n", encoding="utf-8")
    codes, imported = _load_in_fresh_process(path)
    assert codes == ["REF006", "SCH010", "SCH011"]
    assert imported is True
