"""The overview and every view it links to, drawn together so that the links work: the
diagrams of a national review, as files side by side or as sections of one HTML page.

>>> drawn = drill_down(graph, href=lambda view: view_slug(view) + ".svg")  # doctest: +SKIP
>>> sorted(drawn)[:2]  # doctest: +SKIP
['agency:vn:agency/bo-cong-an', 'hub:vn:db/population']
"""

from collections.abc import Callable, Sequence

import attrs

from vndgaf.diagnostics import Finding
from vndgaf.graph import ArchGraph
from vndgaf.render.api import alt_text, linked_views, render, view_slug
from vndgaf.render.output import to_bytes_many
from vndgaf.render.stamp import Stamp

__all__ = ["Drawn", "drill_down"]


@attrs.frozen
class Drawn:
    """One view drawn: its bytes, or why Graphviz could not draw it, and its text alternative
    (title and counts, see :func:`~vndgaf.render.api.alt_text`)."""

    view: str
    slug: str
    data: bytes | None
    error: str = ""
    alt: str = ""


def drill_down(
    graph: ArchGraph,
    *,
    href: Callable[[str], str],
    findings: Sequence[Finding] = (),
    highlight: bool = False,
    lang: str = "vi",
    fmt: str = "svg",
    stamp: Stamp | None = None,
) -> dict[str, Drawn]:
    """``overview`` and every view it links to (view -> :class:`Drawn`), each linking to the
    others by ``href`` (the link of a view) and stamped with ``stamp``. Graphviz runs once per
    CPU at a time."""
    views = ("overview", *linked_views(graph, lang=lang))
    available = frozenset(views)

    def link(view: str) -> str | None:
        return href(view) if view in available else None

    dots = {
        view: render(
            graph,
            view=view,
            findings=findings,
            highlight=highlight,
            lang=lang,
            href=link,
            stamp=stamp,
        )
        for view in views
    }
    drawn = to_bytes_many(dots, fmt)
    out: dict[str, Drawn] = {}
    for view in views:
        result = drawn[view]
        alt = alt_text(dots[view])
        if isinstance(result, bytes):
            out[view] = Drawn(view, view_slug(view), result, alt=alt)
        else:
            out[view] = Drawn(view, view_slug(view), None, str(result), alt=alt)
    return out
