"""Offline validation against the ArchiMate exchange-format XSDs, 3.1 and 2.1 (lxml, test-only).

Each schema is loaded through a small wrapper that also imports the Dublin Core schema, so that
the ``<metadata>`` of real exchange files (``dc:title``, ``dc:creator`` …) validates too.
"""

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

_SCHEMAS = {
    "3.1": ("http://www.opengroup.org/xsd/archimate/3.0/", XSD_DIR / "archimate3_Diagram.xsd"),
    "2.1": (
        "http://www.opengroup.org/xsd/archimate",
        XSD_DIR / "legacy-2.1" / "archimate_v2p1.xsd",
    ),
}


class _LocalResolver(etree.Resolver):  # type: ignore[misc]
    """Serves the remote schema locations from the local copies; never touches the network."""

    def resolve(self, url, pubid, context):  # type: ignore[no-untyped-def]
        local = _LOCAL.get(url)
        if local is not None:
            return self.resolve_filename(str(local), context)
        return None


@cache
def archimate_schema(version: str = "3.1") -> etree.XMLSchema:
    """The ArchiMate exchange schema (3.1 Diagram, or 2.1), with xml.xsd and dc.xsd local."""
    namespace, main = _SCHEMAS[version]
    wrapper = (
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:wrapper">'
        f'<xs:import namespace="{namespace}" schemaLocation="{main.as_uri()}"/>'
        '<xs:import namespace="http://purl.org/dc/elements/1.1/" '
        f'schemaLocation="{(XSD_DIR / "dc.xsd").as_uri()}"/>'
        "</xs:schema>"
    )
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(_LocalResolver())
    return etree.XMLSchema(etree.fromstring(wrapper.encode("utf-8"), parser))


def schema_errors(xml_text: str, version: str = "3.1") -> list[str]:
    """Messages of every XSD violation in ``xml_text`` (empty when valid)."""
    schema = archimate_schema(version)
    doc = etree.fromstring(xml_text.encode("utf-8"))
    if schema.validate(doc):
        return []
    return [f"{e.line}: {e.message}" for e in schema.error_log]
