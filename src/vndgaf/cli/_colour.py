"""Whether a text report is coloured: on a terminal yes, in a file or a pipe no, and the
conventions people set once in their shell override that.

In order, the first that applies decides:

1. ``--color always`` or ``--color never`` on the command line (or ``color`` in the
   configuration file);
2. ``NO_COLOR`` set to anything but the empty string: no colour (https://no-color.org);
3. ``FORCE_COLOR`` set to anything but the empty string: colour, also into a pipe or a file
   (https://force-color.org; CI logs that render colour set it);
4. the output is a terminal whose ``TERM`` is not ``dumb``.

Only the text report is ever coloured, and only where it goes to standard output or error:
``-o FILE`` and the other formats are always plain, so a file is the same bytes wherever it was
written.
"""

import os
from collections.abc import Callable, Mapping
from typing import TextIO, TypeVar

import click

__all__ = ["COLOR_CHOICES", "color_option", "wants_colour"]

COLOR_CHOICES = ("auto", "always", "never")
T = TypeVar("T")


def color_option() -> Callable[[T], T]:
    """``--color auto|always|never`` for the commands that print a text report."""
    return click.option(  # type: ignore[return-value]
        "--color",
        type=click.Choice(COLOR_CHOICES),
        default="auto",
        show_default=True,
        help="Colour the text report: auto colours on a terminal unless NO_COLOR is set, or "
        "anywhere when FORCE_COLOR is set.",
    )


def wants_colour(choice: str, stream: TextIO, env: Mapping[str, str] | None = None) -> bool:
    """The decision of the module docstring for a report written to ``stream``."""
    if choice != "auto":
        return choice == "always"
    environ = os.environ if env is None else env
    if environ.get("NO_COLOR", ""):
        return False
    if environ.get("FORCE_COLOR", ""):
        return True
    try:
        terminal = stream.isatty()
    except (OSError, ValueError, AttributeError):
        terminal = False
    return terminal and environ.get("TERM", "") != "dumb"
