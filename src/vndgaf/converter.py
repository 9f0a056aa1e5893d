"""One cattrs converter for the whole model: documents <-> attrs objects.

Dates travel as ISO strings, enums as their values. Unstructuring omits fields equal to their
default, so dumped submissions stay as short as their authors wrote them, and keeps the class's
field order, so the same model always gives the same bytes.
"""

import datetime as dt
import functools
import json
import re
from enum import StrEnum
from typing import Any, TypeVar

import attrs
import cattrs
import yaml
from cattrs.gen import make_dict_unstructure_fn

from vndgaf.model import Architecture

__all__ = ["dumps", "make_converter", "normalise", "structure", "unstructure"]

T = TypeVar("T")


def _structure_date(value: object, _type: object) -> dt.date:
    """ISO strings (submissions) or dates already parsed (the catalogue's YAML data files)."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return dt.date.fromisoformat(value)
    raise TypeError(f"not a date: {value!r}")


def make_converter() -> cattrs.Converter:
    """A fresh converter configured for the vndgaf model."""
    conv = cattrs.Converter(forbid_extra_keys=True, unstruct_collection_overrides={tuple: list})
    conv.register_unstructure_hook(StrEnum, lambda e: e.value)
    conv.register_structure_hook(dt.date, _structure_date)
    # Id lists are the bulk of a national model: one C-level pass instead of cattrs' generic
    # per-item loop (same result: cattrs also applies str() to each item).
    conv.register_structure_hook_func(
        lambda t: t == tuple[str, ...], lambda v, _: tuple(map(str, v))
    )
    conv.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    conv.register_unstructure_hook_factory(
        attrs.has,
        lambda cls: make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True),
    )
    return conv


@functools.cache
def _converter() -> cattrs.Converter:
    return make_converter()


def structure(data: Any, cls: type[T]) -> T:
    """Build ``cls`` from plain data that already passed the schema."""
    return _converter().structure(data, cls)


def unstructure(obj: Any) -> Any:
    """Plain JSON-compatible data for a model object (defaults omitted, field order kept)."""
    return _converter().unstructure(obj)


def normalise(arch: Architecture) -> Architecture:
    """The same architecture with every element list sorted by id (the canonical form)."""
    changes: dict[str, Any] = {}
    for field in attrs.fields(Architecture):
        value = getattr(arch, field.name)
        if isinstance(value, tuple):
            changes[field.name] = tuple(sorted(value, key=lambda e: e.id))
    return attrs.evolve(arch, **changes)


class _Dumper(yaml.SafeDumper):
    """Safe dumper that never emits aliases and keeps mapping order."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


_AMBIGUOUS = re.compile(r"^(?:[-+.~0-9].*|(?:y|n|yes|no|on|off|true|false|null)|)$", re.IGNORECASE)


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    """Block style for multi-line text; quotes for anything a YAML 1.1 or 1.2 reader could
    take for a number, boolean or null (so dumped text always reads back as the same string)."""
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    style = '"' if _AMBIGUOUS.match(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_representer)


def dumps(arch: Architecture, fmt: str = "yaml") -> str:
    """The architecture as YAML or JSON text; same model, same bytes."""
    data = unstructure(arch)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "yaml":
        text: str = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
        return text
    raise ValueError(f"unknown format {fmt!r}: expected yaml or json")
