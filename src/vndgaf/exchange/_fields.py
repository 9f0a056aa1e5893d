"""Field-level codec: model values to property strings and back, driven by the attrs fields.

Exchange formats carry an element's plain fields as text properties. Scalars keep a readable
form (``central``, ``true``, ``2025-07-01``, ``1200000000``); tuples and nested records
(provenance, suppressions, data quality, required inputs) are written as compact JSON, so that
reading them back gives exactly the value that was written.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import types
import typing
from collections.abc import Iterator
from typing import Any

import attrs
import cattrs

from vndgaf.model import (
    AdministrativeUnit,
    Agency,
    Architecture,
    Database,
    DataEntity,
    DataFlow,
    InformationSystem,
    Investment,
    NodeElement,
    Platform,
    PublicService,
)

__all__ = [
    "KIND_CLASSES",
    "NodeElement",
    "decode_value",
    "encode_value",
    "field_type_name",
    "iter_nodes",
    "kind_of",
    "ref_fields",
    "value_fields",
]

#: Element kinds in the order they are written, with their class and Architecture list.
KIND_CLASSES: tuple[tuple[str, type[Any], str], ...] = (
    ("unit", AdministrativeUnit, "units"),
    ("agency", Agency, "agencies"),
    ("system", InformationSystem, "systems"),
    ("platform", Platform, "platforms"),
    ("database", Database, "databases"),
    ("entity", DataEntity, "entities"),
    ("service", PublicService, "services"),
    ("investment", Investment, "investments"),
)

_KIND_BY_CLASS = {cls: kind for kind, cls, _ in KIND_CLASSES}
_KIND_BY_CLASS[DataFlow] = "flow"

#: Fields every format writes in its own way (id, name, free properties). ``name_en`` is also a
#: plain property because Archi keeps a single name per element.
_IDENTITY = frozenset({"id", "name", "properties"})


def kind_of(element: object) -> str:
    """The vndgaf kind of an element (``"platform"`` for a Platform, not ``"system"``)."""
    return _KIND_BY_CLASS[type(element)]


def iter_nodes(arch: Architecture) -> Iterator[tuple[str, NodeElement]]:
    """Every element that is a node (all but flows), kind by kind, in submission order."""
    for kind, _cls, attr_name in KIND_CLASSES:
        for element in getattr(arch, attr_name):
            yield kind, element


def ref_fields(cls: type[Any]) -> tuple[attrs.Attribute[Any], ...]:
    """Fields of ``cls`` that hold ids of other elements (metadata ``ref``)."""
    return tuple(f for f in attrs.fields(cls) if f.metadata.get("ref"))


def value_fields(cls: type[Any]) -> tuple[attrs.Attribute[Any], ...]:
    """Fields of ``cls`` written as properties: everything but identity, names and refs."""
    return tuple(
        f for f in attrs.fields(cls) if f.name not in _IDENTITY and not f.metadata.get("ref")
    )


def _plain(value: Any) -> Any:
    """A JSON-ready form of a model value (enums by value, dates in ISO form)."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if attrs.has(type(value)):
        return {
            f.name: _plain(getattr(value, f.name))
            for f in attrs.fields(type(value))
            if getattr(value, f.name) is not None
        }
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value


def field_type_name(value: Any) -> str:
    """The exchange-format data type of a value: boolean, number, date or string."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "number"
    if isinstance(value, dt.date):
        return "date"
    return "string"


def encode_value(value: Any) -> str:
    """The property text of a field value (``None`` and empty tuples are not written)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return str(value)
    return json.dumps(_plain(value), ensure_ascii=False, sort_keys=False, separators=(",", ":"))


_CONVERTER = cattrs.Converter()
_CONVERTER.register_structure_hook(dt.date, lambda v, _t: dt.date.fromisoformat(str(v)))


def _strip_optional(tp: Any) -> Any:
    if isinstance(tp, types.UnionType) or typing.get_origin(tp) is typing.Union:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


def decode_value(text: str, field: attrs.Attribute[Any]) -> Any:
    """The field value for a property text; raises ValueError when the text does not fit."""
    tp = _strip_optional(field.type)
    raw: Any
    if typing.get_origin(tp) is tuple or attrs.has(tp):
        raw = json.loads(text)
    elif tp is bool:
        if text not in ("true", "false"):
            raise ValueError(f"expected true or false, got {text!r}")
        raw = text == "true"
    elif tp is int:
        raw = int(text)
    else:
        raw = text
    if field.type is None:
        raise ValueError(f"field {field.name} has no type")
    try:
        return _CONVERTER.structure(raw, field.type)
    except Exception as exc:  # cattrs raises several kinds; all mean "does not fit"
        raise ValueError(f"{text!r} is not a valid {field.name}") from exc
