"""`make lowest`: the test suite and the demo against the LOWEST dependency versions we allow.

A floor in pyproject.toml is a promise: "vndgaf works with this version". Nothing else tests it,
because every other environment resolves to the newest releases. This script builds a wheel of
the working tree, installs it into a separate virtual environment (``.venv-lowest``) with every
runtime dependency pinned to its declared floor (``name>=X`` becomes ``name==X``), checks that
the pins really are what got installed, and runs the non-slow tests and the demo there. A floor
below what the code needs makes one of them fail, and so ``make test``.

Only the direct runtime dependencies are pinned (what pyproject.toml promises); their own
dependencies and the test tools resolve to what pip picks. Every runtime dependency must have a
``>=`` floor: one without is an error here. The environment is reused while the floors and the
test tools in pyproject.toml are unchanged (a clean clone, as in CI, builds it once).
"""

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv-lowest"
STAMP = VENV / ".pins"
_FLOOR = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*>=\s*([0-9][0-9A-Za-z.+!-]*)\s*$")


def floors(pyproject: Path) -> dict[str, str]:
    """Each runtime dependency's declared floor, ``{"cattrs": "24.1"}``; an error without one."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    out: dict[str, str] = {}
    for requirement in project["dependencies"]:
        match = _FLOOR.match(requirement)
        if match is None:
            raise SystemExit(
                f"lowest: {requirement!r} in pyproject.toml needs a plain '>=' floor "
                "(and no upper bound, see docs/install.md)"
            )
        out[match.group(1)] = match.group(2)
    return out


def _run(*cmd: str | Path, cwd: Path | None = None, quiet: bool = False) -> None:
    stdout = subprocess.DEVNULL if quiet else None
    done = subprocess.run([str(c) for c in cmd], check=False, cwd=cwd, stdout=stdout)
    if done.returncode != 0:
        raise SystemExit(f"lowest: {' '.join(map(str, cmd))} exited {done.returncode}")


def _environment(pins: dict[str, str], test_tools: list[str]) -> Path:
    """``.venv-lowest`` with the floors and the test tools installed; rebuilt when pins change."""
    python = VENV / "bin" / "python"
    wanted = "\n".join(f"{name}=={version}" for name, version in sorted(pins.items())) + "\n"
    stamp = wanted + "".join(f"# {tool}\n" for tool in sorted(test_tools))
    if not python.exists() or not STAMP.exists() or STAMP.read_text() != stamp:
        shutil.rmtree(VENV, ignore_errors=True)
        _run(sys.executable, "-m", "venv", VENV)
        _run(python, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
        constraints = VENV / "constraints.txt"
        constraints.write_text(wanted, encoding="utf-8")
        _run(python, "-m", "pip", "install", "--quiet", "-c", constraints, *pins, *test_tools)
        STAMP.write_text(stamp, encoding="utf-8")
    with tempfile.TemporaryDirectory() as wheels:
        # The wheel, not the source tree: what users install (package data included).
        _run(python, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", wheels, ROOT)
        (wheel,) = Path(wheels).glob("vndgaf-*.whl")
        _run(python, "-m", "pip", "install", "--quiet", "--no-deps", "--force-reinstall", wheel)
    return python


def _installed(python: Path, pins: dict[str, str]) -> None:
    """Fail unless every pinned distribution is installed at exactly its floor."""
    probe = (
        "import importlib.metadata as m, json, sys; "
        "print(json.dumps({n: m.version(n) for n in sys.argv[1:]}))"
    )
    done = subprocess.run([python, "-c", probe, *pins], capture_output=True, text=True, check=True)
    got = json.loads(done.stdout)
    wrong = {n: v for n, v in got.items() if _release(v) != _release(pins[n])}
    if wrong:
        raise SystemExit(f"lowest: not at their floors: {wrong} (wanted {pins})")


def _release(version: str) -> tuple[int, ...]:
    """``"24.1"`` and ``"24.1.0"`` compare equal, as pip's ``==`` does."""
    parts = [int(p) for p in re.findall(r"\d+", version.split("+")[0])]
    while parts and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def _test_tools(pyproject: Path) -> list[str]:
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    return list(project["optional-dependencies"]["test"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pytest_args", nargs="*", help="extra pytest arguments")
    args = parser.parse_args(argv)
    pyproject = ROOT / "pyproject.toml"
    pins = floors(pyproject)
    started = time.monotonic()
    python = _environment(pins, _test_tools(pyproject))
    _installed(python, pins)
    installed = time.monotonic()
    print(f"lowest: {', '.join(f'{n}=={v}' for n, v in sorted(pins.items()))}", flush=True)
    _run(
        python,
        "-m",
        "pytest",
        "tests",  # not the doctests of src/: those import the checkout, not the installed wheel
        "-m",
        "not slow",
        "-p",
        "no:cacheprovider",
        "-q",
        *args.pytest_args,
        cwd=ROOT,
    )
    tested = time.monotonic()
    with tempfile.TemporaryDirectory() as out:
        _run(python, ROOT / "scripts" / "demo.py", "--out", out, cwd=ROOT, quiet=True)
    done = time.monotonic()
    print(
        f"lowest: passed at the floors (install {installed - started:.0f} s, "
        f"tests {tested - installed:.0f} s, demo {done - tested:.0f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
