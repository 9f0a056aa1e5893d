"""Run Graphviz on a diagram: DOT text as is, SVG, PNG or PDF through the ``dot`` program.

``dot`` is called with an argument list (never through a shell) and the DOT text on stdin.
"""

import shutil
import subprocess
from typing import TYPE_CHECKING

from vndgaf.errors import InputError, InternalError

if TYPE_CHECKING:
    import pydot

__all__ = ["FORMATS", "to_bytes"]

FORMATS = ("dot", "svg", "png", "pdf")
_TIMEOUT_SECONDS = 600


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
    return bytes(done.stdout)
