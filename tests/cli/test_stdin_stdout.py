"""`-` reads a submission file from standard input, `-o -` writes to standard output: what
editors and pipelines need, with findings located in the file the user means."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from vndgaf.cli import main

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "tuyen-quang"
BROKEN = "format_version: 1\nagencies:\n  - id: so-tttt\n    nam: Sở Thông tin\n"


def _run(*args: str, stdin: str = "") -> Result:
    return CliRunner().invoke(main, list(args), input=stdin.encode("utf-8"))


def test_a_pipe_is_checked_under_the_stdin_filename(tmp_path: Path) -> None:
    """`cat sub.yaml | vndgaf check - --stdin-filename sub.yaml`, through a real pipe."""
    env = {**os.environ, "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "vndgaf", "check", "-", "--stdin-filename", "sub.yaml"],
        input=BROKEN.encode("utf-8"),
        capture_output=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
        check=False,
    )
    out = done.stdout.decode("utf-8")
    assert done.returncode == 1, done.stderr
    assert "sub.yaml:3:5: SCH011 [error] missing required field 'name' in Agency" in out
    assert "sub.yaml:4:5: SCH010 [error] unknown field 'nam'" in out
    assert not (tmp_path / "sub.yaml").exists()


def test_without_a_name_standard_input_is_reported_as_stdin() -> None:
    result = _run("validate", "-", stdin=BROKEN)
    assert result.exit_code == 1
    assert "<stdin>:3:5: SCH011" in result.stdout


def test_the_suffix_of_the_stdin_filename_picks_json() -> None:
    """JSON text under a .json name is read as JSON: the position is that of the JSON value."""
    doc = {"format_version": 1, "agencies": [{"id": "a", "nam": "A"}]}
    result = _run("validate", "-", "--stdin-filename", "in/sub.json", stdin=json.dumps(doc))
    assert result.exit_code == 1
    assert "in/sub.json:1:" in result.stdout
    assert "SCH010 [error] unknown field 'nam'" in result.stdout


def test_the_buffer_takes_the_place_of_the_file_of_its_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editor checks its unsaved buffer with the rest of the submission: the file on disk of
    the same name is not read as well (no duplicate ids), and the buffer's problems are found."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(EXAMPLE, "tq")
    disk = Path("tq/agencies.yaml").read_text(encoding="utf-8")
    clean = _run("check", "tq", "-", "--stdin-filename", "tq/agencies.yaml", stdin=disk)
    alone = _run("check", "tq")
    assert clean.stdout == alone.stdout
    assert "REF002" not in clean.stdout
    edited = disk.replace("    name:", "    nam:", 1)
    broken = _run("check", "tq/", "-", "--stdin-filename", "./tq/agencies.yaml", stdin=edited)
    assert "tq/agencies.yaml:" in broken.stdout
    assert "unknown field 'nam'" in broken.stdout
    assert Path("tq/agencies.yaml").read_text(encoding="utf-8") == disk


def test_stdin_usage_mistakes_are_one_line() -> None:
    twice = _run("check", "-", "-", stdin=BROKEN)
    assert twice.exit_code == 2
    assert "vndgaf: error: - (standard input) can be given only once" in twice.stderr
    unnamed = _run("check", str(EXAMPLE), "--stdin-filename", "x.yaml")
    assert unnamed.exit_code == 2
    assert "--stdin-filename names standard input: give - among the PATHs" in unnamed.stderr


def test_dash_o_dash_writes_to_standard_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`-o -` is standard output for reports, exports and diagrams; no file named `-`."""
    monkeypatch.chdir(tmp_path)
    report = _run("check", str(EXAMPLE), "--format", "json", "-o", "-")
    assert json.loads(report.stdout)["summary"]
    export = _run("export", str(EXAMPLE), "--to", "mermaid", "-o", "-")
    assert export.exit_code == 0 and export.stdout.startswith("flowchart")
    dot = _run("render", str(EXAMPLE), "-o", "-", "--format", "dot")
    assert dot.exit_code == 0, dot.output
    assert dot.stdout.startswith("digraph") or dot.stdout.startswith("strict digraph")
    assert "-: overview (dot)" in dot.stderr
    no_format = _run("render", str(EXAMPLE), "-o", "-")
    assert no_format.exit_code == 2
    assert "or give --format" in no_format.stderr
    assert not Path("-").exists()
