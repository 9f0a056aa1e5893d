"""Reading the packaged data files (JSON for generated lists, YAML for hand-written ones).

The files are read from the package directory itself (the wheel installs them as plain files
under ``vndgaf/reference/data``): ``importlib.resources`` would import tempfile, shutil and the
compression modules on every run for nothing (docs/performance.md, "The small case").
"""

import json
from pathlib import Path
from typing import Any

import yaml

__all__ = ["DATA", "read_json", "read_yaml"]

#: The directory of the packaged data files.
DATA = Path(__file__).resolve().with_name("data")

_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _text(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def read_json(name: str) -> dict[str, Any]:
    """Parse one JSON data file of the package."""
    data: dict[str, Any] = json.loads(_text(name))
    return data


def read_yaml(name: str) -> dict[str, Any]:
    """Parse one YAML data file of the package (safe loader, anchors allowed)."""
    data: dict[str, Any] = yaml.load(_text(name), Loader=_LOADER)
    return data
