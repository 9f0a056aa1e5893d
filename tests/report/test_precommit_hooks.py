"""The pre-commit hook definitions shipped at the repository root."""

import re
from pathlib import Path

import yaml

HOOKS = Path(__file__).resolve().parents[2] / ".pre-commit-hooks.yaml"


def _hooks() -> dict[str, dict[str, object]]:
    data = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return {h["id"]: h for h in data}


def test_hooks_run_validate_and_check_on_yaml_and_json() -> None:
    """Two python hooks, `vndgaf validate` and `vndgaf check`, each given all files in one run."""
    hooks = _hooks()
    assert sorted(hooks) == ["vndgaf-check", "vndgaf-validate"]
    assert hooks["vndgaf-validate"]["entry"] == "vndgaf validate"
    assert hooks["vndgaf-check"]["entry"] == "vndgaf check"
    for hook in hooks.values():
        assert hook["language"] == "python"
        assert hook["pass_filenames"] is True
        assert hook["require_serial"] is True
        assert isinstance(hook["name"], str) and hook["name"].startswith("vndgaf ")


def test_hook_file_pattern() -> None:
    """The file pattern takes .yaml, .yml and .json files and nothing else."""
    for hook in _hooks().values():
        pattern = re.compile(str(hook["files"]))
        matched = [
            p
            for p in ["a/b.yaml", "c.yml", "d.json", "e.yaml.bak", "f.txt", "g.jsonl", "yaml"]
            if pattern.search(p)
        ]
        assert matched == ["a/b.yaml", "c.yml", "d.json"]


def test_documented_configuration_uses_shipped_hooks() -> None:
    """Every YAML example in docs/pre-commit.md parses and names only hooks that exist."""
    doc = (HOOKS.parent / "docs" / "pre-commit.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", doc, flags=re.DOTALL)
    assert len(blocks) == 2
    shipped = set(_hooks())
    remote, local = (yaml.safe_load(b) for b in blocks)
    remote_ids = [h["id"] for h in remote["repos"][0]["hooks"]]
    assert remote_ids == ["vndgaf-validate", "vndgaf-check"]
    assert set(remote_ids) <= shipped
    local_hook = local["repos"][0]["hooks"][0]
    assert local["repos"][0]["repo"] == "local"
    assert local_hook["entry"] == _hooks()[local_hook["id"]]["entry"]
    for hook in [*remote["repos"][0]["hooks"], local_hook]:
        assert re.search(hook["files"], "architecture/flows.yaml")
        assert not re.search(hook["files"], ".github/workflows/ci.yml")
