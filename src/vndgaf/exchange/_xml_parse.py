"""Parsing untrusted XML (ArchiMate exchange files) safely and within bounds, with located errors.

The bounds are counted while the parser reads, so a file over one of them stops where it
crosses it, before the rest is built (docs/security.md, "Limits"): the size of the text, the
nesting, the number of XML elements, the length of one name and of any other text or
attribute value. A file whose XML declaration names an encoding must be in that encoding:
the text given here was read as UTF-8, so a declaration of UTF-16 (or of Latin-1 for text
with accents) is refused instead of being read as something it says it is not.
"""

import re
import xml.etree.ElementTree as ET
from typing import Final

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from vndgaf.errors import InputError

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_ELEMENTS",
    "MAX_NAME",
    "MAX_TEXT",
    "declared_encoding",
    "parse_xml",
]

MAX_BYTES: Final = 256 * 1024 * 1024
"""Largest file accepted, in bytes (as for submission files)."""
MAX_DEPTH: Final = 200
"""Deepest nesting of XML elements (as for submission files)."""
MAX_ELEMENTS: Final = 2_000_000
"""Most XML elements in one file: several times what a national model exported by vndgaf holds
(100,000 flows and their names, properties and views)."""
MAX_NAME: Final = 4096
"""Longest name (``<name>``, ``<label>``) of an element, relationship, view or property."""
MAX_TEXT: Final = 1024 * 1024
"""Longest other text (documentation, a property's value) or attribute value."""

_NAMES: Final = frozenset({"name", "label"})
_DECLARATION: Final = re.compile(
    r"""<\?xml\s[^>]*?\bencoding\s*=\s*(["'])([A-Za-z][A-Za-z0-9._-]*)\1""", re.ASCII
)


class _OverLimit(Exception):
    """Raised from inside the parser: the text crossed a bound (the message says which)."""


class _BoundedBuilder(ET.TreeBuilder):
    """A tree builder that counts as it builds: elements, depth and the length of texts."""

    def __init__(self) -> None:
        super().__init__()
        self.elements = 0
        self.depth = 0
        self.text = 0
        self.tags: list[str] = []

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:
        self.elements += 1
        self.depth += 1
        self.text = 0
        local = tag.rsplit("}", 1)[-1]
        if self.elements > MAX_ELEMENTS:
            raise _OverLimit(f"more than {MAX_ELEMENTS} XML elements")
        if self.depth > MAX_DEPTH:
            raise _OverLimit(f"XML nested deeper than {MAX_DEPTH} levels (element <{local}>)")
        for name, value in attrs.items():
            if len(value) > MAX_TEXT:
                attribute = name.rsplit("}", 1)[-1]
                raise _OverLimit(
                    f"the attribute {attribute} of <{local}> is longer than {MAX_TEXT} characters"
                )
        self.tags.append(local)
        return super().start(tag, attrs)

    def data(self, data: str) -> None:
        self.text += len(data)
        local = self.tags[-1] if self.tags else ""
        limit = MAX_NAME if local in _NAMES else MAX_TEXT
        if self.text > limit:
            raise _OverLimit(f"the text of <{local}> is longer than {limit} characters")
        super().data(data)

    def end(self, tag: str) -> ET.Element:
        self.depth -= 1
        self.text = 0
        if self.tags:
            self.tags.pop()
        return super().end(tag)


def declared_encoding(text: str) -> str | None:
    """The encoding the XML declaration at the start of ``text`` names, if it names one.

    >>> declared_encoding('<?xml version="1.0" encoding="UTF-16"?><model/>')
    'UTF-16'
    >>> declared_encoding("<model/>") is None
    True
    """
    found = _DECLARATION.match(text.lstrip("\ufeff"))
    return found.group(2) if found else None


def _check_encoding(text: str, path: str) -> None:
    """The declared encoding must write ``text`` (read as UTF-8) as the same bytes."""
    declared = declared_encoding(text)
    if declared is None or declared.lower().replace("_", "-") in ("utf-8", "utf8"):
        return
    try:
        same = text.encode(declared) == text.encode("utf-8")
    except (LookupError, UnicodeError):
        same = False
    if not same:
        column = text.lstrip("\ufeff").find(declared) + 1
        raise InputError(
            f"{path}:1:{column}: the XML declaration says encoding={declared!r}, but the file is "
            "UTF-8; save it as UTF-8 (or correct the declaration)"
        )


def parse_xml(text: str, *, path: str) -> ET.Element:
    """The root element of ``text``, parsed by defusedxml within the bounds above.

    The exchange format never needs a DOCTYPE or entities; refusing them blocks entity
    expansion ("billion laughs") and external entities inside the parser itself, so a
    declaration hidden in a comment or CDATA section is not mistaken for one. Raises
    :class:`~vndgaf.errors.InputError` naming ``path``, line and column.
    """
    if len(text) > MAX_BYTES:
        raise InputError(f"{path}: larger than {MAX_BYTES // (1024 * 1024)} MiB")
    _check_encoding(text, path)
    parser = DefusedXMLParser(target=_BoundedBuilder(), forbid_dtd=True)
    expat = parser.parser
    try:
        parser.feed(text)
        return parser.close()
    except _OverLimit as exc:
        where = f"{path}:{expat.CurrentLineNumber}:{expat.CurrentColumnNumber + 1}"
        raise InputError(f"{where}: {exc}") from None
    except DefusedXmlException as exc:
        where = f"{path}:{expat.CurrentLineNumber}:{expat.CurrentColumnNumber + 1}"
        found = getattr(exc, "name", None) or "?"
        raise InputError(
            f"{where}: XML document type declarations and entity definitions are not accepted "
            f"(found <!DOCTYPE {found} ...>)"
        ) from None
    except ET.ParseError as exc:
        line, column = exc.position
        reason = str(exc).split(": line ", 1)[0]
        raise InputError(f"{path}:{line}:{column + 1}: not well-formed XML: {reason}") from None
