"""No code execution and no network: Graphviz gets an argument list, file names stay names."""

import datetime as dt
import shutil
import socket
import subprocess
from pathlib import Path
from typing import Any

import pytest
from advkit import run_cli

from vndgaf.engine import check_loaded
from vndgaf.graph import build_graph
from vndgaf.load import load
from vndgaf.reference import catalogue
from vndgaf.render import output, render, to_bytes

# Runs the command line in subprocesses: `make quick` leaves it out, `make test` runs it.
pytestmark = pytest.mark.slow

EXAMPLE = Path(__file__).parents[2] / "examples" / "tuyen-quang"
STRANGE_NAMES = [
    "-rf;echo pwned.yaml",
    "--help.yaml",
    "name with spaces.yaml",
    "$(touch pwned).yaml",
    "`touch pwned`.yaml",
    "a|b&c>d.yaml",
]
BROKEN = "format_version: 1\nagencies: [{id: a, name: A, level: central, colour: red}]\n"


def _graph() -> Any:
    result = load([EXAMPLE])
    return build_graph(result.architecture, catalogue(), dt.date(2025, 11, 15))


def test_graphviz_is_called_with_an_argument_list(monkeypatch: pytest.MonkeyPatch) -> None:
    """to_bytes runs [dot, -Tsvg] without a shell; the diagram goes on stdin, never in argv."""
    calls: list[tuple[Any, dict[str, Any]]] = []
    real = subprocess.run

    def spy(args: Any, **kwargs: Any) -> Any:
        calls.append((args, kwargs))
        return real(args, **kwargs)

    monkeypatch.setattr(output.subprocess, "run", spy)
    dot = render(_graph(), view="overview")
    svg = to_bytes(dot, "svg")
    assert svg.startswith(b"<?xml")
    ((args, kwargs),) = calls
    assert args == [shutil.which("dot"), "-Tsvg"]
    assert kwargs.get("shell", False) is False
    assert kwargs["input"] == str(dot.to_string()).encode("utf-8")


def test_render_never_builds_a_command_line_from_names(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever the diagram holds, argv is the same two items (names cannot become arguments)."""
    seen: list[Any] = []

    def fake(args: Any, **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
        seen.append(args)
        return subprocess.CompletedProcess(args, 0, b"<svg/>", b"")

    monkeypatch.setattr(output.subprocess, "run", fake)

    class Dot:
        def to_string(self) -> str:
            return 'digraph { "; rm -rf / #" [label="$(reboot)"] }'

    assert to_bytes(Dot(), "png") == b"<svg/>"
    assert seen == [[shutil.which("dot"), "-Tpng"]]


@pytest.mark.parametrize("name", STRANGE_NAMES)
def test_strange_file_names_are_loaded_as_files(tmp_path: Path, name: str) -> None:
    """A submission named like a shell command or an option is loaded as a file, by the library
    and by the CLI (after `--` or as ./NAME); nothing is executed."""
    path = tmp_path / name
    path.write_text(BROKEN, encoding="utf-8")
    result = load([path])
    assert [(f.code, f.location.path if f.location else "") for f in result.findings] == [
        ("REF006", path.as_posix()),
        ("SCH010", path.as_posix()),
    ]
    for args in (["validate", "--", name], ["validate", f"./{name}"]):
        run = run_cli(args, cwd=tmp_path)
        assert run.code == 1, (args, run.err)
        assert f"{name}:2:45: SCH010" in run.text
        assert name in run.text
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_strange_output_names_are_written_as_given(tmp_path: Path) -> None:
    """-o 'x; touch pwned.svg' writes exactly that file and runs nothing."""
    target = tmp_path / "x; touch pwned.svg"
    run = run_cli(["render", str(EXAMPLE), "-o", str(target)], cwd=tmp_path)
    assert run.code == 0, run.err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x; touch pwned.svg"]
    assert target.read_bytes().startswith(b"<?xml")


def test_loading_checking_and_drawing_never_open_a_socket(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every socket attempt is recorded: load, check and render of the example make none."""
    attempts: list[tuple[object, ...]] = []

    class Recording(socket.socket):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            attempts.append(args)
            raise OSError("blocked")

    monkeypatch.setattr(socket, "socket", Recording)
    result = load([EXAMPLE])
    report = check_loaded(result)
    to_bytes(render(_graph(), view="overview", findings=report.findings, highlight=True), "svg")
    assert report.findings
    assert attempts == []
