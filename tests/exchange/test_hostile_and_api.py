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
from vndgaf.exchange._text import safe_text, stable_token

NS = "{http://www.opengroup.org/xsd/archimate/3.0/}"


def test_control_characters_are_replaced_visibly() -> None:
    """C0 controls become their control pictures; tab and newline stay; CR is pictured."""
    assert safe_text("a\x00b\x01c\x1bd") == "a\u2400b\u2401c\u241bd"
    assert safe_text("tab\tnl\n") == "tab\tnl\n"
    assert safe_text("cr\r") == "cr\u240d"
    assert safe_text("\ufffe") == "\ufffd"


def test_stable_token_marks_changed_ids_with_a_hash() -> None:
    """Unchanged ids stay as they are; changed ones get '_' and a hash, so they never collide."""
    assert stable_token("tq-lgsp") == "tq-lgsp"
    assert stable_token("tq/motcua") == "tq_motcua_06391743"
    assert stable_token("tq:motcua") != stable_token("tq/motcua")


def test_archimate_keeps_hostile_names_literally() -> None:
    """Quotes, braces, markup, backslash, newline, ']]>' and '--' survive; the file validates."""
    text = to_archimate(hostile())
    assert schema_errors(text) == []
    assert "<!--" not in text and "<b>" not in text
    assert "\x01" not in text and "\x1b" not in text
    root = ET.fromstring(text)
    names = [n.text for n in root.iter(f"{NS}name")]
    # agency, agency (en), system, flow, and the free property key as a property definition
    assert names.count(safe_text(HOSTILE)) == 5
    assert "]]>" in names
    back = from_archimate(text).architecture
    assert back.systems[0].properties == {safe_text(HOSTILE): safe_text(HOSTILE)}
    assert back.flows[0].name == safe_text(HOSTILE)


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


def test_stable_token_is_injective_on_underscores() -> None:
    """A text that already looks like a changed token gets its own hash, never a collision."""
    changed = stable_token("vndgaf:level")
    assert stable_token(changed) != changed
    assert stable_token("a_b") == "a_b_" + stable_token("a_b").rsplit("_", 1)[1]
    assert stable_token("a_b") != stable_token("a:b")
