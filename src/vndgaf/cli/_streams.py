"""The encoding of standard output and error, chosen so that no locale can crash a run.

Reports carry Vietnamese text, and a file name may hold bytes that are not UTF-8. The choice:

- **to a pipe or a file** (CI logs, ``> report.json``, ``| jq``): UTF-8, whatever the locale
  says. Every format vndgaf writes (JSON, SARIF, HTML, YAML, XML, CSV, DOT) is UTF-8 by
  definition or declaration, so a Latin-1 locale or a Windows code page must not re-encode it.
- **to a terminal** whose encoding is not UTF-8 (``LANG=en_US.ISO-8859-1``): the terminal's own
  encoding, with every character it cannot show written as a visible escape (``\\u1ea1``), so
  what a person reads is never mojibake and never a crash.

Either way, text that cannot be encoded at all (a lone surrogate standing for an undecodable
byte of a file name) is escaped, never an error.

Under ``python -u`` (``PYTHONUNBUFFERED``) the text streams sit directly on the file
descriptor, and a write that the system completes only in part (a pipe whose reader went away)
is dropped without an error; the rest of a report would vanish silently. There the streams get
a buffered layer back, which writes everything or raises (and is flushed after every write).
"""

import codecs
import contextlib
import io
import sys
from typing import TextIO

__all__ = ["configure_streams"]


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (OSError, ValueError):
        return False


def _configure(stream: TextIO) -> TextIO:
    """``stream`` with the encoding chosen above (the same object, or a buffered one)."""
    if not isinstance(stream, io.TextIOWrapper):
        return stream  # replaced by a test runner or an embedding program: theirs to choose
    current = codecs.lookup(stream.encoding or "ascii").name
    encoding = current if _is_terminal(stream) else "utf-8"
    if isinstance(stream.buffer, io.RawIOBase):  # unbuffered (python -u): see above
        stream.flush()
        return io.TextIOWrapper(
            io.BufferedWriter(stream.buffer),
            encoding=encoding,
            errors="backslashreplace",
            line_buffering=stream.line_buffering,
            write_through=True,
        )
    with contextlib.suppress(ValueError, io.UnsupportedOperation):
        stream.reconfigure(encoding=encoding, errors="backslashreplace")
    return stream


def configure_streams() -> None:
    """Set standard output and error as described in the module docstring."""
    sys.stdout = _configure(sys.stdout)
    sys.stderr = _configure(sys.stderr)
