"""The command line. The only package that prints, reads argv or sets exit codes.

Each command group lives in its own module and is registered here explicitly.
Exit codes: 0 clean, 1 findings at or above ``--fail-on``, 2 usage, I/O or internal error.
"""

import click

__all__ = ["main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="vndgaf")
def main() -> None:
    """Check digital-government architectures against Vietnam's national framework."""


def _register() -> None:
    """Attach every command module's commands to :func:`main` (explicit, no import magic)."""
    from vndgaf.cli import commands

    for command in commands.ALL:
        main.add_command(command)


_register()
