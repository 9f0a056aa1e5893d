"""Pause the cyclic garbage collector while a large model is built, loaded or drawn.

The loader, the engine, the CLI and the renderer each make millions of objects that stay alive;
they share this one pause, which lives apart from all of them so that none imports another just
for it. See the standard library's documentation of ``gc.disable``, ``gc.freeze`` and
``gc.unfreeze`` (https://docs.python.org/3/library/gc.html).
"""

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["paused_gc"]


@contextlib.contextmanager
def paused_gc(*, promote: bool = True) -> Iterator[None]:
    """Pause the cyclic garbage collector while a large model is built.

    A national model allocates millions of objects that all stay alive, and every automatic
    collection walks them again (measured: about half of the load time at 100,000 flows).
    Reference counting still frees everything; the collector resumes afterwards if it was on.

    On resuming, the objects made meanwhile are handed to the oldest generation with
    ``gc.freeze()`` + ``gc.unfreeze()`` (two list moves). Otherwise the first allocation after
    the pause starts a young-generation collection that walks every one of them (0.15 s after
    loading the 1x national model, and more after a whole check). Cyclic garbage among them is
    still collected, at the next full collection. Skipped when something else keeps objects
    frozen, since ``unfreeze`` would release those too.

    Pass ``promote=False`` where the objects made meanwhile are mostly temporary (a diagram
    handed to the caller and dropped): promoted, their reference cycles would wait for a full
    collection, which a long-lived process with a large oldest generation seldom runs, so
    memory would grow with every call (measured: 150 KB per small ``render()``).

    >>> import gc
    >>> with paused_gc():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if promote and gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()
