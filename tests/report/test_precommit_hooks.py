"""The pre-commit hook definitions shipped at the repository root, and the hooks run by
pre-commit itself on a repository where a contributor commits a hostile symbolic link."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

# Runs the command line in subprocesses: `make quick` leaves it out, `make test` runs it.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
HOOKS = ROOT / ".pre-commit-hooks.yaml"


def _hooks() -> dict[str, dict[str, object]]:
    data = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return {h["id"]: h for h in data}


def test_hooks_check_the_whole_repository_once() -> None:
    """Two python hooks, `vndgaf validate` and `vndgaf check`, each run once over the paths in
    args (default: the whole repository), keeping only submission files, and also when a
    commit adds a symbolic link."""
    hooks = _hooks()
    assert sorted(hooks) == ["vndgaf-check", "vndgaf-validate"]
    assert hooks["vndgaf-validate"]["entry"] == "vndgaf validate --submissions-only"
    assert hooks["vndgaf-check"]["entry"] == "vndgaf check --submissions-only"
    for hook in hooks.values():
        assert hook["language"] == "python"
        assert hook["args"] == ["."]
        assert hook["pass_filenames"] is False
        assert hook["require_serial"] is True
        assert hook["types"] == [] and hook["types_or"] == ["file", "symlink"]
        assert isinstance(hook["name"], str) and hook["name"].startswith("vndgaf ")


def test_hook_file_pattern() -> None:
    """The hooks run when a .yaml, .yml or .json file is part of the commit, and not otherwise."""
    for hook in _hooks().values():
        pattern = re.compile(str(hook["files"]))
        matched = [
            p
            for p in ["a/b.yaml", "c.yml", "d.json", "e.yaml.bak", "f.txt", "g.jsonl", "yaml"]
            if pattern.search(p)
        ]
        assert matched == ["a/b.yaml", "c.yml", "d.json"]


def test_documented_configurations_use_shipped_hooks() -> None:
    """Every YAML example in docs/pre-commit.md parses, names only hooks that exist, keeps a
    path in args, and a local hook repeats the shipped entry."""
    doc = (HOOKS.parent / "docs" / "pre-commit.md").read_text(encoding="utf-8")
    blocks = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", doc, flags=re.DOTALL)]
    assert len(blocks) == 3
    example, folders, local = blocks
    shipped = _hooks()
    assert [h["id"] for h in example["repos"][0]["hooks"]] == ["vndgaf-check"]
    assert folders[0]["id"] in shipped and re.search(folders[0]["files"], "architecture/a.yaml")
    local_hook = local["repos"][0]["hooks"][0]
    assert local["repos"][0]["repo"] == "local"
    assert local_hook["entry"] == shipped[local_hook["id"]]["entry"]
    assert local_hook["pass_filenames"] is False
    for hook in [*example["repos"][0]["hooks"], folders[0], local_hook]:
        assert not str(hook["args"][0]).startswith("-"), "args replace [.]: a path comes first"


SECRET = "https://bot:ghp_PRECOMMITSECRET42@github.com"


def _git(repo: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=False
    )


def _hook_config(args: list[str] | None) -> str:
    """The shipped hooks as a local repository, run the way pre-commit runs them: the same
    entry, file pattern and options, with the entry taken from this environment (pre-commit
    would install vndgaf into a virtual environment of its own) — ``args`` as in
    docs/pre-commit.md when given."""
    hooks = []
    for hook in _hooks().values():
        keys = ("id", "name", "files", "types", "types_or", "require_serial", "pass_filenames")
        local = {key: hook[key] for key in keys}
        command = " ".join(str(hook["entry"]).split()[1:])
        local.update(entry=f"{sys.executable} -m vndgaf {command}", language="system")
        local["args"] = hook["args"] if args is None else args
        hooks.append(local)
    return yaml.safe_dump({"repos": [{"repo": "local", "hooks": hooks}]}, sort_keys=False)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
@pytest.mark.parametrize("args", [None, ["architecture/"]], ids=["as-shipped", "documented"])
def test_a_committed_link_to_a_secret_never_reaches_the_hook_output(
    tmp_path: Path, args: list[str] | None
) -> None:
    """A pull request commits `architecture/creds.yaml -> ~/.git-credentials`; `git commit`
    runs the hooks (pre-commit installed in the repository), then `pre-commit run
    --all-files` as CI would: the secret never appears, the link is named (SCH007) when the
    hook walks the directory, and the secret file is untouched."""
    home = tmp_path / "home"
    home.mkdir()
    secret = home / ".git-credentials"
    secret.write_text(SECRET + "\n", encoding="utf-8")
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "examples" / "tuyen-quang", repo / "architecture")
    (repo / ".pre-commit-config.yaml").write_text(_hook_config(args), encoding="utf-8")
    env = {
        **os.environ,
        "HOME": str(home),
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-cache"),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Contributor",
        "GIT_AUTHOR_EMAIL": "contributor@example.org",
        "GIT_COMMITTER_NAME": "Contributor",
        "GIT_COMMITTER_EMAIL": "contributor@example.org",
    }
    assert _git(repo, "init", "-q", env=env).returncode == 0
    _git(repo, "add", "-A", env=env)
    assert _git(repo, "commit", "-q", "--no-verify", "-m", "base", env=env).returncode == 0
    precommit = [sys.executable, "-m", "pre_commit"]
    installed = subprocess.run(
        [*precommit, "install"], cwd=repo, env=env, capture_output=True, text=True, check=False
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr

    (repo / "architecture" / "creds.yaml").symlink_to(secret)
    _git(repo, "add", "architecture/creds.yaml", env=env)
    committed = _git(repo, "commit", "-m", "add credentials", env=env)
    ran = subprocess.run(
        [*precommit, "run", "--all-files", "--verbose"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    at_commit = committed.stdout + committed.stderr
    for output in (at_commit, ran.stdout + ran.stderr):
        assert "PRECOMMITSECRET" not in output
    assert committed.returncode != 0  # the link is reported and blocks the commit
    assert "architecture/creds.yaml: SCH007" in at_commit
    assert "vndgaf check" in ran.stdout and "STR001" in ran.stdout  # the hooks really ran
    assert "architecture/creds.yaml: SCH007" in ran.stdout
    assert secret.read_text(encoding="utf-8") == SECRET + "\n"
