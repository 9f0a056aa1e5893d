"""Docs and the schema file that are generated from code must match the code."""

import json
from pathlib import Path

import jsonschema

from vndgaf.docgen import generated_pages
from vndgaf.engine import all_rule_infos
from vndgaf.schema import submission_schema

ROOT = Path(__file__).resolve().parents[1]


def test_generated_pages_are_up_to_date() -> None:
    """docs/rules/, docs/submission-format.md and schemas/ equal what `make docs` writes."""
    stale = [
        rel
        for rel, text in generated_pages().items()
        if not (ROOT / rel).exists() or (ROOT / rel).read_text(encoding="utf-8") != text
    ]
    assert stale == [], "run `make docs` and commit the result"


def test_cli_reference_is_up_to_date() -> None:
    """docs/cli.md equals the help of every command."""
    from vndgaf.cli._docs import cli_reference

    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == cli_reference()


def test_every_rule_documents_its_basis() -> None:
    """Each rule's page names a legal basis or says plainly it is a design inference."""
    for info in all_rule_infos():
        page = generated_pages()[f"docs/rules/{info.code}.md"]
        assert info.legal_basis
        assert "Legal basis" in page
        if not info.sourced:
            assert "design inference" in page


def test_rule_docstrings_have_the_fixed_sections() -> None:
    """Graph rules document What it checks / Why it matters / Example / Use instead."""
    for info in all_rule_infos():
        if info.code[:3] in ("SCH", "REF"):
            continue
        for section in ("What it checks:", "Why it matters:", "Example:", "Use instead:"):
            assert section in info.doc, f"{info.code} lacks {section}"


def test_schema_is_valid_and_examples_validate() -> None:
    """The schema is valid against its metaschema and every example file validates."""
    schema = submission_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    committed = json.loads(
        (ROOT / "schemas" / "vndgaf-submission-1.schema.json").read_text(encoding="utf-8")
    )
    assert committed == schema
    from vndgaf.load import parse_file

    validator = jsonschema.Draft202012Validator(schema)
    files = sorted((ROOT / "examples").glob("*/*.yaml"))
    files = [f for f in files if f.parent.name != "broken"]
    assert len(files) >= 7
    for path in files:
        errors = list(validator.iter_errors(parse_file(path).data))
        assert errors == [], path
