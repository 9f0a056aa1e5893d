"""Field values checked at construction, so that a model built in code is the model a file gives.

An integrator writes ``Agency(id="x", name="X", level="provincial")``: the string becomes
``Level.PROVINCIAL``, as the loader would make it; ``level="tinh"`` raises a ``ValueError``
that names the field and the allowed values; a list where the model holds a tuple
(``tenants=["a", "b"]``) becomes a tuple, and a single string there is rejected (it would
otherwise be taken as a sequence of characters). A date field takes a ``date`` or an ISO string.
So a model that constructs also dumps, hashes and is checked like a file.

Every class of the model declares ``@attrs.frozen(field_transformer=typed_fields)``; the
converters cost one call per field on values that are already right (the loader's), which keeps
a national load within its benchmark target.

>>> import attrs
>>> from vndgaf.model.enums import Level
>>> @attrs.frozen(field_transformer=typed_fields)
... class Example:
...     level: Level
...     tenants: tuple[str, ...] = ()
>>> Example("provincial", ["a"])
Example(level=<Level.PROVINCIAL: 'provincial'>, tenants=('a',))
>>> Example("tinh")
Traceback (most recent call last):
...
ValueError: Example.level: 'tinh' is not one of central, provincial, district, commune, unknown
"""

import datetime as dt
import enum
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs

__all__ = ["typed_fields"]


def typed_fields(cls: type, fields: list[attrs.Attribute]) -> list[attrs.Attribute]:  # type: ignore[type-arg]
    """The attrs field transformer: a converter for every enum, tuple and date field."""
    out = []
    for field in fields:
        convert = None if field.converter is not None else _converter(cls.__name__, field)
        out.append(field.evolve(converter=convert) if convert is not None else field)
    return out


def _converter(owner: str, field: attrs.Attribute) -> Callable[[Any], Any] | None:  # type: ignore[type-arg]
    where = f"{owner}.{field.name}"
    tp = field.type
    optional = False
    args = typing.get_args(tp)
    if typing.get_origin(tp) in (types.UnionType, typing.Union) and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        if len(rest) != 1:
            return None
        tp, optional = rest[0], True
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return _enum(where, tp, optional)
    if tp is dt.date:
        return _date(where, optional)
    if typing.get_origin(tp) is tuple:
        item = typing.get_args(tp)[0]
        if isinstance(item, type) and issubclass(item, enum.Enum):
            return _tuple(where, _enum(f"{where}[]", item, False))
        return _tuple(where, None)
    return None


def _enum(where: str, cls: type[enum.Enum], optional: bool) -> Callable[[Any], Any]:
    members = cls._value2member_map_
    allowed = ", ".join(str(m.value) for m in cls)

    def convert(value: Any) -> Any:
        if type(value) is cls or (optional and value is None):
            return value
        try:
            return members[value]
        except (KeyError, TypeError):
            raise ValueError(f"{where}: {value!r} is not one of {allowed}") from None

    return convert


def _date(where: str, optional: bool) -> Callable[[Any], Any]:
    def convert(value: Any) -> Any:
        if isinstance(value, dt.date) or (optional and value is None):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise ValueError(f"{where}: {value!r} is not a date (YYYY-MM-DD)")

    return convert


def _tuple(where: str, item: Callable[[Any], Any] | None) -> Callable[[Any], Any]:
    def convert(value: Any) -> Any:
        if type(value) is tuple and item is None:
            return value
        if isinstance(value, (str, bytes, dict)) or not isinstance(value, (tuple, list)):
            raise ValueError(f"{where}: expects a list, not {type(value).__name__} {value!r}")
        return tuple(value) if item is None else tuple(map(item, value))

    return convert
