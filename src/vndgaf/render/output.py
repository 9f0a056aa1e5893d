"""Run Graphviz on a diagram: DOT text as is, SVG, PNG or PDF through the ``dot`` program.

``dot`` is called with an argument list (never through a shell) and the DOT text on stdin.
The bytes depend only on the diagram: cairo stamps every PDF with the time it was made, so the
PDF's dates are removed, or set to ``SOURCE_DATE_EPOCH`` when that is set (the convention of
reproducible builds). In SVG, Graphviz titles every node with its DOT id (``n_so_tu_phap``), which
browsers show on hover; each title is replaced by the node's tooltip (name, kind, id).
"""

import os
import re
import shutil
import subprocess
import time
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

from vndgaf.errors import InputError, InternalError

if TYPE_CHECKING:
    import pydot

__all__ = ["FORMATS", "to_bytes", "to_bytes_many"]

FORMATS = ("dot", "svg", "png", "pdf")
_TIMEOUT_SECONDS = 600
_PDF_DATE = re.compile(rb"/(CreationDate|ModDate)\s*\(D:[^)]*\)")


def _source_date() -> bytes | None:
    """``SOURCE_DATE_EPOCH`` as a PDF date (``D:YYYYMMDDHHmmSSZ``), or None when unset or bad."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "")
    if not value.isdigit():
        return None
    try:
        stamp = time.strftime("%Y%m%d%H%M%S", time.gmtime(int(value)))
    except (OverflowError, OSError, ValueError):
        return None
    return f"D:{stamp}Z".encode("ascii")


def reproducible_pdf(pdf: bytes) -> bytes:
    """``pdf`` without the time it was made: each ``/CreationDate`` and ``/ModDate`` entry is
    set to ``SOURCE_DATE_EPOCH`` or, when that is unset, blanked out. Every replacement keeps
    the entry's length (padding with spaces), so the cross-reference offsets stay valid.

    >>> reproducible_pdf(b"<< /CreationDate (D:20260101120000Z) >>")
    b'<<                                   >>'
    """
    date = _source_date()

    def replace(match: re.Match[bytes]) -> bytes:
        old = match.group(0)
        new = b"/" + match.group(1) + b" (" + date + b")" if date else b""
        return new.ljust(len(old)) if len(new) <= len(old) else b" " * len(old)

    return _PDF_DATE.sub(replace, pdf)


# Graphviz writes a node as <title>DOT id</title> then, when it has a tooltip or a link,
# <g id="a_…"><a … xlink:title="TOOLTIP">; the tooltip is already XML-escaped.
_TITLE_THEN_LINK = re.compile(
    rb'<title>[^<]*</title>(\s*<g id="[^"]*"><a\b[^>]*?\bxlink:title="([^"]*)")'
)


def titled_svg(svg: bytes) -> bytes:
    r"""``svg`` with each ``<title>`` that Graphviz filled with a DOT id replaced by the
    element's tooltip, so that what a browser shows on hover is the tooltip in every browser.

    >>> titled_svg(b'<title>n_x</title>\n<g id="a_node1"><a xlink:title="S&#7903; A">')
    b'<title>S&#7903; A</title>\n<g id="a_node1"><a xlink:title="S&#7903; A">'
    """
    return _TITLE_THEN_LINK.sub(lambda m: b"<title>" + m.group(2) + b"</title>" + m.group(1), svg)


def to_bytes(dot: "pydot.Dot", fmt: str) -> bytes:
    """The diagram ``dot`` (a ``pydot.Dot``) in ``fmt``: dot, svg, png or pdf.

    Raises :class:`InputError` when Graphviz is not installed, :class:`ValueError` for an
    unknown format, :class:`InternalError` when Graphviz fails on the generated DOT.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown diagram format {fmt!r}; formats: {', '.join(FORMATS)}")
    source = str(dot.to_string()).encode("utf-8")
    if fmt == "dot":
        return source
    program = shutil.which("dot")
    if program is None:
        raise InputError(
            f"cannot write {fmt.upper()}: Graphviz is not installed (the 'dot' program is not "
            "on PATH); install it, for example 'apt-get install graphviz fonts-dejavu-core', "
            "or write a .dot file instead"
        )
    try:
        done = subprocess.run(
            [program, f"-T{fmt}"],
            input=source,
            capture_output=True,
            check=False,
            timeout=_TIMEOUT_SECONDS,
        )
    except subprocess.TimeoutExpired as exc:
        raise InputError(f"Graphviz took more than {_TIMEOUT_SECONDS} s to lay out") from exc
    except OSError as exc:
        raise InputError(f"cannot run Graphviz ({program}): {exc.strerror}") from exc
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        first = message[0] if message else f"exit status {done.returncode}"
        raise InternalError(f"Graphviz could not lay out the diagram: {first}")
    if fmt == "pdf":
        return reproducible_pdf(done.stdout)
    return titled_svg(done.stdout) if fmt == "svg" else bytes(done.stdout)


def to_bytes_many(
    dots: Mapping[str, "pydot.Dot"], fmt: str
) -> dict[str, bytes | InputError | InternalError]:
    """Each diagram of ``dots`` (name -> diagram) in ``fmt``, Graphviz running once per CPU at
    a time; a diagram Graphviz cannot draw gives its error instead of bytes. Same keys, same
    bytes as :func:`to_bytes` one by one."""

    def one(name: str) -> bytes | InputError | InternalError:
        try:
            return to_bytes(dots[name], fmt)
        except (InputError, InternalError) as exc:
            return exc

    names = sorted(dots)
    workers = max(1, min(len(names), os.cpu_count() or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return dict(zip(names, pool.map(one, names), strict=True))
