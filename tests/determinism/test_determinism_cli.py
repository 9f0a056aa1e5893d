"""Every CLI command that produces output gives byte-identical results across runs.

Two child processes run the whole command list, every output format included (PNG and PDF
too): one with PYTHONHASHSEED=0, the input files in their natural order, the commands in list
order, a UTF-8 locale and the time zone UTC-12; the other with PYTHONHASHSEED=12345, every list
of input files reversed, the commands in reverse order (so no command can lean on state left by
another), a Latin-1 locale (with PYTHONIOENCODING, as Python has it where that locale is
installed) and the time zone UTC+14 — 26 hours apart, so the two never share a calendar date
and any use of "today" shows. Each child works in its own copy of the examples, at the same
relative paths, and records each command's exit code, standard output and the bytes of every
file it wrote. (Standard output through a real pipe under a Latin-1 locale is compared with
UTF-8 in tests/adversarial/test_adv_locale.py.)
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

# Runs the command line in subprocesses: `make quick` leaves it out, `make test` runs it.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).parents[2]
TQ = [f"tuyen-quang/{n}" for n in sorted(os.listdir(ROOT / "examples" / "tuyen-quang"))]
BTP = ["bo-tu-phap/architecture.yaml"]
BROKEN = ["broken/many-errors.yaml", "broken/duplicate-key.yaml", "broken/dangling-reference.yaml"]
INPUTS = [*TQ, *BTP]

# (name, arguments, output files); "@inputs" expands to the input list (reversed in run B),
# "@broken" likewise.
Command = tuple[str, list[str], list[str]]


def _commands() -> list[Command]:
    commands: list[Command] = []
    for lang in ("en", "vi"):
        for fmt in ("text", "json"):
            commands.append(
                (
                    f"validate-{fmt}-{lang}",
                    ["validate", "--format", fmt, "--lang", lang, "@broken"],
                    [],
                )
            )
        for fmt in ("text", "json", "sarif", "markdown", "html"):
            commands.append(
                (f"check-{fmt}-{lang}", ["check", "--format", fmt, "--lang", lang, "@inputs"], [])
            )
            commands.append(
                (
                    f"check-broken-{fmt}-{lang}",
                    ["check", "--format", fmt, "--lang", lang, "@broken"],
                    [],
                )
            )
        commands.append(
            (
                f"check-file-{lang}",
                ["check", "--format", "sarif", "--lang", lang, "-o", "out/r.sarif", "@inputs"],
                ["out/r.sarif"],
            )
        )
        for fmt in ("text", "json"):
            commands.append((f"rules-{fmt}-{lang}", ["rules", "--format", fmt, "--lang", lang], []))
        commands.append((f"rule-{lang}", ["rule", "GOV003", "--lang", lang], []))
        commands.append(
            (f"diff-text-{lang}", ["diff", "--lang", lang, "tuyen-quang", "tuyen-quang-v2"], [])
        )
    commands.append(("schema", ["schema"], []))
    commands.append(
        ("schema-write", ["schema", "--write", "out"], ["out/vndgaf-submission-1.schema.json"])
    )
    for part in (
        "provinces",
        "communes",
        "agencies",
        "platforms",
        "databases",
        "entities",
        "capabilities",
        "lists",
        "frameworks",
        "instruments",
    ):
        for fmt in ("text", "json", "csv"):
            # The catalogue answers as of a date (default: today, which the time zones differ on).
            args = ["reference", part, "--as-of", "2026-12-01", "--format", fmt]
            commands.append((f"reference-{part}-{fmt}", args, []))
    commands.append(
        (
            "reference-communes-08",
            ["reference", "communes", "--province", "08", "--format", "csv"],
            [],
        )
    )
    # Answers depend on the date asked about (default: today, which the two time zones differ on).
    queries = ["--as-of", "2026-12-01", "Tuyên Quang", "Ba Đình", "Hà Giang", "001", "xa dong van"]
    commands.append(("units-text", ["units", "resolve", "--lineage", *queries], []))
    commands.append(("units-json", ["units", "resolve", "--format", "json", *queries], []))
    for fmt in ("csv", "json"):
        table = ["units", "table", "--as-of", "2026-12-01", "--level", "district", "--format", fmt]
        commands.append((f"units-table-{fmt}", table, []))
    for fmt in ("archimate", "mermaid", "graphml"):
        commands.append((f"export-{fmt}", ["export", "--to", fmt, "@inputs"], []))
        commands.append(
            (
                f"export-file-{fmt}",
                ["export", "--to", fmt, "-o", f"out/e.{fmt}", "@inputs"],
                [f"out/e.{fmt}"],
            )
        )
    for fmt in ("yaml", "json"):  # two submissions: a folder, one subfolder each
        commands.append(
            (
                f"export-dir-{fmt}",
                ["export", "--to", fmt, "-o", f"out/e-{fmt}", "@inputs"],
                [f"out/e-{fmt}"],
            )
        )
    for suffix in ("dot", "svg", "png", "pdf"):
        commands.append(
            (
                f"render-{suffix}",
                ["render", "-o", f"out/d.{suffix}", "@inputs"],
                [f"out/d.{suffix}"],
            )
        )
        commands.append(
            (
                f"render-hl-{suffix}",
                [
                    "render",
                    "--highlight",
                    "--view",
                    "province:08",
                    "-o",
                    f"out/p.{suffix}",
                    "@inputs",
                ],
                [f"out/p.{suffix}"],
            )
        )
    commands.append(
        ("diff-json", ["diff", "--format", "json", "tuyen-quang", "tuyen-quang-v2"], [])
    )
    commands.append(
        (
            "init",
            ["init", "--province", "08", "--as-of", "2025-12-01", "-o", "out/init"],
            ["out/init"],
        )
    )
    commands.append(
        (
            "synth",
            [
                "synth",
                "--scale",
                "province:08",
                "--flows",
                "400",
                "--seed",
                "7",
                "--defects",
                "5",
                "-o",
                "out/s.yaml",
            ],
            ["out/s.yaml", "out/s.yaml.defects.json"],
        )
    )
    commands.append(("import-archimate", ["import", "archimate", "exchange.xml"], []))
    commands.append(
        (
            "import-archimate-json",
            ["import", "archimate", "exchange.xml", "-o", "out/imported.json"],
            ["out/imported.json"],
        )
    )
    commands.append(
        (
            "synth-json",
            ["synth", "--scale", "province:08", "--flows", "300", "-o", "out/s.json"],
            ["out/s.json", "out/s.json.defects.json"],
        )
    )
    for fmt, ext in (("markdown", "md"), ("html", "html"), ("json", "json"), ("text", "txt")):
        commands.append(
            (
                f"check-file-{fmt}",
                ["check", "--format", fmt, "-o", f"out/r.{ext}", "@inputs"],
                [f"out/r.{ext}"],
            )
        )
    commands.append(
        (
            "diff-file-json",
            ["diff", "--format", "json", "-o", "out/d.json", "tuyen-quang", "tuyen-quang-v2"],
            ["out/d.json"],
        )
    )
    return commands


COMMANDS = _commands()
LATIN1 = {
    "LANG": "en_US.ISO-8859-1",
    "LC_ALL": "en_US.ISO-8859-1",
    "PYTHONIOENCODING": "iso-8859-1",
}

# Runs in each child: every command through click in-process, results as JSON on stdout.
_DRIVER = r"""
import json, os, sys
from click.testing import CliRunner
from vndgaf.cli import main

commands, reverse = json.loads(sys.stdin.read()), sys.argv[1] == "reverse"
results = {}
for name, args, outputs in (reversed(commands) if reverse else commands):
    expanded = []
    for arg in args:
        if arg in ("@inputs", "@broken"):
            files = list(INPUTS if arg == "@inputs" else BROKEN)
            expanded.extend(files[::-1] if reverse else files)
        else:
            expanded.append(arg)
    os.makedirs("out", exist_ok=True)
    run = CliRunner().invoke(main, expanded, catch_exceptions=False)
    files = {}
    for out in outputs:
        if os.path.isdir(out):
            for base, _dirs, names in os.walk(out):
                for n in names:
                    p = os.path.join(base, n)
                    files[p] = open(p, "rb").read().decode("utf-8", "backslashreplace")
        else:
            files[out] = open(out, "rb").read().decode("utf-8", "backslashreplace")
    results[name] = {
        "code": run.exit_code,
        "stdout": run.stdout_bytes.decode("utf-8", "backslashreplace"),
        "files": dict(sorted(files.items())),
    }
    for out in outputs:
        shutil.rmtree(out) if os.path.isdir(out) else os.remove(out)
print(json.dumps(results))
"""


def _workspace(base: Path) -> Path:
    """A copy of the examples (and an ArchiMate export of Tuyên Quang) under ``base``."""
    shutil.copytree(ROOT / "examples", base)
    from vndgaf.exchange import to_archimate
    from vndgaf.load import load

    xml = to_archimate(load([base / "tuyen-quang"]).architecture)
    (base / "exchange.xml").write_text(xml, encoding="utf-8")
    return base


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], dict[str, Any]]:
    """The results of the two child runs (A: seed 0, in order; B: seed 12345, reversed)."""
    driver = f"import shutil\nINPUTS = {INPUTS!r}\nBROKEN = {BROKEN!r}\n{_DRIVER}"
    children = []
    settings = (
        ("a", "forward", {"PYTHONHASHSEED": "0", "TZ": "Etc/GMT+12", "LC_ALL": "C.UTF-8"}),
        ("b", "reverse", {"PYTHONHASHSEED": "12345", "TZ": "Etc/GMT-14", **LATIN1}),
    )
    for label, mode, variant in settings:
        cwd = _workspace(tmp_path_factory.mktemp(f"run-{label}") / "ws")
        env = {**os.environ, "COLUMNS": "100", **variant}
        env.pop("SOURCE_DATE_EPOCH", None)
        children.append(
            subprocess.Popen(
                [sys.executable, "-c", driver, mode],
                cwd=cwd,
                env=env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
        )
    payload = json.dumps(COMMANDS).encode("utf-8")
    results = []
    for child in children:
        out, err = child.communicate(payload, timeout=1200)
        assert child.returncode == 0, err.decode("utf-8", "replace")[-3000:]
        results.append(json.loads(out))
    return results[0], results[1]


def test_every_command_ran(runs: tuple[dict[str, Any], dict[str, Any]]) -> None:
    """Both children ran every command and none failed with a usage or internal error."""
    a, b = runs
    assert set(a) == set(b) == {name for name, _args, _outs in COMMANDS}
    assert {name: r["code"] for name, r in a.items() if r["code"] not in (0, 1)} == {}


@pytest.mark.parametrize("name", [name for name, _args, _outs in COMMANDS])
def test_output_is_byte_identical(runs: tuple[dict[str, Any], dict[str, Any]], name: str) -> None:
    """Same exit code, same stdout bytes and same output files with another hash seed, the
    input files in reverse order and the commands run in reverse order."""
    a, b = runs
    assert a[name]["stdout"] or a[name]["files"], f"{name} produced nothing"
    assert a[name]["code"] == b[name]["code"]
    assert a[name]["stdout"] == b[name]["stdout"]
    assert a[name]["files"] == b[name]["files"]
