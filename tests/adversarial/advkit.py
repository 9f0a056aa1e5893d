"""Shared tools of the adversarial corpus: documents, a guarded CLI runner, finding lookups.

The CLI runs in a subprocess with a timeout (a hang fails the test instead of blocking it), an
address-space limit (a memory blow-up fails instead of swapping) and a socket guard installed
before vndgaf is imported (any network access fails loudly).
"""

import json
import os
import resource
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from vndgaf.diagnostics import Finding

SUBMISSION = {
    "submitter": "vn:agency/bo-tu-phap",
    "framework_version": "4.0",
    "as_of": "2025-12-01",
}

# Runs in the child before vndgaf is imported: sockets refuse to exist.
_GUARD = """
import socket, sys
class _NoSocket(socket.socket):
    def __init__(self, *args, **kwargs):
        raise OSError("network access attempted")
def _refuse(*args, **kwargs):
    raise OSError("network access attempted")
socket.socket = _NoSocket
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
from vndgaf.cli import main
main(args=sys.argv[1:], prog_name="vndgaf")
"""

DEFAULT_TIMEOUT = 180.0
DEFAULT_MEMORY = 3 * 1024**3


def document(**lists: Any) -> dict[str, Any]:
    """A submission document with the standard submission block and the given element lists."""
    return {"format_version": 1, "submission": dict(SUBMISSION), **lists}


def agency(ident: str, name: str = "Cơ quan", **extra: Any) -> dict[str, Any]:
    """A central agency under the Ministry of Justice (so no hierarchy finding by itself)."""
    return {
        "id": ident,
        "name": name,
        "level": "central",
        "type": "other",
        "parent": "vn:agency/bo-tu-phap",
        **extra,
    }


def write_json(path: Path, doc: Any) -> Path:
    """Write ``doc`` as UTF-8 JSON (non-ASCII kept) and return the path."""
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def codes(findings: Sequence[Finding]) -> list[str]:
    """The codes of ``findings``, in report order."""
    return [f.code for f in findings]


def where(findings: Sequence[Finding], code: str) -> list[tuple[int, int, str]]:
    """(line, column, pointer) of every finding with ``code``."""
    return [
        (f.location.line, f.location.column, f.location.pointer)
        for f in findings
        if f.code == code and f.location is not None
    ]


@attrs.frozen
class Run:
    """What one CLI run printed and returned."""

    code: int
    out: bytes
    err: str

    @property
    def text(self) -> str:
        """Standard output decoded as UTF-8."""
        return self.out.decode("utf-8")


def _limit_memory(limit: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def run_cli(
    args: Sequence[str],
    *,
    cwd: Path | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    memory: int = DEFAULT_MEMORY,
    env: dict[str, str] | None = None,
) -> Run:
    """Run ``vndgaf ARGS`` in a guarded subprocess; fails the test on a hang or a traceback."""
    environ = {**os.environ, "PYTHONHASHSEED": "0", **(env or {})}
    done = subprocess.run(
        [sys.executable, "-c", _GUARD, *args],
        cwd=cwd,
        capture_output=True,
        timeout=timeout,
        env=environ,
        preexec_fn=lambda: _limit_memory(memory),
        check=False,
    )
    err = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    return Run(done.returncode, done.stdout, err)


def one_line_error(run: Run) -> str:
    """Assert the run failed with exit 2 and exactly one 'vndgaf: error:' line; return it."""
    assert run.code == 2, (run.code, run.err)
    lines = run.err.splitlines()
    assert len(lines) == 1, run.err
    assert lines[0].startswith("vndgaf: error: "), run.err
    return lines[0]
