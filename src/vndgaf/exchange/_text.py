"""Text hygiene shared by the exchange formats: XML-safe text, stable identifiers, safe parsing.

Names reach XML, Mermaid and GraphML unchanged except for the characters XML 1.0 cannot carry.
Those are replaced visibly and deterministically (C0 controls by their Unicode "control picture",
so U+0001 becomes U+2401), the same way in every format, so one name reads the same everywhere.
"""

import hashlib
import re
import xml.etree.ElementTree as ET

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from vndgaf.errors import InputError

__all__ = ["parse_xml", "safe_text", "short_hash", "stable_token"]

# Carriage return is legal XML but parsers normalise it to a line feed in text content, so it
# would not survive a round trip: it is replaced like the forbidden controls.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _picture(match: re.Match[str]) -> str:
    char = match.group(0)
    code = ord(char)
    return chr(0x2400 + code) if code < 0x20 else "\ufffd"


def safe_text(text: str) -> str:
    """``text`` with every character XML 1.0 cannot hold replaced by a visible stand-in."""
    return _FORBIDDEN.sub(_picture, text)


def short_hash(text: str, length: int = 8) -> str:
    """A short, stable hexadecimal digest of ``text`` (not for security)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def stable_token(text: str, allowed: str = r"A-Za-z0-9.\-") -> str:
    """``text`` reduced to ``allowed`` characters, plus ``_`` and a hash if anything changed.

    ``_`` is never in ``allowed``, so a text holding one is changed too: a changed token always
    contains ``_`` and an unchanged one never does, and two changed tokens differ by their hash.
    """
    outside = re.compile(f"[^{allowed}]")
    if text and not outside.search(text):
        return text
    return f"{outside.sub('_', text)}_{short_hash(text)}"


def parse_xml(text: str, *, path: str) -> ET.Element:
    """The root element of ``text``, parsed by defusedxml with document types refused.

    The exchange format never needs a DOCTYPE or entities; refusing them blocks entity
    expansion ("billion laughs") and external entities inside the parser itself, so a
    declaration hidden in a comment or CDATA section is not mistaken for one. Raises
    :class:`~vndgaf.errors.InputError` naming ``path``, line and column.
    """
    parser = DefusedXMLParser(target=ET.TreeBuilder(), forbid_dtd=True)
    try:
        parser.feed(text)
        return parser.close()
    except DefusedXmlException as exc:
        expat = parser.parser
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
