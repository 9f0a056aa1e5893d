"""Hostile names in every format, control characters, and the package-level API."""

import xml.etree.ElementTree as ET

import pytest
from exchange_fixtures import HOSTILE, hostile, ministry
from exchange_xsd import schema_errors

from vndgaf.exchange import (
    EXPORT_FORMATS,
    export,
    from_archimate,
    import_archimate,
    to_archimate,
    to_graphml,
    to_mermaid,
)
from vndgaf.textsafe import xml_text

NS = "{http://www.opengroup.org/xsd/archimate/3.0/}"


def test_archimate_keeps_hostile_names_literally() -> None:
    """Quotes, braces, markup, backslash, newline, ']]>' and '--' survive; the file validates."""
    text = to_archimate(hostile())
    assert schema_errors(text) == []
    assert "<!--" not in text and "<b>" not in text
    assert "\x01" not in text and "\x1b" not in text
    root = ET.fromstring(text)
    names = [n.text for n in root.iter(f"{NS}name")]
    # agency, agency (en), system, flow, and the free property key as a property definition
    assert names.count(xml_text(HOSTILE)) == 5
    assert "]]>" in names
    back = from_archimate(text).architecture
    assert back.systems[0].properties == {xml_text(HOSTILE): xml_text(HOSTILE)}
    assert back.flows[0].name == xml_text(HOSTILE)


def test_every_format_is_deterministic_for_hostile_input() -> None:
    """Each export format gives the same text twice for the hostile fixture."""
    for fmt in EXPORT_FORMATS:
        assert export(hostile(), fmt) == export(hostile(), fmt)


def test_export_dispatches_by_format_name() -> None:
    """export() picks the exporter by name and rejects unknown names."""
    arch = ministry()
    assert EXPORT_FORMATS == ("archimate", "mermaid", "graphml")
    assert export(arch, "archimate") == to_archimate(arch)
    assert export(arch, "mermaid") == to_mermaid(arch)
    assert export(arch, "graphml") == to_graphml(arch)
    with pytest.raises(ValueError, match="unknown export format 'svg'"):
        export(arch, "svg")


def test_import_archimate_is_from_archimate() -> None:
    """The package-level import gives the same result as the module function."""
    text = to_archimate(ministry())
    assert import_archimate(text, path="m.xml") == from_archimate(text, path="m.xml")
