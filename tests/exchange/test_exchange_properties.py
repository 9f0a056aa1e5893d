"""Properties over generated architectures: every format stays valid, import never loses refs."""

import io
import re

import networkx as nx
import pytest
from exchange_xsd import schema_errors
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mermaid_check import check_lines

from vndgaf.exchange import from_archimate, to_archimate, to_graphml, to_mermaid
from vndgaf.exchange._fields import iter_nodes, ref_fields
from vndgaf.model import (
    AdministrativeUnit,
    Agency,
    Architecture,
    Database,
    DataEntity,
    DataFlow,
    InformationSystem,
    Investment,
    Level,
    Platform,
    PublicService,
    UnitKind,
)
from vndgaf.textsafe import printable_lines, xml_text

# Hypothesis examples by the hundred: `make quick` leaves it out, `make test` runs it.
pytestmark = pytest.mark.slow

NAMES = st.text(min_size=1, max_size=10)


@st.composite
def rich_architectures(draw: st.DrawFn) -> Architecture:
    """Every element kind, references between them and to the catalogue, any Unicode names."""
    ids = iter(
        draw(
            st.lists(
                st.from_regex(r"[a-z][a-z0-9]{0,4}([:/.-][a-z0-9]{1,3})?", fullmatch=True),
                min_size=24,
                max_size=24,
                unique=True,
            )
        )
    )

    def some(options: list[str], n: int = 2) -> tuple[str, ...]:
        return tuple(draw(st.lists(st.sampled_from(options), max_size=n))) if options else ()

    def maybe(options: list[str]) -> str | None:
        return draw(st.none() | st.sampled_from(options)) if options else None

    units = tuple(
        AdministrativeUnit(id=next(ids), name=draw(NAMES), kind=draw(st.sampled_from(UnitKind)))
        for _ in range(draw(st.integers(0, 2)))
    )
    unit_ids = [u.id for u in units] + ["vn:province/08"]
    agencies: list[Agency] = []
    for _ in range(draw(st.integers(1, 3))):
        agencies.append(
            Agency(
                id=next(ids),
                name=draw(NAMES),
                level=draw(st.sampled_from(Level)),
                unit=maybe(unit_ids),
                parent=maybe([a.id for a in agencies]),
                name_en=draw(st.none() | NAMES),
            )
        )
    ag = [a.id for a in agencies]
    entities = tuple(
        DataEntity(id=next(ids), name=draw(NAMES)) for _ in range(draw(st.integers(0, 2)))
    )
    ent = [e.id for e in entities] + ["vn:entity/person"]
    systems = tuple(
        InformationSystem(id=next(ids), name=draw(NAMES), owner=maybe(ag), tenants=some(ag))
        for _ in range(draw(st.integers(1, 3)))
    )
    platforms = tuple(
        Platform(
            id=next(ids), name=draw(NAMES), owner=maybe(ag), instance_of=maybe(["vn:platform/lgsp"])
        )
        for _ in range(draw(st.integers(0, 2)))
    )
    databases = tuple(
        Database(
            id=next(ids),
            name=draw(NAMES),
            owner=maybe(ag),
            authoritative_for=some(ent),
            copies=some(ent),
        )
        for _ in range(draw(st.integers(0, 2)))
    )
    ends = [s.id for s in (*systems, *databases)] + ["vn:db/population"]
    vias = [p.id for p in platforms] + ["vn:platform/ndxp"]
    flows = tuple(
        DataFlow(
            id=next(ids),
            source=draw(st.sampled_from(ends)),
            target=draw(st.sampled_from(ends)),
            via=some(vias, 3),
            entities=some(ent),
            name=draw(st.none() | NAMES),
        )
        for _ in range(draw(st.integers(0, 3)))
    )
    services = tuple(
        PublicService(
            id=next(ids),
            name=draw(NAMES),
            owner=maybe(ag),
            handled_by=maybe([s.id for s in systems]),
        )
        for _ in range(draw(st.integers(0, 2)))
    )
    investments = tuple(
        Investment(id=next(ids), name=draw(NAMES), owner=maybe(ag), reuses=some(vias))
        for _ in range(draw(st.integers(0, 1)))
    )
    return Architecture(
        format_version=1,
        units=units,
        agencies=tuple(agencies),
        systems=systems,
        platforms=platforms,
        databases=databases,
        entities=entities,
        flows=flows,
        services=services,
        investments=investments,
    )


def _clean(arch: Architecture) -> bool:
    names = [e.name for _, e in iter_nodes(arch)] + [f.name or "" for f in arch.flows]
    names += [a.name_en or "" for a in arch.agencies]
    return all(xml_text(n) == n for n in names)


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(rich_architectures())
def test_archimate_round_trip_and_xsd(arch: Architecture) -> None:
    """XSD-valid; byte-stable; equal after import whenever names hold only XML characters."""
    text = to_archimate(arch)
    assert schema_errors(text) == []
    result = from_archimate(text)
    assert result.kept_aside == ()
    if _clean(arch):
        assert result.architecture == arch
    assert to_archimate(result.architecture) == text


@SETTINGS
@given(rich_architectures())
def test_mermaid_syntax_and_labels(arch: Architecture) -> None:
    """Every line parses; every element label reads back as the (XML-safe) name."""
    labels = sorted(check_lines(to_mermaid(arch)).values())
    drawn = {e.id: e for _, e in iter_nodes(arch)}
    for _, element in iter_nodes(arch):
        assert "\n".join(printable_lines(element.name)) in labels
    assert len(labels) >= len(drawn)


@SETTINGS
@given(rich_architectures())
def test_graphml_reads_back(arch: Architecture) -> None:
    """networkx reads every element node with its label and one edge per flow hop."""
    graph = nx.read_graphml(io.BytesIO(to_graphml(arch).encode("utf-8")), force_multigraph=True)
    by_vid = {d["vid"]: d for _, d in graph.nodes(data=True)}
    for _, element in iter_nodes(arch):
        assert by_vid[element.id]["label"] == xml_text(element.name)
    hops = [d for _, _, d in graph.edges(data=True) if d["kind"] == "flow"]
    assert len(hops) == sum(len(f.via) + 1 for f in arch.flows)


@SETTINGS
@given(rich_architectures(), st.data())
def test_import_survives_a_deleted_concept(arch: Architecture, data: st.DataObject) -> None:
    """Delete any element or relationship from an export: import still resolves every ref."""
    text = to_archimate(arch)
    concepts = re.findall(r"\n    <(element|relationship) .*?\n    </\1>", text, flags=re.S)
    blocks = re.findall(
        r"\n    <(?:element|relationship) .*?\n    </(?:element|relationship)>", text, flags=re.S
    )
    assert len(blocks) == len(concepts)
    if not blocks:
        return
    victim = data.draw(st.sampled_from(blocks))
    result = from_archimate(text.replace(victim, "", 1))
    back = result.architecture
    defined = {e.id for _, e in iter_nodes(back)}
    placeholders = set(re.findall(r"<value>(vn:[^<]*)</value>", text))
    for _, element in [*iter_nodes(back), *(("flow", f) for f in back.flows)]:
        for f in ref_fields(type(element)):
            value = getattr(element, f.name)
            for ref in value if isinstance(value, tuple) else (value,):
                assert ref is None or ref in defined or ref in placeholders, (f.name, ref)
