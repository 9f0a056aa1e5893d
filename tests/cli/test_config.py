"""The configuration file as a team uses it: defaults in `[tool.vndgaf]` or `vndgaf.toml`, found
from the inputs upwards, overridden by the command line, and refused with a location when a
key is unknown or a value wrong."""

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from vndgaf.cli import main
from vndgaf.cli._config import KEYS

# One agency and no submission block: REF006, a warning, and nothing else.
ONLY_A_WARNING = """\
format_version: 1
agencies:
  - id: so-tttt
    name: Sở Thông tin và Truyền thông
    level: provincial
    type: department
    unit: vn:province/08
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with the submission two folders down; the run starts elsewhere."""
    sub = tmp_path / "repo" / "kien-truc" / "so-tttt"
    sub.mkdir(parents=True)
    (sub / "agencies.yaml").write_text(ONLY_A_WARNING, encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    return tmp_path / "repo"


def _run(*args: str) -> Result:
    return CliRunner(env={"NO_COLOR": "1"}).invoke(main, list(args))


def _sub(project: Path) -> str:
    return str(project / "kien-truc" / "so-tttt")


def test_pyproject_defaults_apply_and_options_override_them(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[project]\nname = "kien-truc"\n\n[tool.vndgaf]\nlang = "vi"\nfail-on = "warning"\n',
        encoding="utf-8",
    )
    configured = _run("validate", _sub(project))
    assert configured.exit_code == 1  # the warning fails the run, as the file says
    assert "REF006 [warning]" in configured.stdout
    assert "không có tệp nào khai báo" in configured.stdout.lower() or "tệp" in configured.stdout
    overridden = _run("validate", _sub(project), "--lang", "en", "--fail-on", "error")
    assert overridden.exit_code == 0
    assert "no file declares the submission block" in overridden.stdout


def test_vndgaf_toml_is_found_from_the_inputs_and_wins_over_pyproject(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.vndgaf]\nlang = "vi"\n', encoding="utf-8")
    (project / "kien-truc" / "vndgaf.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    result = _run("validate", _sub(project))
    assert result.exit_code == 1
    assert "no file declares the submission block" in result.stdout  # English: pyproject unread


def test_a_pyproject_without_the_table_is_passed_over(project: Path) -> None:
    (project / "kien-truc" / "pyproject.toml").write_text(
        '[project]\nname = "x"\n', encoding="utf-8"
    )
    (project / "pyproject.toml").write_text('[tool.vndgaf]\nfail-on = "note"\n', encoding="utf-8")
    assert _run("validate", _sub(project)).exit_code == 1


def test_paths_in_the_file_are_relative_to_it(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "vndgaf.toml").write_text(
        'paths = ["kien-truc/so-tttt"]\nfail-on = "warning"\n', encoding="utf-8"
    )
    monkeypatch.chdir(project)
    result = _run("validate")
    assert result.exit_code == 1
    assert "kien-truc/so-tttt/agencies.yaml" in result.stdout


def test_rules_and_severities_from_the_file(project: Path) -> None:
    (project / "vndgaf.toml").write_text(
        'select = ["REF006"]\nseverity = { REF006 = "note" }\nfail-on = "warning"\n',
        encoding="utf-8",
    )
    result = _run("check", _sub(project))
    assert "REF006 [note]" in result.stdout
    assert "0 errors, 0 warnings, 1 note" in result.stdout
    assert result.exit_code == 0
    other = _run("check", _sub(project), "--select", "STR")
    assert "REF006" not in other.stdout


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '[tool.vndgaf]\nlang = "vi"\nfail_on = "note"\n',
            "pyproject.toml:3:1: unknown key 'fail_on' in [tool.vndgaf] (did you mean 'fail-on'?)",
        ),
        ("[tool.vndgaf]\n\n  lang = 3\n", "pyproject.toml:3:3: 'lang' must be a string"),
        ('[tool.vndgaf]\nlang = "fr"\n', "pyproject.toml:2:1: lang: 'fr' is not one of"),
        (
            '[tool.vndgaf]\nseverity = { IOP002 = "loud" }\n',
            "pyproject.toml:2:1: severity of IOP002 must be error, warning or note, not 'loud'",
        ),
        ('[tool.vndgaf\nlang = "vi"\n', "pyproject.toml:1:13: not valid TOML"),
    ],
)
def test_a_wrong_file_stops_the_run_with_its_location(
    project: Path, monkeypatch: pytest.MonkeyPatch, text: str, message: str
) -> None:
    (project / "pyproject.toml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(project)
    result = _run("validate", "kien-truc")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"vndgaf: error: {message}"), result.stderr
    assert result.stderr.count("\n") == 1


def test_config_names_a_file_or_none(project: Path, tmp_path: Path) -> None:
    (project / "vndgaf.toml").write_text("unknown = 1\n", encoding="utf-8")
    assert _run("validate", _sub(project)).exit_code == 2
    assert _run("validate", _sub(project), "--config", "/dev/null").exit_code == 0
    other = tmp_path / "team.toml"
    other.write_text('fail-on = "warning"\n', encoding="utf-8")
    assert _run("validate", _sub(project), "--config", str(other)).exit_code == 1


def test_every_key_is_an_option_of_some_command_and_documented() -> None:
    """A key that no command has would be accepted and do nothing."""
    from vndgaf.cli._docs import cli_reference

    options = {
        opt[2:]
        for command in (main.commands[name] for name in main.commands)
        for param in command.params
        for opt in param.opts
        if opt.startswith("--")
    } | {"paths"}
    reference = cli_reference()
    for key in KEYS:
        assert key.name in options, key.name
        assert f"`{key.name}`" in reference, key.name
