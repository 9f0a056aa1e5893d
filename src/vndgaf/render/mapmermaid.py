"""The country map as a Mermaid flowchart: what ``vndgaf export --to mermaid --collapse`` writes.

A national model's full Mermaid export is megabytes, far above what Mermaid draws (its default
``maxTextSize`` is :data:`MERMAID_TEXT_LIMIT` characters, and it refuses more than
:data:`MERMAID_EDGE_LIMIT` edges). The map has a bounded number of boxes (34 provinces, the
hubs, at most 20 agency boxes) and one line per pair of boxes with its number of flows, so its
text stays far below both limits at any scale.
"""

from vndgaf.render.country import CountryScene, Place
from vndgaf.render.theme import counted, text
from vndgaf.textsafe import id_token, mermaid_text

__all__ = ["MERMAID_EDGE_LIMIT", "MERMAID_TEXT_LIMIT", "map_mermaid"]

#: Mermaid's default ``maxTextSize``: a longer diagram shows "Maximum text size in diagram
#: exceeded" instead of the diagram.
MERMAID_TEXT_LIMIT = 50_000
#: Mermaid's default ``maxEdges``.
MERMAID_EDGE_LIMIT = 500

_GROUPS = (
    ("province", "provinces", "provinces"),
    ("hub", "hubs", "national-hubs"),
    ("agency", "agencies", "central-agencies"),
)
#: Fill of each province status, and of the other kinds (the SVG map's colours).
_CLASSES = {
    "connected": "fill:#d9ead3,stroke:#666666",
    "isolated": "fill:#fce5cd,stroke:#666666",
    "no-platform": "fill:#f4cccc,stroke:#666666",
    "absent": "fill:#f3f3f3,stroke:#999999,stroke-dasharray:4 3,color:#595959",
    "hub": "fill:#ffe599,stroke:#bf9000",
    "agency": "fill:#e6e0f8,stroke:#8e7cc3",
}


def _node_id(place: Place) -> str:
    family, sep, ident = place.key.partition(":")
    return f"m_{family}_{id_token(ident)}" if sep else f"m_{id_token(place.key)}"


def _label(place: Place) -> str:
    return mermaid_text("\n".join((place.title, *place.details)))


def _class(place: Place) -> str:
    if place.kind == "province":
        return place.status
    return "hub" if place.kind == "hub" else "agency"


def map_mermaid(scene: CountryScene, *, lang: str) -> str:
    """The map ``scene`` as a ``flowchart LR``: provinces, hubs and agencies as three subgraphs
    (provinces in map order, north first), one counted line per pair (deterministic text)."""
    lines = ["flowchart LR", f"  %% {mermaid_text(' · '.join((scene.title, *scene.notes)))}"]
    lines += [f"  classDef {name} {style}" for name, style in _CLASSES.items()]
    for kind, key, title in _GROUPS:
        members = [
            p
            for p in scene.places
            if p.kind == kind or (kind == "agency" and p.kind in ("more", "unplaced"))
        ]
        if not members:
            continue
        if kind == "province":  # north to south, west to east: the order a reader expects
            members.sort(key=lambda p: (-p.pos[1], p.pos[0]))
        lines.append(f'  subgraph g_{key}["{mermaid_text(text(title, lang))}"]')
        lines.append("    direction TB")
        for place in members:
            lines.append(f'    {_node_id(place)}["{_label(place)}"]:::{_class(place)}')
        lines.append("  end")
    ids = {p.key: _node_id(p) for p in scene.places}
    for link in scene.links:
        flows = mermaid_text(counted("flows", link.flows, lang))
        lines.append(f'  {ids[link.a]} ---|"{flows}"| {ids[link.b]}')
    return "\n".join(lines) + "\n"
