"""Resource attacks: alias bombs, absurd nesting and 50 MB inputs stay bounded in time, memory."""

import json
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
from advkit import agency, document, one_line_error, run_cli, where

from vndgaf.load import Limits, ParseResult, load, parse_bytes

# Runs the command line in subprocesses: `make quick` leaves it out, `make test` runs it.
pytestmark = pytest.mark.slow

DEPTH = 100_000
MEMORY_BOUND = 64 * 1024 * 1024  # peak Python allocations while parsing one hostile document
TIME_BOUND = 10.0


def bounded(action: Callable[[], ParseResult]) -> ParseResult:
    """Run ``action`` and assert it stayed under the time and traced-memory bounds."""
    tracemalloc.start()
    start = time.perf_counter()
    try:
        result = action()
    finally:
        elapsed = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert elapsed < TIME_BOUND, elapsed
    assert peak < MEMORY_BOUND, peak
    return result


def only(result: ParseResult) -> tuple[str, int, int, str]:
    """The single problem of ``result`` as (code, line, column, English message)."""
    assert result.data is None
    assert len(result.problems) == 1, result.problems
    p = result.problems[0]
    return p.code, p.line, p.column, p.message.en


ALIAS_BOMB = "Aliases expand to more than 100000 nodes (a possible alias bomb)."


def _sequence_bomb() -> bytes:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    previous = "a"
    for name in "bcdefghi":
        lines.append(f"{name}: &{name} [{','.join(['*' + previous] * 9)}]")
        previous = name
    return ("\n".join(lines) + "\n").encode()


def _mapping_bomb() -> bytes:
    """Billion laughs made of nested mappings instead of lists."""
    lines = ["m0: &m0 {a: x, b: x, c: x, d: x, e: x, f: x, g: x, h: x}"]
    for level in range(1, 10):
        keys = ", ".join(f"k{i}: *m{level - 1}" for i in range(8))
        lines.append(f"m{level}: &m{level} {{{keys}}}")
    return ("\n".join(lines) + "\n").encode()


def _block_bomb() -> bytes:
    """The same attack written in block style, anchors on nested mappings inside a list."""
    out = ["format_version: 1", "agencies:", "  - &l0", "    id: a", "    name: b"]
    for level in range(1, 12):
        out.append(f"  - &l{level}")
        out.extend(f"    k{i}: *l{level - 1}" for i in range(6))
    return ("\n".join(out) + "\n").encode()


def _wide_bomb() -> bytes:
    """One big anchored list referenced many times: linear, but still over the budget."""
    big = ",".join(["x"] * 1000)
    refs = ",".join(["*a"] * 200)
    return f"a: &a [{big}]\nb: [{refs}]\n".encode()


@pytest.mark.parametrize(
    ("name", "make", "line", "column", "pointer"),
    [
        ("sequences", _sequence_bomb, 6, 8, "/f/0"),
        ("mappings", _mapping_bomb, 6, 23, "/m5/k1"),
        ("block", _block_bomb, 44, 9, "/agencies/6/k2"),
        ("wide", _wide_bomb, 2, 302, "/b/99"),
    ],
)
def test_alias_bombs_stop_at_the_expansion_limit(
    name: str, make: Callable[[], bytes], line: int, column: int, pointer: str
) -> None:
    """Each alias-bomb shape is one SCH004 at the alias that crosses 100,000 expanded nodes."""
    raw = make()
    result = bounded(lambda: parse_bytes(raw, f"{name}.yaml"))
    assert only(result) == ("SCH004", line, column, ALIAS_BOMB)
    assert result.problems[0].pointer == pointer


def test_alias_limit_can_be_raised_by_the_library_caller() -> None:
    """With a larger max_alias_nodes the wide (linear) shape parses and every alias is expanded."""
    result = parse_bytes(_wide_bomb(), "wide.yaml", limits=Limits(max_alias_nodes=300_000))
    assert result.problems == ()
    assert result.data is not None
    assert len(result.data["b"]) == 200 and len(result.data["b"][199]) == 1000


def test_recursive_and_undefined_aliases_are_syntax_errors() -> None:
    """An alias to its own enclosing anchor, or to nothing, is SCH001 at the alias."""
    selfref = parse_bytes(b"a: &a [*a]\n", "self.yaml")
    assert only(selfref) == (
        "SCH001",
        1,
        8,
        "The alias *a refers to no anchor defined before it.",
    )
    assert only(parse_bytes(b"a: *nope\n", "none.yaml"))[:3] == ("SCH001", 1, 4)


DEEP = "Nesting is deeper than 200 levels."
# An unbalanced YAML flow collection stops at level 201 (column 203), or earlier at libyaml's own
# bound of 1000 levels met while it scans ahead for a key (column 1003): libyaml 0.2.5 as bundled
# in PyYAML 6.0.4 wheels has that bound, older builds do not. Either is one SCH004, fast.
FLOW_STOPS = {(1, 203), (1, 1003)}


@pytest.mark.parametrize(
    ("name", "raw", "where_"),
    [
        ("flow-seq.yaml", b"x: " + b"[" * DEPTH + b"]" * DEPTH, FLOW_STOPS),
        ("flow-map.yaml", b"x: " + b"{a: " * DEPTH + b"1" + b"}" * DEPTH, (1, 800)),
        ("block-seq.yaml", b"format_version: 1\nx:\n" + b"- " * DEPTH + b"leaf\n", (3, 399)),
        ("unclosed.yaml", b"x: " + b"[" * DEPTH, FLOW_STOPS),
        ("array.json", b"[" * DEPTH + b"]" * DEPTH, (1, 201)),
        ("object.json", b'{"a":' * DEPTH + b"1" + b"}" * DEPTH, (1, 1001)),
        ("unclosed.json", b"[" * DEPTH, (1, 201)),
    ],
)
def test_nesting_100000_levels_is_one_sch004(
    name: str, raw: bytes, where_: tuple[int, int] | set[tuple[int, int]]
) -> None:
    """100,000 levels of YAML flow, YAML block or JSON nesting: SCH004 fast, no RecursionError."""
    result = bounded(lambda: parse_bytes(raw, name))
    code, line, column, message = only(result)
    assert (code, message) == ("SCH004", DEEP)
    assert (line, column) in (where_ if isinstance(where_, set) else {where_})


def test_block_mapping_nesting_reports_the_line_past_the_limit() -> None:
    """Indented block mappings 400 deep stop at line 202, the first level past 200."""
    raw = b"format_version: 1\nx:\n" + b"".join(b" " * i + b"k:\n" for i in range(1, 400))
    result = bounded(lambda: parse_bytes(raw, "block-map.yaml"))
    assert only(result) == ("SCH004", 202, 201, DEEP)
    assert result.problems[0].pointer == "/x" + "/k" * 199


def test_deep_nesting_through_the_cli_is_a_finding_not_a_crash(tmp_path: Path) -> None:
    """`vndgaf check` on 100,000-deep JSON exits 1 with SCH004 at line 1, column 201."""
    path = tmp_path / "deep.json"
    path.write_bytes(b"[" * DEPTH + b"]" * DEPTH)
    run = run_cli(["check", "--format", "json", str(path)], timeout=120)
    assert run.code == 1
    findings = json.loads(run.text)["findings"]
    assert [(f["code"], f["location"]["line"], f["location"]["column"]) for f in findings] == [
        ("SCH004", 1, 201)
    ]


FIFTY_MB = 50 * 1024 * 1024

# Loads the 50 MB submission in the child and reports what it saw, with its peak memory.
_LOAD_BIG = """
import json, resource, sys, time
from vndgaf.load import load
start = time.perf_counter()
result = load([sys.argv[1]])
print(json.dumps({
    "flows": len(result.architecture.flows),
    "codes": sorted({f.code for f in result.findings}),
    "seconds": time.perf_counter() - start,
    "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
}))
"""


def _write_big_submission(path: Path) -> int:
    """A valid 50 MB JSON submission: two systems and ~48,000 flows of ~1 KB each."""
    doc = document(
        agencies=[agency("ag")],
        systems=[
            {"id": "s-a", "name": "Hệ thống A", "owner": "ag"},
            {"id": "s-b", "name": "Hệ thống B", "owner": "ag"},
        ],
    )
    filler = "Luồng dữ liệu giữa hai hệ thống " * 30
    flows = []
    size = 0
    while size < FIFTY_MB:
        flow = {
            "id": f"flow-{len(flows):06d}",
            "name": f"{filler}{len(flows)}",
            "source": "s-a",
            "target": "s-b",
            "mode": "on_request",
        }
        flows.append(flow)
        size += len(json.dumps(flow, ensure_ascii=False).encode("utf-8")) + 1
    doc["flows"] = flows
    write = json.dumps(doc, ensure_ascii=False).encode("utf-8")
    assert len(write) >= FIFTY_MB
    path.write_bytes(write)
    return len(flows)


@pytest.mark.slow
def test_a_50_mb_valid_submission_loads_within_bounds(tmp_path: Path) -> None:
    """50 MB of valid JSON flows loads completely in a child limited to 3 GB, within 5 minutes."""
    import subprocess
    import sys

    path = tmp_path / "big.json"
    count = _write_big_submission(path)
    done = subprocess.run(
        [sys.executable, "-c", _LOAD_BIG, str(path)],
        capture_output=True,
        timeout=300,
        check=False,
        preexec_fn=lambda: __import__("resource").setrlimit(
            __import__("resource").RLIMIT_AS, (3 * 1024**3, 3 * 1024**3)
        ),
    )
    assert done.returncode == 0, done.stderr.decode()
    seen = json.loads(done.stdout)
    assert seen["flows"] == count
    assert seen["codes"] == []
    assert seen["max_rss_mb"] < 2500


def test_a_50_mb_single_string_is_sch004_in_json_and_yaml(tmp_path: Path) -> None:
    """A 50 MB string value is rejected as SCH004 'longer than 10485760 characters' (not loaded)."""
    big = "a" * FIFTY_MB
    json_path = tmp_path / "string.json"
    json_path.write_text('{"format_version": 1, "x": "' + big + '"}', encoding="utf-8")
    yaml_path = tmp_path / "string.yaml"
    yaml_path.write_text('format_version: 1\nx: "' + big + '"\n', encoding="utf-8")
    del big
    message = "A value is longer than 10485760 characters."
    for path, position in ((json_path, (1, 28, "/x")), (yaml_path, (2, 4, "/x"))):
        start = time.perf_counter()
        result = load([path])
        assert time.perf_counter() - start < 60
        assert [f.code for f in result.findings] == ["SCH004"]
        assert where(result.findings, "SCH004") == [position]
        assert result.findings[0].message.en == message
        assert result.architecture.flows == ()


def test_file_over_max_bytes_is_refused_before_reading(tmp_path: Path) -> None:
    """A file larger than max_bytes is SCH004 at 1:1 without being parsed."""
    path = tmp_path / "big.yaml"
    path.write_bytes(b"format_version: 1\n" + b"#" * 5000 + b"\n")
    result = load([path], limits=Limits(max_bytes=4096))
    assert [(f.code, f.message.en) for f in result.findings] == [
        ("SCH004", "The file is larger than 4096 bytes.")
    ]
    assert where(result.findings, "SCH004") == [(1, 1, "")]


def test_cli_refuses_an_alias_bomb_quickly(tmp_path: Path) -> None:
    """`vndgaf validate` on a billion-laughs file exits 1 with SCH004 and prints no traceback."""
    path = tmp_path / "bomb.yaml"
    path.write_bytes(b"format_version: 1\n" + _sequence_bomb())
    start = time.perf_counter()
    run = run_cli(["validate", str(path)], timeout=60, memory=1024**3)
    assert time.perf_counter() - start < 60
    assert run.code == 1
    assert f"{path}:7:8: SCH004" in run.text


def test_missing_file_is_a_one_line_error(tmp_path: Path) -> None:
    """A path that does not exist is one 'vndgaf: error:' line and exit 2."""
    line = one_line_error(run_cli(["check", str(tmp_path / "nope.yaml")]))
    assert line == f"vndgaf: error: {tmp_path / 'nope.yaml'}: no such file or directory"
