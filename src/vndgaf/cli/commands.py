"""The explicit list of CLI commands; each lives in its own module of this package."""

import click

ALL: tuple[click.Command, ...] = ()
