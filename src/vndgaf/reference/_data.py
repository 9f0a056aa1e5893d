"""Reading the packaged data files (JSON for generated lists, YAML for hand-written ones)."""

import datetime as dt
import json
from importlib import resources
from typing import Any

import cattrs
import yaml

__all__ = ["make_structurer", "read_json", "read_yaml"]

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


def _structure_date(value: object, _type: object) -> dt.date:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return dt.date.fromisoformat(value)
    raise TypeError(f"not a date: {value!r}")


def make_structurer() -> cattrs.Converter:
    """A strict cattrs converter for catalogue entries: unknown keys are errors."""
    converter = cattrs.Converter(forbid_extra_keys=True)
    converter.register_structure_hook(dt.date, _structure_date)
    return converter
