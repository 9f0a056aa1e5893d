"""Colour in the text report: on a terminal, never in a file, and NO_COLOR / FORCE_COLOR /
--color as people set them (no-color.org, force-color.org)."""

import io
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from vndgaf.cli import main
from vndgaf.cli._colour import wants_colour

EXAMPLE = str(Path(__file__).resolve().parents[2] / "examples" / "tuyen-quang")
RED_ERROR = "\x1b[1;31m[error]\x1b[0m"


def _check(*args: str, env: dict[str, str] | None = None) -> str:
    base = {"NO_COLOR": "", "FORCE_COLOR": "", "TERM": "xterm"}
    result = CliRunner(env={**base, **(env or {})}).invoke(main, ["check", EXAMPLE, *args])
    assert result.exit_code == 1, result.output
    return result.stdout


def test_a_pipe_gets_no_colour_unless_forced() -> None:
    assert "\x1b[" not in _check()
    forced = _check(env={"FORCE_COLOR": "1"})
    assert RED_ERROR in forced
    assert forced.replace(RED_ERROR, "[error]").count("\x1b[") > 0  # locations in bold too


def test_no_color_wins_over_force_color_and_the_option_over_both() -> None:
    assert "\x1b[" not in _check(env={"NO_COLOR": "1", "FORCE_COLOR": "1"})
    assert RED_ERROR in _check("--color", "always", env={"NO_COLOR": "1"})
    assert "\x1b[" not in _check("--color", "never", env={"FORCE_COLOR": "1"})


def test_files_and_other_formats_are_never_coloured(tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    _check("-o", str(out), "--color", "always")
    assert "\x1b[" not in out.read_text(encoding="utf-8")
    assert "\x1b[" not in _check("--format", "json", "--color", "always")


def test_the_decision_without_a_terminal() -> None:
    stream = io.StringIO()
    assert not wants_colour("auto", stream, {})
    assert wants_colour("auto", stream, {"FORCE_COLOR": "true"})
    assert not wants_colour("auto", stream, {"FORCE_COLOR": ""})  # empty means unset
    assert not wants_colour("auto", stream, {"NO_COLOR": "1", "FORCE_COLOR": "1"})


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_a_terminal_gets_colour_and_a_dumb_one_does_not() -> None:
    """Through a real pseudo-terminal, as a person running vndgaf sees it."""

    def on_terminal(term: str) -> bytes:
        leader, follower = pty.openpty()
        env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
        process = subprocess.Popen(
            [sys.executable, "-m", "vndgaf", "check", EXAMPLE],
            stdout=follower,
            stderr=subprocess.DEVNULL,
            env={**env, "TERM": term},
        )
        os.close(follower)
        chunks = []
        while True:  # read while it writes: a full terminal buffer would stop the writer
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the writer closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        os.close(leader)
        process.wait(timeout=120)
        return b"".join(chunks)

    assert RED_ERROR.encode() in on_terminal("xterm-256color")
    assert b"\x1b[" not in on_terminal("dumb")
