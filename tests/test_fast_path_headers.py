"""Each fast path's header names the property test that pins it to its reference: those tests
must exist, so that a renamed or deleted test cannot leave a header pointing at nothing."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_TEST_FILE = re.compile(r"tests/[\w/]+\.py")
_TEST_NAME = re.compile(r"::(test_\w+)")


def _headers() -> dict[str, str]:
    """Module docstrings under src/vndgaf that name a fast path and its reference."""
    found = {}
    for path in sorted((ROOT / "src" / "vndgaf").rglob("*.py")):
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
        if "Fast path" in doc and "reference" in doc:
            found[path.relative_to(ROOT).as_posix()] = doc
    return found


def _tests_in(file: str) -> set[str]:
    tree = ast.parse((ROOT / file).read_text(encoding="utf-8"))
    return {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}


def test_every_fast_path_header_names_existing_property_tests() -> None:
    headers = _headers()
    assert {
        "src/vndgaf/converter.py",
        "src/vndgaf/load/ids.py",
        "src/vndgaf/load/json_locator.py",
        "src/vndgaf/load/json_reader.py",
        "src/vndgaf/load/json_skip.py",
        "src/vndgaf/load/positions.py",
        "src/vndgaf/load/references.py",
        "src/vndgaf/load/validation.py",
    } <= set(headers)
    for module, doc in headers.items():
        files = _TEST_FILE.findall(doc)
        names = _TEST_NAME.findall(doc)
        assert files and names, f"{module}: names no test"
        defined = set().union(*(_tests_in(f) for f in files))
        assert set(names) <= defined, f"{module}: {sorted(set(names) - defined)} not found"
