"""The fast validator (jsonschema-rs) agrees with the precise one (jsonschema) on every verdict."""

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.strategies import architectures
from vndgaf import converter
from vndgaf.load import parse_file, validation
from vndgaf.model.meta import ID_PATTERN, pattern_regex
from vndgaf.synth import minimum_flows, synthesize

EXAMPLES = Path(__file__).parents[2] / "examples"


def _precise_valid(data: Any) -> bool:
    """The reference verdict: jsonschema finds no error."""
    return not validation.precise_errors(data)


def _documents(folder: Path) -> list[tuple[str, Any]]:
    out = []
    for path in sorted(folder.rglob("*.yaml")):
        parsed = parse_file(path)
        if parsed.data is not None:
            out.append((path.name, parsed.data))
    return out


def test_agree_on_every_broken_example() -> None:
    """On each parsable broken example both validators give the same verdict."""
    documents = _documents(EXAMPLES / "broken")
    assert len(documents) >= 5
    verdicts = {name: _precise_valid(data) for name, data in documents}
    assert {name: validation.is_valid(data) for name, data in documents} == verdicts
    assert verdicts["unknown-field.yaml"] is False
    assert verdicts["wrong-enum.yaml"] is False


def test_agree_on_the_bundled_examples_and_a_synthesis() -> None:
    """Every valid example file and a synthetic province pass both validators."""
    documents = [(n, d) for n, d in _documents(EXAMPLES) if not (EXAMPLES / "broken" / n).exists()]
    small = synthesize(scale="province:46", flows=minimum_flows("province:46"), seed=1).document
    documents.append(("synth", json.loads(json.dumps(small))))
    for name, data in documents:
        assert _precise_valid(data) is True, name
        assert validation.is_valid(data) is True, name


# --- Hypothesis: valid documents from the model, then random mutations ------------------------

_JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**60), 2**60),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(
        [
            "",
            "x",
            "2025-02-30",
            "2025-W01-1",
            "20250101",
            "2025-1-1",
            "2025-01-01T00:00:00",
            "vn:platform/ndxp",
            "toan_trinh",
            "TOAN_TRINH",
            " a",
            "1.001193",
            "4.0",
        ]
    ),
    st.lists(st.sampled_from(["a", "b", 1, None]), max_size=3),
    st.dictionaries(st.sampled_from(["id", "name", "zzz"]), st.sampled_from(["a", 1]), max_size=2),
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside a JSON-like document (the root excluded)."""
    out: list[tuple[Any, ...]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            out.append((*prefix, key))
            out.extend(_paths(value, (*prefix, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            out.append((*prefix, index))
            out.extend(_paths(value, (*prefix, index)))
    return out


def _mutate(doc: Any, path: tuple[Any, ...], action: str, junk: Any) -> Any:
    doc = copy.deepcopy(doc)
    parent = doc
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if action == "replace":
        parent[last] = junk
    elif action == "delete":
        del parent[last]
    elif action == "extra" and isinstance(parent, dict):
        parent[f"{last}_extra"] = junk
    elif action == "duplicate" and isinstance(parent, list):
        parent.append(copy.deepcopy(parent[last]))
    return doc


@st.composite
def _mutated(draw: st.DrawFn) -> Any:
    doc = converter.unstructure(draw(architectures()))
    paths = _paths(doc)
    for _ in range(draw(st.integers(0, 3))):
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        action = draw(st.sampled_from(["replace", "replace", "delete", "extra", "duplicate"]))
        doc = _mutate(doc, path, action, draw(_JUNK))
        paths = _paths(doc)
    return doc


@pytest.mark.slow
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mutated())
def test_agree_on_generated_and_mutated_documents(doc: Any) -> None:
    """On model-generated documents, mutated or not, the two validators give the same verdict."""
    assert validation.is_valid(doc) == _precise_valid(doc)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(architectures())
def test_generated_documents_are_valid_for_both(arch: Any) -> None:
    """Whatever the converter dumps from a model object passes both validators."""
    doc = converter.unstructure(arch)
    assert _precise_valid(doc) is True
    assert validation.is_valid(doc) is True


@pytest.mark.parametrize(
    ("value", "valid"),
    [("2025-11-15", True), ("2025-02-30", False), ("2025-W01-1", False), ("20251115", False)],
)
def test_agree_on_date_edge_cases(value: str, valid: bool) -> None:
    """Dates that Python's fromisoformat reads but JSON Schema rejects are rejected by both."""
    doc = {
        "format_version": 1,
        "submission": {"submitter": "a", "framework_version": "4.0", "as_of": value},
    }
    assert _precise_valid(doc) is valid
    assert validation.is_valid(doc) is valid


_ID_CORE = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._:/-]{0,12}", fullmatch=True)
_ODD = st.sampled_from(
    ["\n", "\r", "\r\n", "\t", " ", "\u200b", "\u2028", "\u00a0", "\u202e", "\x00", "\x85", "ở"]
)
_ID_LIKE = st.one_of(
    st.text(max_size=20),
    _ID_CORE,
    st.builds(lambda core, odd: core + odd, _ID_CORE, _ODD),
    st.builds(lambda core, odd: odd + core, _ID_CORE, _ODD),
    st.builds(
        lambda core, odd, at: core[:at] + odd + core[at:], _ID_CORE, _ODD, st.integers(0, 12)
    ),
)


@settings(max_examples=300, deadline=None)
@given(ident=_ID_LIKE, owner=_ID_LIKE)
def test_agree_on_every_id(ident: str, owner: str) -> None:
    """Any text as an element id or as a reference: the two validators give the same verdict,
    and it is the verdict of the id pattern read as JSON Schema reads it (``$`` ends the text)."""
    doc = {
        "format_version": 1,
        "agencies": [{"id": ident, "name": "n", "level": "provincial"}],
        "systems": [{"id": "hs", "name": "n", "owner": owner}],
    }
    fast = validation.is_valid(doc)
    assert fast == _precise_valid(doc)
    id_ok = pattern_regex(ID_PATTERN).search(ident) is not None and len(ident) <= 200
    if not id_ok:
        assert fast is False
