"""Field metadata shared by the model, the schema generator and the reference resolver.

Every attrs field of the model carries a ``metadata`` mapping built by :func:`doc`. The JSON
Schema is generated from it (one source of truth), and the resolver uses ``ref`` to know which
fields point at other elements.
"""

from typing import Any

__all__ = ["ID_PATTERN", "doc"]

#: Allowed element ids: letters, digits and ``._:/-``; must start with a letter or digit.
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:/-]*$"


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
