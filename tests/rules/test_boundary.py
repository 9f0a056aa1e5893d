"""What a rule may touch: its Context, read through the facade's typed, ordered accessors.

The import contract in pyproject.toml keeps the loader, the engine and the outputs out of the
rules; these tests keep the rules off the raw merged submission (``graph.architecture``), off
their own id sorting (the facade lists each kind in id order) and off ``getattr`` with a
default (the model's capabilities are typed), and check that a rule's findings do not depend on
the order in which the files list the elements.
"""

import ast
import datetime as dt
from pathlib import Path

import attrs
import pytest

from vndgaf.graph import build_graph
from vndgaf.load import load
from vndgaf.reference import catalogue
from vndgaf.rules import ALL_RULES, Context

RULES_DIR = Path(__file__).parents[2] / "src" / "vndgaf" / "rules"
EXAMPLES = Path(__file__).parents[2] / "examples"
LISTS = (
    "units",
    "agencies",
    "systems",
    "platforms",
    "databases",
    "entities",
    "flows",
    "services",
    "investments",
)


def _sorts_by_id(call: ast.Call) -> bool:
    """``sorted(…, key=lambda x: x.id)``: the facade already gives that order."""
    if not (isinstance(call.func, ast.Name) and call.func.id in {"sorted", "min", "max"}):
        return False
    for keyword in call.keywords:
        value = keyword.value
        if keyword.arg == "key" and isinstance(value, ast.Lambda):
            body = value.body
            if isinstance(body, ast.Attribute) and body.attr == "id":
                return True
    return False


def _trespasses(source: str, module: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        where = f"{module}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Attribute) and node.attr == "architecture":
            found.append(f"{where} reads .architecture")
        if isinstance(node, ast.Call):
            if _sorts_by_id(node):
                found.append(f"{where} sorts elements by id itself")
            if isinstance(node.func, ast.Name) and node.func.id == "getattr" and len(node.args) > 2:
                found.append(f"{where} calls getattr with a default")
    return found


def test_rules_read_elements_through_the_facade_only() -> None:
    """No rule module reads the merged submission, sorts elements by id or uses getattr with a
    default."""
    modules = sorted(RULES_DIR.rglob("*.py"))
    assert len(modules) > 40
    found = [
        trespass
        for path in modules
        for trespass in _trespasses(path.read_text(encoding="utf-8"), str(path))
    ]
    assert found == []


def test_the_check_flags_what_it_is_meant_to_flag() -> None:
    """The source check above finds each trespass in a module written to commit them."""
    source = (
        "def f(graph):\n"
        "    for s in sorted(graph.architecture.systems, key=lambda s: s.id):\n"
        "        yield getattr(s, 'owner', None)\n"
    )
    found = _trespasses(source, "probe")
    assert [t.split(" ", 1)[1] for t in found] == [
        "sorts elements by id itself",
        "reads .architecture",
        "calls getattr with a default",
    ]


@pytest.mark.parametrize("examples", [("tuyen-quang",), ("tuyen-quang", "bo-tu-phap")])
def test_every_rule_reports_the_same_in_any_element_order(examples: tuple[str, ...]) -> None:
    """Every rule yields the same violations, in the same order, whether the submission lists
    its elements as written or reversed."""
    result = load([EXAMPLES / example for example in examples])
    arch = result.architecture
    flipped = attrs.evolve(arch, **{name: tuple(reversed(getattr(arch, name))) for name in LISTS})
    as_of = dt.date(2025, 12, 1)
    contexts = [
        Context(
            graph=build_graph(a, catalogue(), as_of),
            catalogue=catalogue(),
            as_of=as_of,
            submissions=result.submissions,
        )
        for a in (arch, flipped)
    ]
    total = 0
    for rule in ALL_RULES:
        straight, reversed_ = (list(rule.check(ctx)) for ctx in contexts)
        assert straight == reversed_, rule.code
        total += len(straight)
    assert total > 5
