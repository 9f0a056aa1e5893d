"""Reading the ArchiMate files people have, as one shape: an ArchiMate 3.1 exchange document.

Three formats reach vndgaf: the Open Group exchange format in its 3.x generation (namespace
``…/archimate/3.0/``), the same format in its 2.1 generation (``…/xsd/archimate``: ``label``,
``propertydefs``, ``UsedByRelationship`` …), and Archi's own ``.archimate`` files (folders,
``bounds``, ``sourceConnection``). :func:`read_model` turns each of them into an ElementTree of the
3.1 exchange format, so that the mapping onto the vndgaf model, the round trip and the export work
on one vocabulary. What the 3.1 format cannot hold (Archi sketch and canvas views) is listed in
``SourceModel.dropped`` with the reason.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import attrs

from vndgaf.errors import InputError
from vndgaf.exchange._archimate_from21 import From21
from vndgaf.exchange._archimate_from_archi import FromArchi
from vndgaf.exchange._archimate_tree import Dropped, local, ns
from vndgaf.exchange._archimate_vocab import (
    NS3,
    NS21,
    NS_ARCHI,
    XML_NS,
    XSI,
)
from vndgaf.exchange._xml_parse import MAX_BYTES, MAX_DEPTH
from vndgaf.exchange._xml_parse import parse_xml as safe_parse
from vndgaf.textsafe import xml_document

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "Dropped",
    "SourceModel",
    "document_text",
    "parse_xml",
    "read_model",
]


@attrs.frozen
class SourceModel:
    """An ArchiMate model read from any supported format, as a 3.1 exchange document."""

    root: ET.Element = attrs.field(eq=False)
    source_format: str
    dropped: tuple[Dropped, ...] = ()


def parse_xml(text: str, *, path: str) -> ET.Element:
    """Parse ``text`` as XML within the limits; errors name the file, line and column.

    defusedxml refuses document type declarations (and so every entity) inside the parser;
    files over :data:`MAX_BYTES`, nested deeper than :data:`MAX_DEPTH`, with more than
    :data:`~vndgaf.exchange._xml_parse.MAX_ELEMENTS` elements or with a longer name or text
    than the parser's bounds, or whose declared encoding is not the one they are in, are
    refused where they cross the bound.
    """
    return safe_parse(text, path=path)


def read_model(text: str, *, path: str = "<input>") -> SourceModel:
    """Read an exchange file (3.x or 2.1) or an Archi ``.archimate`` file as a 3.1 document."""
    root = parse_xml(text, path=path)
    space = ns(root.tag)
    if local(root.tag) == "model" and space == NS3:
        return SourceModel(root, "ArchiMate 3.x exchange")
    if local(root.tag) == "model" and space == NS21:
        return SourceModel(From21(root).model(), "ArchiMate 2.1 exchange")
    if local(root.tag) == "model" and space == NS_ARCHI:
        converter = FromArchi(root)
        return SourceModel(converter.model(), "Archi (.archimate)", tuple(converter.dropped))
    raise InputError(f"{path}: not an ArchiMate exchange model or Archi model (root {root.tag!r})")


_DC = "http://purl.org/dc/elements/1.1/"


def document_text(root: ET.Element, *, schema_location: str | None = None) -> str:
    """A 3.1 exchange document as text: the 3.x namespace as default, an XML declaration.

    Written with literal prefixes (ElementTree cannot combine a default namespace with
    unqualified attributes): ``xsi:`` and ``xml:`` as usual, other namespaces (Dublin Core in
    ``<metadata>``) with a prefix declared on the root.
    """
    prefixes: dict[str, str] = {XSI: "xsi", XML_NS: "xml", _DC: "dc"}
    used: dict[str, str] = {}

    def name(qname: str) -> str:
        if not qname.startswith("{"):
            return qname
        uri, bare = qname[1:].split("}", 1)
        if uri == NS3:
            return bare
        prefix = prefixes.setdefault(uri, f"ns{len(prefixes) - 2}")
        if uri != XML_NS:
            used[uri] = prefix
        return f"{prefix}:{bare}"

    def plain(node: ET.Element) -> ET.Element:
        copy = ET.Element(name(node.tag), {name(k): v for k, v in node.attrib.items()})
        copy.text, copy.tail = node.text, node.tail
        copy.extend(plain(child) for child in node)
        return copy

    out = plain(root)
    declared = {"xmlns": NS3}
    used.setdefault(XSI, "xsi")
    for uri, prefix in sorted(used.items(), key=lambda item: item[1]):
        declared[f"xmlns:{prefix}"] = uri
    if schema_location and "xsi:schemaLocation" not in out.attrib:
        declared["xsi:schemaLocation"] = schema_location
    out.attrib = {**declared, **{k: v for k, v in out.attrib.items() if k not in declared}}
    return xml_document(out)
