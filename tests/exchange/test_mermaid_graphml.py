"""Mermaid and GraphML exports: structure, ids, escaping, and a parse back with networkx."""

import io

import networkx as nx
from exchange_fixtures import HOSTILE, hostile, ministry, province
from mermaid_check import check_lines, unescape

from vndgaf.exchange.graphml import to_graphml
from vndgaf.exchange.mermaid import to_mermaid
from vndgaf.textsafe import id_token, mermaid_text, printable_lines, xml_text


def test_mermaid_groups_by_tier_and_agency() -> None:
    """Tiers and agencies are nested subgraphs; the agency's systems sit inside it."""
    text = to_mermaid(province())
    check_lines(text)
    lines = text.splitlines()
    assert lines[1] == '  subgraph sg_t_provincial["Cấp tỉnh"]'
    assert lines[2].startswith("    subgraph sg_a_ubnd") and lines[2].endswith(
        '["UBND tỉnh Tuyên Quang"]'
    )
    assert "      n__tq_2f_motcua[" in "\n".join(lines[3:7])
    assert '  subgraph sg_t_commune["Cấp xã"]' in lines


def test_mermaid_draws_flows_through_via_platforms() -> None:
    """f-dat-ndxp is drawn database -> LGSP -> NDXP -> national database, labelled once."""
    text = to_mermaid(province())
    labels = check_lines(text)
    by_label = {v: k for k, v in labels.items()}
    db, lgsp = by_label["CSDL đất đai"], by_label["LGSP Tuyên Quang"]
    ndxp, land = by_label["vn:platform/ndxp"], by_label["vn:db/land"]
    assert f'  {db} -->|"Đồng bộ đất đai"| {lgsp}' in text
    assert f"  {lgsp} --> {ndxp}" in text
    assert f"  {ndxp} --> {land}" in text


def test_mermaid_is_deterministic_and_ids_are_distinct() -> None:
    """Same text twice; ids with ':' and '/' stay distinct from similar ids."""
    assert to_mermaid(province()) == to_mermaid(province())
    labels = check_lines(to_mermaid(province()))
    assert len(labels) == len(set(labels))
    ids = ("tq", "tq-xa-1", "tq/motcua", "tq:ketoan", "tq-lgsp", "tq-db-dat")
    assert {"n_" + id_token(i) for i in ids} <= set(labels)
    assert "n_tq" in labels and "n__tq_3a_ketoan" in labels


def test_mermaid_hostile_names_survive_literally() -> None:
    """A name with quotes, brackets, markup, backslash, newline decodes back to itself."""
    text = to_mermaid(hostile())
    labels = check_lines(text)
    assert list(labels.values()).count("\n".join(printable_lines(HOSTILE))) == 2
    assert "<b>" not in text and '"Sở "' not in text
    assert unescape(mermaid_text("#quot;")) == "#quot;"


def test_graphml_parses_back_with_networkx() -> None:
    """networkx reads the nodes, flow hops and ownership edges with their attributes."""
    text = to_graphml(province())
    graph = nx.read_graphml(io.BytesIO(text.encode("utf-8")), force_multigraph=True)
    # 14 elements + the 2 catalogue ids edges reach (ndxp, db/land);
    # 3+1+2 flow hops + 6 ownership edges (2 systems, platform, database, service, investment)
    assert graph.number_of_nodes() == 16
    assert graph.number_of_edges() == 12
    ubnd = graph.nodes["ubnd-tq"]
    assert (ubnd["kind"], ubnd["label"], ubnd["level"]) == (
        "agency",
        "UBND tỉnh Tuyên Quang",
        "provincial",
    )
    ndxp = next(d for _, d in graph.nodes(data=True) if d["vid"] == "vn:platform/ndxp")
    assert (ndxp["kind"], ndxp["reference"]) == ("reference", "catalogue")
    hops = sorted(
        (d["hop"], d["via"]) for _, _, d in graph.edges(data=True) if d.get("flow") == "f-dat-ndxp"
    )
    assert hops == [
        (0, "tq-lgsp vn:platform/ndxp"),
        (1, "tq-lgsp vn:platform/ndxp"),
        (2, "tq-lgsp vn:platform/ndxp"),
    ]
    first = next(d for _, _, d in graph.edges(data=True) if d.get("flow") == "f-dat-ndxp")
    assert first["mandatory"] is True
    inv = next(d for _, d in graph.nodes(data=True) if d["vid"] == "inv-1")
    assert inv["budget_vnd"] == 12_500_000_000


def test_graphml_is_deterministic_and_keeps_hostile_names() -> None:
    """Same bytes twice; a hostile name comes back as written (controls made visible)."""
    assert to_graphml(ministry()) == to_graphml(ministry())
    graph = nx.read_graphml(io.BytesIO(to_graphml(hostile()).encode("utf-8")))
    assert graph.nodes["a"]["label"] == xml_text(HOSTILE)
    assert graph.nodes["a"]["name_en"] == xml_text(HOSTILE)
    assert graph.nodes["t"]["label"] == "]]>"


def test_graphml_carries_yed_graphics() -> None:
    """yEd sees a label, shape and grid position per node; flows are solid, ownership dashed."""
    text = to_graphml(province())
    graph = nx.read_graphml(io.BytesIO(text.encode("utf-8")), force_multigraph=True)
    lgsp = graph.nodes["tq-lgsp"]
    assert (lgsp["shape_type"], lgsp["label"]) == ("hexagon", "LGSP Tuyên Quang")
    positions = {(d["x"], d["y"]) for _, d in graph.nodes(data=True)}
    assert len(positions) == graph.number_of_nodes()
    assert text.count('<y:LineStyle type="dashed"') == 6  # the ownership edges
    assert text.count("<y:EdgeLabel>") == 3  # first hop of each flow
    assert "<y:EdgeLabel>Đồng bộ đất đai</y:EdgeLabel>" in text
