"""Every command and option explains itself, and the options that recur mean the same
everywhere: the command line walked as a whole, so a new command cannot slip through."""

from collections.abc import Iterator

import click
import pytest

from vndgaf.cli import main


def _commands(group: click.Group, path: str) -> Iterator[tuple[str, click.Command]]:
    ctx = click.Context(group, info_name=path)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None
        yield f"{path} {name}", command
        if isinstance(command, click.Group):
            yield from _commands(command, f"{path} {name}")


COMMANDS = {"vndgaf": main, **dict(_commands(main, "vndgaf"))}


def test_the_walk_reaches_every_command() -> None:
    expected = {"vndgaf", "vndgaf check", "vndgaf units resolve", "vndgaf import archimate"}
    assert expected <= set(COMMANDS)


@pytest.mark.parametrize("path", sorted(COMMANDS))
def test_every_command_and_option_has_help(path: str) -> None:
    command = COMMANDS[path]
    assert (command.help or "").strip(), f"{path} has no help text"
    for param in command.params:
        if isinstance(param, click.Option) and not param.hidden:
            assert (param.help or "").strip(), f"{path} {param.opts[0]} has no help text"


def _options(name: str) -> list[tuple[str, click.Option]]:
    return [
        (path, param)
        for path, command in sorted(COMMANDS.items())
        for param in command.params
        if isinstance(param, click.Option) and name in param.opts
    ]


def test_lang_has_one_default_and_the_same_choices_everywhere() -> None:
    """`--lang` defaults to English in every command (a configuration file can change that for
    all of them at once, docs/configuration.md)."""
    found = _options("--lang")
    assert {path for path, _ in found} >= {
        "vndgaf check",
        "vndgaf validate",
        "vndgaf render",
        "vndgaf rule",
        "vndgaf rules",
        "vndgaf diff",
    }
    for path, option in found:
        assert option.default == "en", path
        assert isinstance(option.type, click.Choice), path
        assert list(option.type.choices) == ["en", "vi"], path
