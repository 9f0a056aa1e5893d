"""`vndgaf check --format sarif` as CI runs it before an upload: from any folder of a repository,
paths relative to the repository root, valid against OASIS 2.1.0 and GitHub's requirements."""

import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner
from report_fixtures import SCHEMA
from sarif_github import github_upload_problems

from vndgaf.cli import main
from vndgaf.project import HOMEPAGE

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A Git work tree (a `.git` folder is what marks it) with a submission two folders down."""
    root = tmp_path / "so-tttt"
    shutil.copytree(EXAMPLES / "tuyen-quang", root / "kien-truc" / "tuyen-quang")
    (root / ".git").mkdir()
    return root


def _sarif(*args: str) -> dict[str, Any]:
    result = CliRunner().invoke(main, ["check", *args, "--format", "sarif"])
    assert result.exit_code in (0, 1), result.output
    doc: dict[str, Any] = json.loads(result.stdout)
    return doc


def _uris(doc: dict[str, Any]) -> set[str]:
    run = doc["runs"][0]
    located = [
        loc["physicalLocation"]["artifactLocation"]
        for r in run["results"]
        for loc in r["locations"]
        if "physicalLocation" in loc
    ]
    return {a["location"]["uri"] for a in run["artifacts"]} | {a["uri"] for a in located}


def test_a_run_from_a_subfolder_writes_repository_relative_paths(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From the submission's own folder, with the default root (the Git top level) and with an
    explicit --root, every URI is relative to the repository root and points at a real file."""
    monkeypatch.chdir(repo / "kien-truc" / "tuyen-quang")
    files = sorted(p.name for p in Path().glob("*.yaml"))
    for doc in (_sarif("."), _sarif(*files, "--root", "../..")):
        uris = _uris(doc)
        assert "kien-truc/tuyen-quang/flows.yaml" in uris
        assert all(u.startswith("kien-truc/tuyen-quang/") for u in uris)
        assert all((repo / u).is_file() for u in uris)
        assert doc["runs"][0]["results"], "the example has findings to locate"


def test_absolute_inputs_become_relative_to_the_root(repo: Path, tmp_path: Path) -> None:
    """An absolute input path inside the repository is written relative to it, not file:///."""
    doc = _sarif(str(repo / "kien-truc" / "tuyen-quang"), "--root", str(repo))
    assert all(u.startswith("kien-truc/tuyen-quang/") for u in _uris(doc))
    assert str(repo) not in json.dumps(doc)


def test_root_selects_another_base(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--root overrides the Git top level: paths are then relative to the given folder."""
    monkeypatch.chdir(repo)
    doc = _sarif("kien-truc", "--root", "kien-truc")
    assert "tuyen-quang/flows.yaml" in _uris(doc)


def test_cli_sarif_is_valid_and_uploadable(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI's SARIF passes the OASIS 2.1.0 schema and GitHub's required properties, and each
    rule links to its documentation page."""
    monkeypatch.chdir(repo)
    for lang in ("en", "vi"):
        doc = _sarif("kien-truc", "--lang", lang)
        schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
        assert [e.message for e in jsonschema.Draft7Validator(schema).iter_errors(doc)] == []
        assert github_upload_problems(doc) == []
        for rule in doc["runs"][0]["tool"]["driver"]["rules"]:
            assert rule["helpUri"] == f"{HOMEPAGE}/blob/main/docs/rules/{rule['id']}.md"


def test_root_must_be_an_existing_directory(repo: Path) -> None:
    """A mistyped --root is a usage error (exit 2), not a log with wrong paths."""
    result = CliRunner().invoke(
        main, ["check", str(repo / "kien-truc"), "--format", "sarif", "--root", str(repo / "no")]
    )
    assert result.exit_code == 2
    assert "--root" in result.stderr
