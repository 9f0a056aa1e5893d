"""The package's promises about itself: dependency floors documented, metadata complete."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _floors() -> dict[str, str]:
    out = {}
    for requirement in PYPROJECT["project"]["dependencies"]:
        match = re.fullmatch(r"([A-Za-z0-9._-]+)>=([0-9][0-9A-Za-z.]*)", requirement)
        assert match, f"{requirement!r}: every runtime dependency has a plain '>=' floor"
        out[match.group(1)] = match.group(2)
    return out


def test_every_floor_is_documented_with_its_reason() -> None:
    """docs/install.md has one row per runtime dependency with the floor pyproject.toml sets."""
    text = (ROOT / "docs" / "install.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| ([A-Za-z0-9._-]+) \| ([0-9][0-9.]*) \| .+ \|$", text, re.M))
    assert rows == _floors()


def test_no_runtime_dependency_has_a_ceiling() -> None:
    """The upper-bound policy in docs/install.md: floors only, no '<' or '==' pins."""
    assert not [d for d in PYPROJECT["project"]["dependencies"] if re.search(r"<|==|~=", d)]
