"""Rules are registered through their families: codes carry the family's letters, and no two
rules share a code or a name, or the package refuses to import."""

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from vndgaf.diagnostics import Family, Severity, Text, Violation
from vndgaf.engine import all_rule_infos
from vndgaf.rules import (
    ALL_RULES,
    FAMILIES,
    Context,
    LegalBasis,
    RegistrationError,
    Rule,
    family,
    register,
    rule,
)

TOY = Family("TOY", Text("Toy rules", "Quy tắc thử"))


def _rule(code: str, name: str) -> Rule:
    @rule(
        code=code,
        name=name,
        severity=Severity.NOTE,
        title=("A toy rule", "Quy tắc thử"),
        basis=LegalBasis(inference=Text("a toy", "thử")),
    )
    def check(ctx: Context) -> Iterator[Violation]:
        """What it checks: nothing."""
        return iter(())

    return check


def test_a_family_stamps_its_rules() -> None:
    """Each rule listed in a family carries it; its documentation names the family."""
    [first, second] = family(TOY, _rule("TOY001", "one"), _rule("TOY002", "two"))
    assert first.family == TOY and second.info().family == TOY


def test_two_rules_with_one_code_cannot_be_registered() -> None:
    """Within a family and across families, a repeated code is refused with both names."""
    with pytest.raises(RegistrationError, match=r"TOY001 \(one\) and TOY001 \(two\)"):
        family(TOY, _rule("TOY001", "one"), _rule("TOY001", "two"))
    other = Family("TOY", Text("Other toys", "Đồ chơi khác"))
    with pytest.raises(RegistrationError, match="share the code 'TOY001'"):
        register(
            family(TOY, _rule("TOY001", "one")),
            family(other, _rule("TOY001", "two")),
        )


def test_two_rules_with_one_name_cannot_be_registered() -> None:
    """A repeated name is refused too: names select rules as codes do."""
    with pytest.raises(RegistrationError, match="share the name 'same'"):
        family(TOY, _rule("TOY001", "same"), _rule("TOY002", "same"))
    existing = ALL_RULES[0]
    with pytest.raises(RegistrationError, match=f"share the name '{existing.name}'"):
        register(ALL_RULES, family(TOY, _rule("TOY001", existing.name)))


@pytest.mark.parametrize("code", ["IOP001", "TOY1", "TOY0001", "toy001", "TOYS001"])
def test_a_code_must_be_the_family_letters_and_three_digits(code: str) -> None:
    """A rule listed in the wrong family, or with a malformed code, is refused."""
    with pytest.raises(RegistrationError, match="must be TOY and three digits"):
        family(TOY, _rule(code, "misfiled"))


def test_a_rule_in_no_family_has_no_documentation() -> None:
    """A rule that no family lists cannot be documented (nor run by the engine)."""
    with pytest.raises(RegistrationError, match="listed in no family"):
        _rule("TOY001", "orphan").info()


def test_a_family_package_with_a_duplicate_fails_at_import(tmp_path: Path) -> None:
    """A family package declaring two rules with one code cannot be imported."""
    source = tmp_path / "toy_family.py"
    source.write_text(
        "from vndgaf.diagnostics import Family, Severity, Text\n"
        "from vndgaf.rules import LegalBasis, family, rule\n"
        "FAMILY = Family('TOY', Text('Toy', 'Thử'))\n"
        "def _make(name):\n"
        "    meta = dict(severity=Severity.NOTE, title=('t', 't'), basis=LegalBasis())\n"
        "    return rule(code='TOY001', name=name, **meta)(lambda ctx: ())\n"
        "RULES = family(FAMILY, _make('first'), _make('second'))\n",
        encoding="utf-8",
    )
    spec = importlib.util.spec_from_file_location("toy_family", source)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    with pytest.raises(RegistrationError, match="share the code 'TOY001'"):
        spec.loader.exec_module(module)
    assert "toy_family" not in sys.modules


def test_every_check_has_a_unique_code_and_name_and_its_family_letters() -> None:
    """The shipped checks (loader checks and rules) pass what registration demands."""
    infos = all_rule_infos()
    assert len({i.code for i in infos}) == len(infos)
    assert len({i.name for i in infos}) == len(infos)
    assert all(i.code.startswith(i.family.code) and len(i.code) == 6 for i in infos)
    assert [f.code for f in FAMILIES] == ["STR", "IOP", "RED", "DAT", "GOV"]
    assert list(dict.fromkeys(r.family for r in ALL_RULES)) == list(FAMILIES)
