"""The explicit list of CLI commands: each lives in its own module, imported only when it runs.

A provincial ``vndgaf validate`` should not pay for importing the renderer, the ArchiMate
exchange or the synthetic generator (docs/performance.md): the top-level group reads this table
and imports a command's module the first time the command is asked for (``--help`` asks for all).
"""

import importlib

import click

# Command name → (module, attribute).
COMMANDS: dict[str, tuple[str, str]] = {
    "validate": ("vndgaf.cli.validate", "validate_command"),
    "check": ("vndgaf.cli.check", "check_command"),
    "rules": ("vndgaf.cli.rules", "rules_command"),
    "rule": ("vndgaf.cli.rules", "rule_command"),
    "schema": ("vndgaf.cli.schema", "schema_command"),
    "export": ("vndgaf.cli.export", "export_command"),
    "render": ("vndgaf.cli.render", "render_command"),
    "import": ("vndgaf.cli.exchange", "import_group"),
    "reference": ("vndgaf.cli.reference", "reference_command"),
    "units": ("vndgaf.cli.units", "units_group"),
    "synth": ("vndgaf.cli.synth", "synth_command"),
    "diff": ("vndgaf.cli.diff", "diff_command"),
    "init": ("vndgaf.cli.init", "init_command"),
}


def import_command(name: str) -> click.Command | None:
    """The command called ``name``, its module imported now; None for an unknown name."""
    home = COMMANDS.get(name)
    if home is None:
        return None
    module, attribute = home
    command = getattr(importlib.import_module(module), attribute)
    assert isinstance(command, click.Command) and command.name == name
    return command


__all__ = ["COMMANDS", "import_command"]
