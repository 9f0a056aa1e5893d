"""The command line. The only package that prints, reads argv or sets exit codes.

Each command group lives in its own module and is registered here explicitly. How a run ends
(exit codes, one-line errors, interruption) is the top-level group's business: see ``_app``.
"""

import click

from vndgaf.cli._app import VndgafGroup

__all__ = ["main"]


@click.group(
    cls=VndgafGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(package_name="vndgaf")
def main() -> None:
    """Check digital-government architectures against Vietnam's national framework."""


def _register() -> None:
    """Attach every command module's commands to :func:`main` (explicit, no import magic)."""
    from vndgaf.cli import commands

    for command in commands.ALL:
        main.add_command(command)


_register()
