"""Which submission each file belongs to: the ``submission`` block declared in its folder or
nearest ancestor (SCH015 when one folder declares two different blocks), the files of no
submission (REF006), and two versions of one submitter checked together (REF008).

A submission is a folder tree whose files share one ``submission`` block (submitter,
framework version, as-of date); its submitter names it, and its ids are its own (see
:mod:`vndgaf.model.namespaces`). Several submissions can be checked together for the national
picture, each one a folder. The files under no block are one unnamed submission, whose ids stay
as written and which no other submission can refer to.

Two folders that are not inside one another and declare the same submitter are two versions of
one submission: checking them together would define every id twice. The version with the later
``as_of`` (the later folder name on a tie) is checked; each other one is set aside whole, with one
finding on its block that names both folders and the command that compares them (``vndgaf
diff``).
"""

import os
from collections.abc import Callable, Collection, Sequence

import attrs

from vndgaf.diagnostics import Finding, Location, RuleInfo, Severity, Text
from vndgaf.load.checks import finding, input_check, located
from vndgaf.load.positions import SourceMap
from vndgaf.model import Submission, submission_key

__all__ = ["CHECKS", "Block", "Grouping", "Part", "group_files"]

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
    "Without a submitter, framework version and date, date-dependent rules use today, and the "
    "files form one unnamed submission: their ids stay as written, and no other submission can "
    "refer to them.",
)
TWO_VERSIONS = input_check(
    "REF008",
    "two-versions-of-one-submission",
    Severity.ERROR,
    Text(
        "Two versions of one submission are checked together",
        "Hai phiên bản của cùng một hồ sơ được kiểm tra cùng nhau",
    ),
    Text(
        "Check one version at a time, and compare versions with `vndgaf diff OLD NEW`.",
        "Mỗi lần chỉ kiểm tra một phiên bản; so sánh các phiên bản bằng `vndgaf diff CŨ MỚI`.",
    ),
    "Two folders, neither inside the other, declare the same submitter: they are two versions of "
    "one submission (examples/tuyen-quang and examples/tuyen-quang-v2), and checked together "
    "every id would be defined twice. The version with the later as_of date is checked (on the "
    "same date, the folder whose name sorts last); every other version is set aside whole, with "
    "this one finding on its submission block. When the two folders' submitter agencies govern "
    "different units, they are not versions but two submitters that chose one id (ubnd-tinh): "
    "the submitter names its submission in a national review, so the finding asks for an id "
    "of its own.",
)
CHECKS: tuple[RuleInfo, ...] = (CONFLICTING, MISSING, TWO_VERSIONS)


@attrs.frozen
class Block:
    """A submission block found in a document: where, and what it says."""

    path: str
    folder: str
    """The folder the block speaks for (a file's directory; an in-code model's own name)."""
    source: SourceMap
    submission: Submission


@attrs.frozen
class Part:
    """One submission of a load: its block (None for the files of no submission), the folder
    it speaks for, and the paths of its documents in input order."""

    submission: Submission | None
    folder: str
    paths: tuple[str, ...]

    @property
    def namespace(self) -> str:
        """The submitter ("" for the files of no submission)."""
        return self.submission.submitter if self.submission is not None else ""


@attrs.frozen
class Grouping:
    """The documents grouped by submission."""

    parts: tuple[Part, ...]
    """The submissions checked, sorted by namespace (the unnamed one first)."""
    findings: tuple[Finding, ...]
    set_aside: frozenset[str]
    """Paths of the versions not checked (each reported once, REF008)."""


def group_files(
    documents: Sequence[tuple[str, str]],
    blocks: Sequence[Block],
    structured: Sequence[str],
    unit_of: Callable[[str, str], str | None] = lambda _path, _agency: None,
    rejected: Collection[str] = (),
) -> Grouping:
    """Group ``documents`` (path, folder), in input order, by the submission declared in their
    folder or nearest ancestor; ``blocks`` are the submission blocks found, in document order;
    ``structured`` the documents whose content was kept (REF006 points at the first of them that
    belongs to no submission); ``unit_of(path, agency)`` the unit an agency defined in a
    document governs, which tells two versions of one submitter from two submitters that chose
    the same id; ``rejected`` the documents that declare a submission block the schema rejected
    (no REF006 then: the block is declared, and the schema finding on it is the root)."""
    findings: list[Finding] = []
    by_folder: dict[str, Block] = {}
    for block in blocks:
        seen = by_folder.get(block.folder)
        if seen is None:
            by_folder[block.folder] = block
        elif seen.submission != block.submission:
            findings.append(_conflict(block, seen))
    roots = _version_roots(by_folder)
    kept = _kept_versions(roots, by_folder, _units(documents, roots, by_folder, unit_of), findings)
    members: dict[str, list[str]] = {}
    unnamed: list[str] = []
    set_aside: set[str] = set()
    for path, folder in documents:
        home = _nearest(folder, by_folder)
        if home is None:
            unnamed.append(path)
            continue
        root = roots[home]
        if kept[by_folder[home].submission.submitter] != root:
            set_aside.add(path)
            continue
        members.setdefault(root, []).append(path)
    parts = [
        Part(by_folder[root].submission, root, tuple(paths))
        for root, paths in sorted(members.items(), key=lambda item: _namespace(item[0], by_folder))
    ]
    if unnamed:
        parts.insert(0, Part(None, "", tuple(unnamed)))
        kept_content = set(structured)
        first = next((path for path in unnamed if path in kept_content), None)
        if first is not None and not set(rejected).intersection(unnamed):
            findings.append(_missing(first, len(parts) > 1))
    return Grouping(tuple(parts), tuple(findings), frozenset(set_aside))


def _namespace(root: str, by_folder: dict[str, Block]) -> str:
    return by_folder[root].submission.submitter


def _nearest(folder: str, by_folder: dict[str, Block]) -> str | None:
    """The folder, or its nearest ancestor, that declares a submission block."""
    while True:
        if folder in by_folder:
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _version_roots(by_folder: dict[str, Block]) -> dict[str, str]:
    """Folder with a block -> the top folder of its version: its farthest ancestor that declares
    the same submitter (itself when none does). Nested folders of one submitter are one
    version; folders of one submitter side by side are versions."""
    roots: dict[str, str] = {}
    for folder in sorted(by_folder):  # an ancestor is a prefix, so it sorts first
        submitter = by_folder[folder].submission.submitter
        root = current = folder
        while (parent := os.path.dirname(current)) != current:
            block = by_folder.get(parent)
            if block is not None and block.submission.submitter == submitter:
                root = roots[parent]
                break
            current = parent
        roots[folder] = root
    return roots


def _units(
    documents: Sequence[tuple[str, str]],
    roots: dict[str, str],
    by_folder: dict[str, Block],
    unit_of: Callable[[str, str], str | None],
) -> Callable[[str], str | None]:
    """Version root -> the unit its submitter agency governs, as the first of its documents
    that defines the agency says (asked only when a submitter has several versions)."""

    def unit(root: str) -> str | None:
        submitter = by_folder[root].submission.submitter
        for path, folder in documents:
            home = _nearest(folder, by_folder)
            if home is not None and roots[home] == root:
                found = unit_of(path, submitter)
                if found is not None:
                    return found
        return None

    return unit


def _kept_versions(
    roots: dict[str, str],
    by_folder: dict[str, Block],
    unit: Callable[[str], str | None],
    findings: list[Finding],
) -> dict[str, str]:
    """Submitter -> the root of the version checked (the latest ``as_of``, then the last
    folder); REF008 on the block of every other version."""
    versions: dict[str, set[str]] = {}
    for root in roots.values():
        versions.setdefault(by_folder[root].submission.submitter, set()).add(root)
    kept: dict[str, str] = {}
    for submitter, found in versions.items():
        ordered = sorted(found, key=lambda root: (by_folder[root].submission.as_of, root))
        latest = ordered[-1]
        kept[submitter] = latest
        for old in ordered[:-1]:
            units = unit(old), unit(latest)
            clash = None not in units and units[0] != units[1]
            findings.append(
                _two_submitters(by_folder[old], by_folder[latest], units)
                if clash
                else _two_versions(by_folder[old], by_folder[latest])
            )
    return kept


def _shown(folder: str) -> str:
    """A folder as the user named it ("." for the current one)."""
    return folder or "."


def _two_versions(old: Block, new: Block) -> Finding:
    submitter = old.submission.submitter
    before, after = _shown(old.folder), _shown(new.folder)
    dates = old.submission.as_of.isoformat(), new.submission.as_of.isoformat()
    return attrs.evolve(
        finding(
            TWO_VERSIONS,
            Text(
                f"'{submitter}' is submitted twice: {before} (as of {dates[0]}) and {after} (as "
                f"of {dates[1]}); two versions of one submission cannot be checked together, so "
                f"only {after} is checked. To see what changed, run: vndgaf diff {before} {after}",
                f"'{submitter}' được nộp hai lần: {before} (ngày {dates[0]}) và {after} (ngày "
                f"{dates[1]}); không thể kiểm tra cùng lúc hai phiên bản của một hồ sơ nên chỉ "
                f"kiểm tra {after}. Để xem thay đổi, chạy: vndgaf diff {before} {after}",
            ),
            located(old.path, old.source, "/submission"),
            subject=submission_key(submitter),
            related=(),
        ),
        submitter=submitter,
    )


def _two_submitters(old: Block, new: Block, units: tuple[str | None, str | None]) -> Finding:
    """REF008 when the two blocks name one submitter id for agencies of two units: not two
    versions, but two submitters that must be told apart."""
    submitter = old.submission.submitter
    before, after = _shown(old.folder), _shown(new.folder)
    return attrs.evolve(
        finding(
            TWO_VERSIONS,
            Text(
                f"{before} and {after} both name their submitter '{submitter}', but it governs "
                f"{units[0]} in one and {units[1]} in the other: the submitter names the "
                f"submission in a national review (other submissions write "
                f"'{submitter}::id'), so two submitters need two ids; only {after} is checked. "
                f"Give {before} a submitter id of its own, such as one ending with its "
                "province's name",
                f"{before} và {after} cùng đặt mã đơn vị nộp '{submitter}', nhưng một bên là "
                f"{units[0]}, bên kia là {units[1]}: mã đơn vị nộp là tên của hồ sơ khi rà soát "
                f"toàn quốc (hồ sơ khác viết '{submitter}::mã'), nên hai đơn vị nộp cần hai mã; "
                f"chỉ kiểm tra {after}. Hãy đặt cho {before} một mã riêng, ví dụ kết thúc bằng "
                "tên tỉnh",
            ),
            located(old.path, old.source, "/submission/submitter"),
            subject=submission_key(submitter),
            related=(),
        ),
        submitter=submitter,
    )


def _conflict(block: Block, seen: Block) -> Finding:
    return finding(
        CONFLICTING,
        Text(
            f"submission block differs from the one in {seen.path}",
            f"khối submission khác với khối trong {seen.path}",
        ),
        located(block.path, block.source, "/submission"),
    )


def _missing(first: str, others: bool) -> Finding:
    tail = (
        Text(
            "; the files outside every submission's folder are checked as one unnamed "
            "submission, which no other submission can refer to",
            "; các tệp nằm ngoài thư mục của mọi hồ sơ được kiểm tra như một hồ sơ không tên, "
            "không hồ sơ nào khác tham chiếu tới được",
        )
        if others
        else Text("", "")
    )
    return finding(
        MISSING,
        Text(
            "no file declares the submission block (submitter, framework_version, as_of)" + tail.en,
            "không tệp nào khai báo khối submission (submitter, framework_version, as_of)"
            + tail.vi,
        ),
        Location(first),
    )
