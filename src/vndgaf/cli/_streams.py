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


def _configure(stream: TextIO) -> None:
    if not isinstance(stream, io.TextIOWrapper):
        return  # replaced by a test runner or an embedding program: theirs to choose
    current = codecs.lookup(stream.encoding or "ascii").name
    encoding = current if _is_terminal(stream) else "utf-8"
    with contextlib.suppress(ValueError, io.UnsupportedOperation):
        stream.reconfigure(encoding=encoding, errors="backslashreplace")


def configure_streams() -> None:
    """Set standard output and error as described in the module docstring."""
    _configure(sys.stdout)
    _configure(sys.stderr)
