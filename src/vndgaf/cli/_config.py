"""The configuration file: defaults for the command line, kept with the submissions.

A team writes once what it would otherwise type on every run (``lang = "vi"``, ``fail-on =
"warning"``, the rules it selects) in ``vndgaf.toml`` or in the ``[tool.vndgaf]`` table of
``pyproject.toml``. The file is found from the inputs upwards: the first directory, from the
inputs' common folder (or the current directory when there is none) up to the root, that holds
a ``vndgaf.toml``, or a ``pyproject.toml`` with a ``[tool.vndgaf]`` table, gives it;
``vndgaf.toml`` wins when a directory holds both. ``--config FILE`` names one instead
(``--config /dev/null``: none).

An option given on the command line always wins over the file; a key applies to every command
that has the option of that name and is ignored by the others. An unknown key, or a value of
the wrong type, stops the run with one line that says where (``vndgaf.toml:3:1: …``): a
misspelt key silently ignored would be a setting the team believes in and nobody applies.
Relative paths in the file are relative to the file's folder.
"""

import datetime as dt
import difflib
import os
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import click
from click.core import ParameterSource

from vndgaf.cli._common import fail

__all__ = ["KEYS", "Config", "ConfiguredCommand", "Key", "find_config", "read_config"]

CONFIG_NAME = "vndgaf.toml"
PYPROJECT = "pyproject.toml"


@attrs.frozen
class Key:
    """One key of the file: its TOML type, what it sets, and how its value becomes the
    option's command-line value."""

    name: str
    toml_type: str
    help: str
    to_option: Callable[[Any, Path], Any] = attrs.field(default=lambda value, _: value)


def _strings(value: Any, _: Path) -> list[str]:
    return [value] if isinstance(value, str) else [str(item) for item in value]


def _path(value: Any, base: Path) -> str:
    return os.fspath(base / str(value))


def _paths(value: Any, base: Path) -> list[str]:
    return [_path(item, base) for item in _strings(value, base)]


def _severities(value: Any, _: Path) -> list[str]:
    return [f"{code}={level}" for code, level in value.items()]


def _date(value: Any, _: Path) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


KEYS: tuple[Key, ...] = (
    Key("lang", "string", 'Language of reports, messages and labels: "en" or "vi".'),
    Key(
        "fail-on",
        "string",
        'Lowest severity that makes the exit code 1: "error", "warning", or "note".',
    ),
    Key("select", "array of strings", "Run only these rules (codes, prefixes or names).", _strings),
    Key("ignore", "array of strings", "Skip these rules.", _strings),
    Key(
        "severity",
        "table",
        'A rule\'s severity, e.g. `severity = { IOP011 = "warning" }`.',
        _severities,
    ),
    Key("as-of", "date", "Check as of this date (e.g. `as-of = 2026-01-01`).", _date),
    Key("color", "string", 'Colour of the text report: "auto", "always" or "never".'),
    Key("follow-symlinks", "boolean", "Also read symbolic links found inside directories."),
    Key("submissions-only", "boolean", "Skip YAML/JSON files without a format_version key."),
    Key("root", "string", "SARIF: the folder file paths are relative to.", _path),
    Key(
        "paths",
        "array of strings",
        "The inputs of the commands that read submissions when none is given on the command line.",
        _paths,
    ),
)
_BY_NAME = {key.name: key for key in KEYS}
_LEVELS = ("error", "warning", "note")
_TOML_TYPES: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "array of strings": lambda v: (
        isinstance(v, str) or (isinstance(v, list) and all(isinstance(i, str) for i in v))
    ),
    "table": lambda v: isinstance(v, dict) and all(isinstance(i, str) for i in v.values()),
    "date": lambda v: isinstance(v, dt.date | str) and not isinstance(v, dt.datetime),
}


@attrs.frozen
class Config:
    """The settings of one file: ``values`` by key, the file, and the text (for positions)."""

    path: Path
    values: Mapping[str, Any]
    text: str
    table: str | None
    """``tool.vndgaf`` in a pyproject.toml, None for vndgaf.toml (keys at the top level)."""

    def where(self, key: str) -> str:
        """``file:line:col`` of ``key`` (the file alone when it cannot be found)."""
        return _located(self.path, self.text, self.table, key)


def _shown(path: Path) -> str:
    """``path`` relative to the current directory (``../vndgaf.toml``), as compilers say it."""
    try:
        return Path(os.path.relpath(os.path.abspath(path))).as_posix()
    except (ValueError, OSError):  # another drive, or no current directory
        return os.fspath(path)


def _located(path: Path, text: str, table: str | None, key: str) -> str:
    """Where ``key`` is defined in ``table`` (a header line, then ``key =`` lines), found by
    reading the lines: tomllib keeps no positions, and a key is on a line of its own."""
    inside = table is None
    header = re.compile(r"\s*\[\s*([^\]]+?)\s*\]\s*(#.*)?$")
    assignment = re.compile(rf"""(\s*)["']?{re.escape(key)}["']?\s*=""")
    for number, line in enumerate(text.splitlines(), start=1):
        match = header.match(line)
        if match:
            inside = table is not None and match.group(1).replace(" ", "") == table
            continue
        found = assignment.match(line) if inside else None
        if found:
            return f"{_shown(path)}:{number}:{len(found.group(1)) + 1}"
    return _shown(path)


def read_config(path: Path, *, pyproject: bool | None = None) -> Config | None:
    """The configuration in ``path`` (``[tool.vndgaf]`` of a pyproject.toml), None for a
    pyproject.toml without that table, or exit 2 with one line for a broken file."""
    is_pyproject = path.name == PYPROJECT if pyproject is None else pyproject
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        fail(f"{_shown(path)}: cannot read the configuration: {reason}")
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        at = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
        where = f"{_shown(path)}:{at.group(1)}:{at.group(2)}" if at else _shown(path)
        fail(f"{where}: not valid TOML: {message[: at.start()] if at else message}")
    if is_pyproject:
        tool = document.get("tool", {})
        if not isinstance(tool, dict) or "vndgaf" not in tool:
            return None
        values, table = tool["vndgaf"], "tool.vndgaf"
        if not isinstance(values, dict):
            fail(f"{_located(path, text, 'tool', 'vndgaf')}: [tool.vndgaf] must be a table")
    else:
        values, table = document, None
    config = Config(path=path, values=values, text=text, table=table)
    _check(config)
    return config


def _check(config: Config) -> None:
    section = "[tool.vndgaf]" if config.table else config.path.name
    for name, value in config.values.items():
        key = _BY_NAME.get(name)
        if key is None:
            close = difflib.get_close_matches(name.replace("_", "-"), _BY_NAME, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            known = ", ".join(_BY_NAME)
            fail(f"{config.where(name)}: unknown key '{name}' in {section}{hint}; known: {known}")
        if not _TOML_TYPES[key.toml_type](value):
            fail(f"{config.where(name)}: '{name}' must be a {key.toml_type}")
        if name == "severity":
            for code, level in value.items():
                if level not in _LEVELS:
                    fail(
                        f"{config.where(name)}: severity of {code} must be error, warning "
                        f"or note, not {level!r}"
                    )


def find_config(inputs: Iterable[str], cwd: Path | None = None) -> Config | None:
    """The configuration for a run on ``inputs`` (module docstring), or None."""
    here = cwd or Path.cwd()
    # Absolute without following links: an input may be a link loop, reported by the loader.
    folders = [Path(os.path.abspath(here / item)) for item in inputs]
    if folders:
        common = Path(os.path.commonpath(folders))
        start = common if common.is_dir() else common.parent
    else:
        start = Path(os.path.abspath(here))
    for folder in (start, *start.parents):
        own = folder / CONFIG_NAME
        if own.is_file():
            return read_config(own, pyproject=False)
        project = folder / PYPROJECT
        if project.is_file():
            found = read_config(project, pyproject=True)
            if found is not None:
                return found
    return None


def _long_name(param: click.Parameter) -> str | None:
    if isinstance(param, click.Argument):
        return param.name
    names = [opt[2:] for opt in param.opts if opt.startswith("--")]
    return names[0] if names else None


def _inputs(ctx: click.Context) -> list[str]:
    """The input paths of the run, as given (standard input by its --stdin-filename)."""
    found: list[str] = []
    for param in ctx.command.params:
        if isinstance(param, click.Argument) and isinstance(param.type, click.Path):
            value = ctx.params.get(param.name or "")
            values: Sequence[Any] = value if isinstance(value, tuple | list) else [value]
            found.extend(str(v) for v in values if v not in (None, "-"))
    stdin_name = ctx.params.get("stdin_filename")
    if stdin_name:
        found.append(str(stdin_name))
    return found


class ConfiguredCommand(click.Command):
    """A command whose defaults come from the configuration file (module docstring); it gets a
    ``--config FILE`` option of its own."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.params.append(
            click.Option(
                ["--config"],
                type=click.Path(dir_okay=False),
                default=None,
                metavar="FILE",
                help="Read defaults from FILE (vndgaf.toml, or pyproject.toml's [tool.vndgaf]) "
                "instead of the one found from the inputs upwards; /dev/null for none.",
            )
        )

    def invoke(self, ctx: click.Context) -> Any:
        named = ctx.params.pop("config", None)
        if named is not None:
            config = read_config(Path(named), pyproject=Path(named).name == PYPROJECT)
        else:
            config = find_config(_inputs(ctx))
        if config is not None:
            apply_config(ctx, config)
        return super().invoke(ctx)


def apply_config(ctx: click.Context, config: Config) -> None:
    """Set every parameter of ``ctx`` left at its default to the file's value, if it has one."""
    base = config.path.parent
    for param in ctx.command.params:
        name = _long_name(param)
        if name is None or name not in config.values or param.name is None:
            continue
        if isinstance(param, click.Argument):
            if ctx.params.get(param.name):
                continue  # inputs given on the command line
        elif ctx.get_parameter_source(param.name) is not ParameterSource.DEFAULT:
            continue  # the command line wins
        raw = _BY_NAME[name].to_option(config.values[name], base)
        try:
            ctx.params[param.name] = param.type_cast_value(ctx, raw)
        except click.BadParameter as exc:
            fail(f"{config.where(name)}: {name}: {exc.message.rstrip('.')}")
