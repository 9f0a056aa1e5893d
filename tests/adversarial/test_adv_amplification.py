"""The amplification budget: what aliases expand to is bounded in characters and in depth, and
nothing after loading (messages, suggestions, exports) multiplies the size of a value.

The shapes are those of the attack in issue 21: one aliased 1 MiB or 4 MiB name given to 2,000
systems, aliased duplicate keys, an aliased 8 MiB value in an enum field, and anchors chained
so that their nesting adds up past the depth limit.
"""

import json
from pathlib import Path

import pytest
from advkit import run_cli
from test_adv_bombs import bounded, only

from vndgaf.load import Limits, parse_bytes
from vndgaf.load.problems import EXPANSION_FLOOR

MIB = 1024 * 1024
MEMORY = 500 * MIB
EXPANDED = "Aliases expand the document past {} characters, the most a file of its size may reach"


def _named_by_alias(mib: int, systems: int) -> bytes:
    """2,000 systems all named by one aliased scalar of ``mib`` MiB."""
    lines = [
        "format_version: 1",
        "agencies:",
        f"  - {{id: a, name: &big {'x' * (mib * MIB)}, level: central}}",
        "systems:",
    ]
    lines += [f"  - {{id: s{i}, name: *big, owner: a}}" for i in range(systems)]
    return ("\n".join(lines) + "\n").encode()


@pytest.mark.parametrize("mib", [1, 4])
def test_an_aliased_name_given_to_2000_systems_stops_at_the_budget(mib: int) -> None:
    """The expanded document may hold 10 times the characters of its file: the alias that
    crosses that is one located SCH004, found within the time and memory bounds."""
    raw = _named_by_alias(mib, 2000)
    result = bounded(lambda: parse_bytes(raw, "alias.yaml"))
    budget = Limits().expansion_budget(len(raw.decode()))
    assert budget == 10 * len(raw.decode())
    code, line, column, message = only(result)
    # The anchor and 9 aliases fit in 10 times the file; the 10th alias (line 14) crosses it.
    assert (code, line, column) == ("SCH004", 14, 20)
    assert message.startswith(EXPANDED.format(budget))
    assert result.problems[0].pointer == "/systems/9/name"


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "alias.yaml"],
        ["check", "alias.yaml"],
        ["check", "alias.yaml", "--format", "json", "-o", "report.json"],
        ["export", "alias.yaml", "--to", "json"],
        ["export", "alias.yaml", "--to", "yaml"],
        ["export", "alias.yaml", "--to", "graphml"],
        ["export", "alias.yaml", "--to", "mermaid"],
        ["export", "alias.yaml", "--to", "archimate"],
        ["render", "alias.yaml", "-o", "out.svg"],
    ],
)
def test_no_command_on_the_4_mib_alias_document_exceeds_500_mb(
    tmp_path: Path, args: list[str]
) -> None:
    """Every command on the 4 MiB x 2,000 document stops at the SCH004 within 500 MB of
    address space: checks exit 1 with the finding, exports refuse with it on one line."""
    (tmp_path / "alias.yaml").write_bytes(_named_by_alias(4, 2000))
    run = run_cli(args, cwd=tmp_path, memory=MEMORY, timeout=120)
    shown = run.out.decode("utf-8") + run.err
    if "-o" in args and args[0] == "check":
        shown = (tmp_path / "report.json").read_text(encoding="utf-8")
    assert run.code == (2 if args[0] == "export" else 1), run.err
    assert "SCH004" in shown and "Aliases expand the document past" in shown
    assert "/systems/9/name" in shown or "alias.yaml:14:20" in shown


def test_aliased_duplicate_keys_stop_at_the_budget() -> None:
    """One 1 MiB key aliased as 2,000 keys of one mapping: each repeat is a duplicate key,
    and the budget (which counts keys and their pointers) stops it at a few."""
    lines = [f"format_version: 1\nx:\n  ? &k {'k' * MIB}\n  : 1"]
    lines += ["  *k : 2"] * 2000
    raw = ("\n".join(lines) + "\n").encode()
    result = bounded(lambda: parse_bytes(raw, "keys.yaml"))
    assert result.data is None
    *duplicates, last = result.problems
    assert last.code == "SCH004" and last.message.en.startswith("Aliases expand")
    assert 1 <= len(duplicates) <= 10
    assert {p.code for p in duplicates} == {"SCH002"}
    assert all(len(p.message.en) < 300 for p in duplicates)  # the key is quoted shortened


def test_chained_anchors_cannot_nest_past_the_depth_limit() -> None:
    """12 anchors of 150 levels, each holding the one before: the second one already reaches
    past 200 levels, and is SCH004 at its alias (not "nested too deeply" at exit 2)."""
    depth = 150
    lines = ["format_version: 1", "x0: &a0 " + "[" * depth + "]" * depth]
    for i in range(1, 12):
        inner = "[" * (depth - 1) + f"*a{i - 1}" + "]" * (depth - 1)
        lines.append(f"x{i}: &a{i} {inner}")
    raw = ("\n".join(lines) + "\n").encode()
    result = bounded(lambda: parse_bytes(raw, "chain.yaml"))
    assert only(result) == ("SCH004", 3, 158, "Nesting is deeper than 200 levels.")
    assert result.problems[0].pointer == "/x1" + "/0" * (depth - 1)


def test_an_aliased_container_fits_when_its_depth_does() -> None:
    """An aliased list of 100 levels under 100 more is exactly at the limit and loads."""
    raw = b"a: &a " + b"[" * 99 + b"1" + b"]" * 99 + b"\nb: " + b"[" * 100 + b"*a" + b"]" * 100
    result = parse_bytes(raw, "fits.yaml")
    assert result.problems == ()
    assert result.data is not None


def test_a_short_submission_may_share_anchors_freely() -> None:
    """A small file expands to up to 1 MiB whatever its size: 500 systems sharing one
    anchored provenance block load without a problem."""
    lines = [
        "format_version: 1",
        "agencies:",
        "  - id: a",
        "    name: Sở",
        "    level: provincial",
        "    provenance: &p {source: Báo cáo khảo sát năm 2025 của Sở, as_of: '2025-06-30'}",
        "systems:",
    ]
    lines += [f"  - {{id: s{i}, name: Hệ thống {i}, owner: a, provenance: *p}}" for i in range(500)]
    raw = ("\n".join(lines) + "\n").encode()
    assert 10 * len(raw) < EXPANSION_FLOOR * 2
    result = parse_bytes(raw, "shared.yaml")
    assert result.problems == ()
    assert result.data["systems"][499]["provenance"]["as_of"] == "2025-06-30"


def test_the_budget_can_be_raised_by_the_library_caller() -> None:
    """Limits(max_expansion=…) lets a trusted caller load what the default refuses."""
    raw = _named_by_alias(1, 30)
    assert parse_bytes(raw, "a.yaml").data is None
    result = parse_bytes(raw, "a.yaml", limits=Limits(max_expansion=40))
    assert result.problems == ()
    assert len(result.data["systems"]) == 30


def test_an_aliased_8_mib_enum_value_costs_no_suggestion(tmp_path: Path) -> None:
    """An 8 MiB value in an enum field, aliased as far as the budget allows: each use is one
    SCH011 whose message quotes the value shortened, with no did-you-mean search over it."""
    big = "provincial" + "x" * (8 * MIB)
    lines = ["format_version: 1", "agencies:", f"  - {{id: a0, name: n, level: &v {big}}}"]
    lines += [f"  - {{id: a{i}, name: n, level: *v}}" for i in range(1, 9)]
    path = tmp_path / "enum.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = run_cli(["check", "enum.yaml", "--format", "json"], cwd=tmp_path, timeout=120)
    assert run.code == 1
    assert len(run.out) < 200_000
    report = json.loads(run.out)
    levels = [f for f in report["findings"] if f["location"]["pointer"].endswith("/level")]
    assert len(levels) == 9
    assert all("did you mean" not in f["message"] for f in levels)
    assert all(len(f["message"]) < 500 for f in levels)


def test_the_near_miss_document_of_5000_ids_validates_within_bounds(tmp_path: Path) -> None:
    """5,000 systems and 5,000 references one letter off: every REF001 is located and names
    the id it misspells, in bounded time (the quadratic search took 394 s)."""
    n = 5_000
    doc = {
        "format_version": 1,
        "agencies": [{"id": "so-tp", "name": "Sở", "level": "provincial"}],
        "systems": [
            {"id": f"he-thong-quan-ly-{i:05d}", "name": f"HT {i}", "owner": "so-tp"}
            for i in range(n)
        ],
        "flows": [
            {
                "id": f"f{i}",
                "source": f"he-thong-quan-ly-{i:05d}x",
                "target": f"he-thong-quan-ly-{i:05d}",
            }
            for i in range(n)
        ],
    }
    (tmp_path / "near.json").write_text(json.dumps(doc), encoding="utf-8")
    run = run_cli(["validate", "near.json", "--format", "json"], cwd=tmp_path, timeout=60)
    assert run.code == 1
    found = [f for f in json.loads(run.out)["findings"] if f["code"] == "REF001"]
    sources = [f for f in found if f["location"]["pointer"].endswith("/source")]
    assert len(sources) == n
    first = sources[0]
    assert first["location"]["line"] == 1 and first["location"]["pointer"] == "/flows/0/source"
    assert first["message"].endswith("(did you mean 'he-thong-quan-ly-00000'?)")
