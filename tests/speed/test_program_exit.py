"""The program ends without tearing down its heap (``vndgaf.cli.run``), and loses nothing.

``os._exit`` skips the interpreter's clean-up, so everything written must have been flushed
before it: the program's output and exit code are compared with those of ``main`` run the
ordinary way (returning through ``SystemExit``) in a fresh interpreter.
"""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

_ORDINARY = """
import sys
from vndgaf.cli import main
main(args=sys.argv[1:], prog_name="vndgaf")
"""


def _program(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "vndgaf", *args], capture_output=True, cwd=ROOT, check=False
    )


def _ordinary(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-c", _ORDINARY, *args], capture_output=True, cwd=ROOT, check=False
    )


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("check", "examples/tuyen-quang", "--format", "json", "--as-of", "2025-11-15"), 1),
        (("reference", "communes"), 0),  # larger than a pipe's buffer
        (("check", "no/such/folder"), 2),
        (("validate", "--no-such-option"), 2),
    ],
)
def test_the_program_writes_and_exits_as_main_does(args: tuple[str, ...], code: int) -> None:
    program, ordinary = _program(*args), _ordinary(*args)
    assert program.returncode == ordinary.returncode == code
    assert program.stdout == ordinary.stdout
    # click names the program "python -m vndgaf" when it runs that way
    assert program.stderr.replace(b"python -m vndgaf", b"vndgaf") == ordinary.stderr
    if code == 0:
        assert len(program.stdout) > 65536


def test_a_reader_that_stops_early_ends_the_program_with_141() -> None:
    proc = subprocess.run(
        f"{sys.executable} -m vndgaf reference communes | head -c 10 >/dev/null;"
        " echo ${PIPESTATUS[0]}",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    assert proc.stdout.strip() == "141"
    assert "Traceback" not in proc.stderr
