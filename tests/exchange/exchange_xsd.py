"""Offline validation against the ArchiMate 3.1 exchange-format XSD (lxml, test-only)."""

from functools import cache
from pathlib import Path

from lxml import etree

XSD_DIR = Path(__file__).resolve().parent.parent / "data" / "archimate-xsd"

_LOCAL = {
    "http://www.w3.org/2001/xml.xsd": XSD_DIR / "xml.xsd",
    "http://www.w3.org/2001/03/xml.xsd": XSD_DIR / "xml.xsd",
    "http://purl.org/dc/elements/1.1/": XSD_DIR / "dc.xsd",
    "http://dublincore.org/schemas/xmls/qdc/2008/02/11/dc.xsd": XSD_DIR / "dc.xsd",
}


class _LocalResolver(etree.Resolver):  # type: ignore[misc]
    """Serves the remote schema locations from the local copies; never touches the network."""

    def resolve(self, url, pubid, context):  # type: ignore[no-untyped-def]
        local = _LOCAL.get(url)
        if local is not None:
            return self.resolve_filename(str(local), context)
        return None


@cache
def archimate_schema() -> etree.XMLSchema:
    """The ArchiMate 3.1 Diagram schema, with xml.xsd and dc.xsd resolved locally."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(_LocalResolver())
    doc = etree.parse(str(XSD_DIR / "archimate3_Diagram.xsd"), parser)
    return etree.XMLSchema(doc)


def schema_errors(xml_text: str) -> list[str]:
    """Messages of every XSD violation in ``xml_text`` (empty when valid)."""
    schema = archimate_schema()
    doc = etree.fromstring(xml_text.encode("utf-8"))
    if schema.validate(doc):
        return []
    return [f"{e.line}: {e.message}" for e in schema.error_log]
