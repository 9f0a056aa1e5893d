"""Ids are exact: no trailing newline or invisible character passes either validator, and a
pattern means in Python what JSON Schema says it means (ECMA 262: ``$`` is the end of the text)."""

import json
from pathlib import Path
from typing import Any

import pytest

from vndgaf.load import load, validate, validation
from vndgaf.model.meta import ID_PATTERN, pattern_regex
from vndgaf.schema import submission_schema


def _patterns(node: Any) -> list[str]:
    """Every ``pattern`` in a schema."""
    if isinstance(node, dict):
        own = [node["pattern"]] if isinstance(node.get("pattern"), str) else []
        return own + [p for value in node.values() for p in _patterns(value)]
    if isinstance(node, list):
        return [p for value in node for p in _patterns(value)]
    return []


def test_every_schema_pattern_is_anchored_at_both_ends_with_one_dollar() -> None:
    """pattern_regex rewrites the final ``$``; no pattern of the schema has another one."""
    patterns = set(_patterns(submission_schema()))
    assert ID_PATTERN in patterns and len(patterns) >= 4
    for pattern in patterns:
        assert pattern.startswith("^") and pattern.endswith("$"), pattern
        assert pattern.count("$") == 1, pattern
        assert pattern_regex(pattern).pattern.endswith("\\Z")


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("so-tp", True),
        ("vn:agency/bo-tu-phap", True),
        ("so-tp\n", False),
        ("so-tp\r\n", False),
        ("\nso-tp", False),
        ("so-tp\u200b", False),
        ("so-tp\u00a0", False),
        ("so tp", False),
        ("sở-tp", False),
        ("", False),
    ],
)
def test_the_id_pattern_in_python_is_the_schema_pattern(value: str, valid: bool) -> None:
    """Python's reading of ID_PATTERN accepts exactly what JSON Schema's does."""
    assert (pattern_regex(ID_PATTERN).search(value) is not None) is valid


def _agency_doc(ident: str) -> dict[str, Any]:
    return {
        "format_version": 1,
        "agencies": [
            {"id": "so-tp", "name": "Sở Tư pháp", "level": "provincial"},
            {"id": ident, "name": "Sở Tư pháp giả", "level": "provincial"},
        ],
        "systems": [{"id": "hs", "name": "Hệ thống", "owner": "so-tp"}],
    }


@pytest.mark.parametrize("twin", ["so-tp\n", "so-tp\r", "so-tp\u2028", "so-tp\u200b"])
def test_a_twin_id_is_a_located_finding_from_both_validators(twin: str) -> None:
    """The twin of an id with an invisible or line-ending character is SCH013 at its id."""
    doc = _agency_doc(twin)
    assert validation.is_valid(doc) is False
    assert validation.precise_errors(doc) != []
    found = [(p.code, p.pointer) for p in validate(doc)]
    assert found == [("SCH013", "/agencies/1/id")]


def test_trailing_newline_id_in_json_is_located_and_never_merges(tmp_path: Path) -> None:
    """`"id": "so-tp\\n"` is SCH013 at its line and column; the model keeps one so-tp, the real
    one, and the system still belongs to it."""
    path = tmp_path / "twin.json"
    path.write_text(json.dumps(_agency_doc("so-tp\n"), indent=1), encoding="utf-8")
    result = load([path])
    errors = [f for f in result.findings if f.code.startswith("SCH")]
    assert [(f.code, f.location.pointer) for f in errors if f.location] == [
        ("SCH013", "/agencies/1/id")
    ]
    location = errors[0].location
    assert location is not None and (location.line, location.column) == (10, 10)
    agencies = result.architecture.agencies
    assert [(a.id, a.name) for a in agencies] == [("so-tp", "Sở Tư pháp")]
    assert [s.owner for s in result.architecture.systems] == ["so-tp"]


def test_trailing_newline_id_in_yaml_is_located(tmp_path: Path) -> None:
    """The same twin written in YAML, as a double-quoted escape, is SCH013 at its line."""
    path = tmp_path / "twin.yaml"
    path.write_text(
        "format_version: 1\n"
        "agencies:\n"
        "  - {id: so-tp, name: Sở Tư pháp, level: provincial}\n"
        '  - {id: "so-tp\\n", name: Giả, level: provincial}\n',
        encoding="utf-8",
    )
    result = load([path])
    schema = [f for f in result.findings if f.code.startswith("SCH") and f.location]
    assert [(f.code, f.location.line, f.location.pointer) for f in schema if f.location] == [
        ("SCH013", 4, "/agencies/1/id")
    ]
    assert [a.id for a in result.architecture.agencies] == ["so-tp"]


def test_an_invalid_verdict_without_a_precise_error_is_not_taken_as_valid(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Should the validators ever disagree again, the fast validator's error is reported at
    its pointer instead of the document passing."""
    doc = _agency_doc("so-tp\n")
    monkeypatch.setattr(validation, "precise_errors", lambda data: [])
    found = validate(doc)
    assert [(p.code, p.pointer) for p in found] == [("SCH013", "/agencies/1/id")]
    assert "does not satisfy the schema" in found[0].message.en


_ARCHIMATE_TWINS = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m1">'
    "<name>Twins</name><elements>"
    '<element identifier="so-tp" xsi:type="ApplicationComponent"><name>Real</name></element>'
    '<element identifier="so-tp&#10;" xsi:type="ApplicationComponent"><name>Twin</name>'
    "</element></elements>"
    '<relationships><relationship identifier="r1" source="so-tp&#10;" target="so-tp" '
    'xsi:type="Flow"><name>sync</name></relationship></relationships></model>'
)


def test_archimate_identifier_with_a_newline_becomes_its_own_valid_id() -> None:
    """`identifier="so-tp&#10;"` never becomes the id `so-tp` (nor `so-tp\\n`): it gets a
    distinct id that the schema accepts, and the flow still joins the twin to the real one."""
    from vndgaf import converter
    from vndgaf.exchange import import_archimate

    arch = import_archimate(_ARCHIMATE_TWINS).architecture
    ids = {s.name: s.id for s in arch.systems}
    assert ids["Real"] == "so-tp"
    assert ids["Twin"] != "so-tp" and pattern_regex(ID_PATTERN).search(ids["Twin"])
    assert [(f.source, f.target) for f in arch.flows] == [(ids["Twin"], "so-tp")]
    assert validate(json.loads(converter.dumps(arch, "json"))) == ()
