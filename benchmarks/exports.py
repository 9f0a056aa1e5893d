"""Exports of large inputs: memory against ``check``, time against loading (``make bench-exports``).

1. Memory. The national model (100,000 flows, as in ``benchmarks/run.py``) is checked and
   exported to every format, each in a fresh process through the CLI (``-o`` a file); the peak
   resident-set growth of each export is divided by that of ``check`` (target: at most 2.0,
   issue 22: the ArchiMate export used 3.9 GB where check uses 0.8 GB).
2. Long scalars. A submission whose one system has a name of 1 MiB and of 10 MiB (words, a
   bidi control at the end so that it is double-quoted, and lines) is exported to YAML and
   JSON through the CLI; the time at 10 MiB is divided by the time at 1 MiB (near-linear: at
   most 12), and the YAML export's by the JSON export's of the same file, which loads it the
   same way and writes it with the standard library (at most 5; PyYAML's own emitter made the
   YAML export of the 10 MiB name take 9 to 20 s, over ten times the JSON export).

Only ratios measured in one run are compared, so a slow or busy machine does not fail it.
Exit 1 when a target is missed. Results go to ``benchmarks/results/exports.json``.
"""

import contextlib
import io
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import FLOWS_PER_X, RESULTS, ROOT, SEED, _peak_rss

FORMATS = ("archimate", "graphml", "mermaid", "yaml", "json")
TARGETS = {"memory_vs_check": 2.0, "time_10_vs_1": 12.0, "yaml_vs_json": 5.0}
MIB = 1 << 20


def _national() -> Path:
    """The national model of ``benchmarks/run.py`` without injected defects (export refuses
    an input with errors)."""
    from vndgaf.synth import synthesize

    path = RESULTS / f"national-1x-seed{SEED}-clean.json"
    if not path.exists():
        RESULTS.mkdir(parents=True, exist_ok=True)
        document = synthesize(scale="national", flows=FLOWS_PER_X, seed=SEED, defects=0).document
        path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def _cli(args: list[str]) -> None:
    from vndgaf.cli import main

    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            main.main(args, standalone_mode=False)
        except SystemExit as done:
            if done.code not in (0, 1, None):
                raise


def worker_memory(path: str, what: str) -> dict[str, Any]:
    """Peak resident-set growth (bytes) of ``check`` or ``export --to WHAT``, after imports."""
    from vndgaf.cli import main  # noqa: F401
    from vndgaf.load import validate
    from vndgaf.reference import catalogue

    catalogue()
    validate({"format_version": 1})
    with tempfile.TemporaryDirectory() as out:
        before = _peak_rss()
        if what == "check":
            _cli(["check", path, "--format", "text", "-o", str(Path(out) / "report.txt")])
        else:
            _cli(["export", path, "--to", what, "-o", str(Path(out) / f"export.{what}")])
        return {"peak_growth": _peak_rss() - before}


def _long_scalar_file(directory: Path, size: int, shape: str) -> Path:
    words = ("Hệ thống thông tin " * (size // 19 + 1))[: size - 1]  # the limit is 10 MiB
    name = {"words": words.strip(), "bidi": words + "\u202e", "lines": words.replace(" ", "\n")}
    data = {
        "format_version": 1,
        "agencies": [{"id": "so-a", "name": "Sở A", "level": "provincial", "type": "department"}],
        "systems": [{"id": "he-thong", "name": name[shape], "owner": "so-a"}],
    }
    path = directory / f"long-{shape}-{size // MIB}mib.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def worker_scalar(reps: int) -> dict[str, Any]:
    """Median times of the YAML and JSON exports, per shape and size."""
    times: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        for shape in ("words", "bidi", "lines"):
            for size in (1 * MIB, 10 * MIB):
                path = str(_long_scalar_file(directory, size, shape))
                out = str(directory / "out")
                runs = {
                    "yaml": ["export", path, "--to", "yaml", "-o", out],
                    "json": ["export", path, "--to", "json", "-o", out],
                }
                for what, args in runs.items():
                    samples = []
                    for _ in range(reps):
                        start = time.perf_counter()
                        _cli(args)
                        samples.append(time.perf_counter() - start)
                    times[f"{shape}/{size // MIB}/{what}"] = statistics.median(samples)
    return times


def _worker(args: list[str]) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, __file__, "--worker", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"worker {args} failed:\n{proc.stderr[-4000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> int:
    if sys.argv[1:2] == ["--worker"]:
        kind, *rest = sys.argv[2:]
        result = worker_memory(*rest) if kind == "memory" else worker_scalar(int(rest[0]))
        print(json.dumps(result))
        return 0
    sys.path.insert(0, str(ROOT / "src"))
    missed: list[str] = []
    lines = ["| measure | value | target | met |", "|---|---|---|---|"]

    def judge(label: str, value: float, key: str) -> None:
        ok = value <= TARGETS[key]
        lines.append(
            f"| {label} | {value:.2f}x | <= {TARGETS[key]}x | {'yes' if ok else '**no**'} |"
        )
        if not ok:
            missed.append(f"{label}: {value:.2f} (target <= {TARGETS[key]})")

    print("synthesizing the national model …", file=sys.stderr, flush=True)
    path = str(_national())
    memory = {}
    for what in ("check", *FORMATS):
        print(f"memory: {what} …", file=sys.stderr, flush=True)
        memory[what] = _worker(["memory", path, what])["peak_growth"]
    for what in FORMATS:
        judge(
            f"peak memory of export --to {what} / of check "
            f"({memory[what] / MIB:.0f} / {memory['check'] / MIB:.0f} MiB)",
            memory[what] / memory["check"],
            "memory_vs_check",
        )
    print("long scalars …", file=sys.stderr, flush=True)
    times = _worker(["scalar", "3"])
    for shape in ("words", "bidi", "lines"):
        for fmt in ("yaml", "json"):
            at10, at1 = times[f"{shape}/10/{fmt}"], times[f"{shape}/1/{fmt}"]
            judge(f"{fmt} export, 10 MiB / 1 MiB name ({shape})", at10 / at1, "time_10_vs_1")
        yaml, json_ = times[f"{shape}/10/yaml"], times[f"{shape}/10/json"]
        judge(
            f"yaml export / json export, 10 MiB name ({shape}; {yaml:.2f} s / {json_:.2f} s)",
            yaml / json_,
            "yaml_vs_json",
        )
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "exports.json").write_text(
        json.dumps({"memory": memory, "times": times, "missed": missed}, indent=2),
        encoding="utf-8",
    )
    print("\n".join(lines))
    for line in missed:
        print(f"target missed: {line}", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
