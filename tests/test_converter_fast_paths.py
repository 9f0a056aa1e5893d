"""The converter's fast structuring hooks give the objects cattrs' default handling gives."""

import datetime as dt
from pathlib import Path
from typing import Any

import cattrs
import pytest
from cattrs.errors import ForbiddenExtraKeysError
from hypothesis import HealthCheck, given, settings

from tests.strategies import architectures
from vndgaf import converter
from vndgaf.load import parse_file
from vndgaf.model import Architecture, Channel, DataFlow, FlowMode, PublicService, Status
from vndgaf.synth import minimum_flows, synthesize

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_FILES = sorted(
    p for d in ROOT.glob("examples/*/") if d.name != "broken" for p in d.glob("*.yaml")
)
SMALL = "province:46"


def _reference() -> cattrs.Converter:
    """cattrs as configured out of the box (detailed validation, generic hooks) plus dates."""
    conv = cattrs.Converter(forbid_extra_keys=True)
    conv.register_structure_hook(
        dt.date, lambda v, _: v if isinstance(v, dt.date) else dt.date.fromisoformat(v)
    )
    return conv


def _same_as_reference(document: dict[str, Any]) -> Architecture:
    fast = converter.structure(document, Architecture)
    plain = _reference().structure(document, Architecture)
    assert fast == plain
    assert repr(fast) == repr(plain)  # also the types: enum members, tuples, dates
    return fast


def test_examples_structure_as_plain_cattrs_does() -> None:
    """Every file of the bundled examples gives the same objects as the reference converter."""
    assert len(EXAMPLE_FILES) >= 10
    seen_flows = 0
    for path in EXAMPLE_FILES:
        arch = _same_as_reference(parse_file(path).data)
        seen_flows += len(arch.flows)
        assert converter.structure(converter.unstructure(arch), Architecture) == arch
    assert seen_flows > 0


def test_synthesis_structures_as_plain_cattrs_does() -> None:
    """A synthetic province (every element list filled) gives the same objects."""
    document = synthesize(scale=SMALL, flows=minimum_flows(SMALL) + 20, seed=1, defects=5).document
    arch = _same_as_reference(document)
    assert len(arch.flows) == len(document["flows"])
    service = next(s for s in arch.services if s.channels)
    assert all(type(c) is Channel for c in service.channels)
    assert converter.structure(converter.unstructure(arch), Architecture) == arch


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(architectures())
def test_any_model_structures_as_plain_cattrs_does(arch: Architecture) -> None:
    """Random models (optionals, nested classes, dates, enum tuples) round-trip identically."""
    assert _same_as_reference(converter.unstructure(arch)) == arch


def test_enum_values_become_members_and_bad_values_fail_as_enum_does() -> None:
    """Enum values map to their members; an unknown or unhashable value raises ValueError."""
    base = {"id": "f", "source": "a", "target": "b"}
    flow = converter.structure({**base, "mode": "on_request", "status": "planned"}, DataFlow)
    assert flow.mode is FlowMode.ON_REQUEST
    assert flow.status is Status.PLANNED
    assert converter.structure(base, DataFlow).api_id is None
    with pytest.raises(ValueError, match="'sometimes' is not a valid FlowMode"):
        converter.structure({**base, "mode": "sometimes"}, DataFlow)
    with pytest.raises(ValueError, match="is not a valid FlowMode"):
        converter.structure({**base, "mode": ["x"]}, DataFlow)


def test_unknown_keys_and_missing_fields_still_fail() -> None:
    """A misspelt key or a missing required field raises (plain exceptions, no groups)."""
    with pytest.raises(ForbiddenExtraKeysError, match="targte"):
        converter.structure({"id": "f", "source": "a", "targte": "b"}, DataFlow)
    with pytest.raises(KeyError, match="name"):
        converter.structure({"id": "s"}, PublicService)


@pytest.mark.parametrize(
    "flow",
    [
        {"id": "f", "source": "a", "target": "b"},
        {
            "id": "f",
            "source": "a",
            "target": "b",
            "entities": ["vn:entity/person"],
            "via": ["l", "vn:platform/ndxp"],
            "mode": "document_exchange",
            "api_id": "VAPEX-1",
            "network": "internet",
            "mandatory": True,
            "official_signature": False,
            "status": "retired",
            "name": "Gửi hồ sơ",
        },
        {"id": "f", "source": "a", "target": "b", "official_signature": None, "name": None},
        {
            "id": "f",
            "source": "a",
            "target": "b",
            "suppress": [{"rule": "IOP001", "reason": "pilot"}],
        },
    ],
)
def test_flows_structure_as_plain_cattrs_does(flow: dict[str, Any]) -> None:
    """Defaults, every optional field, explicit nulls and suppressions: same DataFlow."""
    fast = converter.structure(flow, DataFlow)
    plain = _reference().structure(flow, DataFlow)
    assert fast == plain and repr(fast) == repr(plain)


@pytest.mark.parametrize(
    ("flow", "error"),
    [
        ({"id": "f", "source": "a"}, KeyError),
        ({"id": "f", "source": "a", "target": "b", "mode": "nope"}, ValueError),
        ({"id": "f", "source": "a", "target": "b", "network": ["x"]}, ValueError),
        ({"id": "f", "source": "a", "target": "b", "zzz": 1}, ForbiddenExtraKeysError),
    ],
)
def test_bad_flows_fail_with_the_plain_exception(
    flow: dict[str, Any], error: type[Exception]
) -> None:
    """Missing fields, bad enum values and unknown keys raise the plain exception, no group."""
    with pytest.raises(error):
        converter.structure(flow, DataFlow)


def _objects(schema: Any) -> Any:
    """Every subschema describing an object with named properties (a model class)."""
    if isinstance(schema, dict):
        if schema.get("type") == "object" and isinstance(schema.get("properties"), dict):
            yield schema
        for value in schema.values():
            yield from _objects(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from _objects(value)


def test_structure_valid_relies_on_the_schema() -> None:
    """structure_valid skips cattrs' unknown-key check and the str() of strings because the
    schema forbids unknown keys on every object and types strings; on schema-valid data it gives
    what structure gives, the same string objects included."""
    from vndgaf.load import load, validate
    from vndgaf.schema import submission_schema

    objects = list(_objects(submission_schema()))
    assert len(objects) >= 14
    assert all(o.get("additionalProperties") is False for o in objects)
    unchecked = {"id": "f", "source": 5, "target": "b", "via": [7], "zzz": 1}
    assert converter.structure_valid(unchecked, DataFlow).via == (7,)  # trusts its input ...
    problems = validate({"format_version": 1, "flows": [unchecked]})
    assert {p.pointer for p in problems} == {"/flows/0/source", "/flows/0/via/0", "/flows/0/zzz"}
    arch = load([Path(__file__).parents[1] / "examples" / "tuyen-quang"]).architecture
    documents = [
        converter.unstructure(arch),
        synthesize(scale=SMALL, flows=minimum_flows(SMALL) + 20, seed=3, defects=5).document,
    ]
    for document in documents:
        checked = converter.structure_valid(document, Architecture)
        assert checked == converter.structure(document, Architecture)
        assert checked.flows[0].source is document["flows"][0]["source"]
