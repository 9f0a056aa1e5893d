"""What an ArchiMate model says between application components without saying it directly.

ArchiMate models rarely draw a Flow from one application component to another: they say that a
component realises (or is assigned to) an application service, interface or function, and that
this service serves another component or the function that component performs. The derivation
rules of ArchiMate 3.1 (Appendix B.2, valid derivations) make that a relationship between the two
components:

- a structural relationship (composition, aggregation, assignment, realization) followed by a
  dependency or dynamic relationship (serving, access, flow, triggering) gives a relationship of
  the second type from the start of the first (structural then dependency/dynamic);
- a dependency or dynamic relationship *to* an element that a component reaches by structural
  relationships is one to that component (dependency/dynamic then the reverse of structural).

Only chains through application-layer behaviour and interfaces are followed (a component's own
services, interfaces, functions, processes, interactions and events), never through another
component or through business or technology elements, so every derived relationship is certain,
not one of the "potential" derivations of Appendix B.3. Junctions are transparent: a relationship
into a junction and one of the same type out of it make one relationship.

Functions here take plain tuples and return plain values; the importer decides what they mean
for the vndgaf model.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs

__all__ = [
    "APPLICATION_INTERNALS",
    "DYNAMIC",
    "STRUCTURAL",
    "Reached",
    "Rel",
    "exposed",
    "reach",
    "through_junctions",
]

STRUCTURAL = frozenset({"Composition", "Aggregation", "Assignment", "Realization"})
DYNAMIC = frozenset({"Flow", "Triggering"})

#: Element types a component's behaviour and interfaces are made of: the only ones a
#: derivation chain passes through.
APPLICATION_INTERNALS = frozenset(
    {
        "ApplicationService",
        "ApplicationInterface",
        "ApplicationFunction",
        "ApplicationProcess",
        "ApplicationInteraction",
        "ApplicationEvent",
    }
)

JUNCTIONS = frozenset({"AndJunction", "OrJunction"})


@attrs.frozen
class Rel:
    """One relationship (or a path through a junction), with the ids it stands for."""

    rel_type: str
    source: str
    target: str
    ids: tuple[str, ...]
    access_type: str | None = None


def through_junctions(rels: Iterable[Rel], types: Mapping[str, str]) -> list[Rel]:
    """``rels`` with every path through junctions replaced by one relationship.

    A relationship into a junction and one of the same type out of it become one relationship
    from the first source to the last target, standing for both ids. Chains of junctions are
    followed; a cycle of junctions ends the path.
    """
    rels = list(rels)
    outgoing: dict[str, list[Rel]] = {}
    for r in rels:
        if types.get(r.source) in JUNCTIONS:
            outgoing.setdefault(r.source, []).append(r)
    result: list[Rel] = []
    for r in rels:
        if types.get(r.source) in JUNCTIONS:
            continue
        if types.get(r.target) not in JUNCTIONS:
            result.append(r)
            continue
        stack: list[tuple[Rel, tuple[str, ...]]] = [(r, (r.target,))]
        while stack:
            path, seen = stack.pop()
            for nxt in outgoing.get(path.target, ()):
                if nxt.rel_type != r.rel_type or nxt.target in seen:
                    continue
                joined = Rel(r.rel_type, r.source, nxt.target, (*path.ids, *nxt.ids), r.access_type)
                if types.get(nxt.target) in JUNCTIONS:
                    stack.append((joined, (*seen, nxt.target)))
                else:
                    result.append(joined)
    return result


@attrs.frozen
class Reached:
    """An element a component reaches by structural relationships, and through which ones."""

    element: str
    ids: tuple[str, ...]


def exposed(
    component: str,
    structural_out: Mapping[str, list[Rel]],
    types: Mapping[str, str],
) -> list[Reached]:
    """The application behaviour and interfaces ``component`` reaches by structural chains.

    The component itself comes first (with no ids). Breadth-first, so each element is reached
    by its shortest chain; the order is deterministic (relationships in file order).
    """
    found = [Reached(component, ())]
    seen = {component}
    queue = [Reached(component, ())]
    while queue:
        current = queue.pop(0)
        for r in structural_out.get(current.element, ()):
            if r.target in seen or types.get(r.target) not in APPLICATION_INTERNALS:
                continue
            seen.add(r.target)
            nxt = Reached(r.target, (*current.ids, *r.ids))
            found.append(nxt)
            queue.append(nxt)
    return found


def reach(
    components: Iterable[str],
    rels: Iterable[Rel],
    types: Mapping[str, str],
) -> dict[str, list[Reached]]:
    """For each component, what it exposes (see :func:`exposed`)."""
    structural_out: dict[str, list[Rel]] = {}
    for r in rels:
        if r.rel_type in STRUCTURAL:
            structural_out.setdefault(r.source, []).append(r)
    return {c: exposed(c, structural_out, types) for c in components}
