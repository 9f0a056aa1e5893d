"""Every module of vndgaf.load has its place in the import contract that layers the package, so
a new step cannot import its way around the others unnoticed."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_load_module_is_in_the_layers_contract() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    (load,) = [c for c in contracts if c.get("containers") == ["vndgaf.load"]]
    layered = {name.strip() for layer in load["layers"] for name in layer.split("|")}
    modules = {p.stem for p in (ROOT / "src" / "vndgaf" / "load").glob("*.py")} - {"__init__"}
    assert layered == modules
