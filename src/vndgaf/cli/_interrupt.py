"""Interruption: SIGINT, SIGTERM and SIGHUP become one exception, and exit 128 + the signal.

A signal arriving while vndgaf writes must not leave a temporary file behind or a half-moved
tree. Turning every stopping signal into :class:`Interrupted` (raised, like
``KeyboardInterrupt``, at the next bytecode) lets ``try``/``finally`` blocks clean up; the
command line then prints one line and exits 130 (SIGINT), 143 (SIGTERM) or 129 (SIGHUP).
Around the few steps that must not be cut in two (creating a temporary file and remembering
it, moving finished files into place), :func:`deferred` holds the signals back until the step
is done.
"""

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

__all__ = ["SIGNALS", "Interrupted", "deferred", "handled"]

SIGNALS: tuple[signal.Signals, ...] = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


class Interrupted(BaseException):
    """The run was stopped by a signal. A ``BaseException``, so ``except Exception`` in a
    library or in click never swallows it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        """128 + the signal number, as a shell reports a process stopped by it."""
        return 128 + self.signum

    @property
    def name(self) -> str:
        """The signal's name, e.g. ``SIGTERM``."""
        return signal.Signals(self.signum).name


def _raise(signum: int, frame: FrameType | None) -> None:
    raise Interrupted(signum)


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def handled() -> Iterator[None]:
    """Within the block, SIGINT, SIGTERM and SIGHUP raise :class:`Interrupted`; the previous
    handlers come back afterwards. Does nothing outside the main thread (Python delivers
    signals only there)."""
    if not _main_thread():
        yield
        return
    previous = {sig: signal.getsignal(sig) for sig in SIGNALS}
    for sig in SIGNALS:
        if previous[sig] is not signal.SIG_IGN:  # `nohup` asked us to ignore SIGHUP: keep it so
            signal.signal(sig, _raise)
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """Hold SIGINT, SIGTERM and SIGHUP back during the block; one that arrived meanwhile is
    delivered (and raises) right after it. Where the platform cannot block signals, the block
    simply runs."""
    if not _main_thread() or not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)
