"""Reports from one :class:`~vndgaf.diagnostics.Report`: text, JSON, SARIF, Markdown and HTML.

Every reporter is a pure function returning a string; writing files and printing is the CLI's
job. All of them take ``lang`` (``"en"`` or ``"vi"``) and escape user text for their medium.
"""

import importlib
from typing import TYPE_CHECKING, Any

from vndgaf.diagnostics import Report

if TYPE_CHECKING:
    from vndgaf.report.html_ import render_html
    from vndgaf.report.html_diagrams import LinkedView
    from vndgaf.report.json_ import render_json
    from vndgaf.report.markdown import render_markdown
    from vndgaf.report.markdown_summary import COMMENT_LIMIT, render_markdown_summary
    from vndgaf.report.sarif import render_sarif, source_root
    from vndgaf.report.text import render_text

__all__ = [
    "COMMENT_LIMIT",
    "FORMATS",
    "LANGS",
    "LinkedView",
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


#: Where each public name lives: a format's module is imported when it is first used, so a
#: command that prints text never imports the HTML or SARIF writers (docs/performance.md).
_HOMES: dict[str, str] = {
    "COMMENT_LIMIT": "vndgaf.report.markdown_summary",
    "LinkedView": "vndgaf.report.html_diagrams",
    "render_html": "vndgaf.report.html_",
    "render_json": "vndgaf.report.json_",
    "render_markdown": "vndgaf.report.markdown",
    "render_markdown_summary": "vndgaf.report.markdown_summary",
    "render_sarif": "vndgaf.report.sarif",
    "render_text": "vndgaf.report.text",
    "source_root": "vndgaf.report.sarif",
}

#: The function that writes each format.
_RENDERERS: dict[str, str] = {
    "text": "render_text",
    "json": "render_json",
    "sarif": "render_sarif",
    "markdown": "render_markdown",
    "html": "render_html",
}


def __getattr__(name: str) -> Any:
    """Import a public name's module the first time the name is used (PEP 562)."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'vndgaf.report' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})


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
    name = _RENDERERS[fmt]
    if fmt == "markdown" and opts.pop("summary", False):
        name = "render_markdown_summary"
    writer = globals().get(name) or __getattr__(name)
    return str(writer(report, lang=lang, **opts))
