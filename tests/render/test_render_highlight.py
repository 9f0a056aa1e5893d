"""--highlight: elements and edges take the colour of their worst unsuppressed finding."""

import pytest
from render_fixtures import EXAMPLES, loaded, node_attrs

from vndgaf.diagnostics import Finding, Severity, Text
from vndgaf.engine import check_loaded
from vndgaf.model import Suppression
from vndgaf.render import render, severity_index
from vndgaf.render.theme import SEVERITY_COLOURS
from vndgaf.textsafe import id_token

RED, ORANGE, BLUE = (SEVERITY_COLOURS[s] for s in Severity)


@pytest.fixture(scope="module")
def checked():
    """The Tuyên Quang example with its findings."""
    result, graph = loaded(EXAMPLES / "tuyen-quang")
    return graph, check_loaded(result).findings


def _finding(code, severity, subject, related=(), suppressed=False):
    return Finding(
        code=code,
        name=code.lower(),
        severity=severity,
        message=Text("m", "m"),
        subject=subject,
        related=related,
        suppressed_by=Suppression(rule=code, reason="ok") if suppressed else None,
    )


def test_district_agency_flagged_by_str001_is_red(checked):
    """STR001 flags the legacy district People's Committee: its node is drawn red."""
    graph, findings = checked
    assert any(
        f.code == "STR001" and f.subject == "ubnd-tuyen-quang::ubnd-huyen-yen-son" for f in findings
    )
    key = "n_" + id_token("ubnd-huyen-yen-son")
    lit = node_attrs(render(graph, view="province:08", findings=findings, highlight=True))
    plain = node_attrs(render(graph, view="province:08", findings=findings))
    assert lit[key]["color"] == RED
    assert "color" not in plain[key]


def test_flow_with_warning_finding_has_orange_edge(checked):
    """A flow that is the subject of a warning finding (IOP001, an inference) is drawn as an
    orange edge."""
    graph, findings = checked
    flagged = {f.subject for f in findings if f.severity is Severity.WARNING}
    assert "ubnd-tuyen-quang::f-hotich-bo" in flagged
    dot = render(graph, view="agency:so-tu-phap", findings=findings, highlight=True)
    src = "n_" + id_token("hotich-tuyen-quang")
    dst = "n_" + id_token("vn:db/civil-status")
    edges = [
        e.get_attributes()
        for e in dot.get_edges()
        if {e.get_source(), e.get_destination()} == {src, dst}
    ]
    assert [e["color"] for e in edges] == [ORANGE]


def test_legend_lists_severities_only_when_highlighting(checked):
    """The legend always shows kinds, and the three severities when highlighting."""
    graph, findings = checked
    lit = node_attrs(render(graph, findings=findings, highlight=True))
    plain = node_attrs(render(graph, findings=findings))
    severities = {"legend_severity_error", "legend_severity_warning", "legend_severity_note"}
    assert severities <= set(lit)
    assert not severities & set(plain)
    assert "legend_hub" in plain and "legend_agency" in plain


def test_severity_index_takes_worst_and_skips_suppressed():
    """The worst severity wins, related ids count, suppressed findings do not."""
    index = severity_index(
        [
            _finding("A001", Severity.NOTE, "x", ("y",)),
            _finding("A002", Severity.WARNING, "x"),
            _finding("A003", Severity.ERROR, "z", suppressed=True),
        ]
    )
    assert index == {"x": Severity.WARNING, "y": Severity.NOTE}


def test_group_node_takes_worst_colour_of_its_members(checked):
    """A collapsed commune node is coloured by the worst finding of any commune in it."""
    graph, _ = checked
    findings = [
        _finding("T001", Severity.NOTE, "ubnd-xa-tan-trao"),
        _finding("T002", Severity.WARNING, "ubnd-xa-dong-van"),
    ]
    nodes = node_attrs(render(graph, findings=findings, highlight=True))
    assert nodes["g_communes_08"]["color"] == ORANGE
    nodes = node_attrs(render(graph, findings=findings[:1], highlight=True))
    assert nodes["g_communes_08"]["color"] == BLUE
