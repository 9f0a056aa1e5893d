"""Helpers shared by the commands: one-line errors, exit codes, common options."""

import datetime as dt
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import NoReturn, TypeVar

import click

from vndgaf.diagnostics import Finding, Severity
from vndgaf.errors import InputError, InternalError
from vndgaf.load.overlays import catalogue_with
from vndgaf.reference import Catalogue, OverlayError
from vndgaf.textsafe import printable

__all__ = [
    "EXIT_CLEAN",
    "EXIT_FINDINGS",
    "EXIT_USAGE",
    "as_of_option",
    "fail",
    "fail_on_option",
    "follow_symlinks_option",
    "guarded",
    "input_errors",
    "lang_option",
    "paths_argument",
    "reference_catalogue",
    "reference_option",
    "submissions_only_option",
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


def input_errors(findings: Sequence[Finding]) -> str | None:
    """One line counting the errors among ``findings`` and quoting the first, or None."""
    errors = [f for f in findings if f.severity is Severity.ERROR]
    if not errors:
        return None
    first = errors[0]
    return (
        f"{len(errors)} error(s) in the input, first: {first.location}: {first.code} "
        f"{first.message.en} (run `vndgaf validate`)"
    )


def paths_argument(paths: Iterable[str]) -> list[str]:
    """The PATH arguments, or a usage error when there are none."""
    items = list(paths)
    if not items:
        fail("give at least one PATH (a submission file or directory)")
    return items


def submissions_only_option() -> Callable[[T], T]:
    """``--submissions-only``: skip YAML/JSON files that are not submission files."""
    return click.option(  # type: ignore[return-value]
        "--submissions-only",
        is_flag=True,
        help="Skip YAML/JSON files without a format_version key, named or found in a directory, "
        "and exit 0 when none is left (for hooks run over a whole repository).",
    )


def lang_option(help_text: str = "Language of messages and labels.") -> Callable[[T], T]:
    """``--lang en|vi`` (default English), the same on every command."""
    return click.option(  # type: ignore[return-value]
        "--lang",
        type=click.Choice(["en", "vi"]),
        default="en",
        show_default=True,
        help=help_text,
    )


def follow_symlinks_option() -> Callable[[T], T]:
    """``--follow-symlinks``: also read what symbolic links inside a directory point to."""
    return click.option(  # type: ignore[return-value]
        "--follow-symlinks",
        is_flag=True,
        help="Also read symbolic links found inside directories (by default they are reported "
        "as SCH007 and not read: in a repository, a link can point at any file of the machine "
        "running the check).",
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
        help="Check as of this date: the catalogue, the rules' legal basis and the deadlines in "
        "force then (default: the submission's as_of, else today).",
    )


def reference_option() -> Callable[[T], T]:
    """``--reference FILE`` (repeatable): catalogue overlays applied after the bundled catalogue;
    the default comes from the environment variable VNDGAF_REFERENCE (paths separated by the
    system's path separator, ':' on Linux)."""
    return click.option(  # type: ignore[return-value]
        "--reference",
        "references",
        multiple=True,
        type=click.Path(dir_okay=False),
        envvar="VNDGAF_REFERENCE",
        metavar="FILE",
        help="Apply this catalogue overlay (YAML or JSON) after the bundled catalogue; "
        "repeatable (default: $VNDGAF_REFERENCE).",
    )


def reference_catalogue(
    files: Sequence[str], as_of: dt.date | None = None, lang: str = "en"
) -> Catalogue:
    """The catalogue with the overlays ``files``, as of ``as_of`` (default today).

    A bad overlay prints one located line per problem (``file:line:col: CODE message``) and
    exits 2; it is never a traceback.
    """
    try:
        return catalogue_with(files, as_of)
    except OverlayError as exc:
        for problem in exc.problems:
            line = f"{problem.location}: {problem.code} {problem.message.get(lang)}"
            click.echo(f"vndgaf: error: {printable(line)}", err=True)
        sys.exit(EXIT_USAGE)
    except InputError as exc:
        fail(str(exc))
