"""Several submissions as one architecture: every id qualified (``submitter::id``).

Each submission is loaded on its own, with its ids as written (:mod:`vndgaf.load.pipeline`).
When several are checked together, their elements are merged into one architecture in which
every id and every reference is qualified by the submission that wrote it
(:func:`~vndgaf.model.namespaces.qualify`), so equal local ids of two submissions stay two
elements, and a reference ``ubnd-cao-bang::lgsp-cao-bang`` written in one submission is the
element ``lgsp-cao-bang`` of the other. External declarations matched to their element are
dropped (:mod:`vndgaf.load.externals` compares them first); the others stay as the stand-ins of
elements whose submission is not in the check.

A single submission is not merged: its ids stay as written, and outputs qualify them
(:meth:`~vndgaf.load.LoadResult.qualified`), so that a national model of 100,000 flows pays
nothing for namespaces.
"""

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, TypeVar

import attrs

from vndgaf.load.ids import Origin, Origins
from vndgaf.load.references import ref_plan
from vndgaf.model import submission_key
from vndgaf.model.namespaces import qualify, split_id

__all__ = ["MergedOrigins", "qualified_element", "qualified_elements"]

_T = TypeVar("_T")

_SUBMISSION_PREFIX = submission_key("")


def qualified_element(obj: _T, namespace: str, *, with_id: bool = True) -> _T:
    """``obj`` (a model object written in the submission ``namespace``) with its id and every
    reference qualified; the object itself when nothing changes."""
    changes: dict[str, Any] = {}
    if with_id:
        ident = getattr(obj, "id")  # noqa: B009 - every element has an id; nested records none
        if (new_id := qualify(namespace, ident)) != ident:
            changes["id"] = new_id
    for name, _kinds, nested, many in ref_plan(type(obj)):
        value = getattr(obj, name)
        if value is None or value == ():
            continue
        if nested is not None:
            if many:
                new: Any = tuple(qualified_element(v, namespace, with_id=False) for v in value)
            else:
                new = qualified_element(value, namespace, with_id=False)
        elif many:
            new = tuple(qualify(namespace, v) for v in value)
        else:
            new = qualify(namespace, value)
        if new != value:
            changes[name] = new
    return attrs.evolve(obj, **changes) if changes else obj  # type: ignore[misc]


def qualified_elements(elements: Sequence[_T], namespace: str) -> tuple[_T, ...]:
    """Every element of one list qualified (the list as it is in the unnamed namespace)."""
    if not namespace:
        return tuple(elements)
    return tuple(qualified_element(e, namespace) for e in elements)


class MergedOrigins(Mapping[str, Origin]):
    """Qualified id -> :class:`Origin`, answered by the registry of the submission the id names
    (no merged registry is built: a national check holds 100,000s of ids)."""

    def __init__(self, by_namespace: Mapping[str, Origins], stand_ins: Mapping[str, str]) -> None:
        self._by_namespace = by_namespace
        self._stand_ins = stand_ins
        """Qualified id of a kept external declaration -> the namespace that declared it."""

    def _registry(self, ident: str) -> tuple[Origins, str] | None:
        if ident.startswith(_SUBMISSION_PREFIX):
            registry = self._by_namespace.get(ident[len(_SUBMISSION_PREFIX) :])
            return (registry, ident) if registry is not None else None
        namespace, local = split_id(ident)
        if namespace in self._by_namespace and local in self._by_namespace[namespace]:
            return self._by_namespace[namespace], local
        declared = self._stand_ins.get(ident)
        if declared is not None:
            return self._by_namespace[declared], ident
        return None

    def __getitem__(self, ident: str) -> Origin:
        found = self._registry(ident)
        if found is None:
            raise KeyError(ident)
        registry, key = found
        return registry[key]

    def __contains__(self, ident: object) -> bool:
        return isinstance(ident, str) and self._registry(ident) is not None

    def __iter__(self) -> Iterator[str]:
        for namespace, registry in self._by_namespace.items():
            for ident in registry:
                if ident.startswith(_SUBMISSION_PREFIX):
                    yield ident
                elif split_id(ident)[0]:  # an external declaration
                    if self._stand_ins.get(ident) == namespace:
                        yield ident
                else:
                    yield qualify(namespace, ident)

    def __len__(self) -> int:
        return sum(1 for _ in self)
