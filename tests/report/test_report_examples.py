"""Every example submission, checked by the real pipeline, gives valid reports in all formats."""

import json
from pathlib import Path

import jsonschema
import pytest
from report_fixtures import SCHEMA

from vndgaf.diagnostics import Report
from vndgaf.engine import check_loaded
from vndgaf.load import load
from vndgaf.report import FORMATS, render

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(p.name for p in (ROOT / "examples").iterdir() if p.is_dir())


def _check(monkeypatch: pytest.MonkeyPatch, *names: str) -> Report:
    monkeypatch.chdir(ROOT)  # paths in findings are then relative, as a user would type them
    return check_loaded(load([f"examples/{n}" for n in names]))


@pytest.mark.parametrize("example", [[name] for name in EXAMPLES] + [EXAMPLES])
def test_example_sarif_validates(monkeypatch: pytest.MonkeyPatch, example: list[str]) -> None:
    """The SARIF of each example (and of all of them together) is valid against OASIS 2.1.0."""
    report = _check(monkeypatch, *example)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    for lang in ("en", "vi"):
        doc = json.loads(render(report, "sarif", lang=lang, tool_version="0.1.0"))
        errors = [e.message for e in jsonschema.Draft7Validator(schema).iter_errors(doc)]
        assert errors == []
        run = doc["runs"][0]
        assert len(run["results"]) == len(report.findings)
        uris = {a["location"]["uri"] for a in run["artifacts"]}
        assert all(u.startswith("examples/") for u in uris)


@pytest.mark.parametrize("example", EXAMPLES)
def test_example_reports_agree(monkeypatch: pytest.MonkeyPatch, example: str) -> None:
    """All formats render deterministically and agree on the number of findings."""
    report = _check(monkeypatch, example)
    counts = report.counts()
    for fmt in FORMATS:
        for lang in ("en", "vi"):
            assert render(report, fmt, lang=lang) == render(report, fmt, lang=lang)
    summary = json.loads(render(report, "json"))["summary"]
    assert (summary["error"], summary["warning"], summary["note"]) == tuple(counts.values())
    rows = render(report, "html").count('<tr class="finding ')
    assert rows == len(report.findings)
