"""Values of overlay entries: rows of a table as records, fields converted to their types, the
provenance an entry inherits. Split from :mod:`vndgaf.reference.overlay`, which reads documents
with these helpers.
"""

import datetime as dt
import functools
import typing
from collections.abc import Callable, Mapping, Sequence
from enum import StrEnum
from typing import Any, TypeVar

import attrs

from vndgaf.converter import make_converter, structure_valid
from vndgaf.model import AdministrativeUnit, Provenance

__all__ = [
    "build_record",
    "field_names",
    "field_value",
    "parse_date",
    "parse_provenance",
    "row_builder",
    "row_item",
]

T = TypeVar("T")


def row_item(columns: Sequence[str], row: Sequence[Any]) -> dict[str, Any]:
    """The entry a row stands for: a null cell leaves the field out (its default applies)."""
    return {name: value for name, value in zip(columns, row, strict=True) if value is not None}


_FIELD_NAMES: dict[type, frozenset[str]] = {}


def field_names(cls: type) -> frozenset[str]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = frozenset(f.name for f in attrs.fields(cls))
    return names


_Convert = Callable[[Any], Any] | None
_CONVERTERS: dict[tuple[type, str], _Convert] = {}


def _field_converter(cls: type, name: str) -> _Convert:
    """How to turn a checked value of field ``name`` of ``cls`` into the field's type (None:
    take it as it is); the converter's own hook for anything but the common cases."""
    key = (cls, name)
    if key in _CONVERTERS:
        return _CONVERTERS[key]
    kind = typing.get_type_hints(cls)[name]
    inner = [a for a in typing.get_args(kind) if a is not type(None)]
    optional = len(inner) == 1 and len(typing.get_args(kind)) == 2
    base = inner[0] if optional else kind
    convert: _Convert
    if base is str:
        convert = None
    elif base == tuple[str, ...]:
        convert = tuple
    elif isinstance(base, type) and issubclass(base, StrEnum):
        members = base._value2member_map_
        convert = (lambda v: None if v is None else members[v]) if optional else members.__getitem__
    else:
        hook = _converter().get_structure_hook(kind)
        convert = lambda v: hook(v, kind)  # noqa: E731
    _CONVERTERS[key] = convert
    return convert


@functools.cache
def _converter() -> Any:
    return make_converter(schema_checked=True)


def field_value(cls: type, name: str, value: Any) -> Any:
    """A checked value of field ``name`` of ``cls``, turned into the field's type."""
    convert = _field_converter(cls, name)
    return value if convert is None else convert(value)


def _with_provenance(
    cls: type, kwargs: dict[str, Any], provenance: Provenance | None
) -> dict[str, Any]:
    """Give the entry its provenance object; a unit's own dates default to its period."""
    if provenance is not None:
        kwargs["provenance"] = provenance
        if cls is AdministrativeUnit:
            kwargs.setdefault("valid_from", provenance.valid_from)
            kwargs.setdefault("valid_to", provenance.valid_to)
    return kwargs


def build_record(cls: type[T], item: Mapping[str, Any], provenance: Provenance | None) -> T:
    """``cls`` from a checked entry, its provenance given as an object (built once)."""
    kwargs: dict[str, Any] = {}
    for name, value in item.items():
        if name != "provenance":
            convert = _field_converter(cls, name)
            kwargs[name] = value if convert is None else convert(value)
    return cls(**_with_provenance(cls, kwargs, provenance))


def row_builder(
    cls: type[T], columns: tuple[str, ...]
) -> Callable[[Sequence[Any], Provenance | None], T]:
    """A function building ``cls`` from one row of ``columns`` (no provenance column).

    It fills a template of the class's arguments by position: the bulk tables (3,321 communes)
    are built on every run, and this is about twice as fast as keyword arguments.
    """
    fields = [f.name for f in attrs.fields(cls)]  # type: ignore[arg-type]
    defaults = [f.default for f in attrs.fields(cls)]  # type: ignore[arg-type]
    factories = [i for i, d in enumerate(defaults) if isinstance(d, attrs.Factory)]  # type: ignore[arg-type]
    plain: list[tuple[int, int]] = []
    converted: list[tuple[int, int, Callable[[Any], Any]]] = []
    for column, name in enumerate(columns):
        convert = _field_converter(cls, name)
        if convert is None:
            plain.append((fields.index(name), column))
        else:
            converted.append((fields.index(name), column, convert))
    dated = cls is AdministrativeUnit
    slots = {
        name: fields.index(name)
        for name in ("provenance", "valid_from", "valid_to")
        if name in fields
    }

    def build(row: Sequence[Any], provenance: Provenance | None) -> T:
        args = list(defaults)
        for i in factories:
            args[i] = defaults[i].factory()
        args[slots["provenance"]] = provenance
        if dated and provenance is not None:
            args[slots["valid_from"]] = provenance.valid_from
            args[slots["valid_to"]] = provenance.valid_to
        for position, column in plain:
            args[position] = row[column]
        for position, column, convert in converted:
            args[position] = convert(row[column])
        return cls(*args)

    return build


def parse_date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def parse_provenance(value: Any) -> Provenance | None:
    return None if value is None else structure_valid(value, Provenance)
