"""Text hygiene for DOT: stable node ids and HTML-like labels that show any name literally.

Every label is a Graphviz HTML-like label whose text is fully entity-escaped, so quotes, braces,
angle brackets, backslashes and markup in names are drawn as typed and can never end the label,
open a record field or inject tags. Newlines in a name become line breaks; other control
characters become their visible Unicode "control picture" (U+0001 -> U+2401).
"""

import hashlib
import re
from collections.abc import Iterable

__all__ = ["escape_html", "html_label", "node_token", "wrap"]

_PLAIN_ID = re.compile(r"^[A-Za-z0-9-]+$")
_UNSAFE = re.compile(r"[^A-Za-z0-9]")
_CONTROLS = re.compile("[\x00-\x09\x0b-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}


def node_token(prefix: str, ident: str) -> str:
    """A DOT id for ``ident``: ``{prefix}_`` plus the id, stable and collision-free.

    Ids made only of ASCII letters, digits and ``-`` map one-to-one (``-`` becomes ``_``, which no
    vndgaf id contains). Any other id is reduced to ``[A-Za-z0-9_]`` and gets a short digest,
    behind a different marker (``h``), so the two families never collide.

    >>> node_token("n", "so-tu-phap")
    'n_so_tu_phap'
    >>> node_token("n", "vn:platform/ndxp")
    'nh_vn_platform_ndxp_a8313bdb'
    """
    if _PLAIN_ID.match(ident):
        return f"{prefix}_{ident.replace('-', '_')}"
    digest = hashlib.sha256(ident.encode("utf-8")).hexdigest()[:8]
    return f"{prefix}h_{_UNSAFE.sub('_', ident)}_{digest}"


def _visible(text: str) -> str:
    def picture(match: re.Match[str]) -> str:
        code = ord(match.group(0))
        if code < 0x20:
            return chr(0x2400 + code)
        return "\u2421" if code == 0x7F else "\ufffd"

    return _CONTROLS.sub(picture, text.replace("\r\n", "\n").replace("\r", "\n"))


def escape_html(text: str) -> str:
    """``text`` for a Graphviz HTML-like label: entities for ``& < > " '``, no control chars."""
    return "".join(_ENTITIES.get(ch, ch) for ch in _visible(text))


def wrap(text: str, width: int = 32) -> list[str]:
    """Lines of at most ``width`` characters, broken only at single spaces (never inside words).

    Joining the result of one input line with single spaces gives that line back exactly;
    newlines in ``text`` always start a new line.
    """
    lines: list[str] = []
    for raw in _visible(text).split("\n"):
        current: list[str] = []
        length = 0
        for word in raw.split(" "):
            extra = len(word) + (1 if current else 0)
            if current and length + extra > width:
                lines.append(" ".join(current))
                current, length = [word], len(word)
            else:
                current.append(word)
                length += extra
        lines.append(" ".join(current))
    return lines


def html_label(
    title: str, details: Iterable[str] = (), *, width: int = 32, detail_colour: str = "#555555"
) -> str:
    """An HTML-like label: the wrapped, escaped title, then smaller grey detail lines."""
    parts = [escape_html(line) for line in wrap(title, width)]
    for detail in details:
        for line in wrap(detail, width + 8):
            parts.append(f'<font point-size="8" color="{detail_colour}">{escape_html(line)}</font>')
    return "<" + "<br/>".join(parts) + ">"
