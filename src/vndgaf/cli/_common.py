"""Helpers shared by the commands: loading with clean errors, atomic output, exit codes."""

import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NoReturn, TypeVar

import click

from vndgaf.errors import InputError, InternalError
from vndgaf.report._safe import printable

__all__ = ["EXIT_CLEAN", "EXIT_FINDINGS", "EXIT_USAGE", "fail", "guarded", "write_output"]

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
T = TypeVar("T")


def fail(message: str) -> NoReturn:
    """Print one line on stderr and exit 2 (usage, I/O or internal error).

    Control characters (from a file name or a value) are shown as escapes: one line, and a
    terminal is never reprogrammed by an error message.
    """
    click.echo(f"vndgaf: error: {printable(message)}", err=True)
    sys.exit(EXIT_USAGE)


def guarded(action: Callable[[], T]) -> T:
    """Run ``action``; turn I/O and internal errors into one line and exit 2, never a traceback."""
    try:
        return action()
    except InputError as exc:
        fail(str(exc))
    except InternalError as exc:
        fail(f"internal error (please report): {exc}")
    except RecursionError:
        fail("input nested too deeply")
    except MemoryError:
        fail("out of memory while reading the input")


def write_output(path: str | os.PathLike[str], text: str | bytes) -> None:
    """Write a file atomically: a temporary file in the same directory, then a rename.

    A failing run never leaves a half-written file; a missing directory is a clear error.
    """
    target = Path(path)
    directory = target.parent if str(target.parent) else Path()
    if not directory.is_dir():
        fail(f"{target}: output directory {directory} does not exist")
    data = text.encode("utf-8") if isinstance(text, str) else text
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(tmp, 0o666 & ~mask)  # mkstemp creates 0600; give the usual permissions
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        fail(f"{target}: cannot write: {exc.strerror}")


def paths_argument(paths: Iterable[str]) -> list[str]:
    """The PATH arguments, or a usage error when there are none."""
    items = list(paths)
    if not items:
        fail("give at least one PATH (a submission file or directory)")
    return items
