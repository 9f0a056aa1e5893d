"""DOT output is deterministic: golden files per view, twice the same, input order irrelevant."""

import pytest
from render_fixtures import DATA, check_golden, graph_of, loaded, shuffled

from vndgaf.render import render, to_bytes

VIEWS = {
    "tuyen-quang": (
        "overview",
        "province:08",
        "agency:so-tu-phap",
        "agency:ubnd-tuyen-quang",
        "entity:vn:entity/person",
        "entity:quy-hoach-xay-dung",
        "impact:lgsp-tuyen-quang",
    ),
    "bo-tu-phap": ("overview", "agency:vn:agency/bo-tu-phap", "impact:lgsp-btp"),
}
CASES = [(example, view) for example, views in VIEWS.items() for view in views]


def _golden_name(example: str, view: str) -> str:
    return f"{example}--{view.replace(':', '_').replace('/', '_')}.dot"


@pytest.mark.parametrize(("example", "view"), CASES)
def test_dot_matches_golden(example, view):
    """Each view of the frozen example data gives exactly the reviewed DOT text."""
    _, graph = loaded(DATA / example)
    dot = to_bytes(render(graph, view=view), "dot").decode("utf-8")
    check_golden(_golden_name(example, view), dot)


@pytest.mark.parametrize(("example", "view"), CASES)
def test_dot_is_identical_twice_and_for_shuffled_input(example, view):
    """The same input, or the same elements in another order, give byte-identical DOT."""
    result, graph = loaded(DATA / example)
    first = to_bytes(render(graph, view=view, expand=True), "dot")
    assert to_bytes(render(graph, view=view, expand=True), "dot") == first
    for seed in (1, 2, 3):
        other = graph_of(shuffled(result.architecture, seed))
        assert to_bytes(render(other, view=view, expand=True), "dot") == first, seed
