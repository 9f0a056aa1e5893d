"""Field metadata shared by the model, the schema generator and the reference resolver.

Every attrs field of the model carries a ``metadata`` mapping built by :func:`doc`. The JSON
Schema is generated from it (one source of truth), and the resolver uses ``ref`` to know which
fields point at other elements.
"""

import functools
import re
from typing import Any

__all__ = ["ID_PATTERN", "doc", "pattern_regex"]

#: Allowed element ids: letters, digits and ``._:/-``; must start with a letter or digit.
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:/-]*$"


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
    it is what lets the loader report dangling references generically.
    """
    meta: dict[str, Any] = {"description": description}
    if title is not None:
        meta["title"] = title
    if ref:
        meta["ref"] = ref
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
