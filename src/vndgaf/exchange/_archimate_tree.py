"""Writing an ArchiMate 3.1 exchange tree: qualified names, language-tagged text, ``xs:ID``
identifiers, and the record of what a conversion could not keep.

Shared by the readers that rewrite ArchiMate 2.1 exchange files and Archi's ``.archimate`` files
as 3.1 documents (:mod:`vndgaf.exchange.archimate_read`).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import attrs

from vndgaf.exchange._archimate_vocab import NS3, XML_NS, XSI

__all__ = ["LANG", "TYPE", "Dropped", "Ids", "lang_text", "local", "ns", "q", "sub"]

#: ``xsi:type`` and ``xml:lang`` as ElementTree names.
TYPE = f"{{{XSI}}}type"
LANG = f"{{{XML_NS}}}lang"
_NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")


@attrs.frozen
class Dropped:
    """Something of the source file the 3.1 exchange format cannot hold, and why."""

    source_id: str
    archimate_type: str
    name: str
    reason: str


def local(tag: str) -> str:
    """``tag`` without its namespace."""
    return tag.rsplit("}", 1)[-1]


def ns(tag: str) -> str:
    """The namespace of ``tag`` (empty when it has none)."""
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def q(tag: str) -> str:
    """The 3.x-namespace name of ``tag``."""
    return f"{{{NS3}}}{tag}"


def sub(parent: ET.Element, tag: str, attrib: dict[str, str] | None = None) -> ET.Element:
    return ET.SubElement(parent, q(tag), attrib or {})


def lang_text(parent: ET.Element, tag: str, text: str, lang: str | None) -> ET.Element:
    node = sub(parent, tag)
    if lang:
        node.set(LANG, lang)
    node.text = text
    return node


class Ids:
    """Identifiers as ``xs:ID`` values: kept when valid, else prefixed ``id-`` (as Archi does)."""

    def __init__(self) -> None:
        self.map: dict[str, str] = {}
        self.used: set[str] = set()

    def __call__(self, raw: str) -> str:
        if raw in self.map:
            return self.map[raw]
        candidate = raw if _NCNAME.match(raw) else "id-" + re.sub(r"[^A-Za-z0-9_.\-]", "_", raw)
        new, n = candidate, 1
        while new in self.used:
            n += 1
            new = f"{candidate}-{n}"
        self.used.add(new)
        self.map[raw] = new
        return new
