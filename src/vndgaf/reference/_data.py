"""Reading the packaged data files (JSON for generated lists, YAML for hand-written ones)."""

import json
from importlib import resources
from typing import Any

import yaml

__all__ = ["read_json", "read_yaml"]

_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _text(name: str) -> str:
    return (resources.files("vndgaf.reference") / "data" / name).read_text(encoding="utf-8")


def read_json(name: str) -> dict[str, Any]:
    """Parse one JSON data file of the package."""
    data: dict[str, Any] = json.loads(_text(name))
    return data


def read_yaml(name: str) -> dict[str, Any]:
    """Parse one YAML data file of the package (safe loader, anchors allowed)."""
    data: dict[str, Any] = yaml.load(_text(name), Loader=_LOADER)
    return data
