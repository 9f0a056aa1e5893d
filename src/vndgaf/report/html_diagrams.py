"""The diagrams of the HTML report: the overview and the drill-down views its boxes link to,
inline SVG from vndgaf's own renderer, each fitted to the window with a button for its actual
size; the views folded under their titles until a link opens them."""

import re
from collections.abc import Sequence

import attrs

from vndgaf.report.i18n import label
from vndgaf.textsafe import html_text as _e

__all__ = ["LinkedView", "inline_svg", "views_section", "zoomable"]

_XML_DECL = re.compile(r"<\?xml[^>]*\?>\s*", re.IGNORECASE)
_DOCTYPE = re.compile(r"<!DOCTYPE[^>\[]*(?:\[[^\]]*\])?\s*>\s*", re.IGNORECASE)


@attrs.frozen
class LinkedView:
    """A view the overview links to, drawn for the report: the ``anchor`` the diagrams' links
    point at (``view-province-08``: ``view-`` and letters, digits, ``_`` or ``-``), its text
    alternative, and its SVG from vndgaf's renderer or why it could not be drawn."""

    anchor: str = attrs.field(validator=attrs.validators.matches_re(r"view-[A-Za-z0-9_-]+"))
    title: str
    svg: str | None = None
    error: str = ""


def inline_svg(svg: str) -> str:
    """SVG markup ready to sit inside HTML: XML declaration and DOCTYPE removed."""
    return _DOCTYPE.sub("", _XML_DECL.sub("", svg)).strip()


def zoomable(ident: str, svg: str, alt: str, lang: str) -> list[str]:
    """A diagram fitted to the window, with the button that shows it at its actual size. The
    figure is labelled by its caption; it is not an image to assistive technology, so the
    links of its boxes stay reachable."""
    return [
        f'<button type="button" class="zoom" aria-controls="{ident}" '
        f'aria-pressed="false">{_e(label("zoom", lang))}</button>',
        f'<figure class="diagram" id="{ident}" aria-labelledby="{ident}-caption">'
        f'{inline_svg(svg)}<figcaption id="{ident}-caption">{alt}</figcaption></figure>',
    ]


def views_section(views: Sequence[LinkedView], lang: str) -> list[str]:
    """The drill-down views, each folded under its title until a link opens it."""
    if not views:
        return []
    out = [
        f'<section id="views"><h2>{_e(label("views", lang))} ({len(views)})</h2>',
        f'<p class="hint">{_e(label("views_hint", lang))}</p>',
    ]
    back = f'<p><a href="#diagram">{_e(label("back_to_overview", lang))}</a></p>'
    for view in sorted(views, key=lambda v: v.anchor):
        title = _e(view.title or view.anchor)
        out.append(f'<details class="view" id="{view.anchor}"><summary>{title}</summary>{back}')
        if view.svg:
            out += zoomable(f"{view.anchor}-figure", view.svg, title, lang)
        else:
            out.append(
                f'<p class="notice" role="status">{_e(label("no_view", lang))} {_e(view.error)}</p>'
            )
        out.append("</details>")
    out.append("</section>")
    return out
