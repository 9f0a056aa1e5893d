"""No leaks in library use: a long-lived process (a review server, a notebook) that calls
``render()``, ``check()`` or an export hundreds of times keeps a flat memory.

Each case runs in a fresh interpreter and compares its resident memory after a warm-up with its
resident memory after the repeated calls (``/proc/self/statm``, so Linux only).
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

# Runs the command line in subprocesses: `make quick` leaves it out, `make test` runs it.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).parents[2]
MIB = 1024 * 1024

_DRIVER = """
import datetime as dt, json, sys
from vndgaf import converter
from vndgaf.engine import check
from vndgaf.exchange import export
from vndgaf.graph import build_graph
from vndgaf.load import load
from vndgaf.reference import catalogue
from vndgaf.render import render

def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096

what, calls = sys.argv[1], int(sys.argv[2])
examples = ["examples/tuyen-quang", "examples/bo-tu-phap"]
result = load(examples)
graph = build_graph(result.architecture, catalogue(), dt.date(2025, 12, 1))
findings = check(examples).findings
arch = converter.normalise(result.architecture)

def once():
    if what == "render":
        render(graph, view="overview", findings=findings, highlight=True).to_string()
    elif what == "check":
        check(examples)
    elif what in ("yaml", "json"):
        converter.dumps(arch, what)
    else:
        export(arch, what)

for _ in range(20):  # caches, interned strings, lazily imported modules
    once()
before = rss()
for _ in range(calls):
    once()
print(json.dumps({"before": before, "after": rss()}))
"""


def _growth(what: str, calls: int) -> int:
    done = subprocess.run(
        [sys.executable, "-c", _DRIVER, what, str(calls)],
        cwd=ROOT,
        capture_output=True,
        check=True,
        timeout=1800,
    )
    sizes = json.loads(done.stdout)
    return int(sizes["after"]) - int(sizes["before"])


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="needs /proc (Linux)")
def test_500_renders_grow_memory_by_less_than_20_mib() -> None:
    """500 ``render()`` calls (highlighted overview, DOT text made each time): under 20 MiB
    (before the fix: about 150 KB per call, 75 MB in all)."""
    assert _growth("render", 500) < 20 * MIB


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="needs /proc (Linux)")
@pytest.mark.parametrize("what", ["check", "yaml", "json", "archimate", "mermaid", "graphml"])
def test_repeated_checks_and_exports_keep_memory_flat(what: str) -> None:
    """200 ``check()`` calls or exports of both examples: under 10 MiB of growth."""
    assert _growth(what, 200) < 10 * MIB
