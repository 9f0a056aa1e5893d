"""ArchiMate exchange import: exact round trip, mapping of foreign models, hostile input."""

import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest
from exchange_fixtures import ALL, province
from exchange_xsd import schema_errors
from hypothesis import given, settings
from hypothesis import strategies as st

from vndgaf.errors import InputError
from vndgaf.exchange.archimate import from_archimate, to_archimate
from vndgaf.model import (
    Agency,
    Architecture,
    DataFlow,
    InformationSystem,
    Level,
    Platform,
)

HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m1">'
    '<name xml:lang="en">Foreign</name>'
)


@pytest.mark.parametrize("name", sorted(ALL))
def test_round_trip_reproduces_the_architecture(name: str) -> None:
    """import(export(arch)) equals arch, except control characters in the hostile fixture."""
    arch = ALL[name]()
    result = from_archimate(to_archimate(arch))
    if name != "hostile":
        assert result.architecture == arch
    assert result.kept_aside == ()


@pytest.mark.parametrize("name", sorted(ALL))
def test_export_import_export_is_byte_stable(name: str) -> None:
    """export -> import -> export gives the same bytes."""
    first = to_archimate(ALL[name]())
    assert to_archimate(from_archimate(first).architecture) == first


def test_round_trip_keeps_flow_via_order_and_entities() -> None:
    """The chain of Flow hops rebuilds source, ordered via, target and entities."""
    flows = {f.id: f for f in from_archimate(to_archimate(province())).architecture.flows}
    flow = flows["f-dat-ndxp"]
    assert flow.source == "tq-db-dat"
    assert flow.via == ("tq-lgsp", "vn:platform/ndxp")
    assert flow.target == "vn:db/land"
    assert flow.entities == ("e-thua-dat", "vn:entity/person")
    assert flow.name == "Đồng bộ đất đai"
    assert flows["f-back"].via == ("tq-lgsp",)


def test_round_trip_reports_what_it_mapped() -> None:
    """Mapped items name each element kind, reference, flow and the regenerated view."""
    result = from_archimate(to_archimate(province()))
    kinds = [m.kind for m in result.mapped]
    assert kinds.count("agency") == 5
    assert kinds.count("flow") == 3
    assert kinds.count("reference") == 5  # province/08, lgsp, person, db/land, ndxp
    assert kinds.count("view") == 1
    ref = next(m for m in result.mapped if m.target_id == "vn:platform/ndxp")
    assert (ref.archimate_type, ref.kind) == ("ApplicationComponent", "reference")


def _ids(draw: st.DrawFn, n: int) -> list[str]:
    return draw(
        st.lists(
            st.from_regex(r"[a-z][a-z0-9]{0,5}([:/.-][a-z0-9]{1,4})?", fullmatch=True),
            min_size=n,
            max_size=n,
            unique=True,
        )
    )


@st.composite
def architectures(draw: st.DrawFn) -> Architecture:
    """Small architectures with agencies, systems, platforms and flows through platforms."""
    n_ag, n_sys, n_pf = draw(st.integers(1, 3)), draw(st.integers(1, 4)), draw(st.integers(0, 3))
    ids = _ids(draw, n_ag + n_sys + n_pf + 4)
    names = st.text(min_size=1, max_size=12)
    agencies = tuple(
        Agency(id=ids[i], name=draw(names), level=draw(st.sampled_from(list(Level))))
        for i in range(n_ag)
    )
    owners = st.none() | st.sampled_from([a.id for a in agencies])
    systems = tuple(
        InformationSystem(id=ids[n_ag + i], name=draw(names), owner=draw(owners))
        for i in range(n_sys)
    )
    platforms = tuple(
        Platform(id=ids[n_ag + n_sys + i], name=draw(names), owner=draw(owners))
        for i in range(n_pf)
    )
    ends = [s.id for s in systems] + ["vn:system/x"]
    vias = [p.id for p in platforms] + ["vn:platform/ndxp"]
    flows = tuple(
        DataFlow(
            id=ids[-(i + 1)],
            source=draw(st.sampled_from(ends)),
            target=draw(st.sampled_from(ends)),
            via=tuple(draw(st.lists(st.sampled_from(vias), max_size=3))),
            mandatory=draw(st.booleans()),
        )
        for i in range(draw(st.integers(0, 3)))
    )
    return Architecture(
        format_version=1, agencies=agencies, systems=systems, platforms=platforms, flows=flows
    )


@pytest.mark.slow
@settings(max_examples=40, deadline=None)
@given(architectures())
def test_round_trip_property(arch: Architecture) -> None:
    """Any generated architecture (printable names) comes back equal and stays valid XML."""
    text = to_archimate(arch)
    back = from_archimate(text).architecture
    safe = all(
        n.isprintable()
        for n in [a.name for a in arch.agencies]
        + [s.name for s in (*arch.systems, *arch.platforms)]
    )
    if safe:
        assert back == arch
    assert to_archimate(back) == text
    assert schema_errors(text) == []


def test_foreign_model_maps_by_element_type() -> None:
    """Types map to kinds by their ArchiMate meaning; the tier of an organisation the model
    does not state is unknown (never a default); technology is hosting, not a platform."""
    text = HEAD + (
        "<elements>"
        '<element identifier="a1" xsi:type="BusinessActor"><name xml:lang="en">Ministry</name>'
        '<name xml:lang="vi">Bộ</name></element>'
        '<element identifier="c1" xsi:type="ApplicationComponent"><name>App</name>'
        "<documentation>Main app</documentation>"
        '<properties><property propertyDefinitionRef="p1"><value>VNPT</value></property>'
        "</properties></element>"
        '<element identifier="c2" xsi:type="ApplicationComponent"><name>Portal</name></element>'
        '<element identifier="n1" xsi:type="Node"><name>Server</name></element>'
        '<element identifier="d1" xsi:type="DataObject"><name>Person</name></element>'
        '<element identifier="l1" xsi:type="Location"><name>Hà Nội</name></element>'
        '<element identifier="l2" xsi:type="Location"><name>Head office</name></element>'
        '<element identifier="g1" xsi:type="Goal"><name>Faster</name></element>'
        "</elements><relationships>"
        '<relationship identifier="r1" source="a1" target="c1" xsi:type="Composition"/>'
        '<relationship identifier="r2" source="c1" target="c2" xsi:type="Flow">'
        "<name>sync</name></relationship>"
        '<relationship identifier="r3" source="c1" target="d1" xsi:type="Access"/>'
        '<relationship identifier="r4" source="g1" target="c1" xsi:type="Association"/>'
        '<relationship identifier="r5" source="n1" target="c1" xsi:type="Realization"/>'
        '<relationship identifier="r6" source="l1" target="a1" xsi:type="Aggregation"/>'
        "</relationships>"
        '<propertyDefinitions><propertyDefinition identifier="p1" type="string">'
        "<name>vendor</name></propertyDefinition></propertyDefinitions>"
        "</model>"
    )
    result = from_archimate(text)
    arch = result.architecture
    assert arch.format_version == 1
    assert arch.agencies == (
        Agency(id="a1", name="Bộ", level=Level.UNKNOWN, name_en="Ministry", unit="vn:province/01"),
    )
    assert arch.systems == (InformationSystem(id="c2", name="Portal"),)
    (db,) = arch.databases
    assert (db.id, db.owner, db.authoritative_for) == ("c1", "a1", ("d1",))
    assert db.properties == {
        "vendor": "VNPT",
        "documentation": "Main app",
        "hosted_on": "Server (Node)",
    }
    assert db.provenance is not None and db.provenance.confidence.value == "inference"
    assert arch.platforms == ()
    assert arch.units == ()
    assert arch.flows == (DataFlow(id="r2", source="c1", target="c2", name="sync"),)
    assert [e.name for e in arch.entities] == ["Person"]
    kept = {(k.source_id, k.group, k.reason) for k in result.kept_aside}
    assert ("g1", "motivation", "no vndgaf element for Goal") in kept
    assert ("n1", "technology", "no vndgaf element for Node") in kept
    assert ("l2", "location", "not the name of a current administrative unit") in kept
    assert ("r4", "unmapped-end", "Association from Goal to ApplicationComponent") in kept
    assert ("m1", "model", "model name has no field (no submission title)") in kept
    assert len(result.kept_aside) == 5
    assert {m.source_id: m.kind for m in result.mapped if m.source_id.startswith("r")} == {
        "r1": "owner",
        "r2": "flow",
        "r3": "authoritative_for",
        "r5": "hosting",
        "r6": "unit",
    }


def test_archimate_21_namespace_is_read() -> None:
    """The 2.1 format (labels, propertydefs, UsedBy) maps like 3.x."""
    text = (
        '<model xmlns="http://www.opengroup.org/xsd/archimate" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m">'
        '<label xml:lang="en">Old</label>'
        "<elements>"
        '<element identifier="s1" xsi:type="ApplicationComponent"><label>A</label>'
        '<properties><property identifierref="pd1"><value>x</value></property></properties>'
        "</element>"
        '<element identifier="s2" xsi:type="ApplicationComponent"><label>B</label></element>'
        '<element identifier="ac" xsi:type="BusinessActor"><label>Actor</label></element>'
        "</elements><relationships>"
        '<relationship identifier="u1" source="s1" target="s2" xsi:type="UsedBy"/>'
        '<relationship identifier="u2" source="s1" target="ac" xsi:type="UsedBy"/>'
        "</relationships>"
        '<propertydefs><propertydef identifier="pd1" name="owner-note" type="string"/>'
        "</propertydefs></model>"
    )
    arch = from_archimate(text).architecture
    assert [(s.id, s.name, s.properties, s.tenants) for s in arch.systems] == [
        ("s1", "A", {"owner-note": "x"}, ("ac",)),
        ("s2", "B", {}, ()),
    ]
    assert arch.flows == (DataFlow(id="u1", source="s1", target="s2"),)


def test_doctype_and_entities_are_refused() -> None:
    """A billion-laughs document is rejected by defusedxml before any entity is expanded."""
    bomb = (
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;">]><model>&lol2;</model>'
    )
    with pytest.raises(InputError, match=r"^bomb\.xml:2:\d+: XML document type declarations.*lolz"):
        from_archimate(bomb, path="bomb.xml")
    external = '<?xml version="1.0"?><!DOCTYPE model SYSTEM "http://example.test/x.dtd"><model/>'
    with pytest.raises(InputError, match="document type declarations"):
        from_archimate(external, path="ext.xml")


def test_doctype_words_in_a_comment_are_not_a_doctype() -> None:
    """Only a real declaration is refused: the words inside a comment are text like any other."""
    with pytest.raises(
        InputError, match=r"not an ArchiMate exchange model or Archi model \(root 'model'\)"
    ):
        from_archimate("<!-- <!DOCTYPE x> <!ENTITY y> --><model/>", path="c.xml")


def test_malformed_and_foreign_documents_are_input_errors() -> None:
    """Broken XML and a non-ArchiMate root raise InputError naming the path."""
    with pytest.raises(InputError, match=r"^x\.xml:1:20: not well-formed XML: mismatched tag$"):
        from_archimate("<model><unclosed></model>", path="x.xml")
    with pytest.raises(InputError, match=r"not an ArchiMate exchange model or Archi model"):
        from_archimate("<svg/>", path="y.xml")


def test_invalid_property_values_are_kept_aside() -> None:
    """A vndgaf:level that is not a level is reported; the tier is then unknown."""
    text = to_archimate(
        Architecture(format_version=1, agencies=(Agency(id="a", name="A", level=Level.CENTRAL),))
    ).replace("<value>central</value>", "<value>galactic</value>")
    result = from_archimate(text)
    assert result.architecture.agencies[0].level == Level.UNKNOWN
    reasons = [(k.group, k.reason) for k in result.kept_aside]
    assert reasons == [
        ("details", "property vndgaf:level not used: 'galactic' is not a valid level")
    ]


def test_broken_flow_chain_is_rebuilt_and_reported() -> None:
    """A hop removed in another tool leaves a flow rebuilt from the hops left, with a note."""
    arch = province()
    text = to_archimate(arch)
    result = from_archimate(text)
    hop1 = next(
        m.source_id for m in result.mapped if m.kind == "flow" and m.target_id == "f-dat-ndxp"
    )
    assert hop1.startswith("rel-")
    # drop hop 1 (LGSP -> NDXP) of f-dat-ndxp
    rels = re.findall(r"<relationship .*?</relationship>", text, flags=re.S)
    hop = next(r for r in rels if "<value>f-dat-ndxp</value>" in r and "<value>1</value>" in r)
    broken = from_archimate(text.replace(hop, ""))
    flow = next(f for f in broken.architecture.flows if f.id == "f-dat-ndxp")
    assert flow.source == "tq-db-dat" and flow.target == "vn:db/land"
    assert flow.via == ("tq-lgsp", "vn:platform/ndxp")  # both ends of the gap are kept
    assert [k.reason for k in broken.kept_aside] == [
        "flow f-dat-ndxp: hops do not form one chain; rebuilt from hop order"
    ]


def test_submission_round_trips_through_model_properties() -> None:
    """Submitter, framework version, date and title come back from the model properties."""
    sub = from_archimate(to_archimate(province())).architecture.submission
    assert sub is not None
    assert (sub.submitter, sub.framework_version.value, sub.as_of, sub.title) == (
        "ubnd-tq",
        "4.0",
        dt.date(2025, 7, 1),
        "Kiến trúc tỉnh Tuyên Quang",
    )


def test_second_owner_is_kept_aside() -> None:
    """Two agencies composing one system: the first becomes the owner, the second is noted."""
    text = HEAD + (
        "<elements>"
        '<element identifier="a1" xsi:type="BusinessActor"><name>A</name></element>'
        '<element identifier="a2" xsi:type="BusinessActor"><name>B</name></element>'
        '<element identifier="c1" xsi:type="ApplicationComponent"><name>App</name></element>'
        "</elements><relationships>"
        '<relationship identifier="r1" source="a1" target="c1" xsi:type="Composition"/>'
        '<relationship identifier="r2" source="a2" target="c1" xsi:type="Aggregation"/>'
        "</relationships></model>"
    )
    result = from_archimate(text)
    assert result.architecture.systems[0].owner == "a1"
    assert [m.kind for m in result.mapped if m.source_id == "r1"] == ["owner"]
    assert ("r2", "second owner 'a2' of c1 (kept: 'a1')") in {
        (k.source_id, k.reason) for k in result.kept_aside
    }


def test_element_without_a_name_is_named_by_its_identifier() -> None:
    """An empty name would not validate: the identifier is used and the change is noted."""
    text = HEAD + (
        '<elements><element identifier="x1" xsi:type="DataObject"><name xml:lang="vi"></name>'
        "</element></elements></model>"
    )
    result = from_archimate(text)
    assert result.architecture.entities[0].name == "x1"
    assert ("x1", "name missing; the identifier is used as the name") in {
        (k.source_id, k.reason) for k in result.kept_aside
    }


def test_survives_an_archi_style_rewrite() -> None:
    """Renamed property-definition ids and a single name per element (as Archi writes them)
    still import to the same architecture."""
    ns = "{http://www.opengroup.org/xsd/archimate/3.0/}"
    root = ET.fromstring(to_archimate(province()))
    renamed = {}
    for n, pd in enumerate(root.iter(f"{ns}propertyDefinition"), start=1):
        renamed[pd.get("identifier")] = f"propid-{n}"
        pd.set("identifier", f"propid-{n}")
    for p in root.iter(f"{ns}property"):
        p.set("propertyDefinitionRef", renamed[p.get("propertyDefinitionRef")])
    for element in root.iter(f"{ns}element"):
        for extra in element.findall(f"{ns}name")[1:]:
            element.remove(extra)
    text = ET.tostring(root, encoding="unicode")
    assert "Tuyen Quang PC" in text  # only the vndgaf:name_en property still holds it
    assert from_archimate(text).architecture == province()
