"""The five views on the Tuyên Quang and Ministry of Justice examples, read back from SVG."""

import pytest
from render_fixtures import EXAMPLES, count_nodes, graph_of, loaded, node_attrs, svg_labels

from vndgaf.model import (
    Agency,
    AgencyType,
    Architecture,
    DataFlow,
    InformationSystem,
    Level,
    Platform,
)
from vndgaf.reference.wellknown import NDXP
from vndgaf.render import render, to_bytes
from vndgaf.textsafe import id_token

TQ = EXAMPLES / "tuyen-quang"


@pytest.fixture(scope="module")
def tq():
    """The Tuyên Quang example, loaded and graphed once."""
    return loaded(TQ)


def _labels(graph, view, **options):
    return svg_labels(to_bytes(render(graph, view=view, **options), "svg"))


def _has(labels, text):
    return any(text in label for label in labels)


@pytest.mark.parametrize(
    ("view", "nodes", "clusters"),
    [
        (
            "overview",
            [
                "Ủy ban nhân dân tỉnh Tuyên Quang",
                "Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP)",
                "Cổng Dịch vụ công quốc gia",
                "Trục liên thông văn bản quốc gia",
                "Nền tảng định danh và xác thực điện tử (VNeID)",
                "Cấp xã — Tỉnh Tuyên Quang",
            ],
            ["Trung ương", "Cấp tỉnh", "Cấp xã", "Chú giải", "Tỉnh Tuyên Quang"],
        ),
        (
            "province:08",
            ["Ủy ban nhân dân xã Tân Trào", "Ủy ban nhân dân phường Mỹ Lâm", "Sở Tư pháp"],
            ["Cấp huyện (đã bãi bỏ từ 1/7/2025)", "Cấp xã", "Chú giải"],
        ),
        (
            "agency:so-tu-phap",
            ["Phần mềm hộ tịch cấp xã (triển khai của tỉnh)", "Cơ sở dữ liệu hộ tịch điện tử"],
            ["Chú giải"],
        ),
        (
            "entity:vn:entity/person",
            [
                "Cơ sở dữ liệu quốc gia về dân cư",
                "Kho dữ liệu dùng chung tỉnh Tuyên Quang",
                "Đăng ký khai sinh",
                "yêu cầu công dân cung cấp lại",
            ],
            ["Chú giải"],
        ),
        (
            "impact:lgsp-tuyen-quang",
            [
                "Nền tảng tích hợp, chia sẻ dữ liệu tỉnh Tuyên Quang (LGSP)",
                "Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP)",
            ],
            ["Chú giải"],
        ),
    ],
)
def test_each_view_renders_its_labels_in_svg(tq, view, nodes, clusters):
    """Every view of the example renders to SVG with its elements' names and its clusters."""
    labels = _labels(tq[1], view)
    for name in nodes:
        assert _has(labels["node"], name), name
    for name in clusters:
        assert _has(labels["cluster"], name), name


@pytest.mark.parametrize(
    "view",
    ["overview", "country", "province:08", "entity:vn:entity/person", "impact:lgsp-tuyen-quang"],
)
def test_boxes_show_names_and_tooltips_name_kind_and_id(tq, view):
    """No box shows a catalogue id (``vn:…``); the tooltip of NDXP gives its name, its kind and
    its qualified id (not Graphviz's node id)."""
    labels = _labels(tq[1], view)
    assert not [n for n in labels["node"] if "vn:" in n]
    svg = to_bytes(render(tq[1], view=view), "svg").decode("utf-8")
    assert "Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP) — " in svg
    assert "vn:platform/ndxp" in svg
    assert "<title>n__vn_3a_platform_2f_ndxp</title>" not in svg


def test_overview_collapses_communes_with_counts(tq):
    """The overview draws the province's four commune agencies as one node with counts."""
    labels = _labels(tq[1], "overview")
    group = [n for n in labels["node"] if n.startswith("Cấp xã — Tỉnh Tuyên Quang")]
    assert len(group) == 1
    assert "4 cơ quan" in group[0]
    assert not _has(labels["node"], "Ủy ban nhân dân xã Tân Trào")


def test_overview_expand_draws_communes_one_by_one(tq):
    """With expand, the commune agencies appear as their own nodes."""
    labels = _labels(tq[1], "overview", expand=True)
    assert _has(labels["node"], "Ủy ban nhân dân xã Tân Trào")
    assert not _has(labels["node"], "Cấp xã — Tỉnh Tuyên Quang")


def test_agency_view_shows_flows_in_and_out_with_names(tq):
    """The agency view labels each flow with its name and draws its other end."""
    labels = _labels(tq[1], "agency:so-tu-phap")
    assert _has(labels["edge"], "Gửi dữ liệu hộ tịch lên Bộ Tư pháp")
    assert _has(labels["edge"], "Kết quả đăng ký hộ tịch")
    assert _has(labels["node"], "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Tuyên Quang")
    assert _has(labels["edge"], "sử dụng")  # tenant of the LGSP


def test_entity_view_marks_authoritative_and_copies(tq):
    """Lineage: the authoritative database has a double border, copies are dashed."""
    dot = render(tq[1], view="entity:vn:entity/person")
    nodes = node_attrs(dot)
    population = nodes["n_" + id_token("vn:db/population")]
    warehouse = nodes["n_" + id_token("kho-dl-tuyen-quang")]
    assert population["peripheries"] == "2"
    assert "dashed" in warehouse["style"]
    edges = {(e.get_source(), e.get_destination()): e.get_attributes() for e in dot.get_edges()}
    into_copy = [
        a
        for (s, d), a in edges.items()
        if "n_" + id_token("kho-dl-tuyen-quang") in (s, d) and a.get("style") == "dashed"
    ]
    assert into_copy, "the flow that fills the copy is dashed"


def _lgsp_only_model() -> Architecture:
    """A province whose commune reaches NDXP only through the provincial LGSP."""
    return Architecture(
        format_version=1,
        agencies=(
            Agency(
                id="ubnd-x",
                name="UBND tỉnh X",
                level=Level.PROVINCIAL,
                type=AgencyType.PROVINCIAL_PEOPLES_COMMITTEE,
                unit="vn:province/08",
            ),
            Agency(
                id="ubnd-xa-y",
                name="UBND xã Y",
                level=Level.COMMUNE,
                unit="vn:commune/02545",
                parent="ubnd-x",
            ),
        ),
        platforms=(
            Platform(id="lgsp-x", name="LGSP X", owner="ubnd-x", instance_of="vn:platform/lgsp"),
        ),
        systems=(InformationSystem(id="mc-y", name="Một cửa Y", owner="ubnd-xa-y"),),
        flows=(DataFlow(id="f-y", source="mc-y", target=NDXP, via=("lgsp-x",)),),
    )


def test_impact_view_shows_what_loses_ndxp():
    """Failing the only LGSP cuts off both agencies and the commune system, as the graph says."""
    graph = graph_of(_lgsp_only_model())
    dot = render(graph, view="impact:lgsp-x", lang="en")
    nodes = node_attrs(dot)
    lost = {k for k, a in nodes.items() if "dashed" in a.get("style", "") and k.startswith("n_")}
    expected = {"n_" + id_token(i) for i in ("ubnd-x", "ubnd-xa-y", "mc-y")}
    assert lost == expected
    assert graph.single_points_of_failure["lgsp-x"] == frozenset({"ubnd-x", "ubnd-xa-y"})
    assert "diagonals" in nodes["n_" + id_token("lgsp-x")]["style"]
    title = dot.get_label()
    assert "2 agencies and 1 systems lose their connection to NDXP" in title


def test_english_labels_use_english_names(tq):
    """lang=en uses name_en where given and English fixed texts."""
    labels = _labels(tq[1], "overview", lang="en")
    assert _has(labels["node"], "Tuyên Quang Provincial People's Committee")
    assert _has(labels["cluster"], "Legend")
    assert _has(labels["graph"], "Architecture overview")


def test_ministry_example_places_the_ministry_at_the_central_tier():
    """The Ministry of Justice example draws its systems inside the central tier."""
    _, graph = loaded(EXAMPLES / "bo-tu-phap")
    dot = render(graph, view="overview")
    labels = svg_labels(to_bytes(dot, "svg"))
    assert _has(labels["node"], "Phần mềm quản lý lý lịch tư pháp")
    assert _has(labels["node"], "Bộ Tư pháp")
    central = [s for s in dot.get_subgraphs() if s.get_name() == "cluster_c_tier_central"]
    assert len(central) == 1
    assert count_nodes(central[0]) >= 8


@pytest.mark.parametrize(
    ("view", "needle"),
    [
        ("bogus", "valid views: overview, country, tiers, province:CODE"),
        ("overview:x", "takes no argument"),
        ("agency:", "needs an argument"),
        ("province:99", "provinces in the submission: 08 (Tỉnh Tuyên Quang)"),
        ("province:vn:province/01", "provinces in the submission: 08"),
        ("agency:nope", "so-tu-phap"),
        ("entity:nope", "vn:entity/person"),
        ("impact:nope", "lgsp-tuyen-quang"),
        ("impact:vn:platform/ndxp", "NDXP is the reference point"),
    ],
)
def test_unknown_view_or_id_names_the_choices(tq, view, needle):
    """A wrong view or id raises ValueError listing what is valid."""
    with pytest.raises(ValueError) as caught:
        render(tq[1], view=view)
    assert needle in str(caught.value)


def test_province_view_accepts_the_catalogue_id(tq):
    """province:vn:province/08 is the same view as province:08."""
    a = render(tq[1], view="province:08").to_string()
    b = render(tq[1], view="province:vn:province/08").to_string()
    assert a == b
