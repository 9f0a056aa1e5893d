"""``render``: a view of the architecture graph, optionally coloured by findings, as pydot."""

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from vndgaf.diagnostics import Finding, Severity
from vndgaf.gcpause import paused_gc
from vndgaf.graph import ArchGraph
from vndgaf.render import emit, scene, views

if TYPE_CHECKING:  # pydot is imported at run time only by the emitter
    import pydot

__all__ = ["render", "severity_index"]


def severity_index(findings: Sequence[Finding]) -> Mapping[str, Severity]:
    """Element or flow id -> worst severity of the unsuppressed findings naming it
    (as subject or as a related id)."""
    worst: dict[str, Severity] = {}
    for finding in findings:
        if finding.suppressed:
            continue
        for ident in (finding.subject, *finding.related):
            if not ident:
                continue
            current = worst.get(ident)
            if current is None or finding.severity.rank > current.rank:
                worst[ident] = finding.severity
    return worst


def render(
    graph: ArchGraph,
    *,
    view: str = "overview",
    findings: Sequence[Finding] = (),
    highlight: bool = False,
    expand: bool = False,
    lang: str = "vi",
) -> "pydot.Dot":
    """The ``pydot.Dot`` of one view of ``graph``.

    ``view`` is ``overview``, ``province:CODE``, ``agency:ID``, ``entity:ID`` or ``impact:ID``;
    an unknown view or id raises :class:`ValueError` naming the valid choices. With
    ``highlight``, nodes and edges take the colour of their worst finding. The DOT text is
    deterministic: the same graph gives byte-identical output.
    """
    if lang not in ("vi", "en"):
        raise ValueError(f"unknown language {lang!r}; languages: vi, en")
    # Rendering allocates far fewer objects than the graph holds, but enough to start full
    # collections that walk the whole national model again: see vndgaf.gcpause. The pydot
    # objects are cyclic and usually dropped soon: they stay young, so the collector frees them.
    with paused_gc(promote=False):
        draft = views.draft_for(graph, view, lang=lang, expand=expand)
        built = scene.build(graph, draft, highlight=highlight, lang=lang)
        return emit.emit(built, severities=severity_index(findings), highlight=highlight, lang=lang)
