"""Values built from the package's own files, kept precompiled where the user can write.

The bundled reference catalogue is the same on every run, yet building it from its YAML and
JSON sources takes longer than reading a provincial submission. :func:`cached` builds such a
value once, pickles it into the user's cache directory and reads it back on later runs.

An entry is named by a digest of everything it is built from: the package version (the bytes of
``vndgaf/__init__.py``), the Python version and the bytes of its source files (the data files
*and* the modules whose classes the value holds), so an edited file, an upgrade or another
interpreter gives another name and the value is rebuilt; of the entries of one value only the
few written last are kept (several checkouts or interpreters may share the directory). The file
holds a SHA-256 of its payload, checked before unpickling, and is read with an unpickler that
resolves only the classes of the model, the reference catalogue and ``datetime``: a truncated,
corrupted or foreign file is never trusted, only rebuilt. Writing goes to a temporary file in
the same directory, then ``os.replace``, so concurrent runs never read half a file. A directory
that cannot be written only means no cache.

Where: ``$VNDGAF_CACHE_DIR``, else ``$XDG_CACHE_HOME/vndgaf``, else ``~/.cache/vndgaf``.
``VNDGAF_NO_CACHE=1`` builds from the sources every time.
"""

import contextlib
import hashlib
import io
import os
import pickle
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from vndgaf.gcpause import paused_gc

__all__ = ["cache_dir", "cached", "entry_path"]

T = TypeVar("T")

_MAGIC = b"vndgaf-cache 1\n"
_DIGEST = hashlib.sha256().digest_size
_PROTOCOL = pickle.HIGHEST_PROTOCOL
#: The only modules whose classes a cache entry may name.
_TRUSTED = ("vndgaf.model.", "vndgaf.reference.")
#: Where the package version is written (``__version__``): part of every key.
_PACKAGE_VERSION = Path(__file__).with_name("__init__.py")
#: Entries kept per value: one per checkout or interpreter in use, within reason.
_KEPT = 4


def cache_dir() -> Path | None:
    """The directory of the cache, or None when ``VNDGAF_NO_CACHE`` is set."""
    if os.environ.get("VNDGAF_NO_CACHE"):
        return None
    explicit = os.environ.get("VNDGAF_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "vndgaf"


def _key(name: str, sources: Iterable[Path]) -> str:
    digest = hashlib.sha256(f"{name}\0{sys.version}\0{_PROTOCOL}".encode())
    for path in (_PACKAGE_VERSION, *sources):
        content = path.read_bytes()
        digest.update(f"\0{path.name}\0{len(content)}\0".encode())
        digest.update(content)
    return digest.hexdigest()[:24]


def entry_path(name: str, sources: Iterable[Path]) -> Path | None:
    """Where the entry of ``name`` built from ``sources`` is kept (None: no cache)."""
    directory = cache_dir()
    return None if directory is None else directory / f"{name}-{_key(name, sources)}.pickle"


class _Unpickler(pickle.Unpickler):
    """Resolves only the classes of the model, the catalogue and ``datetime``."""

    def find_class(self, module: str, name: str) -> Any:
        if module != "datetime" and not module.startswith(_TRUSTED):
            raise pickle.UnpicklingError(f"{module}.{name} is not a class of vndgaf")
        return super().find_class(module, name)


def _read(path: Path, kind: type[T]) -> T | None:
    """The value in ``path``, or None when it is missing, damaged or not a ``kind``."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    head, payload = raw[: len(_MAGIC) + _DIGEST], raw[len(_MAGIC) + _DIGEST :]
    if head != _MAGIC + hashlib.sha256(payload).digest():
        return None
    try:
        with paused_gc():  # thousands of objects that stay alive: see vndgaf.gcpause
            value = _Unpickler(io.BytesIO(payload)).load()
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return None  # a class that moved or changed shape since it was written: rebuilt
    return value if isinstance(value, kind) else None


def _write(path: Path, value: Any) -> None:
    """Write ``value`` to ``path`` atomically; keep only the latest entries of the same name."""
    payload = pickle.dumps(value, protocol=_PROTOCOL)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(temporary, "wb") as out:
            out.write(_MAGIC + hashlib.sha256(payload).digest() + payload)
        os.replace(temporary, path)
    except OSError:  # a read-only home, a full disk: the value is simply not kept
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        return
    prefix = path.name.rsplit("-", 1)[0] + "-"
    others = []
    for entry in path.parent.glob(f"{prefix}*.pickle"):
        with contextlib.suppress(OSError):  # removed meanwhile by another run
            if entry != path:
                others.append((entry.stat().st_mtime_ns, entry.name, entry))
    for *_, older in sorted(others, reverse=True)[_KEPT - 1 :]:
        older.unlink(missing_ok=True)


def cached(name: str, sources: Iterable[Path], build: Callable[[], T], kind: type[T]) -> T:
    """The value ``build()`` returns, read from the cache when an entry built from the same
    ``sources`` (and package and Python versions) is there, else built and stored.

    ``kind`` is the type of the value: an entry holding anything else is rebuilt.
    """
    try:
        path = entry_path(name, sources)
    except OSError:  # a source that cannot be read: build() will say why
        path = None
    if path is not None:
        found = _read(path, kind)
        if found is not None:
            return found
    value = build()
    if path is not None:
        _write(path, value)
    return value
