"""`make demo`: the main job on the bundled examples and the built-in catalogue.

Runs the real `vndgaf` commands (as a user would type them), shows their output, and writes the
reports and diagrams to out/. Findings in the examples are expected: they are written the way
real submissions are, flaws included.
"""

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "out"
VNDGAF = [sys.executable, "-m", "vndgaf"]


def run(*args: str, show: bool = True) -> int:
    """Run one vndgaf command from the repository root and echo it."""
    print(f"\n$ vndgaf {' '.join(args)}", flush=True)
    done = subprocess.run([*VNDGAF, *args], cwd=ROOT, capture_output=True, text=True)
    if show:
        print(done.stdout, end="")
    if done.stderr:
        print(done.stderr, end="", file=sys.stderr)
    if done.returncode == 2:
        raise SystemExit(f"demo failed: vndgaf {' '.join(args)} exited 2")
    return done.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description="Run vndgaf on the bundled examples.")
    parser.add_argument("--out", type=Path, default=OUT, help="where to write (default: out/)")
    out = parser.parse_args().out.resolve()
    out.mkdir(exist_ok=True)
    run("validate", "examples/tuyen-quang", "examples/bo-tu-phap")
    run("units", "resolve", "Binh Duong", "Bà Rịa - Vũng Tàu", "Hà Giang", "Quận Ba Đình")
    run("check", "examples/tuyen-quang")
    run("check", "examples/bo-tu-phap", "--lang", "vi")
    run("diff", "examples/tuyen-quang", "examples/tuyen-quang-v2")
    written = []
    for args, target in (
        (("check", "examples/tuyen-quang", "--format", "html", "-o"), "tuyen-quang-report.html"),
        (("check", "examples/tuyen-quang", "--format", "sarif", "-o"), "tuyen-quang.sarif"),
        (
            ("check", "examples/tuyen-quang", "examples/bo-tu-phap", "--format", "markdown", "-o"),
            "national-report.md",
        ),
        (("render", "examples/tuyen-quang", "--highlight", "-o"), "tuyen-quang-overview.svg"),
        (("export", "examples/tuyen-quang", "--to", "archimate", "-o"), "tuyen-quang.xml"),
    ):
        code = run(*args, str(out / target), show=False)
        if (out / target).exists():
            written.append(target)
        elif code != 1:
            print(f"  (skipped {target})")
    shown = out.relative_to(ROOT) if out.is_relative_to(ROOT) else out
    print(f"\nWritten to {shown}/:")
    for name in written:
        print(f"  {shown}/{name}")
    if shutil.which("dot") is None:
        print("note: Graphviz is not installed, so diagrams were not drawn")


if __name__ == "__main__":
    main()
