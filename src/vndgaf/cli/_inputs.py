"""The PATH arguments of the commands that load submissions: files, directories, and ``-``.

``-`` reads a submission file from standard input, as editors and pipelines give it
(``cat sub.yaml | vndgaf check -``). Its findings are reported under ``--stdin-filename``
(default ``<stdin>``), which also picks the format by its suffix, as for a file. Named like a
file found under the other paths (``vndgaf check dir - --stdin-filename dir/sub.yaml``), it takes
that file's place: an editor checks its unsaved buffer together with the rest of the submission.
"""

import sys
from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar

import attrs
import click

from vndgaf.cli._common import fail, paths_argument
from vndgaf.load.problems import Limits
from vndgaf.load.read import read_bounded

__all__ = ["STDIN", "STDIN_NAME", "Inputs", "read_inputs", "stdin_filename_option"]

STDIN = "-"
STDIN_NAME = "<stdin>"
T = TypeVar("T")


@attrs.frozen
class Inputs:
    """What to load: ``paths`` on disk and ``documents`` already read (standard input)."""

    paths: tuple[str, ...]
    documents: Mapping[str, bytes] = attrs.field(factory=dict)

    @property
    def names(self) -> list[str]:
        """Every input by the name it is reported under (for output checks, the SARIF root)."""
        return [*self.paths, *self.documents]


def stdin_filename_option() -> Callable[[T], T]:
    """``--stdin-filename PATH``: the name standard input (``-``) is reported under."""
    return click.option(  # type: ignore[return-value]
        "--stdin-filename",
        metavar="PATH",
        default=None,
        help=f"With - among the PATHs: the file name standard input is reported under and whose "
        f"suffix picks YAML or JSON (default {STDIN_NAME}); it replaces a file of that name "
        "found under the other PATHs.",
    )


def read_inputs(paths: Iterable[str], stdin_filename: str | None) -> Inputs:
    """The PATH arguments with standard input read when ``-`` is among them, or exit 2."""
    items = paths_argument(paths)
    count = items.count(STDIN)
    if count > 1:
        fail("- (standard input) can be given only once")
    if count == 0:
        if stdin_filename is not None:
            fail("--stdin-filename names standard input: give - among the PATHs")
        return Inputs(tuple(items))
    try:
        raw = read_bounded(sys.stdin.buffer, 0, Limits().max_bytes)
    except (OSError, ValueError, AttributeError) as exc:
        fail(f"standard input: cannot read: {getattr(exc, 'strerror', None) or exc}")
    name = stdin_filename or STDIN_NAME
    return Inputs(tuple(p for p in items if p != STDIN), {name: raw})
