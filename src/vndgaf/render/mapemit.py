"""Write the country map as a ``pydot.Dot`` whose every box has a fixed position.

The DOT file names its own engine (``layout=neato``) and pins each box (``pos="x,y!"`` in points,
``inputscale=72``), so Graphviz only routes the lines between the boxes: the picture has the same
size whatever the number of flows, and ``dot -Tsvg`` on the file gives it. Lines are splines
routed around the boxes (``splines=true``), so a province's line to NDXP never disappears under
another tile; they are drawn first, boxes over them (``outputorder=edgesfirst``).
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from vndgaf.render.country import HEADINGS, LEGEND_POS, CountryScene, MapLink, Place
from vndgaf.render.theme import (
    FONT,
    KIND_STYLES,
    SEVERITY_COLOURS,
    STATUS_FILLS,
    counted,
    text,
)
from vndgaf.textsafe import dot_html, dot_label, dot_quoted, id_token, printable

if TYPE_CHECKING:
    import pydot

__all__ = ["emit_map"]

_TILE = (150, 60)
_HUB = (150, 56)
_AGENCY = (160, 56)
#: Lines are grey, the thinner the lighter (alpha by width): many lines meet at NDXP.
_LINE = "#6f6f6f"


#: The places whose tooltip names their kind (summary boxes say what they are in their name).
_KINDS = ("province", "hub", "agency")


def _node_id(place: Place) -> str:
    """``m_p_08`` for a province, ``m_h_…``/``m_a_…`` + the id's token for a hub or agency."""
    family, sep, ident = place.key.partition(":")
    return f"m_{family}_{id_token(ident)}" if sep else f"m_{id_token(place.key)}"


def _inches(points: int) -> str:
    return f"{points / 72:.3f}"


def _tooltip(place: Place, lang: str) -> str:
    kind = text(f"kind:{place.kind}", lang) if place.kind in _KINDS else ""
    parts = [place.name, kind]
    if place.ident:
        parts.append(printable(place.ident))  # on one line: a line break shows as \n
    head = " — ".join(p for p in parts if p)
    return "\n".join(p for p in (head, place.note, *place.details) if p)


def _place_attrs(place: Place, scene: CountryScene, lang: str) -> dict[str, Any]:
    size = {"hub": _HUB, "agency": _AGENCY, "more": _AGENCY}.get(place.kind, _TILE)
    attrs: dict[str, Any] = {
        "shape": "box",
        "style": "rounded,filled",
        "fixedsize": "true",
        "width": _inches(size[0]),
        "height": _inches(size[1]),
        "pos": f"{place.pos[0]},{place.pos[1]}!",
        "color": "#666666",
        "fillcolor": "#ffffff",
    }
    if place.kind == "province":
        attrs["fillcolor"] = STATUS_FILLS[place.status]
        if place.status == "absent":
            attrs["style"] = "rounded,filled,dashed"
            attrs["fontcolor"] = "#595959"
    elif place.kind == "hub":
        attrs.update(
            shape="doubleoctagon", style="filled", fillcolor=KIND_STYLES["hub"]["fillcolor"]
        )
    elif place.kind in ("agency", "more"):
        attrs["fillcolor"] = KIND_STYLES["agency"]["fillcolor"]
        if place.kind == "more":
            attrs["style"] = "rounded,filled,dashed"
    else:  # unplaced
        attrs["style"] = "rounded,filled,dashed"
    if place.dimmed:
        attrs["fontcolor"] = "#595959"
        attrs["style"] = (
            attrs["style"] + ",dashed" if "dashed" not in attrs["style"] else attrs["style"]
        )
    if place.severity is not None:
        attrs["color"] = SEVERITY_COLOURS[place.severity]
        attrs["penwidth"] = "3"
    if place.key == ("h:" + scene.focus if scene.focus else None):
        attrs["penwidth"] = "4"
    width = 20 if place.kind == "province" else 24
    attrs["label"] = dot_label(place.title, place.details, width=width)
    attrs["tooltip"] = dot_quoted(_tooltip(place, lang))
    return attrs


def _link_attrs(link: MapLink, names: dict[str, str], lang: str) -> dict[str, Any]:
    flows = counted("flows", link.flows, lang)
    if link.severity is not None:
        colour = SEVERITY_COLOURS[link.severity]
    else:
        colour = f"{_LINE}{round(80 + 35 * link.width):02x}"
    return {
        "color": colour,
        "penwidth": str(link.width),
        "tooltip": dot_quoted(f"{names[link.a]} — {names[link.b]}: {flows}"),
    }


def _legend(scene: CountryScene, lang: str) -> str:
    """The legend as one HTML-like table: fills, outlines, lines."""
    rows = [f'<TR><TD COLSPAN="2"><B>{dot_html(text("legend", lang))}</B></TD></TR>']
    rows.append(f'<TR><TD COLSPAN="2" ALIGN="LEFT">{dot_html(text("legend:fill", lang))}</TD></TR>')
    for status in scene.statuses:
        rows.append(
            f'<TR><TD BGCOLOR="{STATUS_FILLS[status]}" WIDTH="24" BORDER="1"> </TD>'
            f'<TD ALIGN="LEFT">{dot_html(text(f"status:{status}", lang))}</TD></TR>'
        )
    if scene.highlight:
        rows.append(
            f'<TR><TD COLSPAN="2" ALIGN="LEFT">{dot_html(text("legend:outline", lang))}</TD></TR>'
        )
        for severity, colour in SEVERITY_COLOURS.items():
            rows.append(
                f'<TR><TD BGCOLOR="{colour}" WIDTH="24" BORDER="1"> </TD>'
                f'<TD ALIGN="LEFT">{dot_html(text(severity.value, lang))}</TD></TR>'
            )
    rows.append(f'<TR><TD COLSPAN="2" ALIGN="LEFT">{dot_html(text("legend:link", lang))}</TD></TR>')
    rows.append(
        f'<TR><TD COLSPAN="2" ALIGN="LEFT">{dot_html(text("legend:click", lang))}</TD></TR>'
    )
    return '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2">' + "".join(rows) + "</TABLE>>"


def emit_map(
    scene: CountryScene,
    *,
    lang: str,
    href: Callable[[str], str | None] | None = None,
    graph_id: str = "vndgaf",
) -> "pydot.Dot":
    """The ``pydot.Dot`` of the map; ``href`` gives the link of a view (None: no link)."""
    import pydot

    dot = pydot.Dot(
        "vndgaf",
        graph_type="graph",
        charset="UTF-8",
        layout="neato",
        inputscale="72",
        notranslate="true",
        overlap="true",
        splines="true",
        outputorder="edgesfirst",
        fontname=FONT,
        fontsize="16",
        labelloc="t",
        label=dot_label("\n".join((scene.title, *scene.notes)), width=110),
        tooltip=dot_quoted("\n".join((scene.title, *scene.notes))),
        id=graph_id,
        pad="0.2",
    )
    dot.set_node_defaults(fontname=FONT, fontsize="10", margin="0.05,0.03")
    dot.set_edge_defaults(fontname=FONT, fontsize="8")
    for key, (x, y) in sorted(HEADINGS.items()):
        dot.add_node(
            pydot.Node(
                f"head_{key.replace('-', '_')}",
                shape="plaintext",
                pos=f"{x},{y}!",
                label=dot_label(text(key, lang), width=40),
                fontsize="12",
            )
        )
    dot.add_node(
        pydot.Node(
            "legend",
            shape="box",
            style="rounded",
            color="#999999",
            pos=f"{LEGEND_POS[0]},{LEGEND_POS[1]}!",
            label=_legend(scene, lang),
            fontsize="9",
            margin="0.1,0.05",
        )
    )
    names = {p.key: p.title for p in scene.places}
    for place in scene.places:
        attrs = _place_attrs(place, scene, lang)
        url = href(place.view) if href is not None and place.view else None
        if url:
            attrs["URL"] = url
        dot.add_node(pydot.Node(_node_id(place), **attrs))
    ids = {p.key: _node_id(p) for p in scene.places}
    # Lines with findings last, so that they are drawn over the grey ones.
    for link in sorted(scene.links, key=lambda k: (k.severity is not None, k.a, k.b)):
        dot.add_edge(pydot.Edge(ids[link.a], ids[link.b], **_link_attrs(link, names, lang)))
    return dot
