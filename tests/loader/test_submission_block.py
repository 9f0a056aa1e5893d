"""A submission block the schema rejects: one finding at its root, and nothing hidden by it.

A malformed ``as_of`` is one SCH013 that shows no regular expression; the block still counts
(its submitter names the submission, its framework version is checked) with the date of the
check, so there is no REF006 "no file declares the submission block" and STR006 still reports a
superseded framework version. A block wrong in another field is not kept, but it is declared:
REF006 does not say otherwise.
"""

import datetime as dt
from pathlib import Path

import pytest

from vndgaf.engine import check_loaded
from vndgaf.load import load

AGENCY = """agencies:
  - {id: ubnd-dn, name: Ủy ban nhân dân thành phố Đà Nẵng, level: provincial,
     type: provincial_peoples_committee, unit: vn:province/48}
"""


def _write(tmp_path: Path, version: str, as_of: str) -> Path:
    path = tmp_path / "kien-truc.yaml"
    path.write_text(
        "format_version: 1\n"
        "submission:\n"
        "  submitter: ubnd-dn\n"
        f'  framework_version: "{version}"\n'
        f"  as_of: {as_of}\n" + AGENCY,
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (
            "30/11/2026",
            "'30/11/2026' in 'as_of' is not a date written YYYY-MM-DD (did you mean "
            "2026-11-30?); the rules that depend on a date use the date of the check instead",
        ),
        (
            "2026-02-30",
            "'2026-02-30' in 'as_of' is not a day of the calendar; the rules that depend on a "
            "date use the date of the check instead",
        ),
        (
            "next week",
            "'next week' in 'as_of' is not a date written YYYY-MM-DD; the rules that depend on "
            "a date use the date of the check instead",
        ),
    ],
)
def test_a_malformed_as_of_is_one_finding(tmp_path: Path, written: str, message: str) -> None:
    """One SCH013 at the date, in both languages without the schema's expression; no REF006."""
    result = load([_write(tmp_path, "4.0", written)])
    (finding,) = result.findings
    assert finding.code == "SCH013"
    assert finding.message.en == message
    assert "^" not in finding.message.vi and f"{written!r} trong 'as_of'" in finding.message.vi
    assert finding.location is not None
    assert (finding.location.line, finding.location.pointer) == (5, "/submission/as_of")


def test_the_block_still_counts_with_the_check_date(tmp_path: Path) -> None:
    """The submitter names the submission and the framework version is read; the date is the
    check's, so a superseded version is still STR006 and the root SCH013 is the only other
    finding."""
    result = load([_write(tmp_path, "3.0", "30/11/2026")])
    (submission,) = result.submissions
    assert submission.submitter == "ubnd-dn"
    assert submission.framework_version.value == "3.0"
    assert submission.as_of == dt.date.today()
    report = check_loaded(result, as_of=dt.date(2026, 11, 30))
    assert sorted(f.code for f in report.findings if f.code != "IOP002") == ["SCH013", "STR006"]


def test_a_block_wrong_elsewhere_is_not_reported_missing(tmp_path: Path) -> None:
    """An unknown framework version: SCH013 on it (and on the date), but no REF006."""
    result = load([_write(tmp_path, "4.1", "2026-11-30")])
    assert [f.code for f in result.findings] == ["SCH013"]
    assert result.submissions == ()


def test_files_with_no_block_are_still_reported(tmp_path: Path) -> None:
    """REF006 stays for files that declare no block at all."""
    path = tmp_path / "kien-truc.yaml"
    path.write_text("format_version: 1\n" + AGENCY, encoding="utf-8")
    assert [f.code for f in load([path]).findings] == ["REF006"]
