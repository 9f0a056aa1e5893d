"""One cattrs converter for the whole model: documents <-> attrs objects.

Dates travel as ISO strings, enums as their values. Unstructuring omits fields equal to their
default, so dumped submissions stay as short as their authors wrote them, and keeps the class's
field order, so the same model always gives the same bytes.

Structuring is tuned for national models (100,000 flows): it runs on data that already passed
the JSON Schema, so cattrs' detailed validation (per-field exception groups, only useful to
explain bad input) is off, and enums, optionals and homogeneous tuples get hooks that do one
lookup or one C-level loop instead of cattrs' generic dispatch per value. The results are the
objects cattrs' default handling gives. :func:`structure` still rejects unknown keys
(``forbid_extra_keys``), so direct API users get an error for a misspelt field instead of a
silently dropped value; the loader uses :func:`structure_valid`, which trusts the schema it has
just run (no unknown-key check, strings taken as they are). A failure raises the plain
exception (``KeyError``, ``ValueError``, ``TypeError``, ``ForbiddenExtraKeysError``) rather
than a ``ClassValidationError`` group.

Fast path and reference: the reference is cattrs' own handling (a plain ``cattrs.Converter``,
https://catt.rs/en/stable/structuring.html); the hooks here give the same objects, types
included, pinned by ``tests/test_converter_fast_paths.py``
(``::test_any_model_structures_as_plain_cattrs_does`` on Hypothesis models), and
:func:`structure_valid` gives what :func:`structure` gives on schema-valid data
(``::test_structure_valid_relies_on_the_schema``).
"""

import datetime as dt
import functools
import itertools
import types
import typing
from collections.abc import Callable, Iterator
from enum import StrEnum
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.gen import make_dict_unstructure_fn

from vndgaf.model import Architecture
from vndgaf.textsafe import json_text, yaml_text

__all__ = [
    "dump_chunks",
    "dumps",
    "make_converter",
    "normalise",
    "structure",
    "structure_valid",
    "unstructure",
]

T = TypeVar("T")


def _structure_date(value: object, _type: object) -> dt.date:
    """ISO strings (submissions) or dates already parsed (the catalogue's YAML data files)."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return dt.date.fromisoformat(value)
    raise TypeError(f"not a date: {value!r}")


def _structure_enum(value: Any, cls: type[StrEnum]) -> StrEnum:
    """The member with this value: one dict lookup instead of ``Enum.__call__`` (two Python
    calls per value, 100,000s of values in a national model)."""
    try:
        return cls._value2member_map_[value]  # type: ignore[return-value]
    except (KeyError, TypeError):
        return cls(value)  # Enum's own lookup and its error for anything else


#: Types cattrs structures by calling the type itself (``str(value)``); their hooks call it too.
_PRIMITIVES = (str, int, float, bool)


def _is_optional(tp: Any) -> bool:
    args = typing.get_args(tp)
    return (
        typing.get_origin(tp) in (types.UnionType, typing.Union)
        and len(args) == 2
        and type(None) in args
    )


def _optional_hook_factory(conv: cattrs.Converter, schema_checked: bool) -> Callable[[Any], Any]:
    """``X | None``: None stays None, anything else goes straight to X's hook (cattrs' generic
    optional handler dispatches on X again for every value); a string the schema checked is
    taken as it is."""

    def factory(tp: Any) -> Callable[[Any, Any], Any]:
        inner = next(a for a in typing.get_args(tp) if a is not type(None))
        if inner is str and schema_checked:
            return lambda value, _: value
        if inner in _PRIMITIVES:
            return lambda value, _: None if value is None else inner(value)
        hook = conv.get_structure_hook(inner)
        return lambda value, _: None if value is None else hook(value, inner)

    return factory


def _is_homogeneous_tuple(tp: Any) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook_factory(conv: cattrs.Converter, schema_checked: bool) -> Callable[[Any], Any]:
    """``tuple[X, ...]``: one C-level ``map`` over the items instead of cattrs' per-item loop
    (id lists and element lists are the bulk of a national model); a list of strings the schema
    checked is copied as it is."""

    def factory(tp: Any) -> Callable[[Any, Any], Any]:
        item = typing.get_args(tp)[0]
        if item is str and schema_checked:
            return lambda value, _: tuple(value)
        if item in _PRIMITIVES:
            return lambda value, _: tuple(map(item, value))
        hook = conv.get_structure_hook(item)
        return lambda value, _: tuple(map(hook, value, itertools.repeat(item)))

    return factory


def make_converter(*, schema_checked: bool = False) -> cattrs.Converter:
    """A fresh converter configured for the vndgaf model.

    ``schema_checked`` is only for data that passed the submission schema (see
    :func:`structure_valid`): unknown keys are not looked for and strings are not passed
    through ``str()``, as the schema has rejected the one and checked the type of the other.
    """
    conv = cattrs.Converter(
        forbid_extra_keys=not schema_checked,
        detailed_validation=False,
        unstruct_collection_overrides={tuple: list},
    )
    conv.register_unstructure_hook(StrEnum, lambda e: e.value)
    conv.register_structure_hook(dt.date, _structure_date)
    conv.register_structure_hook(StrEnum, _structure_enum)
    conv.register_structure_hook_factory(_is_optional, _optional_hook_factory(conv, schema_checked))
    conv.register_structure_hook_factory(
        _is_homogeneous_tuple, _tuple_hook_factory(conv, schema_checked)
    )
    conv.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    conv.register_unstructure_hook_factory(
        attrs.has,
        lambda cls: make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True),
    )
    return conv


@functools.cache
def _converter(schema_checked: bool = False) -> cattrs.Converter:
    return make_converter(schema_checked=schema_checked)


def structure(data: Any, cls: type[T]) -> T:
    """Build ``cls`` from plain data, rejecting unknown keys."""
    return _converter().structure(data, cls)


def structure_valid(data: Any, cls: type[T]) -> T:
    """:func:`structure` for data that passed the submission schema, as the loader's does.

    The schema already rejects unknown keys (``additionalProperties: false`` on every object)
    and checks that strings are strings (tests keep both so), so cattrs' check of every
    object's keys and the ``str()`` of every string and id list item are skipped: about a
    quarter of the time of structuring a national model.
    """
    return _converter(schema_checked=True).structure(data, cls)


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


def dumps(arch: Architecture, fmt: str = "yaml") -> str:
    """The architecture as YAML or JSON text; same model, same bytes, every value kept exactly."""
    data = unstructure(arch)
    if fmt == "json":
        return json_text(data, sort_keys=False)
    if fmt == "yaml":
        return yaml_text(data)
    raise ValueError(f"unknown format {fmt!r}: expected yaml or json")


def _element_lists(arch: Architecture) -> dict[str, tuple[Any, ...]]:
    """The non-empty element lists of ``arch`` (an empty one is a default: never written)."""
    return {
        f.name: getattr(arch, f.name)
        for f in attrs.fields(Architecture)
        if isinstance(getattr(arch, f.name), tuple) and getattr(arch, f.name)
    }


def _top_level(arch: Architecture) -> Iterator[tuple[str, Any, bool]]:
    """(key, plain value, is an element list) in document order. Elements are unstructured
    one at a time, when they are written, with the hook of their list's declared type."""
    lists = _element_lists(arch)
    emptied: dict[str, Any] = dict.fromkeys(lists, ())
    rest = unstructure(attrs.evolve(arch, **emptied))
    hints = typing.get_type_hints(Architecture)
    conv = _converter()
    for f in attrs.fields(Architecture):
        if f.name in lists:
            items = lists[f.name]
            hint = hints[f.name]
            yield f.name, (conv.unstructure((e,), unstructure_as=hint)[0] for e in items), True
        elif f.name in rest:
            yield f.name, rest[f.name], False


def dump_chunks(arch: Architecture, fmt: str = "yaml") -> Iterator[str]:
    """:func:`dumps` in pieces, each element unstructured and written in turn: the export of
    a national model never holds its whole document, as data or as text."""
    if fmt not in ("yaml", "json"):
        raise ValueError(f"unknown format {fmt!r}: expected yaml or json")
    return _yaml_chunks(arch) if fmt == "yaml" else _json_chunks(arch)


def _yaml_chunks(arch: Architecture) -> Iterator[str]:
    # Each piece is a document of its own: a list item is written as the item of a list at the
    # top, which the emitter indents as it does under a key. A piece ending in a block scalar
    # that keeps its final line breaks ends with "...": only the document's last one keeps it.
    end = "...\n"
    ended = False
    for key, value, is_list in _top_level(arch):
        if is_list:
            pieces: Iterator[Any] = ({key: [e]} if n == 0 else [e] for n, e in enumerate(value))
        else:
            pieces = iter(({key: value},))
        for piece in pieces:
            text = yaml_text(piece)
            ended = text.endswith(end)
            yield text[: -len(end)] if ended else text
    if ended:
        yield end


def _json_chunks(arch: Architecture) -> Iterator[str]:
    # json.dumps(indent=2) of a value inside the document is its text alone with every line
    # after the first indented by the depth (JSON text holds no raw line break in a string).
    def nested(value: Any, depth: int) -> str:
        return json_text(value, sort_keys=False).rstrip("\n").replace("\n", "\n" + "  " * depth)

    yield "{"
    for n, (key, value, is_list) in enumerate(_top_level(arch)):
        yield ("\n  " if n == 0 else ",\n  ") + nested(key, 1) + ": "
        if not is_list:
            yield nested(value, 1)
            continue
        for m, item in enumerate(value):
            yield ("[\n    " if m == 0 else ",\n    ") + nested(item, 2)
        yield "\n  ]"
    yield "\n}\n"
