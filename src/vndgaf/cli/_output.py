"""Outputs that cannot destroy anything: where ``-o`` may write, and the one way to write.

``-o FILE`` replaces FILE atomically: the bytes go to a temporary file beside it, which is
renamed over FILE only once complete, so a failed or interrupted run leaves the old FILE as it
was and no temporary file behind. Before any work is done, the target is checked and refused
with one line (exit 2) when writing it would destroy something the user did not mean to:

- an input of the same run, whatever the spelling (``dir/../dir/sub.yaml``, a hard link): the
  device and inode are compared;
- a symbolic link: the file it points to may be anywhere (a link committed to a repository can
  point at ``~/.bashrc``), and replacing the link itself is not what anybody means;
- a FIFO, a socket, a device other than ``/dev/null``, or a directory;
- a read-only file (no write bit, even for root) or a directory the user cannot write to.

What a user means by a stream is written through, never replaced: ``-``, ``/dev/stdout``,
``/dev/stderr``, ``/dev/fd/N`` and ``/proc/self/fd/N`` (what bash's ``>(…)`` gives), and
``/dev/null``. Several files written by one command (``synth``, ``init``) are first all written
aside and then moved into place in one step that signals cannot cut in two.
"""

import contextlib
import errno
import os
import re
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

import attrs

from vndgaf.cli._common import fail
from vndgaf.cli._interrupt import deferred

__all__ = ["Data", "Target", "target", "write", "write_all", "write_tree"]

# A whole text or byte string, or chunks of one (an export streamed as it is produced).
Data = str | bytes | Iterable[str] | Iterable[bytes]

_DESCRIPTOR = re.compile(r"/(?:dev|proc/self)/fd/(\d+)")
_STANDARD = {"-": 1, "/dev/stdout": 1, "/dev/stderr": 2}
_TMP_SUFFIX = ".tmp"
_TMP_RANDOM = 8  # characters tempfile adds to the name


@attrs.frozen
class Target:
    """Where one output goes: a file to replace atomically, or an open descriptor to write
    through (``fd``), or nowhere (``/dev/null``)."""

    name: str
    path: Path | None = None
    fd: int | None = None

    @property
    def discards(self) -> bool:
        """True for ``/dev/null``: the output is produced and dropped."""
        return self.path is None and self.fd is None


def target(name: str | None, *, inputs: Iterable[str | os.PathLike[str]] = ()) -> Target:
    """The target of ``-o NAME`` (standard output when ``NAME`` is None), or exit 2 with one
    line saying why vndgaf will not write there. ``inputs`` are the run's input paths."""
    if name is None:
        return Target("-", fd=1)
    if name in _STANDARD:
        return Target(name, fd=_STANDARD[name])
    match = _DESCRIPTOR.fullmatch(name)
    if match:
        return _descriptor(name, int(match.group(1)))
    path = Path(name)
    try:
        info = path.lstat()
    except FileNotFoundError:
        _check_directory(name, path.parent)
        return Target(name, path=path)
    except OSError as exc:
        fail(f"{name}: cannot write: {_reason(exc)}")
    mode = info.st_mode
    if stat.S_ISLNK(mode):
        fail(
            f"{name}: is a symbolic link; vndgaf does not write through links "
            "(give the file it points to, or remove the link)"
        )
    if stat.S_ISCHR(mode) and _is_null_device(info):
        return Target(name)
    if not stat.S_ISREG(mode):
        fail(f"{name}: is {_kind(mode)}, not a regular file; write to a file, or use -o -")
    _refuse_inputs(name, info, inputs)
    if not mode & 0o222 or not os.access(path, os.W_OK):
        fail(f"{name}: is read-only; vndgaf does not replace it (choose another file)")
    _check_directory(name, path.parent)
    return Target(name, path=path)


def write(where: Target, data: Data, *, inputs: Iterable[str | os.PathLike[str]] = ()) -> None:
    """Write ``data`` to ``where``. A file is replaced atomically, after checking once more
    that it is none of ``inputs`` (the files a run loaded, known only after loading)."""
    write_all([(where, data)], inputs=inputs)


def write_all(
    items: Sequence[tuple[Target, Data]], *, inputs: Iterable[str | os.PathLike[str]] = ()
) -> None:
    """Write several outputs: files are all written aside first, then moved into place
    together (signals are held back while they move), so a failure leaves none of them."""
    files = [(t, d) for t, d in items if t.path is not None]
    if files:
        _refuse_inputs_again([t for t, _ in files], list(inputs))
    staged: list[tuple[str, Path]] = []
    try:
        for where, data in files:
            assert where.path is not None
            _write_aside(where.name, where.path, data, staged)
        with deferred():
            for tmp, path in staged:
                _move(tmp, path)
            staged.clear()
    finally:
        for tmp, _ in staged:
            _unlink(tmp)
    for where, data in items:
        if where.path is None:
            _write_through(where, data)


def write_tree(root: str, files: Mapping[str, str], *, force: bool) -> None:
    """Write ``files`` (relative path -> text) under the directory ``root``, whole or not at
    all: the tree is built in a hidden temporary directory, then moved into place.

    A missing ``root`` (and its missing parents) appears in one rename. Into an existing
    ``root``, files that exist are refused unless ``force``; the others are moved in while
    signals are held back.
    """
    top = Path(root)
    missing = _first_missing(top)
    if missing is None:
        _check_tree_target(root, top, files, force)
        parent, inside = top, Path()
    else:
        parent, inside = missing.parent, top.relative_to(missing)
        _check_directory(root, parent)
    with _scratch_directory(root, parent) as scratch:
        base = scratch / inside
        for relative, text in sorted(files.items()):
            _build_file(root, base / relative, text)
        with deferred():
            if missing is None:
                _merge(scratch, top)
            else:
                _move(str(scratch), missing)


# -- checks ---------------------------------------------------------------------------------


def _descriptor(name: str, fd: int) -> Target:
    try:
        info = os.fstat(fd)
    except OSError:
        fail(f"{name}: descriptor {fd} is not open")
    if stat.S_ISDIR(info.st_mode):
        fail(f"{name}: is a directory")
    return Target(name, fd=fd)


def _is_null_device(info: os.stat_result) -> bool:
    try:
        null = os.stat(os.devnull)
    except OSError:
        return False
    return stat.S_ISCHR(null.st_mode) and info.st_rdev == null.st_rdev


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def _check_directory(name: str, directory: Path) -> None:
    where = directory if str(directory) else Path()
    if not where.is_dir():
        fail(f"{name}: output directory {where} does not exist")
    if not os.access(where, os.W_OK | os.X_OK):
        fail(f"{name}: cannot write into directory {where} (permission denied)")


def _same(info: os.stat_result, other: os.stat_result) -> bool:
    return (info.st_dev, info.st_ino) == (other.st_dev, other.st_ino)


def _refuse_inputs(
    name: str, info: os.stat_result, inputs: Iterable[str | os.PathLike[str]]
) -> None:
    for item in inputs:
        try:
            other = os.stat(item)
        except OSError:
            continue
        if _same(info, other):
            fail(f"{name}: is an input of this run ({os.fspath(item)}); vndgaf never overwrites it")


def _refuse_inputs_again(
    targets: Sequence[Target], inputs: Sequence[str | os.PathLike[str]]
) -> None:
    if not inputs:
        return
    for where in targets:
        assert where.path is not None
        try:
            info = where.path.stat()
        except OSError:
            continue  # not there (yet): it cannot be an input
        _refuse_inputs(where.name, info, inputs)


def _check_tree_target(root: str, top: Path, files: Mapping[str, str], force: bool) -> None:
    if not top.is_dir() or top.is_symlink():
        fail(f"{root}: exists and is not a directory")
    _check_directory(root, top)
    existing = sorted(name for name in files if os.path.lexists(top / name))
    if existing and not force:
        fail(
            f"{root}: would overwrite {', '.join(existing)}; use --force to overwrite, "
            "or choose another directory"
        )
    for name in existing:
        target(str(top / name))  # a link, a device or a read-only file is refused even so


def _first_missing(path: Path) -> Path | None:
    """The outermost missing directory on the way to ``path`` (``path`` itself, or one of its
    parents), or None when ``path`` exists."""
    missing = None
    for candidate in (path, *path.parents):
        if os.path.lexists(candidate):
            break
        missing = candidate
    return missing


# -- writing --------------------------------------------------------------------------------


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENAMETOOLONG:
        return "file name too long"
    return exc.strerror or str(exc)


def _temporary_prefix(name: str, directory: Path) -> str:
    """``.NAME.`` when the temporary name fits the file system's limit, else ``.vndgaf.``."""
    try:
        limit = os.pathconf(directory if str(directory) else ".", "PC_NAME_MAX")
    except (OSError, ValueError):
        limit = 255
    prefix = f".{name}."
    if len(os.fsencode(prefix)) + _TMP_RANDOM + len(_TMP_SUFFIX) > limit:
        return ".vndgaf."
    return prefix


def _chunks(data: Data) -> Iterator[bytes]:
    if isinstance(data, bytes):
        yield data
    elif isinstance(data, str):
        yield data.encode("utf-8", "backslashreplace")
    else:
        for chunk in data:
            yield chunk if isinstance(chunk, bytes) else chunk.encode("utf-8", "backslashreplace")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _mode_for(path: Path) -> int:
    """An existing file keeps its permissions; a new one gets the umask's (0644 under 022)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _write_aside(name: str, path: Path, data: Data, staged: list[tuple[str, Path]]) -> None:
    """Write ``data`` to a new temporary file beside ``path`` and add it to ``staged``. Until it
    is in ``staged`` the temporary file is this function's to remove: on any error or signal,
    including one held back by :func:`deferred` and delivered as its block ends, it is removed
    before the exception goes on."""
    directory = path.parent
    tmp: str | None = None
    try:
        try:
            with (
                deferred()
            ):  # the file and the name that lets us remove it come into being together
                fd, tmp = tempfile.mkstemp(
                    prefix=_temporary_prefix(path.name, directory),
                    suffix=_TMP_SUFFIX,
                    dir=directory if str(directory) else None,
                )
        except OSError as exc:
            fail(f"{name}: cannot create a file in {directory}: {_reason(exc)}")
        with os.fdopen(fd, "wb") as handle:
            for chunk in _chunks(data):
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode_for(path))
        with deferred():  # handed over to the caller's clean-up in one uninterrupted step
            staged.append((tmp, path))
            tmp = None
    except OSError as exc:
        fail(f"{name}: cannot write: {_reason(exc)}")
    finally:
        if tmp is not None:
            _unlink(tmp)


def _move(tmp: str, path: Path) -> None:
    try:
        os.replace(tmp, path)
    except OSError as exc:
        _unlink(tmp)
        fail(f"{path}: cannot write: {_reason(exc)}")


def _unlink(name: str) -> None:
    with contextlib.suppress(OSError):
        if os.path.isdir(name) and not os.path.islink(name):
            shutil.rmtree(name)
        else:
            os.unlink(name)


def _write_through(where: Target, data: Data) -> None:
    """Write to an open descriptor as it is: standard output and error through Python's streams
    (text in their encoding, see ``_streams``), any other descriptor as UTF-8 bytes."""
    if where.discards:
        for _ in _chunks(data):
            pass
        return
    assert where.fd is not None
    stream = {1: sys.stdout, 2: sys.stderr}.get(where.fd)
    pieces: Iterable[str | bytes] = [data] if isinstance(data, str | bytes) else data
    try:
        for piece in pieces:
            if stream is None:
                _write_fd(where.fd, next(_chunks(piece)))
            elif isinstance(piece, str):
                stream.write(piece)
            else:
                stream.flush()
                stream.buffer.write(piece)
        if stream is not None:
            stream.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        fail(f"{where.name}: cannot write: {_reason(exc)}")


def _write_fd(fd: int, chunk: bytes) -> None:
    view = memoryview(chunk)
    while view:
        written = os.write(fd, view)
        view = view[written:]


# -- trees (init) ---------------------------------------------------------------------------


@contextlib.contextmanager
def _scratch_directory(name: str, parent: Path) -> Iterator[Path]:
    """A hidden temporary directory in ``parent``, removed afterwards whatever happens (once
    its content has been moved out, only the empty directory is left to remove)."""
    scratch: str | None = None
    try:
        with deferred():
            scratch = tempfile.mkdtemp(prefix=".vndgaf-", suffix=_TMP_SUFFIX, dir=parent)
        os.chmod(scratch, 0o777 & ~_umask())  # it may become the new directory itself
        yield Path(scratch)
    except OSError as exc:
        fail(f"{name}: cannot write: {_reason(exc)}")
    finally:
        if scratch is not None:
            _unlink(scratch)


def _build_file(name: str, path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    except OSError as exc:
        fail(f"{name}: cannot write: {_reason(exc)}")


def _merge(source: Path, destination: Path) -> None:
    """Move the content of ``source`` into the existing directory ``destination``."""
    for child in sorted(source.iterdir()):
        into = destination / child.name
        if child.is_dir() and into.is_dir() and not into.is_symlink():
            _merge(child, into)
        else:
            _move(str(child), into)
