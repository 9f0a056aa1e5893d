"""``render``: a view of the architecture graph, optionally coloured by findings, as pydot."""

import html
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

import attrs

from vndgaf.diagnostics import Finding, Severity
from vndgaf.gcpause import paused_gc
from vndgaf.graph import ArchGraph
from vndgaf.model.namespaces import written_in
from vndgaf.render import country, emit, mapemit, scene, views
from vndgaf.render.stamp import Stamp, stamp_text
from vndgaf.textsafe import id_token

if TYPE_CHECKING:  # pydot is imported at run time only by the emitters
    import pydot

__all__ = ["Href", "alt_text", "linked_views", "render", "severity_index", "view_slug"]

#: Gives the link of a view (``province:08`` …), or None when that view is not available.
Href = Callable[[str], str | None]


def severity_index(
    findings: Sequence[Finding], graph: ArchGraph | None = None
) -> Mapping[str, Severity]:
    """Element or flow id -> worst severity of the unsuppressed findings naming it
    (as subject or as a related id).

    Findings name elements by qualified id (``ubnd-x::f1``); the graph of a single submission
    holds its ids as written (``f1``): given that ``graph``, its submission's ids are taken as
    it writes them."""
    block = graph.architecture.submission if graph is not None else None
    own = block.submitter if block is not None else None
    worst: dict[str, Severity] = {}
    for finding in findings:
        if finding.suppressed:
            continue
        for ident in (finding.subject, *finding.related):
            if not ident:
                continue
            if own is not None:
                ident = written_in(own, ident)
            current = worst.get(ident)
            if current is None or finding.severity.rank > current.rank:
                worst[ident] = finding.severity
    return worst


def view_slug(view: str) -> str:
    """A name for ``view`` made of ``[A-Za-z0-9_-]``, distinct for distinct views: a file
    name (``province-08.svg``) or an HTML anchor.

    >>> view_slug("province:08"), view_slug("overview")
    ('province-08', 'overview')
    """
    kind, argument = views.parse_view(view)
    return f"{kind}-{id_token(argument)}" if argument else kind


def linked_views(graph: ArchGraph, *, lang: str = "vi") -> tuple[str, ...]:
    """The views the overview links to (sorted): on the country map each province in the
    model, each hub, each central agency it shows; on the tiers view of one submission the
    agencies, hubs and platforms whose boxes link. The drill-down views of a review.

    >>> import vndgaf
    >>> loaded = vndgaf.load(["examples/tuyen-quang"])
    >>> graph = vndgaf.build_graph(loaded.architecture, vndgaf.catalogue())
    >>> "agency:so-tu-phap" in linked_views(graph)
    True
    """
    if country.spans_country(graph):
        built = country.build_country(graph, lang=lang)
        found = {p.view for p in built.places if p.view}
    else:  # the tiers view: the views its boxes ask a link for
        found = set()

        def record(view: str) -> None:
            found.add(view)

        render(graph, view="overview", lang=lang, href=record)
    found.discard("overview")
    return tuple(sorted(found))


def alt_text(dot: "pydot.Dot") -> str:
    """The text alternative of a diagram drawn by :func:`render`: its title and what it counts,
    on one line (the diagram's tooltip, unescaped), for ``alt`` and ``aria-label``."""
    raw = str(dot.get_attributes().get("tooltip", "")).strip('"')
    return html.unescape(raw.replace("&#10;", " · "))


def render(
    graph: ArchGraph,
    *,
    view: str = "overview",
    findings: Sequence[Finding] = (),
    highlight: bool = False,
    expand: bool = False,
    lang: str = "vi",
    href: Href | None = None,
    stamp: Stamp | None = None,
) -> "pydot.Dot":
    """The ``pydot.Dot`` of one view of ``graph``.

    ``view`` is ``overview``, ``country`` (the map of the provinces, hubs and ministries),
    ``tiers``, ``province:CODE``, ``agency:ID``, ``entity:ID``, ``impact:ID`` or ``hub:ID``. The
    overview is the country map when the model spans several provinces or ministries
    (:func:`vndgaf.render.country.spans_country`), the tiers view otherwise. An unknown view or
    id raises
    :class:`ValueError` naming the valid choices. With ``highlight``, boxes and lines take the
    colour of their worst finding. ``href`` gives the link of each view a box may link to
    (drill-down); without it nothing links. ``stamp`` is written under the title: what the
    diagram was drawn from (:mod:`vndgaf.render.stamp`). The DOT text is deterministic: the
    same graph gives byte-identical output.
    """
    line = stamp_text(stamp, lang) if stamp is not None else ""
    if lang not in ("vi", "en"):
        raise ValueError(f"unknown language {lang!r}; languages: vi, en")
    kind, argument = views.parse_view(view)
    if kind == "province" and argument.startswith("vn:province/"):  # one view, one SVG id
        argument = argument.rpartition("/")[2]
        view = f"province:{argument}"
    graph_id = "v_" + id_token(view_slug(view))
    # Rendering allocates far fewer objects than the graph holds, but enough to start full
    # collections that walk the whole national model again: see vndgaf.gcpause. The pydot
    # objects are cyclic and usually dropped soon: they stay young, so the collector frees them.
    with paused_gc(promote=False):
        if kind == "overview":
            kind = "country" if country.spans_country(graph) else "tiers"
            view = kind
        if kind in ("country", "hub"):
            focus = None
            if kind == "hub":
                valid = country.hub_ids(graph)
                if argument not in valid:
                    raise ValueError(f"unknown hub {argument!r}; hubs: {', '.join(valid)}")
                focus = argument
            built_map = country.build_country(
                graph, findings=findings, highlight=highlight, lang=lang, focus=focus
            )
            if line:
                built_map = attrs.evolve(built_map, notes=(*built_map.notes, line))
            return mapemit.emit_map(built_map, lang=lang, href=href, graph_id=graph_id)
        severities = severity_index(findings, graph)
        draft = views.draft_for(graph, view, lang=lang, expand=expand, severities=severities)
        built = scene.build(graph, draft, highlight=highlight, lang=lang)
        if line:
            built = attrs.evolve(built, notes=(*built.notes, line))
        return emit.emit(
            built,
            severities=severities,
            highlight=highlight,
            lang=lang,
            href=href,
            graph_id=graph_id,
        )
