"""The command line. The only package that prints, reads argv or sets exit codes.

Each command lives in its own module, listed in :mod:`~vndgaf.cli.commands` and imported when it
runs. How a run ends (exit codes, one-line errors, interruption) is the top-level group's
business: see ``_app``.
"""

from typing import NoReturn

import click

from vndgaf.cli._app import VndgafGroup
from vndgaf.cli._app import run as _run

__all__ = ["main", "run"]


@click.group(
    cls=VndgafGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(package_name="vndgaf")
def main() -> None:
    """Check digital-government architectures against Vietnam's national framework."""


def run() -> NoReturn:
    """The ``vndgaf`` program (its console script and ``python -m vndgaf``): :func:`main`, then
    the process ends without tearing down its heap (see ``_app.run``)."""
    _run(main)
