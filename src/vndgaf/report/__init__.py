"""Reports from one :class:`~vndgaf.diagnostics.Report`: text, JSON, SARIF, Markdown and HTML.

Every reporter is a pure function returning a string; writing files and printing is the CLI's
job. All of them take ``lang`` (``"en"`` or ``"vi"``) and escape user text for their medium.
"""

from collections.abc import Callable
from typing import Any

from vndgaf.diagnostics import Report
from vndgaf.report.html_ import render_html
from vndgaf.report.json_ import render_json
from vndgaf.report.markdown import render_markdown
from vndgaf.report.markdown_summary import COMMENT_LIMIT, render_markdown_summary
from vndgaf.report.sarif import render_sarif, source_root
from vndgaf.report.text import render_text

__all__ = [
    "COMMENT_LIMIT",
    "FORMATS",
    "LANGS",
    "render",
    "render_html",
    "render_json",
    "render_markdown",
    "render_markdown_summary",
    "render_sarif",
    "render_text",
    "source_root",
]

FORMATS: tuple[str, ...] = ("text", "json", "sarif", "markdown", "html")
LANGS: tuple[str, ...] = ("en", "vi")


def _markdown(report: Report, *, lang: str, summary: bool = False, **opts: Any) -> str:
    """The full Markdown report, or with ``summary`` the one that fits a pull-request comment."""
    if summary:
        return render_markdown_summary(report, lang=lang, **opts)
    return render_markdown(report, lang=lang, **opts)


_RENDERERS: dict[str, Callable[..., str]] = {
    "text": render_text,
    "json": render_json,
    "sarif": render_sarif,
    "markdown": _markdown,
    "html": render_html,
}


def render(report: Report, fmt: str, *, lang: str = "en", **opts: Any) -> str:
    """``report`` in format ``fmt`` (one of :data:`FORMATS`) and language ``lang``.

    ``opts`` go to the format's renderer (``color`` for text, ``tool_version`` for SARIF,
    ``summary`` for Markdown, ``diagram_svg`` for HTML …). An unknown format or language is a
    ValueError.
    """
    if fmt not in _RENDERERS:
        raise ValueError(f"unknown report format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if lang not in LANGS:
        raise ValueError(f"unknown report language {lang!r}; expected one of {', '.join(LANGS)}")
    return _RENDERERS[fmt](report, lang=lang, **opts)
