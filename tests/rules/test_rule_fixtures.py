"""Every rule against its own fixtures: exactly the elements whose ids start with ``bad-``
are flagged when only that rule runs, and ``ok*`` fixtures raise nothing."""

from pathlib import Path

import pytest
from tests.written import all_as_written

from vndgaf.engine import check_loaded
from vndgaf.load import load
from vndgaf.rules import ALL_RULES

FIXTURES = Path(__file__).parent / "fixtures"


def _cases() -> list[tuple[str, Path]]:
    return sorted(
        (rule.code, path) for rule in ALL_RULES for path in (FIXTURES / rule.code).glob("*.yaml")
    )


def test_every_rule_has_ok_and_bad_fixtures() -> None:
    """A rule without both an ok and a bad fixture is untested."""
    missing = []
    for rule in ALL_RULES:
        names = [p.name for p in (FIXTURES / rule.code).glob("*.yaml")]
        if not any(n.startswith("ok") for n in names) or not any(
            n.startswith("bad") for n in names
        ):
            missing.append(rule.code)
    assert missing == []


@pytest.mark.parametrize(("code", "path"), _cases(), ids=lambda v: getattr(v, "name", v))
def test_rule_flags_exactly_the_bad_elements(code: str, path: Path) -> None:
    """With only this rule selected, the flagged subjects are exactly the ``bad-`` ids."""
    result = load([path])
    assert [f"{f.location} {f.code} {f.message.en}" for f in result.findings] == []
    report = check_loaded(result, select=[code])
    # A finding on a submission block names its submitter (subject "@submission:<id>").
    flagged = {
        f.subject.removeprefix("@submission:")
        for f in all_as_written(report.findings)
        if f.code == code
    }
    expected = {i for i in result.origins if i.startswith("bad-")}
    assert flagged == expected
    if path.name.startswith("ok"):
        assert flagged == set()
    else:
        assert flagged, "a bad fixture must flag something"
    for finding in report.findings:
        assert finding.location is not None and finding.location.line > 0
