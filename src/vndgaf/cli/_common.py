"""Helpers shared by the commands: loading with clean errors, atomic output, exit codes."""

import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NoReturn, TypeVar

import click

from vndgaf.errors import InputError, InternalError
from vndgaf.textsafe import printable

__all__ = [
    "EXIT_CLEAN",
    "EXIT_FINDINGS",
    "EXIT_USAGE",
    "as_of_option",
    "fail",
    "fail_on_option",
    "guarded",
    "lang_option",
    "write_output",
]

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


def lang_option(help_text: str = "Language of messages and labels.") -> Callable[[T], T]:
    """``--lang en|vi`` (default English), the same on every command."""
    return click.option(  # type: ignore[return-value]
        "--lang",
        type=click.Choice(["en", "vi"]),
        default="en",
        show_default=True,
        help=help_text,
    )


def fail_on_option() -> Callable[[T], T]:
    """``--fail-on error|warning|note``: the lowest severity that makes the exit code 1."""
    return click.option(  # type: ignore[return-value]
        "--fail-on",
        type=click.Choice(["error", "warning", "note"]),
        default="error",
        show_default=True,
        help="Lowest severity that makes the exit code 1.",
    )


def as_of_option() -> Callable[[T], T]:
    """``--as-of YYYY-MM-DD``: the date date-dependent rules are checked for."""
    return click.option(  # type: ignore[return-value]
        "--as-of",
        "as_of",
        type=click.DateTime(formats=["%Y-%m-%d"]),
        default=None,
        help="Check as of this date (default: the submission's as_of).",
    )
