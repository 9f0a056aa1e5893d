"""The documented pre-commit configuration, run for real in a new agency repository.

vndgaf is copied (as `git ls-files` sees the working tree) into a repository of its own and
tagged like a release, `v<version>`; the agency repository uses the first configuration of
docs/pre-commit.md as written, with only `repo:` pointing at that copy. pre-commit then builds
the hook environment from the copy (pip installs vndgaf and its dependencies) and runs the hooks
on `git commit`, as on an architect's machine.
"""

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
SHIPPED = ("pyproject.toml", "README.md", "LICENSE", ".pre-commit-hooks.yaml", "src/", "schemas/")

GOOD = """\
# Kiến trúc số tỉnh Cao Bằng (trích)
format_version: 1
submission: {submitter: ubnd-cao-bang, framework_version: "4.0", as_of: 2025-11-20}
agencies:
  - id: ubnd-cao-bang
    name: Ủy ban nhân dân tỉnh Cao Bằng
    level: provincial
    type: provincial_peoples_committee
    unit: vn:province/04
platforms:
  - id: lgsp-cao-bang
    name: Nền tảng tích hợp, chia sẻ dữ liệu tỉnh Cao Bằng
    instance_of: vn:platform/lgsp
    owner: ubnd-cao-bang
    capabilities: [data_integration]
flows:
  - {id: lgsp-ndxp, source: lgsp-cao-bang, target: vn:platform/ndxp}
"""

# A second file of the same submission: its system names an owner that does not exist.
BAD = """\
format_version: 1
systems:
  - id: mot-cua-cao-bang
    name: Hệ thống thông tin giải quyết thủ tục hành chính tỉnh
    owner: so-khcn-cao-bang
"""

CI = """\
# Not a submission: must not be read by the hooks.
name: ci
on: [push]
jobs: {test: {runs-on: ubuntu-latest, steps: [{run: make test}]}}
"""


def documented_config() -> dict[str, object]:
    """The first YAML block of docs/pre-commit.md: the example configuration."""
    doc = (ROOT / "docs" / "pre-commit.md").read_text(encoding="utf-8")
    config: dict[str, object] = yaml.safe_load(re.findall(r"```yaml\n(.*?)```", doc, re.S)[0])
    return config


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Sở KH&CN",
        "GIT_AUTHOR_EMAIL": "test@localhost",
        "GIT_COMMITTER_NAME": "Sở KH&CN",
        "GIT_COMMITTER_EMAIL": "test@localhost",
    }
    return subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def _release_copy(target: Path) -> Path:
    """vndgaf's shipped files in a repository of their own, tagged v<version>."""
    listed = _git(ROOT, "ls-files", "--cached", "--others", "--exclude-standard", "-z").stdout
    for rel in filter(None, listed.split("\0")):
        if rel.startswith(SHIPPED) and (ROOT / rel).is_file():
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / rel, target / rel)
    for args in (("init", "-q", "-b", "main"), ("add", "-A"), ("commit", "-q", "-m", "release")):
        assert _git(target, *args).returncode == 0
    assert _git(target, "tag", f"v{VERSION}").returncode == 0
    return target


def test_documented_rev_is_the_release_tag_of_this_version() -> None:
    """The example pins `rev: v<version in pyproject.toml>`, the tag scheme the docs describe."""
    repo = documented_config()["repos"][0]  # type: ignore[index]
    assert repo["rev"] == f"v{VERSION}"
    assert [h["id"] for h in repo["hooks"]] == ["vndgaf-check"]


@pytest.mark.slow
def test_good_commit_passes_and_bad_commit_is_blocked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """First commit (config, CI file, good submission) passes; adding a file with a dangling
    reference is refused with file:line:col and [error] (with --lang vi), and not committed."""
    if shutil.which("git") is None:
        pytest.fail("git is needed to test the pre-commit hooks")
    release = _release_copy(tmp_path / "vndgaf")
    config = documented_config()
    config["repos"][0]["repo"] = release.as_posix()  # type: ignore[index]

    agency = tmp_path / "so-khcn-cao-bang"
    (agency / "kien-truc").mkdir(parents=True)
    (agency / ".github" / "workflows").mkdir(parents=True)
    assert _git(agency, "init", "-q", "-b", "main").returncode == 0
    (agency / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (agency / ".github" / "workflows" / "ci.yml").write_text(CI, encoding="utf-8")
    (agency / "mkdocs.yml").write_text("site_name: Kiến trúc số\n", encoding="utf-8")
    (agency / "kien-truc" / "tinh.yaml").write_text(GOOD, encoding="utf-8")

    monkeypatch.setenv("PRE_COMMIT_HOME", str(tmp_path / "pre-commit-home"))  # a clean cache
    installed = subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"],
        cwd=agency, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert _git(agency, "add", "-A").returncode == 0
    first = _git(agency, "commit", "-m", "Kiến trúc số: bản đầu")
    assert first.returncode == 0, first.stdout + first.stderr
    assert "vndgaf check" in first.stdout + first.stderr  # the hook did run

    (agency / "kien-truc" / "he-thong.yaml").write_text(BAD, encoding="utf-8")
    assert _git(agency, "add", "-A").returncode == 0
    second = _git(agency, "commit", "-m", "Thêm hệ thống một cửa")
    out = second.stdout + second.stderr
    assert second.returncode != 0, out
    refused = r"^kien-truc/he-thong\.yaml:5:12: REF001 \[error\] 'so-khcn-cao-bang' "
    assert re.search(refused, out, re.M), out
    assert ".pre-commit-config.yaml" not in out and "ci.yml" not in out and "mkdocs" not in out
    assert _git(agency, "rev-list", "--count", "HEAD").stdout.strip() == "1"
