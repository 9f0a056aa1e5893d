"""The country overview: every province where the map puts it, bounded in size at any scale, each
box coloured by what a reviewer asks first and linked to its own view."""

import json
import re
import xml.etree.ElementTree as ET

import attrs
import pytest
from render_fixtures import (
    EXAMPLES,
    SVG_NS,
    count_nodes,
    full_country,
    graph_of,
    loaded,
    node_attrs,
)

from vndgaf.graph import build_graph
from vndgaf.load import load
from vndgaf.model import DataFlow
from vndgaf.reference import catalogue
from vndgaf.reference.tiles import province_tiles
from vndgaf.render import linked_views, render, to_bytes, view_slug
from vndgaf.render.country import build_country, spans_country
from vndgaf.render.theme import STATUS_FILLS
from vndgaf.synth import minimum_flows, synthesize

XLINK = "{http://www.w3.org/1999/xlink}"


@pytest.fixture(scope="module")
def country():
    """34 provinces and 3,321 communes, each province's LGSP connected to NDXP."""
    return graph_of(full_country())


@pytest.fixture(scope="module")
def crowded():
    """The same with 12 more systems and flows per province."""
    return graph_of(full_country(systems_per_province=12))


@pytest.fixture(scope="module")
def national(tmp_path_factory):
    """The synthetic national model (34 provinces, ministries, the hubs) at its minimum flows."""
    synthesis = synthesize(scale="national", flows=minimum_flows("national"), seed=0, defects=20)
    path = tmp_path_factory.mktemp("national") / "national.json"
    path.write_text(json.dumps(synthesis.document, ensure_ascii=False), encoding="utf-8")
    result = load([str(path)])
    return build_graph(result.architecture, catalogue(), result.submissions[0].as_of)


def _size_pt(svg: bytes) -> tuple[float, float]:
    root = ET.fromstring(svg)
    return (float(root.get("width", "0pt")[:-2]), float(root.get("height", "0pt")[:-2]))


def _href(view: str) -> str:
    return view_slug(view) + ".svg"


def _province_boxes(svg: bytes) -> dict[str, tuple[str, str]]:
    """Province tile (its DOT id ``m_p_CODE``) -> (fill colour of its shape, link)."""
    root = ET.fromstring(svg)
    out: dict[str, tuple[str, str]] = {}
    for group in root.iter(f"{SVG_NS}g"):
        if group.get("class") != "node":
            continue
        anchor = group.find(f".//{SVG_NS}a")
        shape = group.find(f".//{SVG_NS}path")
        if shape is None:
            shape = group.find(f".//{SVG_NS}polygon")
        if anchor is None or shape is None:
            continue
        link = anchor.get(f"{XLINK}href", "")
        match = re.fullmatch(r"province-(\d\d)\.svg", link)
        if match:
            out[match.group(1)] = (shape.get("fill", ""), link)
    return out


def test_a_national_model_opens_on_the_map_and_one_province_on_its_tiers() -> None:
    """The overview of a model that spans the country is the map; of one province, its tiers."""
    _, tq = loaded(EXAMPLES / "tuyen-quang" / "submission.yaml")
    assert not spans_country(tq)
    assert "Tổng quan kiến trúc" in render(tq, view="overview").get_label()
    assert "Tổng quan quốc gia" in render(tq, view="country").get_label()
    both = load([str(EXAMPLES / "tuyen-quang"), str(EXAMPLES / "bo-tu-phap")])
    graph = build_graph(both.architecture, catalogue(), both.submissions[0].as_of)
    assert spans_country(graph)
    assert "Tổng quan quốc gia" in render(graph, view="overview").get_label()


def test_every_province_appears_with_its_fill_and_its_link(country) -> None:
    """34 tiles, each filled by its status (all connected to NDXP here) and linking to its view."""
    svg = to_bytes(render(country, view="overview", href=_href), "svg")
    boxes = _province_boxes(svg)
    assert set(boxes) == set(province_tiles())
    assert {fill for fill, _ in boxes.values()} == {STATUS_FILLS["connected"]}
    width, height = _size_pt(svg)
    assert width <= 2000 and height <= 2000


def test_the_map_keeps_its_size_whatever_the_number_of_flows(country, crowded) -> None:
    """Twelve more systems and flows per province change counts, not the number of boxes or
    the size of the picture."""
    small, big = render(country, view="overview"), render(crowded, view="overview")
    assert count_nodes(small) == count_nodes(big)
    assert _size_pt(to_bytes(small, "svg")) == _size_pt(to_bytes(big, "svg"))
    label = node_attrs(big)["m_p_08"]["label"]
    # the LGSP's, the procedure system's, 12 systems' and one per commune
    assert f"{14 + len(catalogue().communes_of('08'))} luồng" in label


def test_fill_says_whether_the_integration_platform_reaches_ndxp(country) -> None:
    """A province whose LGSP has no flow to NDXP is "isolated"; one absent from the model is
    "absent" and has no link; each tile's tooltip names the province, its kind and its id."""
    arch = country.architecture
    cut = {"f-lgsp-p08", "f-tthc-p08"}
    flows = tuple(f for f in arch.flows if f.id not in cut and not f.id.startswith("f-mc-c"))
    flows += (DataFlow(id="f-tq-local", source="tthc-p08", target="lgsp-p08"),)
    gone = {a.id for a in arch.agencies if a.id == "ubnd-p01"}
    changed = attrs.evolve(
        arch,
        flows=flows,
        agencies=tuple(a for a in arch.agencies if a.id not in gone and a.parent not in gone),
        platforms=tuple(p for p in arch.platforms if p.owner not in gone),
        systems=tuple(s for s in arch.systems if s.owner not in gone),
    )
    places = {p.key: p for p in build_country(graph_of(changed), lang="en").places}
    assert places["p:08"].status == "isolated"
    assert places["p:79"].status == "connected"
    assert places["p:01"].status == "absent" and places["p:01"].view is None
    attrs_08 = node_attrs(render(graph_of(changed), view="overview", lang="en"))["m_p_08"]
    assert attrs_08["fillcolor"] == STATUS_FILLS["isolated"]
    assert "Tỉnh Tuyên Quang — province — vn:province/08" in attrs_08["tooltip"]


def test_links_are_one_per_pair_of_boxes_with_their_count(country) -> None:
    """Each province has one line to NDXP counting its flows through it (two per province plus
    one per commune), and one from NDXP to the portal counting the procedure systems' flows."""
    scene = build_country(country, lang="en")
    pairs = [(link.a, link.b) for link in scene.links]
    assert len(pairs) == len(set(pairs))
    by_pair = {(link.a, link.b): link.flows for link in scene.links}
    communes = len(catalogue().communes_of("08"))
    assert by_pair[("h:vn:platform/ndxp", "p:08")] == 2 + communes
    assert by_pair[("h:vn:platform/ndxp", "h:vn:platform/npsp")] == 34


def test_hub_view_keeps_only_that_hubs_links(country) -> None:
    """``hub:vn:platform/npsp`` draws the lines that touch the portal, and its box links back."""
    scene = build_country(country, lang="en", focus="vn:platform/npsp")
    assert {(link.a, link.b) for link in scene.links} == {
        ("h:vn:platform/ndxp", "h:vn:platform/npsp")
    }
    portal = next(p for p in scene.places if p.key == "h:vn:platform/npsp")
    assert portal.view == "overview"
    with pytest.raises(ValueError, match="unknown hub 'vn:platform/nope'; hubs: "):
        render(country, view="hub:vn:platform/nope")


def test_linked_views_cover_every_box_that_links(country) -> None:
    """The drill-down views are the 34 provinces, the hubs the model knows, its ministries."""
    views = linked_views(country)
    assert sum(v.startswith("province:") for v in views) == 34
    assert "hub:vn:platform/ndxp" in views
    assert views == tuple(sorted(views))


def test_national_overview_and_province_view_stay_within_bounds(national) -> None:
    """On the synthetic national model, the overview fits 2,000 × 2,000 pt with every province
    linked, and one province's view is at most 4,000 pt wide."""
    svg = to_bytes(render(national, view="overview", highlight=True, href=_href), "svg")
    width, height = _size_pt(svg)
    assert width <= 2000 and height <= 2000
    assert set(_province_boxes(svg)) == set(province_tiles())
    province = to_bytes(render(national, view="province:08", highlight=True), "svg")
    assert _size_pt(province)[0] <= 4000
