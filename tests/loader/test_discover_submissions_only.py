"""`--submissions-only`: in a whole repository, read the submission files and nothing else."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from vndgaf.cli import main
from vndgaf.load import discover
from vndgaf.load.discover import declares_format_version

SUBMISSION = """\
format_version: 1
submission: {submitter: ubnd-cao-bang, framework_version: "4.0", as_of: 2025-11-20}
agencies:
  - {id: ubnd-cao-bang, name: UBND tỉnh Cao Bằng, level: provincial, unit: vn:province/04}
"""


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """An agency repository: a submission among configuration files of other tools."""
    (tmp_path / "kien-truc").mkdir()
    (tmp_path / "kien-truc" / "tinh.yaml").write_text(SUBMISSION, encoding="utf-8")
    (tmp_path / "kien-truc" / "flows.json").write_text(
        '{"flows": [], "format_version": 1}', encoding="utf-8"
    )
    (tmp_path / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n# format_version: 1\n", encoding="utf-8")
    (tmp_path / "package.json").write_text('{"name": "x", "version": "1"}', encoding="utf-8")
    return tmp_path


def test_only_files_with_a_format_version_key_are_kept(repo: Path) -> None:
    """Found or named, a file without a format_version key is left out; hidden files are never
    read; a comment that mentions the key does not count."""
    expected = (f"{repo.as_posix()}/kien-truc/flows.json", f"{repo.as_posix()}/kien-truc/tinh.yaml")
    assert discover([repo], submissions_only=True).files == expected
    named = [repo / "mkdocs.yml", repo / "package.json", repo / "kien-truc" / "tinh.yaml"]
    assert discover(named, submissions_only=True).files == (expected[1],)
    assert len(discover([repo]).files) == 4  # without the option every YAML/JSON file counts


def test_a_link_is_still_reported_and_never_read(repo: Path) -> None:
    """Among submission files only, a symbolic link named like one is reported (SCH007), and
    what it points to is not read to decide whether it is a submission."""
    secret = repo.parent / "secret.yaml"
    secret.write_text("format_version: 1\ntoken: abc\n", encoding="utf-8")
    (repo / "kien-truc" / "creds.yaml").symlink_to(secret)
    found = discover([repo], submissions_only=True)
    assert all("creds" not in f for f in found.files)
    assert [(f.code, f.location.path) for f in found.findings if f.location] == [
        ("SCH007", f"{repo.as_posix()}/kien-truc/creds.yaml")
    ]


@pytest.mark.parametrize(
    ("text", "declares"),
    [
        ("format_version: 1\n", True),
        ('{\n  "agencies": [],\n  "format_version": 1\n}', True),
        ("{format_version: 1, agencies: []}", True),
        ("format_version: 1\nagencies: [unclosed\n", True),  # broken, but still a submission
        ("repos:\n  - repo: local\n", False),
        ("# format_version: 1\nname: x\n", False),
        ("format_versions: 1\n", False),
    ],
)
def test_declares_format_version(tmp_path: Path, text: str, declares: bool) -> None:
    """A byte search for the key, in YAML block or flow style and in JSON, parse errors or not."""
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    assert declares_format_version(path) is declares


def test_no_submission_file_is_nothing_to_check(tmp_path: Path) -> None:
    """A repository without a submission yet passes: exit 0, for check and validate."""
    (tmp_path / "ci.yml").write_text("on: [push]\n", encoding="utf-8")
    for command in ("check", "validate"):
        result = CliRunner().invoke(main, [command, "--submissions-only", str(tmp_path)])
        assert result.exit_code == 0, result.output
        assert "0 files" in result.stdout


def test_a_broken_submission_among_other_files_fails_with_its_location(repo: Path) -> None:
    """A submission with a dangling reference fails the run at its line and column; the other
    YAML files are not reported."""
    (repo / "kien-truc" / "he-thong.yaml").write_text(
        "format_version: 1\nsystems:\n  - {id: s, name: S, owner: khong-co}\n", encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["check", "--submissions-only", str(repo), "--lang", "vi"])
    assert result.exit_code == 1
    assert f"{repo.as_posix()}/kien-truc/he-thong.yaml:3:29: REF001 [error]" in result.stdout
    assert "mkdocs" not in result.stdout and "package.json" not in result.stdout
