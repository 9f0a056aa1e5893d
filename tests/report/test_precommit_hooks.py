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
