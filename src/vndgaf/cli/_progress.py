"""Phase messages on stderr for long runs, shown only when stderr is a terminal.

A person waiting at a terminal wants to know the tool is working ("parsing 3,321 files…");
a pipeline, a CI log or a pre-commit hook wants nothing on stderr but errors. So every message
goes to the stream only when ``stream.isatty()`` is true, and is silently dropped otherwise.
Messages never go to stdout, so reports stay byte-identical whether or not a terminal is attached.
"""

import os
import sys
import time
from collections.abc import Callable, Iterable
from typing import TextIO

from vndgaf.errors import InputError
from vndgaf.load import discover

__all__ = ["Progress"]


def _is_terminal(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty()) if isatty is not None else False
    except (OSError, ValueError):  # a closed or detached stream is not a terminal
        return False


class Progress:
    """Prints ``vndgaf: <phase>`` lines on a terminal stderr, nothing otherwise.

    Use from a command::

        progress = Progress()
        progress.parsing(paths)         # "vndgaf: parsing 6 files…"
        progress.checking(len(rules))   # "vndgaf: checking 52 rules…"
        progress.done()                 # "vndgaf: done in 0.4 s"
    """

    def __init__(
        self, stream: TextIO | None = None, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._stream = stream if stream is not None else sys.stderr
        self.enabled = _is_terminal(self._stream)
        self._clock = clock
        self._start = clock()

    def phase(self, message: str) -> None:
        """Show one phase message (on a terminal only)."""
        if not self.enabled:
            return
        self._stream.write(f"vndgaf: {message}\n")
        self._stream.flush()

    def parsing(self, paths: Iterable[str | os.PathLike[str]]) -> None:
        """``parsing N files…`` for the files the loader will read from ``paths``.

        A path that does not exist is left for the loader to report; no message is shown then.
        """
        if not self.enabled:
            return
        try:
            count = len(discover(paths).files)
        except InputError:
            return
        self.phase(f"parsing {count:,} file{'s' if count != 1 else ''}…")

    def checking(self, rule_count: int) -> None:
        """``checking N rules…``."""
        self.phase(f"checking {rule_count:,} rule{'s' if rule_count != 1 else ''}…")

    def done(self) -> None:
        """``done in S s``, the time since this object was made."""
        self.phase(f"done in {self._clock() - self._start:.1f} s")
