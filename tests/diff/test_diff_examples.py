"""`vndgaf diff` on the two bundled versions of the Tuyên Quang example (snapshots)."""

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from vndgaf.cli import main

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parent / "golden"
OLD, NEW = "examples/tuyen-quang", "examples/tuyen-quang-v2"


def _golden(name: str, actual: str) -> None:
    """Compare with golden file ``name``; rewrite it when VNDGAF_UPDATE_GOLDEN=1."""
    path = GOLDEN / name
    if os.environ.get("VNDGAF_UPDATE_GOLDEN") == "1":
        path.write_text(actual, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{name} differs from its golden file (VNDGAF_UPDATE_GOLDEN=1)"


def _run(monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str]:
    monkeypatch.chdir(ROOT)  # paths in the output are then relative, as a user types them
    result = CliRunner().invoke(main, ["diff", *args])
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("fmt", "lang", "golden"),
    [
        ("text", "en", "tuyen-quang.en.txt"),
        ("text", "vi", "tuyen-quang.vi.txt"),
        ("json", "en", "tuyen-quang.json"),
    ],
)
def test_example_diff_snapshot(
    monkeypatch: pytest.MonkeyPatch, fmt: str, lang: str, golden: str
) -> None:
    """The diff of the two example versions equals its snapshot and exits 1 (changes found)."""
    code, output = _run(monkeypatch, OLD, NEW, "--format", fmt, "--lang", lang)
    assert code == 1
    _golden(golden, output)


def test_example_diff_names_the_revision(monkeypatch: pytest.MonkeyPatch) -> None:
    """The revision's five edits appear as the expected additions, removals and field changes."""
    _code, output = _run(monkeypatch, OLD, NEW, "--format", "json")
    doc = json.loads(output)
    assert doc["version"] == 1 and doc["changed"] is True
    elements = doc["elements"]
    tq = "ubnd-tuyen-quang::"  # every element is named by its qualified id
    assert [e["id"] for e in elements["agencies"]["removed"]] == [tq + "ubnd-huyen-yen-son"]
    assert [e["id"] for e in elements["databases"]["added"]] == [tq + "csdl-gpxd-tuyen-quang"]
    assert [e["id"] for e in elements["investments"]["removed"]] == [tq + "dt-thanh-toan-tinh"]
    flow = {c["id"]: c for c in elements["flows"]["changed"]}[tq + "f-hotich-bo"]
    assert {f["field"]: (f["old"], f["new"]) for f in flow["fields"]}["via"] == (
        [],
        ["lgsp-tuyen-quang", "vn:platform/ndxp"],
    )
    service = {c["id"]: c for c in elements["services"]["changed"]}[tq + "dv-cap-phep-xay-dung"]
    assert {"field": "online_level", "old": "mot_phan", "new": "toan_trinh"} in service["fields"]
    resolved = {(f["code"], f["subject"]) for f in doc["findings"]["resolved"]}
    assert {("IOP001", tq + "f-hotich-bo"), ("STR001", tq + "ubnd-huyen-yen-son")} <= resolved
    introduced = {(f["code"], f["subject"]) for f in doc["findings"]["introduced"]}
    assert ("DAT003", tq + "dv-cap-phep-xay-dung") in introduced


def test_same_version_has_no_changes_and_exits_0(monkeypatch: pytest.MonkeyPatch) -> None:
    """Diffing a submission with itself reports nothing and exits 0, like diff(1)."""
    code, output = _run(monkeypatch, OLD, OLD)
    assert code == 0
    assert output.endswith("\nNo changes.\n")
    code, output = _run(monkeypatch, OLD, OLD, "--format", "json", "--lang", "vi")
    assert code == 0 and json.loads(output)["changed"] is False


def test_missing_input_exits_2(monkeypatch: pytest.MonkeyPatch) -> None:
    """A path that does not exist is a one-line error with exit code 2."""
    code, output = _run(monkeypatch, OLD, "examples/no-such-version")
    assert code == 2
    assert "examples/no-such-version: no such file or directory" in output
