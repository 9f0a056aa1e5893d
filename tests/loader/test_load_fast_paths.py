"""The loader's batch paths (reference check, registration) report what element-by-element
checking reports, and keep only first definitions."""

import copy
import gc
import json
import random
from pathlib import Path
from typing import Any

import pytest

from vndgaf.gcpause import paused_gc
from vndgaf.load import Origin, load
from vndgaf.load.references import Kinds, all_resolve, refs, unresolved
from vndgaf.model import ELEMENT_LISTS, DataFlow
from vndgaf.reference import catalogue
from vndgaf.synth import minimum_flows, synthesize

SMALL = "province:46"


@pytest.fixture(scope="module")
def clean() -> dict[str, Any]:
    """A synthetic province with no loader finding (every reference resolves)."""
    return synthesize(scale=SMALL, flows=minimum_flows(SMALL) + 40, seed=2).document


def _write(tmp_path: Path, name: str, document: dict[str, Any]) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
    return path.as_posix()


def _refs_found(result: Any) -> set[tuple[str, str | None, str]]:
    return {
        (f.code, f.location.pointer if f.location else None, f.subject)
        for f in result.findings
        if f.code.startswith("REF")
    }


def _qualified(document: dict[str, Any], ident: str) -> str:
    """The id as findings name it: qualified by the document's submitter."""
    return f"{document['submission']['submitter']}::{ident}"


def test_clean_model_has_no_reference_finding(clean: dict[str, Any], tmp_path: Path) -> None:
    """The fixture is clean, so every finding in the other tests comes from an edit."""
    result = load([_write(tmp_path, "clean.json", clean)])
    assert result.findings == ()
    assert len(result.architecture.flows) == len(clean["flows"])


def test_bad_references_anywhere_are_each_reported(clean: dict[str, Any], tmp_path: Path) -> None:
    """Bad refs at the ends and middle of a list, in id lists and nested inputs, all reported."""
    doc = copy.deepcopy(clean)
    flows, services, agencies = doc["flows"], doc["services"], doc["agencies"]
    last, mid = len(flows) - 1, len(flows) // 2
    system = doc["systems"][0]["id"]
    flows[0]["source"] = "nope-first"
    flows[1]["via"] = [*flows[1].get("via", []), "vn:platform/nope"]
    flows[mid]["entities"] = [agencies[0]["id"]]
    flows[last]["target"] = "nope-last"
    services[3]["required_inputs"][0]["entity"] = "nope-entity"
    agencies[2]["parent"] = system
    result = load([_write(tmp_path, "bad.json", doc)])
    via_index = len(flows[1]["via"]) - 1
    assert _refs_found(result) == {
        ("REF001", "/flows/0/source", _qualified(doc, flows[0]["id"])),
        ("REF003", f"/flows/1/via/{via_index}", _qualified(doc, flows[1]["id"])),
        ("REF004", f"/flows/{mid}/entities/0", _qualified(doc, flows[mid]["id"])),
        ("REF001", f"/flows/{last}/target", _qualified(doc, flows[last]["id"])),
        ("REF001", "/services/3/required_inputs/0/entity", _qualified(doc, services[3]["id"])),
        ("REF004", "/agencies/2/parent", _qualified(doc, agencies[2]["id"])),
    }
    assert len(result.architecture.flows) == len(flows)  # bad references drop nothing
    by_pointer = {f.location.pointer: f for f in result.findings if f.location}
    assert by_pointer["/agencies/2/parent"].message.en == (
        f"'{system}' is an element of kind 'system', but this field needs: agency"
    )


def test_every_element_bad_is_every_element_reported(clean: dict[str, Any], tmp_path: Path) -> None:
    """When each flow has a dangling source, each one gets its own REF001, in list order."""
    doc = copy.deepcopy(clean)
    for i, flow in enumerate(doc["flows"]):
        flow["source"] = f"missing-{i}"
    result = load([_write(tmp_path, "all-bad.json", doc)])
    pointers = [f.location.pointer for f in result.findings if f.code == "REF001" and f.location]
    assert pointers == [f"/flows/{i}/source" for i in range(len(doc["flows"]))]


def test_unresolved_matches_element_by_element_check(clean: dict[str, Any], tmp_path: Path) -> None:
    """The bisecting batch check yields exactly the flows that refs() finds a bad reference in."""
    doc = copy.deepcopy(clean)
    rng = random.Random(11)
    ids = [a["id"] for a in doc["agencies"]] + ["dangling", "vn:platform/nope"]
    for flow in rng.sample(doc["flows"], 17):
        field = rng.choice(["source", "target", "via", "entities"])
        value = rng.choice(ids)
        flow[field] = [value] if field in ("via", "entities") else value
    result = load([_write(tmp_path, "mixed.json", doc)])
    flows = result.architecture.flows
    kinds = Kinds(result.origins, catalogue())
    slow = [f for f in flows if any(kinds[r] not in k for r, _p, k in refs(f, ""))]
    assert 0 < len(slow) <= 17
    assert list(unresolved(flows, DataFlow, kinds)) == slow
    assert all_resolve([f for f in flows if f not in slow], DataFlow, kinds)
    assert {f.subject for f in result.findings if f.code.startswith("REF")} == {
        _qualified(doc, f.id) for f in slow
    }


def test_duplicates_keep_the_first_definition(clean: dict[str, Any], tmp_path: Path) -> None:
    """A duplicate id (same list, other list, other file) is reported and its element dropped;
    a bad reference inside the dropped duplicate is not reported."""
    doc = copy.deepcopy(clean)
    flows = doc["flows"]
    first = flows[4]
    flows.append(dict(first, source="nope-in-duplicate"))  # same list
    doc["systems"].append({"id": doc["agencies"][0]["id"], "name": "clash"})  # other list
    other = {"format_version": 1, "flows": [dict(flows[7], name="from the other file")]}
    a, b = _write(tmp_path, "a.json", doc), _write(tmp_path, "b.json", other)
    result = load([a, b])
    assert sorted(_refs_found(result)) == sorted(
        [
            ("REF002", f"/flows/{len(flows) - 1}/id", _qualified(doc, first["id"])),
            (
                "REF002",
                f"/systems/{len(doc['systems']) - 1}/id",
                _qualified(doc, doc["agencies"][0]["id"]),
            ),
            ("REF002", "/flows/0/id", _qualified(doc, flows[7]["id"])),
        ]
    )
    arch = result.architecture
    assert [f.id for f in arch.flows] == [f["id"] for f in flows[:-1]]
    assert [s.id for s in arch.systems] == [s["id"] for s in doc["systems"][:-1]]
    assert arch.flows[7].name == flows[7]["name"]
    assert result.origins[first["id"]] == Origin(a, "/flows/4", "flow")
    assert result.origins[flows[7]["id"]] == Origin(a, "/flows/7", "flow")


def test_schema_invalid_first_definition_drops_later_duplicate(tmp_path: Path) -> None:
    """An id first defined by a schema-invalid element keeps that origin; a valid duplicate
    after it is reported and left out, as before the fast path."""
    head = {"submitter": "vn:agency/bo-tu-phap", "framework_version": "4.0", "as_of": "2025-10-01"}
    doc = {
        "format_version": 1,
        "submission": head,
        "agencies": [
            {"id": "a", "name": "A", "level": "sideways"},
            {"id": "a", "name": "A again", "level": "central"},
            {"id": "b", "name": "B", "level": "central", "parent": "a"},
        ],
    }
    path = _write(tmp_path, "dup.json", doc)
    result = load([path])
    assert [(f.code, f.location.pointer if f.location else None) for f in result.findings] == [
        ("SCH013", "/agencies/0/level"),
        ("REF002", "/agencies/1/id"),
    ]
    assert [a.id for a in result.architecture.agencies] == ["b"]
    assert result.origins["a"] == Origin(path, "/agencies/0", "agency")


def test_origins_is_a_mapping_of_origins_in_definition_order(
    clean: dict[str, Any], tmp_path: Path
) -> None:
    """LoadResult.origins maps each id (and the submission key) to its Origin, in file order."""
    doc = copy.deepcopy(clean)
    path = _write(tmp_path, "o.json", doc)
    origins = load([path]).origins
    assert {"agencies", "systems", "flows", "services"} <= doc.keys()
    expected = {
        element["id"]: Origin(path, f"/{name}/{index}", kind)
        for name, kind in ELEMENT_LISTS
        for index, element in enumerate(doc.get(name, ()))
    }
    key = f"@submission:{doc['submission']['submitter']}"
    expected[key] = Origin(path, "/submission", "submission")
    assert dict(origins) == expected
    assert list(origins) == list(expected)  # the model's list order, then the submission
    assert origins == expected and len(origins) == len(expected)
    assert key in origins and "nope" not in origins and origins.get("nope") is None
    flow = doc["flows"][3]["id"]
    assert origins[flow].pointer == "/flows/3" and f"'{flow}': Origin(" in repr(origins)


def test_paused_gc_hands_new_objects_to_the_oldest_generation() -> None:
    """Objects made during the pause reach the oldest generation uncollected; objects that
    someone else froze stay frozen."""
    with paused_gc():
        made = [[i] for i in range(50_000)]
    assert gc.isenabled()
    assert gc.get_count()[0] < 1_000  # no young collection pending over the 50,000 lists
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert id(made) in oldest and id(made[-1]) in oldest
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with paused_gc():
            more = [[0] for _ in range(100)]
        assert gc.get_freeze_count() == frozen and len(more) == 100
    finally:
        gc.unfreeze()


def test_paused_gc_without_promotion_leaves_new_objects_young() -> None:
    """With ``promote=False`` (what render() uses) objects made during the pause stay in the
    young generation, so dropped reference cycles among them are freed by the next young
    collections instead of waiting for a full one."""
    with paused_gc(promote=False):
        made = [[i] for i in range(1_000)]
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert id(made) not in oldest and id(made[-1]) not in oldest
    assert gc.isenabled()
