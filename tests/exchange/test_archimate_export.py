"""ArchiMate exchange export: XSD validity, mapping, identifiers, layout and determinism."""

import re
import xml.etree.ElementTree as ET

import attrs
import pytest
from exchange_fixtures import ALL, province
from exchange_xsd import schema_errors

from vndgaf.exchange._archimate_vocab import ROLES
from vndgaf.exchange._fields import KIND_CLASSES, ref_fields
from vndgaf.exchange.archimate import to_archimate
from vndgaf.model import Architecture

NS = "{http://www.opengroup.org/xsd/archimate/3.0/}"
XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9._-]*$")


def _parse(arch: Architecture) -> ET.Element:
    return ET.fromstring(to_archimate(arch))


def _props(root: ET.Element) -> dict[str, str]:
    """Property-definition id -> property name."""
    return {
        d.get("identifier", ""): d.findtext(f"{NS}name", "")
        for d in root.iter(f"{NS}propertyDefinition")
    }


def _element_props(root: ET.Element, node: ET.Element) -> dict[str, str]:
    names = _props(root)
    return {
        names[p.get("propertyDefinitionRef", "")]: p.findtext(f"{NS}value", "")
        for p in node.iter(f"{NS}property")
    }


def _by_vid(root: ET.Element) -> dict[str, ET.Element]:
    return {_element_props(root, e)["vndgaf:id"]: e for e in root.iter(f"{NS}element")}


@pytest.mark.parametrize("name", sorted(ALL))
def test_export_validates_against_the_official_xsd(name: str) -> None:
    """Every fixture architecture exports to a document the ArchiMate 3.1 XSD accepts."""
    assert schema_errors(to_archimate(ALL[name]())) == []


def test_xsd_check_is_not_vacuous() -> None:
    """The schema helper reports a real violation (an unknown element type)."""
    text = to_archimate(province()).replace('xsi:type="BusinessActor"', 'xsi:type="Minister"', 1)
    errors = schema_errors(text)
    assert errors and "Minister" in errors[0]


def test_export_is_deterministic() -> None:
    """The same architecture gives byte-identical text twice."""
    assert to_archimate(province()) == to_archimate(province())


def test_every_reference_field_has_a_relationship_role() -> None:
    """Each ref field of a node element is written through the role table."""
    missing = [
        (kind, f.name)
        for kind, cls, _ in KIND_CLASSES
        for f in ref_fields(cls)
        if (kind, f.name) not in ROLES
    ]
    assert missing == []


def test_element_types_follow_the_mapping_table() -> None:
    """Agency, system, platform, database, entity, service, unit, investment get their types."""
    root = _parse(province())
    types = {vid: e.get(XSI_TYPE) for vid, e in _by_vid(root).items()}
    assert types["ubnd-tq"] == "BusinessActor"
    assert types["tq/motcua"] == "ApplicationComponent"
    assert types["tq-lgsp"] == "ApplicationComponent"
    assert types["tq-db-dat"] == "ApplicationComponent"
    assert types["e-thua-dat"] == "DataObject"
    assert types["tthc-1"] == "BusinessService"
    assert types["tq"] == "Location"
    assert types["inv-1"] == "WorkPackage"
    assert _element_props(root, _by_vid(root)["tq-lgsp"])["vndgaf:element"] == "platform"


def test_identifiers_are_ncnames_and_original_ids_are_kept() -> None:
    """Ids with ':' and '/' become valid xs:ID values; the vndgaf id is a property."""
    root = _parse(province())
    by_vid = _by_vid(root)
    for element in root.iter(f"{NS}element"):
        assert NCNAME.match(element.get("identifier", ""))
    assert by_vid["tq/motcua"].get("identifier") == "id-_tq_2f_motcua"
    assert by_vid["tq-lgsp"].get("identifier") == "id-tq-lgsp"


def test_catalogue_references_become_marked_elements() -> None:
    """Undefined vn: ids referenced by fields are elements marked as catalogue references."""
    root = _parse(province())
    by_vid = _by_vid(root)
    ndxp = by_vid["vn:platform/ndxp"]
    assert ndxp.get(XSI_TYPE) == "ApplicationComponent"
    assert _element_props(root, ndxp)["vndgaf:reference"] == "catalogue"
    assert by_vid["vn:province/08"].get(XSI_TYPE) == "Location"
    assert by_vid["vn:entity/person"].get(XSI_TYPE) == "DataObject"


def test_flow_through_platforms_is_a_chain_of_flow_relationships() -> None:
    """f-dat-ndxp becomes three Flow hops source->LGSP->NDXP->target tagged with hop index."""
    root = _parse(province())
    xid = {vid: e.get("identifier") for vid, e in _by_vid(root).items()}
    hops = []
    for rel in root.iter(f"{NS}relationship"):
        props = _element_props(root, rel)
        if props.get("vndgaf:flow") == "f-dat-ndxp" and rel.get(XSI_TYPE) == "Flow":
            hops.append((int(props["vndgaf:hop"]), rel.get("source"), rel.get("target")))
    assert sorted(hops) == [
        (0, xid["tq-db-dat"], xid["tq-lgsp"]),
        (1, xid["tq-lgsp"], xid["vn:platform/ndxp"]),
        (2, xid["vn:platform/ndxp"], xid["vn:db/land"]),
    ]


def test_reference_fields_become_typed_relationships() -> None:
    """Owner, tenants, authoritative_for, handled_by get the documented relationship types."""
    root = _parse(province())
    xid = {vid: e.get("identifier") for vid, e in _by_vid(root).items()}
    found = {
        (
            _element_props(root, r).get("vndgaf:role"),
            r.get(XSI_TYPE),
            r.get("source"),
            r.get("target"),
            r.get("accessType"),
        )
        for r in root.iter(f"{NS}relationship")
    }
    assert ("owner", "Association", xid["ubnd-tq"], xid["tq/motcua"], None) in found
    assert ("tenants", "Serving", xid["tq/motcua"], xid["stc-tq"], None) in found
    assert ("authoritative_for", "Access", xid["tq-db-dat"], xid["e-thua-dat"], "Write") in found
    assert ("copies", "Access", xid["tq-db-dat"], xid["vn:entity/person"], "Read") in found
    assert ("handled_by", "Serving", xid["tq/motcua"], xid["tthc-1"], None) in found
    assert ("owner", "Assignment", xid["stc-tq"], xid["tthc-1"], None) in found
    assert ("parent", "Composition", xid["ubnd-tq"], xid["stc-tq"], None) in found


def test_property_definitions_are_typed() -> None:
    """Numbers, booleans and dates get their exchange-format data types."""
    root = _parse(province())
    types = {d.findtext(f"{NS}name"): d.get("type") for d in root.iter(f"{NS}propertyDefinition")}
    assert types["vndgaf:budget_vnd"] == "number"
    assert types["vndgaf:mandatory"] == "boolean"
    assert types["vndgaf:valid_from"] == "date"
    assert types["vndgaf:level"] == "string"
    assert types["vendor"] == "string"


def test_names_carry_languages() -> None:
    """The name is written with xml:lang="vi", the English name with xml:lang="en"."""
    root = _parse(province())
    names = [(n.get(LANG), n.text) for n in _by_vid(root)["ubnd-tq"].findall(f"{NS}name")]
    assert names == [("vi", "UBND tỉnh Tuyên Quang"), ("en", "Tuyen Quang PC")]


def test_organizations_group_by_tier_then_agency() -> None:
    """Top folders are the tiers; each agency folder holds the agency and what it owns."""
    root = _parse(province())
    xid = {vid: e.get("identifier") for vid, e in _by_vid(root).items()}
    orgs = root.find(f"{NS}organizations")
    assert orgs is not None
    top = [i.findtext(f"{NS}label") for i in orgs.findall(f"{NS}item")]
    assert top == ["Cấp tỉnh", "Cấp xã", "Dữ liệu", "Tham chiếu danh mục quốc gia"]
    provincial = orgs.findall(f"{NS}item")[0]
    ubnd = provincial.findall(f"{NS}item")[0]
    assert ubnd.findtext(f"{NS}label") == "UBND tỉnh Tuyên Quang"
    refs = [i.get("identifierRef") for i in ubnd.findall(f"{NS}item")]
    assert refs == [xid["ubnd-tq"], xid["tq/motcua"], xid["tq-lgsp"], xid["inv-1"]]


def test_view_has_a_node_per_element_and_connections() -> None:
    """The overview places every element on a grid and draws relationships between them."""
    arch = province()
    root = _parse(arch)
    view = root.find(f"{NS}views/{NS}diagrams/{NS}view")
    assert view is not None
    nodes = view.findall(f"{NS}node")
    assert len(nodes) == len(list(root.iter(f"{NS}element")))
    coords = {(n.get("x"), n.get("y")) for n in nodes}
    assert len(coords) == len(nodes)  # no two nodes on the same spot
    rels = {r.get("identifier") for r in root.iter(f"{NS}relationship")}
    conns = view.findall(f"{NS}connection")
    assert conns and {c.get("relationshipRef") for c in conns} <= rels
    # the two flow-entity associations of f-dat-ndxp start at a relationship: not drawn
    assert len(conns) == len(rels) - 2


def test_english_labels_with_lang_en() -> None:
    """lang="en" writes English folder labels and names tagged "en"."""
    root = ET.fromstring(to_archimate(province(), lang="en"))
    orgs = root.find(f"{NS}organizations")
    assert orgs is not None
    assert orgs.findtext(f"{NS}item/{NS}label") == "Provincial"
    assert root.find(f"{NS}name") is not None
    assert root.find(f"{NS}name").get(LANG) == "en"  # type: ignore[union-attr]


def test_duplicate_ids_still_give_unique_identifiers() -> None:
    """Two elements with the same vndgaf id (an invalid input) still validate."""
    arch = province()
    arch = attrs.evolve(arch, agencies=(*arch.agencies, arch.agencies[0]))
    text = to_archimate(arch)
    assert schema_errors(text) == []
    assert text.count('identifier="id-ubnd-tq_d2"') == 1
