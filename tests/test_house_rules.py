"""Rules of the house a reader relies on: modules small enough to read, and sources a reader can
follow (the law, decision or data set itself, never a document outside the repository)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: The longest a source module may be; a longer one is split by concept (docs/contributing.md).
MAX_LINES = 600

#: Names of notes kept outside the repository (design notes, domain research, peer tools). A
#: reader of the project cannot open them, so the code and docs cite the sources themselves.
_OUTSIDE = re.compile(r"\b(?:DESIGN|DOMAIN(?:-2026)?|PEERS)\.md\b")


def test_no_source_module_is_longer_than_600_lines() -> None:
    long = {
        path.relative_to(ROOT).as_posix(): lines
        for path in sorted((ROOT / "src" / "vndgaf").rglob("*.py"))
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}, f"split these modules by concept (at most {MAX_LINES} lines each)"


def _cited_in(paths: list[Path]) -> list[str]:
    found = []
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), 1):
            if _OUTSIDE.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:100]}")
    return found


def test_code_and_docs_cite_no_document_outside_the_repository() -> None:
    """src/, docs/, the README, the examples and the tests' own text name no outside note."""
    paths = [ROOT / "README.md"]
    for folder in ("src", "docs", "examples", "schemas", "tests"):
        paths.extend(
            p
            for p in sorted((ROOT / folder).rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".png")
        )
    assert _cited_in(paths) == []


def test_the_pattern_finds_what_it_looks_for() -> None:
    """The check above can fail: each outside name is recognised in running text."""
    for name in ("DESIGN", "DOMAIN", "DOMAIN-2026", "PEERS"):
        assert _OUTSIDE.search(f"as {name}.md §2.2 says")
    assert not _OUTSIDE.search("docs/design.md and docs/reference.md")
