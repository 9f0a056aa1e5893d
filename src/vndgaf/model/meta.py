"""Field metadata shared by the model, the schema generator and the reference resolver.

Every attrs field of the model carries a ``metadata`` mapping built by :func:`doc`. The JSON
Schema is generated from it (one source of truth), and the resolver uses ``ref`` to know which
fields point at other elements.
"""

import functools
import re
from typing import Any

__all__ = [
    "ID_PATTERN",
    "NAMESPACE_SEPARATOR",
    "QUALIFIED_ID_PATTERN",
    "REFERENCE_PATTERN",
    "doc",
    "pattern_regex",
]

#: Joins a submission's name (its submitter) and a local id into a qualified id:
#: ``ubnd-cao-bang::lgsp-cao-bang`` is the element ``lgsp-cao-bang`` of the submission whose
#: submitter is ``ubnd-cao-bang``. Local ids never hold it, so a qualified id splits one way.
NAMESPACE_SEPARATOR = "::"

_LOCAL = r"[A-Za-z0-9](?:[A-Za-z0-9._/-]|:[A-Za-z0-9._/-])*"

#: Allowed local ids: letters, digits and ``._:/-``, starting with a letter or digit; a ``:``
#: is followed by another character that is not ``:`` (no ``::``, no ``:`` at the end), so
#: that ``submitter::id`` is never ambiguous.
ID_PATTERN = rf"^{_LOCAL}$"

#: An element of another submission: ``submitter::local-id``, both parts local ids.
QUALIFIED_ID_PATTERN = rf"^{_LOCAL}::{_LOCAL}$"

#: A reference: a local id, a catalogue id, or a qualified id. Anything without ``::`` is
#: accepted by the schema (a unit's name where its id belongs is answered by the reference
#: check with the unit it names); a ``::`` must join two local ids. One ``$``, at the end (see
#: :func:`pattern_regex`).
REFERENCE_PATTERN = rf"^(?:(?:[^:]|:[^:])*:?|{_LOCAL}::{_LOCAL})$"


@functools.cache
def pattern_regex(pattern: str) -> re.Pattern[str]:
    r"""A schema ``pattern`` for Python's :mod:`re`, with the meaning JSON Schema gives it.

    JSON Schema patterns are ECMA 262 regular expressions, where ``$`` is the end of the text;
    in Python's ``re`` it also matches before a final newline, so ``"so-tp\n"`` would pass
    :data:`ID_PATTERN`. The model's patterns end with ``$`` and hold no other, so that ``$`` is
    written ``\Z`` here (pinned by ``tests/loader/test_exact_ids.py``). Use ``search``.

    >>> ids = pattern_regex(ID_PATTERN)
    >>> bool(ids.search("so-tp")), ids.search("so-tp\n")
    (True, None)
    """
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1] + "\\Z"
    return re.compile(pattern)


def doc(
    description: str,
    *,
    title: str | None = None,
    ref: tuple[str, ...] = (),
    pattern: str | None = None,
    minimum: int | None = None,
    maximum: int | None = None,
    min_length: int | None = None,
    max_length: int | None = None,
    min_items: int | None = None,
    examples: tuple[Any, ...] = (),
) -> dict[str, Any]:
    """Metadata for one model field.

    ``ref`` names the element kinds an id field may point to (``"agency"``, ``"system"`` …);
    it is what lets the loader report dangling references generically, and it gives the field
    the reference form (:data:`REFERENCE_PATTERN`) unless ``pattern`` says otherwise.
    """
    meta: dict[str, Any] = {"description": description}
    if title is not None:
        meta["title"] = title
    if ref:
        meta["ref"] = ref
        if pattern is None:
            pattern = REFERENCE_PATTERN
    for key, value in (
        ("pattern", pattern),
        ("minimum", minimum),
        ("maximum", maximum),
        ("minLength", min_length),
        ("maxLength", max_length),
        ("minItems", min_items),
    ):
        if value is not None:
            meta[key] = value
    if examples:
        meta["examples"] = list(examples)
    return meta
