"""Labels: hostile names render literally in DOT and SVG; Vietnamese survives; ids are stable."""

import unicodedata
import xml.etree.ElementTree as ET

import pytest
from render_fixtures import EXAMPLES, SVG_NS, graph_of, loaded, svg_labels

from vndgaf.model import Agency, AgencyType, Architecture, InformationSystem, Level
from vndgaf.render import render, to_bytes
from vndgaf.textsafe import dot_label, id_token, wrap

HOSTILE = 'Sở "Q" {x} <b>đậm</b> a\\b\ndòng hai & </font> ]; }'


def _hostile_graph():
    return graph_of(
        Architecture(
            format_version=1,
            agencies=(
                Agency(
                    id="so-x",
                    name=HOSTILE,
                    level=Level.PROVINCIAL,
                    type=AgencyType.DEPARTMENT,
                    unit="vn:province/08",
                ),
            ),
            systems=(InformationSystem(id="ht-x", name=HOSTILE, owner="so-x"),),
        )
    )


def test_hostile_name_is_escaped_in_dot():
    """Quotes, braces, markup, backslash and newline cannot break the DOT or add markup."""
    dot = to_bytes(render(_hostile_graph(), view="agency:so-x"), "dot").decode("utf-8")
    escaped = (
        "Sở &quot;Q&quot; {x} &lt;b&gt;đậm&lt;/b&gt; a\\b<br/>dòng hai &amp; &lt;/font&gt; ]; }"
    )
    assert escaped in dot
    assert "<b>" not in dot
    assert "</font> ]" not in dot


def test_hostile_name_renders_literally_in_svg():
    """Graphviz accepts the DOT and the SVG shows the name exactly as typed, on two lines."""
    svg = to_bytes(render(_hostile_graph(), view="agency:so-x"), "svg")
    labels = svg_labels(svg)["node"]
    first, second = HOSTILE.split("\n")
    assert any(first in label and second in label for label in labels)
    root = ET.fromstring(svg)
    texts = [t.text or "" for t in root.iter(f"{SVG_NS}text")]
    assert not any(t.get("font-weight") == "bold" for t in root.iter(f"{SVG_NS}text"))
    assert any(t.startswith('Sở "Q" {x} <b>đậm</b>') for t in texts)


def test_vietnamese_names_survive_in_svg_with_dejavu():
    """Vietnamese names come out of Graphviz unchanged (NFC) in the DejaVu Sans font."""
    _, graph = loaded(EXAMPLES / "tuyen-quang")
    svg = to_bytes(render(graph, view="overview"), "svg")
    root = ET.fromstring(svg)
    texts = list(root.iter(f"{SVG_NS}text"))
    name = "Ủy ban nhân dân tỉnh Tuyên Quang"
    matching = [t for t in texts if t.text == name]
    assert matching, "the People's Committee name is one unbroken line"
    assert all(t.get("font-family") == "DejaVu Sans" for t in matching)
    assert unicodedata.is_normalized("NFC", matching[0].text)
    assert "Ã" not in svg.decode("utf-8")  # no UTF-8 read as Latin-1


def test_fonts_are_set_on_graph_nodes_and_edges():
    """Graph, node and edge defaults all name DejaVu Sans."""
    dot = render(_hostile_graph(), view="overview")
    assert dot.get_fontname() == "DejaVu Sans"
    text = dot.to_string()
    assert 'node [fontname="DejaVu Sans"' in text
    assert 'edge [fontname="DejaVu Sans"' in text


def test_control_characters_become_visible_escapes():
    """A control or bidi character in a name is shown as its escape; line breaks stay breaks."""
    assert dot_label("a\x01b\tc\u202e") == "<a\\x01b\\tc\\u202e>"
    assert dot_label("x\r\ny\rz") == "<x<br/>y<br/>z>"


@pytest.mark.parametrize(
    "text", ["Ủy ban nhân dân tỉnh Tuyên Quang và các sở ngành", "a  b   c", "", "x" * 50]
)
def test_wrap_breaks_only_at_single_spaces(text):
    """Joining the wrapped lines with one space gives the text back."""
    lines = wrap(text, 12)
    assert " ".join(lines) == text
    assert all(len(line) <= 12 or " " not in line for line in lines)


def test_dot_label_puts_details_in_small_grey_lines():
    """The title comes first, then each detail as a smaller grey line."""
    assert dot_label("A <x>", ["id-1"]) == (
        '<A &lt;x&gt;<br/><font point-size="8" color="#555555">id-1</font>>'
    )


def test_node_tokens_are_stable_and_do_not_collide():
    """Usual ids read as themselves; every id gets its own token of letters, digits and '_'."""
    assert id_token("so-tu-phap") == "so_tu_phap"
    ids = ["a-b", "a.b", "a:b", "a/b", "a_b", "vn:db/x", "vn-db-x", "nh_a_b", "a-b\n", "a--b"]
    tokens = [id_token(i) for i in ids]
    assert len(set(tokens)) == len(ids)
    assert all(t.replace("_", "").isalnum() for t in tokens)
