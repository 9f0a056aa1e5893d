"""The JSON Schema as an editor uses it: a published $id, pointers in the examples, deprecations."""

import json
import re
from pathlib import Path

import jsonschema

from vndgaf.project import RAW
from vndgaf.schema import SCHEMA_FILENAME, SCHEMA_ID, descriptions_vi, submission_schema

ROOT = Path(__file__).resolve().parents[1]
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$", re.M)


def test_id_is_where_the_main_branch_publishes_the_schema_file() -> None:
    """$id is the committed schemas/ file's address on the main branch."""
    assert f"{RAW}/schemas/{SCHEMA_FILENAME}" == SCHEMA_ID
    committed = json.loads((ROOT / "schemas" / SCHEMA_FILENAME).read_text(encoding="utf-8"))
    assert committed["$id"] == SCHEMA_ID
    jsonschema.Draft202012Validator.check_schema(committed)


def test_every_bundled_example_points_at_the_schema() -> None:
    """Each example YAML file names the schema in a yaml-language-server comment, by a relative
    path that reaches the committed file."""
    files = sorted((ROOT / "examples").rglob("*.yaml"))
    assert len(files) > 10
    for path in files:
        pointers = MODELINE.findall(path.read_text(encoding="utf-8"))
        assert len(pointers) == 1, path
        assert (path.parent / pointers[0]).resolve() == ROOT / "schemas" / SCHEMA_FILENAME


def _enums(node: object) -> list[dict[str, object]]:
    if isinstance(node, dict):
        own = [node] if "enum" in node else []
        return own + [e for value in node.values() for e in _enums(value)]
    if isinstance(node, list):
        return [e for value in node for e in _enums(value)]
    return []


def test_the_district_tier_is_marked_deprecated_in_both_languages() -> None:
    """`district` (and the district unit kinds and committee) are still valid values, listed as
    deprecated, with a note in English and Vietnamese next to the value; current values have
    none."""
    enums = _enums(submission_schema())
    level = next(e for e in enums if "district" in e["enum"])  # type: ignore[operator]
    assert level["x-deprecated"] == ["district"]
    notes = dict(zip(level["enum"], level["markdownEnumDescriptions"], strict=True))  # type: ignore[call-overload]
    assert "1/7/2025" in notes["district"] and "Cấp huyện" in notes["district"]
    assert notes["provincial"] == notes["commune"] == ""
    deprecated = {v for e in enums for v in e.get("x-deprecated", [])}  # type: ignore[attr-defined]
    assert deprecated == {
        "district", "district_peoples_committee", "huyen", "quan", "thi_xa",
        "thanh_pho_thuoc_tinh", "thi_tran",
    }  # fmt: skip


def _descriptions(node: object) -> list[str]:
    if isinstance(node, dict):
        own = [node["description"]] if isinstance(node.get("description"), str) else []
        return own + [d for value in node.values() for d in _descriptions(value)]
    if isinstance(node, list):
        return [d for value in node for d in _descriptions(value)]
    return []


def test_every_description_has_its_vietnamese() -> None:
    """Each description in the schema is the English text, a blank line and its Vietnamese;
    the catalogue holds no translation of a text the model no longer has."""
    table = descriptions_vi()
    used = set()
    for text in _descriptions(submission_schema()):
        english, sep, vietnamese = text.rpartition("\n\n")
        while english and table.get(english) != vietnamese:  # multi-paragraph English texts
            english, sep, rest = english.rpartition("\n\n")
            vietnamese = f"{rest}\n\n{vietnamese}"
        assert sep and table.get(english) == vietnamese, f"no Vietnamese for {text!r}"
        used.add(english)
    assert set(table) == used


def _with_examples(node: object) -> list[dict[str, object]]:
    if isinstance(node, dict):
        own = [node] if "examples" in node else []
        return own + [e for value in node.values() for e in _with_examples(value)]
    if isinstance(node, list):
        return [e for value in node for e in _with_examples(value)]
    return []


def test_examples_are_valid_values_of_their_field() -> None:
    """Fields an architect types most (ids, submitter, unit, instance_of, via, as_of) show
    examples, and every example passes its own field's schema."""
    schema = submission_schema()
    found = _with_examples(schema)
    assert len(found) >= 6
    for prop in found:
        check = {k: v for k, v in prop.items() if k not in ("examples", "description")}
        for example in prop["examples"]:  # type: ignore[attr-defined]
            validator = jsonschema.Draft202012Validator(
                check, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
            )
            assert list(validator.iter_errors(example)) == [], (prop, example)
