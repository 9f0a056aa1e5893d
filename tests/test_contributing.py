"""docs/contributing.md holds: its module map names every package and module, and its add-a-rule
checklist, followed step by step in a copy of the repository, gives a rule that runs, is tested
and is documented, touching only the files the checklist lists."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "contributing.md"
PACKAGE = ROOT / "src" / "vndgaf"


def _section(title: str) -> str:
    """The text of the guide's ``## title`` section."""
    text = GUIDE.read_text(encoding="utf-8")
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert match, f"docs/contributing.md has no section {title!r}"
    return match.group(1)


def test_readme_links_the_guide() -> None:
    assert "(docs/contributing.md)" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_module_map_names_every_package_and_module_and_nothing_else() -> None:
    """One row per package and top-level module of src/vndgaf, none for what does not exist."""
    rows = re.findall(r"^\| `([\w.]+)` \| (.+) \|$", _section("Module map"), re.M)
    named = [name for name, _ in rows]
    present = {"vndgaf"}
    for path in PACKAGE.iterdir():
        if path.is_dir() and (path / "__init__.py").exists():
            present.add(f"vndgaf.{path.name}")
        elif path.suffix == ".py" and path.name != "__init__.py":
            present.add(f"vndgaf.{path.stem}")
    assert sorted(set(named)) == sorted(present)
    assert len(named) == len(set(named)), "a module is named twice"
    assert all(len(what) > 10 for _, what in rows), "each row says what the module is"


# -- the add-a-rule checklist, followed in a copy ---------------------------------------------

#: What the checklist's worked example writes by hand, and what `make docs` then writes.
_GENERATED = {"docs/rules/GOV099.md", "docs/rules/index.md"}
_COPIED = ("src", "docs", "schemas", "scripts", "examples", "pyproject.toml", "conftest.py")
_COPIED_TESTS = ("__init__.py", "conftest.py", "written.py", "rules", "test_generated_docs.py")


def _blocks(section: str) -> list[tuple[str, str]]:
    """(path, body) of each fenced block of ``section`` whose first line is ``# <path>``."""
    found = []
    for block in re.findall(r"^( *)```\w*\n(.*?)^\1```", section, re.M | re.S):
        indent, body = block
        lines = [line.removeprefix(indent) for line in body.splitlines()]
        if lines and re.fullmatch(r"# [\w./-]+\.(py|yaml)", lines[0]):
            found.append((lines[0][2:], "\n".join(lines[1:]) + "\n"))
    return found


def _apply(copy: Path, path: str, body: str) -> None:
    """Write a new file, or make the additions a block marks with ``# add`` in an existing one.

    An added line goes at the end of the bracketed list that the line before it in the block
    opens or belongs to (the import list, the family's rules).
    """
    target = copy / path
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(body, encoding="utf-8")
        return
    lines = target.read_text(encoding="utf-8").splitlines()
    block = body.splitlines()
    for i, line in enumerate(block):
        if "# add" not in line:
            continue
        added = line.split("#", 1)[0].rstrip()
        anchor = block[i - 1].strip()
        start = next(n for n, old in enumerate(lines) if old.strip() == anchor)
        end = next(n for n in range(start, len(lines)) if lines[n] == ")")
        lines.insert(end, added)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _run(copy: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run Python in the copy, on the copy's package (not the one installed for the tests)."""
    env = {"PYTHONPATH": str(copy / "src"), "PATH": "/usr/bin:/bin", "HOME": str(copy)}
    return subprocess.run(
        [sys.executable, *args],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
    )


def _files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and not {"__pycache__", ".hypothesis", ".cache"} & set(p.parts)
    }


@pytest.mark.slow
def test_add_a_rule_checklist_gives_a_running_tested_documented_rule(tmp_path: Path) -> None:
    section = _section("Adding a rule")
    steps = _blocks(section)
    listed = [path for path, _ in steps]
    assert len(listed) <= 4, "the checklist promises at most four hand-written files"
    assert listed == [
        "src/vndgaf/rules/governance/security_level_missing.py",
        "src/vndgaf/rules/governance/__init__.py",
        "tests/rules/fixtures/GOV099/bad.yaml",
        "tests/rules/fixtures/GOV099/ok.yaml",
    ]
    copy = tmp_path / "repo"
    copy.mkdir()
    for name in _COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, copy / name)
    for name in _COPIED_TESTS:
        source = ROOT / "tests" / name
        if source.is_dir():
            shutil.copytree(
                source, copy / "tests" / name, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            (copy / "tests").mkdir(exist_ok=True)
            shutil.copy2(source, copy / "tests" / name)
    before = _files(copy)

    for path, body in steps:
        _apply(copy, path, body)
    docs = _run(copy, "scripts/gen_docs.py")  # make docs
    assert docs.returncode == 0, docs.stderr

    after = _files(copy)
    changed = {p for p in after if before.get(p) != after[p]} | (before.keys() - after.keys())
    assert changed == set(listed) | _GENERATED
    page = (copy / "docs" / "rules" / "GOV099.md").read_text(encoding="utf-8")
    assert "NĐ 85/2016/NĐ-CP" in page and "What it checks" in page

    shown = _run(copy, "-m", "vndgaf", "rule", "GOV099")
    assert shown.returncode == 0, shown.stderr
    assert "security-level-missing" in shown.stdout

    tests = _run(
        copy, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/rules",
        "tests/test_generated_docs.py",
    )  # fmt: skip
    assert tests.returncode == 0, tests.stdout[-3000:]
    # The fixture test ran the new rule on both fixtures.
    listing = _run(copy, "-m", "pytest", "--co", "tests/rules/test_rule_fixtures.py").stdout
    assert "[GOV099-bad.yaml]" in listing and "[GOV099-ok.yaml]" in listing


def test_make_quick_is_the_documented_inner_loop() -> None:
    """`make quick` exists, leaves out exactly the slow tests, and the README's development
    section shows it."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^quick:(.*)\n((?:\t.*\n)+)", makefile, re.M)
    assert recipe, "the Makefile has no quick target"
    assert {"lint", "typecheck", "layers"} <= set(recipe.group(1).split())
    assert 'pytest -m "not slow"' in recipe.group(2)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    development = re.search(r"^## Development\n(.*?)(?=^## |\Z)", readme, re.M | re.S)
    assert development and "make quick" in development.group(1)
