"""Hypothesis strategies for the model, derived from the attrs classes and their metadata.

Generated architectures are schema-valid by construction: ids match the id pattern, required
strings are non-empty, numbers respect their bounds. References are drawn from a small pool of
ids so that some resolve and some do not — the loader must cope with both.
"""

import datetime as dt
import functools
import types
import typing
from enum import Enum
from typing import Any

import attrs
from hypothesis import strategies as st

from vndgaf.model import Architecture, Submission

ID_POOL = ("a", "b", "c", "so-khcn", "lgsp-1", "vn:platform/ndxp", "vn:province/08", "x.y_z")
_TEXT = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs", "Cc"), blacklist_characters="\x85\u2028\u2029"
    ),
    min_size=1,
    max_size=12,
)


def _scalar(tp: Any, meta: typing.Mapping[str, Any]) -> st.SearchStrategy[Any]:
    if tp is bool:
        return st.booleans()
    if tp is int:
        return st.integers(meta.get("minimum", -(2**40)), meta.get("maximum", 2**40))
    if tp is str:
        if "ref" in meta:
            return st.sampled_from(ID_POOL)
        if "pattern" in meta:
            return st.from_regex(meta["pattern"], fullmatch=True).filter(lambda s: len(s) <= 60)
        return _TEXT
    if tp is dt.date:
        return st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31))
    if isinstance(tp, type) and issubclass(tp, Enum):
        return st.sampled_from(list(tp))
    if attrs.has(tp):
        return instances(tp)
    raise TypeError(tp)


def _field(tp: Any, meta: typing.Mapping[str, Any]) -> st.SearchStrategy[Any]:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        inner = next(a for a in args if a is not type(None))
        return st.none() | _field(inner, meta)
    if origin is tuple:
        return st.lists(_scalar(args[0], meta), max_size=3).map(tuple)
    if origin is dict:
        return st.dictionaries(_TEXT, _TEXT, max_size=2)
    return _scalar(tp, meta)


@functools.cache
def instances(cls: type) -> st.SearchStrategy[Any]:
    """Instances of an attrs model class with schema-valid field values."""
    hints = typing.get_type_hints(cls)
    fields = {f.name: _field(hints[f.name], f.metadata) for f in attrs.fields(cls)}
    return st.builds(cls, **fields)


def architectures() -> st.SearchStrategy[Architecture]:
    """Small architectures (a few elements per list), format_version 1."""
    hints = typing.get_type_hints(Architecture)
    lists = {}
    for f in attrs.fields(Architecture):
        if typing.get_origin(hints[f.name]) is tuple:
            lists[f.name] = st.lists(instances(typing.get_args(hints[f.name])[0]), max_size=2).map(
                tuple
            )
    return st.builds(
        Architecture,
        format_version=st.just(1),
        submission=st.none() | instances(Submission),
        **lists,
    )
