"""Which submission each file belongs to: the ``submission`` block declared in its directory or
nearest ancestor (SCH015 when one directory declares two different blocks, REF006 when no file
declares one).

A submission is a directory tree whose files share one ``submission`` block (submitter,
framework version, as-of date); several submissions can be checked together for the national
picture, each one a directory.
"""

import os
from collections.abc import Sequence

import attrs

from vndgaf.diagnostics import Finding, Location, RuleInfo, Severity, Text
from vndgaf.load.checks import finding, input_check, located
from vndgaf.load.positions import SourceMap
from vndgaf.model import Submission

__all__ = ["CHECKS", "Grouping", "group_files"]

CONFLICTING = input_check(
    "SCH015",
    "conflicting-submission-metadata",
    Severity.ERROR,
    Text(
        "Two files of one submission declare different submission metadata",
        "Hai tệp của cùng hồ sơ khai báo thông tin hồ sơ khác nhau",
    ),
    Text(
        "Declare the submission block in one file only.",
        "Chỉ khai báo khối submission trong một tệp.",
    ),
    "A submission has one submitter, framework version and date.",
)
MISSING = input_check(
    "REF006",
    "missing-submission-metadata",
    Severity.WARNING,
    Text("No file declares the submission block", "Không tệp nào khai báo khối submission"),
    Text(
        "Add `submission: {submitter, framework_version, as_of}` to one file.",
        "Thêm `submission: {submitter, framework_version, as_of}` vào một tệp.",
    ),
    "Without a submitter, framework version and date, date-dependent rules use today.",
)
CHECKS: tuple[RuleInfo, ...] = (CONFLICTING, MISSING)


@attrs.frozen
class Grouping:
    """The files grouped by submission."""

    submitters: dict[str, str]
    """File path -> submitter of the submission it belongs to (files of none are left out)."""
    submissions: tuple[Submission, ...]
    """One block per submitter, sorted by submitter."""
    findings: tuple[Finding, ...]


def group_files(
    files: Sequence[str],
    declared: Sequence[tuple[str, str, Submission]],
    sources: dict[str, SourceMap],
    structured: Sequence[str],
) -> Grouping:
    """Assign every file to the submission declared in its directory or nearest ancestor.

    ``declared`` lists the submission blocks found (path, pointer, block) in file order;
    ``structured`` the files whose content was kept (REF006 points at the first of them).
    """
    findings: list[Finding] = []
    by_dir: dict[str, tuple[str, Submission]] = {}
    for path, pointer, sub in declared:
        directory = os.path.dirname(path)
        seen = by_dir.get(directory)
        if seen is None:
            by_dir[directory] = (path, sub)
        elif seen[1] != sub:
            findings.append(
                finding(
                    CONFLICTING,
                    Text(
                        f"submission block differs from the one in {seen[0]}",
                        f"khối submission khác với khối trong {seen[0]}",
                    ),
                    located(path, sources[path], pointer),
                )
            )
    submitters: dict[str, str] = {}
    for path in files:
        directory = os.path.dirname(path)
        while True:
            if directory in by_dir:
                submitters[path] = by_dir[directory][1].submitter
                break
            parent = os.path.dirname(directory)
            if parent == directory:
                break
            directory = parent
    distinct: dict[str, Submission] = {}
    for _dir, (_path, sub) in sorted(by_dir.items()):
        distinct.setdefault(sub.submitter, sub)
    subs = tuple(distinct[k] for k in sorted(distinct))
    if not subs and structured:
        findings.append(
            finding(
                MISSING,
                Text(
                    "no file declares the submission block (submitter, framework_version, as_of)",
                    "không tệp nào khai báo khối submission (submitter, framework_version, as_of)",
                ),
                Location(structured[0]),
            )
        )
    return Grouping(submitters, subs, tuple(findings))
