"""Shell completion as the shells ask for it (click's protocol, the way docs/cli.md sets it up):
rule codes, comma-separated rule lists and diagram views with official province codes."""

from click.testing import CliRunner

from vndgaf.cli import main


def _complete(words: str, shell: str = "bash") -> list[str]:
    env = {"_VNDGAF_COMPLETE": f"{shell}_complete", "COMP_WORDS": words}
    env["COMP_CWORD"] = str(len(words.split()) - (0 if words.endswith(" ") else 1))
    result = CliRunner(env=env).invoke(main, [], prog_name="vndgaf")
    assert result.exit_code == 0, result.output
    return [line.split(",", 1)[1] for line in result.stdout.splitlines()]


def test_rule_codes_and_names_complete() -> None:
    codes = _complete("vndgaf rule IOP00")
    assert "IOP001" in codes and "IOP002" in codes
    assert all(code.startswith("IOP00") for code in codes)
    assert "IOP" in _complete("vndgaf check --select IO")


def test_the_last_item_of_a_rule_list_completes() -> None:
    items = _complete("vndgaf check x --ignore IOP001,RED00")
    assert "IOP001,RED001" in items
    assert all(item.startswith("IOP001,RED00") for item in items)


def test_views_complete_with_official_province_codes() -> None:
    assert _complete("vndgaf render x --view ") == [
        "overview",
        "province:",
        "agency:",
        "entity:",
        "impact:",
    ]
    provinces = _complete("vndgaf render x --view province:0")
    assert "province:08" in provinces and "province:01" in provinces
    assert "vn:entity/person" in " ".join(_complete("vndgaf render x --view entity:"))


def test_the_script_for_each_documented_shell_is_produced() -> None:
    for shell in ("bash", "zsh", "fish"):
        env = {"_VNDGAF_COMPLETE": f"{shell}_source"}
        result = CliRunner(env=env).invoke(main, [], prog_name="vndgaf")
        assert result.exit_code == 0
        assert "_VNDGAF_COMPLETE" in result.stdout, shell
