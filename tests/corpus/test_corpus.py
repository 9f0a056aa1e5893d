"""The evaluation corpus: submissions written as architects write them, each with planted
defects listed beside it (``expected.yaml``) and a clean variant.

``vndgaf check`` must report exactly the planted findings on each ``planted/`` folder (rule code
and subject as the submission writes it; no more, no fewer) and nothing on each ``clean/``
folder. A finding the tool gets wrong is not hidden by bending the submission: the expectations
mark it as a known defect (``known_defect: miss`` or ``false-positive``, with a ``note``), so the
test keeps passing until the rule is fixed and then says which mark to remove. README.md beside
this file says how to read and update the expectations.
"""

from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
import yaml

from vndgaf import check
from vndgaf.engine import find_rule
from vndgaf.model.namespaces import written_in

CORPUS = Path(__file__).parent
CASES = sorted(path.parent.name for path in CORPUS.glob("*/expected.yaml"))
VARIANTS = ("planted", "clean")
KNOWN_DEFECTS = ("miss", "false-positive")


@attrs.frozen
class Expected:
    """One entry of an expectations list."""

    code: str
    subject: str
    why: str
    known_defect: str | None = None
    note: str | None = None

    @property
    def key(self) -> tuple[str, str]:
        return (self.code, self.subject)

    @property
    def reported(self) -> bool:
        """Whether ``check`` reports it on main today: a planted defect unless it is a known
        miss; a known false positive although nothing is wrong."""
        return self.known_defect != "miss"


def _entries(case: str, variant: str) -> list[Expected]:
    document = yaml.safe_load((CORPUS / case / "expected.yaml").read_text(encoding="utf-8"))
    return [Expected(**entry) for entry in document[variant] or ()]


def _reported(folder: Path) -> set[tuple[str, str]]:
    """(code, subject as written) of every finding ``check`` reports and nobody accepted."""
    report = check([str(folder)])
    return {
        (f.code, written_in(f.submitter, f.subject)) for f in report.findings if not f.suppressed
    }


def _as_yaml(keys: set[tuple[str, str]]) -> str:
    """Entries ready to paste into an expectations file (the ``why`` is for a person to say)."""
    lines: Iterator[str] = (
        f"  - code: {code}\n    subject: {subject}\n    why: TODO" for code, subject in sorted(keys)
    )
    return "\n".join(lines)


def test_the_corpus_has_the_cases_the_evaluation_needs() -> None:
    """Provinces of different sizes, a centrally-run city, a ministry and a Party or Front
    body, each with both variants."""
    assert len(CASES) >= 5
    for case in CASES:
        for variant in VARIANTS:
            assert (CORPUS / case / variant).is_dir(), f"{case}/{variant} is missing"


@pytest.mark.parametrize("case", CASES)
def test_expectations_are_well_formed(case: str) -> None:
    """Every entry names a rule that exists, a subject and why; a known defect says which kind
    it is and why it is wrong; a planted variant plants something; no entry is listed twice."""
    planted = _entries(case, "planted")
    assert planted, f"{case}: nothing is planted"
    for variant in VARIANTS:
        entries = _entries(case, variant)
        keys = [e.key for e in entries]
        assert len(keys) == len(set(keys)), f"{case}/{variant}: an entry is listed twice"
        for entry in entries:
            assert find_rule(entry.code) is not None, f"{case}: no rule {entry.code}"
            assert entry.subject and entry.why, f"{case}: {entry.key} needs a subject and why"
            if entry.known_defect is not None:
                assert entry.known_defect in KNOWN_DEFECTS, f"{case}: {entry.known_defect}"
                assert entry.note, f"{case}: known defect {entry.key} needs a note"
            if variant == "clean":
                assert entry.known_defect == "false-positive", (
                    f"{case}/clean: only a known false positive may be listed, not {entry.key}"
                )


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("case", CASES)
def test_check_reports_exactly_the_planted_findings(case: str, variant: str) -> None:
    entries = _entries(case, variant)
    expected = {e.key for e in entries if e.reported}
    reported = _reported(CORPUS / case / variant)
    fixed = {e.key for e in entries if e.known_defect == "miss"} & reported
    fixed |= {e.key for e in entries if e.known_defect == "false-positive"} - reported
    missing, unexpected = expected - reported - fixed, reported - expected - fixed
    assert not (missing or unexpected or fixed), (
        f"{case}/{variant}: check reports what tests/corpus/{case}/expected.yaml does not say.\n"
        + (f"Planted but not reported:\n{_as_yaml(missing)}\n" if missing else "")
        + (f"Reported but not planted:\n{_as_yaml(unexpected)}\n" if unexpected else "")
        + (
            f"Known defects now behaving correctly (remove their known_defect mark, or the "
            f"entry of a false positive):\n{_as_yaml(fixed)}\n"
            if fixed
            else ""
        )
    )


def test_the_clean_variants_checked_together_report_what_each_reports_alone() -> None:
    """A national review of every clean variant at once: no submission gains or loses a finding
    because of the others (their ids overlap in style but live in their own namespaces)."""
    folders = [str(CORPUS / case / "clean") for case in CASES]
    alone = set()
    for folder in folders:
        alone |= {(f.code, f.subject) for f in check([folder]).findings if not f.suppressed}
    together = {(f.code, f.subject) for f in check(folders).findings if not f.suppressed}
    assert together == alone
