"""The explicit list of CLI commands; each lives in its own module of this package."""

import click

from vndgaf.cli.reference import reference_command
from vndgaf.cli.units import units_group

ALL: tuple[click.Command, ...] = (reference_command, units_group)
