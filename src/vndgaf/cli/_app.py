"""How a run of ``vndgaf`` ends: one line on standard error and an exit code that says why.

click prints usage mistakes as several lines ("Usage: … Try … Error: …") and a Ctrl-C as
"Aborted!" with exit 1 (the code for findings). The command line instead keeps one promise
everywhere (docs/cli.md):

- **0** clean, **1** findings (or, for ``diff``, differences);
- **2** a usage mistake, an input that cannot be read or an output that cannot be written:
  one line, ``vndgaf: error: …``;
- **130**, **143**, **129** stopped by SIGINT, SIGTERM or SIGHUP: ``vndgaf: interrupted (…)``;
  no temporary file is left behind (see ``_output``);
- **141** standard output was closed early (``vndgaf … | head``): nothing more is printed.
"""

import contextlib
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

import click

from vndgaf.cli._common import EXIT_USAGE
from vndgaf.cli._interrupt import Interrupted, handled
from vndgaf.cli._streams import configure_streams
from vndgaf.cli.commands import COMMANDS, import_command
from vndgaf.textsafe import printable

__all__ = ["EXIT_CLOSED_OUTPUT", "VndgafGroup", "run"]

EXIT_CLOSED_OUTPUT = 141  # 128 + SIGPIPE, what a shell shows for a process stopped by it


class _OutputClosed(BaseException):
    """Standard output was closed by the reader; carried past click's own handling."""


def _one_line(text: str) -> str:
    """click's message on one line: its line breaks and tabs become single spaces."""
    return printable(" ".join(text.split()))


def _usage_error(exc: click.UsageError) -> NoReturn:
    message = _one_line(exc.format_message()).rstrip(".")
    if message[:1].isupper() and message[1:2].islower():
        message = message[0].lower() + message[1:]
    hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx is not None else ""
    click.echo(f"vndgaf: error: {message}{hint}", err=True)
    sys.exit(EXIT_USAGE)


def _closed_output() -> NoReturn:
    """Stop quietly: point standard output at /dev/null so the final flush cannot fail again."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    sys.exit(EXIT_CLOSED_OUTPUT)


class VndgafGroup(click.Group):
    """The top-level group: runs a command with the exit-code promise of the module docstring.

    Called with ``standalone_mode=False`` (by a program embedding the command line), it
    behaves as click does and lets the exceptions through.
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command's name, sorted; listing them imports none."""
        return sorted({*COMMANDS, *self.commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """A command, its module imported the first time it is asked for."""
        command = super().get_command(ctx, cmd_name)
        if command is None:
            command = import_command(cmd_name)
            if command is not None:
                self.add_command(command)
        return command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            raise _OutputClosed() from None

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        configure_streams()
        with handled():
            try:
                result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
            except click.exceptions.NoArgsIsHelpError as exc:
                assert exc.ctx is not None
                click.echo(exc.ctx.get_help())
                sys.exit(0)
            except click.UsageError as exc:
                _usage_error(exc)
            except click.ClickException as exc:
                click.echo(f"vndgaf: error: {_one_line(exc.format_message())}", err=True)
                sys.exit(exc.exit_code)
            except (click.Abort, Interrupted) as exc:
                signal = exc if isinstance(exc, Interrupted) else Interrupted(2)
                click.echo(f"vndgaf: interrupted ({signal.name})", err=True)
                sys.exit(signal.exit_code)
            except _OutputClosed:
                _closed_output()
        sys.exit(result if isinstance(result, int) else 0)


def run(group: click.Group) -> NoReturn:
    """Run ``group`` as the ``vndgaf`` program, then end the process without tearing down the heap.

    Freeing every object of a national model one by one at exit takes seconds (about 2 s at 10x
    the national model) and changes nothing: the output is flushed first, then the process ends
    with :func:`os._exit`. Only the program does this; ``main`` called in-process returns as
    click's commands do.
    """
    try:
        group.main()
        code = 0
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            code = exc.code or 0
        else:  # sys.exit("message") prints the message, as the interpreter would
            click.echo(str(exc.code), err=True)
            code = 1
    try:
        sys.stdout.flush()
    except (BrokenPipeError, ValueError, OSError):
        code = code or EXIT_CLOSED_OUTPUT
    with contextlib.suppress(ValueError, OSError):
        sys.stderr.flush()
    os._exit(code)
