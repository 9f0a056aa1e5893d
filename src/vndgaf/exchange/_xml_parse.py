"""Parsing untrusted XML (ArchiMate exchange files) safely, with located errors."""

import xml.etree.ElementTree as ET

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from vndgaf.errors import InputError

__all__ = ["parse_xml"]


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
