"""Any view stays readable: a full-country model draws at most 300 nodes."""

import pytest
from render_fixtures import count_nodes, full_country, graph_of, node_attrs

from vndgaf.reference import catalogue
from vndgaf.render import NODE_LIMIT, render


@pytest.fixture(scope="module")
def country():
    """34 provinces and 3,321 communes, each with an agency and a system."""
    return graph_of(full_country())


@pytest.fixture(scope="module")
def crowded():
    """The same with 12 more systems per province, too many to draw one by one."""
    return graph_of(full_country(systems_per_province=12))


def _labels(dot):
    return {k: a.get("label", "") for k, a in node_attrs(dot).items()}


def test_full_country_overview_has_at_most_300_nodes(country):
    """The overview of the whole country collapses each province's communes into one node."""
    assert len(country.architecture.agencies) == 34 + 3321
    dot = render(country, view="tiers")
    assert count_nodes(dot) <= NODE_LIMIT
    groups = [k for k in node_attrs(dot) if k.startswith("g_communes_")]
    assert len(groups) == len(catalogue().provinces)


def test_commune_group_counts_agencies_systems_and_units(country):
    """A province's commune node counts its commune agencies and systems and the units."""
    dot = render(country, view="tiers")
    label = _labels(dot)["g_communes_08"]
    n = len(catalogue().communes_of("08"))
    assert f"{n} đơn vị cấp xã" in label
    assert f"{n} cơ quan · {n} hệ thống" in label


def test_commune_flows_aggregate_into_one_counted_edge(country):
    """The flows of a province's communes to its LGSP become one edge labelled with their count."""
    dot = render(country, view="tiers")
    n = len(catalogue().communes_of("08"))
    edges = [
        e.get_attributes()
        for e in dot.get_edges()
        if "g_communes_08" in (e.get_source(), e.get_destination())
        and e.get_attributes().get("style") != "invis"
    ]
    assert [e["xlabel"] for e in edges] == [f"<{n} luồng>"]


def test_expand_falls_back_to_collapsing_when_too_big(country):
    """Expanding 3,321 communes would exceed the limit: the view collapses them and says so."""
    dot = render(country, view="tiers", expand=True, lang="en")
    assert count_nodes(dot) <= NODE_LIMIT
    assert "Collapsed (communes per province)" in dot.get_label()


def test_crowded_overview_folds_systems_into_agencies(crowded):
    """With too many provincial systems, systems fold into their agency, LGSPs stay."""
    dot = render(crowded, view="tiers")
    assert count_nodes(dot) <= NODE_LIMIT
    labels = _labels(dot)
    assert "13 hệ thống" in labels["n_ubnd_p08"]  # 12 systems and the procedure system
    assert "n_lgsp_p08" in labels
    assert "hệ thống theo cơ quan" in dot.get_label()


@pytest.mark.parametrize("view", ["province:08", "province:01", "impact:lgsp-p08"])
def test_drill_downs_of_the_full_country_stay_within_the_limit(crowded, view):
    """Province and impact views of the crowded country stay within 300 nodes."""
    dot = render(crowded, view=view)
    assert count_nodes(dot) <= NODE_LIMIT
