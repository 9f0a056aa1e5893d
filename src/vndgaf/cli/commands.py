"""The explicit list of CLI commands; each lives in its own module of this package."""

import click

from vndgaf.cli.check import check_command
from vndgaf.cli.diff import diff_command
from vndgaf.cli.exchange import import_group
from vndgaf.cli.export import export_command
from vndgaf.cli.init import init_command
from vndgaf.cli.reference import reference_command
from vndgaf.cli.render import render_command
from vndgaf.cli.rules import rule_command, rules_command
from vndgaf.cli.schema import schema_command
from vndgaf.cli.synth import synth_command
from vndgaf.cli.units import units_group
from vndgaf.cli.validate import validate_command

ALL: tuple[click.Command, ...] = (
    validate_command,
    check_command,
    rules_command,
    rule_command,
    schema_command,
    export_command,
    render_command,
    import_group,
    reference_command,
    units_group,
    synth_command,
    diff_command,
    init_command,
)
