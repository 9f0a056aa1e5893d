"""Which files make up the submissions: every ``.yaml``, ``.yml`` and ``.json`` file under the
paths given, in an order that does not depend on how the paths were given — and only files the
user meant.

Submissions arrive from pull requests, where a contributor controls every file, and a symbolic
link committed to a repository can point anywhere (``creds.yaml -> ~/.git-credentials``).
Whatever it points to would be read and quoted back in a report. So:

- a **symbolic link** is not followed (SCH007) unless ``follow_symlinks``: not inside a
  directory, and not on the command line either — a CI job that runs ``vndgaf check
  architecture/`` or ``vndgaf check $(git diff --name-only …)`` gets its paths from the pull
  request, so ``architecture`` itself may be a link. For a relative path every component is
  checked; for an absolute one, the last (``/tmp`` may be a link on some systems);
- a **FIFO, socket or device** named like a submission, a **directory or file that cannot be
  read**, and (when following links) a **link loop** or a **dangling link** are SCH008;
- hidden files and directories (``.git``, ``.vndgaf``) are skipped: they are never submissions.

Nothing else is skipped, and nothing is skipped silently: each problem is a finding naming the
path, and loading goes on with the other files.
"""

import errno
import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path

import attrs

from vndgaf.diagnostics import Finding, Location, RuleInfo, Severity, Text
from vndgaf.errors import InputError
from vndgaf.load.checks import finding, input_check

__all__ = ["CHECKS", "SUFFIXES", "Discovery", "declares_format_version", "discover", "unreadable"]

SUFFIXES = (".yaml", ".yml", ".json")

LINK = input_check(
    "SCH007",
    "symlink-not-followed",
    Severity.ERROR,
    Text(
        "A symbolic link among the inputs is not followed",
        "Liên kết tượng trưng trong dữ liệu vào không được đọc theo",
    ),
    Text(
        "Replace the link with the file itself or give the path it points to, or pass "
        "--follow-symlinks if you trust every link.",
        "Thay liên kết bằng chính tệp hoặc chỉ đường dẫn thật, hoặc dùng --follow-symlinks nếu "
        "tin cậy mọi liên kết.",
    ),
    "A link committed to a repository may point anywhere on the machine that checks it (a "
    "credentials file, /etc/passwd), and a report would quote what it read there. vndgaf "
    "therefore reads only files that are really where they seem to be: a link inside a "
    "directory, or a path given on the command line that is (or, when relative, passes "
    "through) a link, is reported and not read, unless --follow-symlinks.",
)
UNREADABLE = input_check(
    "SCH008",
    "unreadable-path",
    Severity.ERROR,
    Text(
        "A file or directory of the submission cannot be read",
        "Không đọc được một tệp hoặc thư mục của hồ sơ",
    ),
    Text(
        "Make it a readable regular file or directory, or move it out of the submission.",
        "Chuyển thành tệp hoặc thư mục thường đọc được, hoặc đưa ra khỏi hồ sơ.",
    ),
    "A directory or file without read permission, a FIFO, socket or device named like a "
    "submission file, a link loop or a link to nothing: each would otherwise be skipped "
    "silently, and a check could pass on an incomplete submission.",
)
CHECKS = (LINK, UNREADABLE)


@attrs.frozen
class Discovery:
    """The files to read (sorted), the ones named on the command line, and a finding for each
    entry that was found but will not be read."""

    files: tuple[str, ...]
    named: frozenset[str]
    findings: tuple[Finding, ...]


# A ``format_version`` key, quoted or not, at the start of a line or after ``{`` or ``,``: in
# YAML block or flow style and in JSON, whatever the indentation and key order.
_FORMAT_VERSION_KEY = re.compile(rb"""(?:^|[{,])[ \t]*["']?format_version["']?[ \t]*:""", re.M)


def declares_format_version(path: str | os.PathLike[str]) -> bool:
    """Whether the (regular) file has a ``format_version`` key, as every submission file has.

    A byte search, not a parse, so a submission file with a syntax error still counts (and gets
    its error reported) while a CI configuration, ``package.json`` or ``.pre-commit-config.yaml``
    does not. A file that cannot be read counts too, so that reading it reports the problem.
    """
    try:
        raw = Path(path).read_bytes()
    except OSError:
        return True
    return _FORMAT_VERSION_KEY.search(raw) is not None


def discover(
    paths: Iterable[str | os.PathLike[str]],
    *,
    follow_symlinks: bool = False,
    submissions_only: bool = False,
) -> Discovery:
    """Every submission file under ``paths`` (directories searched recursively).

    A path that does not exist or cannot be read, or a directory without any submission file,
    is an :class:`InputError` (a mistyped directory must not pass as a clean submission).
    Problems inside a directory are findings (module docstring).

    With ``submissions_only`` (for hooks that run over a whole repository), regular files that
    do not :func:`declare a format version <declares_format_version>` are left out, named or
    found, and finding none is not an error; links and unreadable entries are still reported.
    """
    walk = _Walk(follow_symlinks)
    named: set[str] = set()
    searched: list[str] = []
    for raw in paths:
        path = Path(raw)
        name = path.as_posix()
        link = None if follow_symlinks else _link_on_the_way(path)
        if link is not None:
            walk.link(link, named=True)
            continue
        try:
            info = path.stat()
        except FileNotFoundError:
            raise InputError(f"{name}: no such file or directory") from None
        except OSError as exc:
            raise InputError(f"{name}: cannot read: {_reason(exc)}") from None
        if stat.S_ISDIR(info.st_mode):
            searched.append(name)
            if not os.access(path, os.R_OK | os.X_OK):
                raise InputError(f"{name}: cannot read the directory (permission denied)")
            walk.directory(path, info)
        elif stat.S_ISREG(info.st_mode):
            walk.found.add(name)
            named.add(name)
        else:
            raise InputError(f"{name}: not a regular file or directory")
    if submissions_only:
        kept = tuple(sorted(f for f in walk.found if declares_format_version(f)))
        return Discovery(kept, frozenset(named.intersection(kept)), tuple(walk.findings))
    if not walk.found and searched:
        raise InputError(f"{', '.join(searched)}: no submission file (.yaml, .yml or .json) found")
    return Discovery(tuple(sorted(walk.found)), frozenset(named), tuple(walk.findings))


def unreadable(path: str, reason: str) -> Finding:
    """SCH008 for a file found in a directory that could not be read when its turn came;
    ``reason`` is the reader's one-line message."""
    return finding(
        UNREADABLE,
        Text(
            f"{reason}; the file is not checked.",
            f"Không đọc được tệp, tệp không được kiểm tra ({reason}).",
        ),
        Location(path),
    )


def _link_on_the_way(path: Path) -> Path | None:
    """The first component of ``path`` that is a symbolic link (only the path itself when it
    is absolute), or None."""
    if path.is_absolute():
        candidates = [path]
    else:
        candidates = [Path(*path.parts[: i + 1]) for i in range(len(path.parts))]
    for candidate in candidates:
        if candidate.name not in ("", "..") and candidate.is_symlink():
            return candidate
    return None


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "a loop of symbolic links"
    return exc.strerror or str(exc)


def _wanted(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in SUFFIXES


class _Walk:
    """The state of one walk: files found, findings, and the directories already entered (by
    device and inode, so that followed links cannot make it go round in circles)."""

    def __init__(self, follow_symlinks: bool) -> None:
        self.follow = follow_symlinks
        self.found: set[str] = set()
        self.findings: list[Finding] = []
        self.entered: set[tuple[int, int]] = set()

    def report(self, check: RuleInfo, path: Path, en: str, vi: str) -> None:
        self.findings.append(finding(check, Text(en, vi), Location(path.as_posix())))

    def directory(self, root: Path, info: os.stat_result) -> None:
        self.entered.add((info.st_dev, info.st_ino))
        pending = [root]
        while pending:
            folder = pending.pop()
            try:
                with os.scandir(folder) as listing:
                    entries = sorted(listing, key=lambda e: e.name)
            except OSError as exc:
                reason = _reason(exc)
                self.report(
                    UNREADABLE,
                    folder,
                    f"The directory cannot be read ({reason}); its files are not checked.",
                    f"Không đọc được thư mục ({reason}); các tệp trong đó không được kiểm tra.",
                )
                continue
            for entry in entries:
                if not entry.name.startswith("."):
                    pending.extend(self.entry(folder / entry.name, entry))

    def entry(self, path: Path, entry: os.DirEntry[str]) -> list[Path]:
        """Take one directory entry; return it when it is a directory to walk into."""
        try:
            link = entry.is_symlink()
            if link and not self.follow:
                self.link(path)
                return []
            info = os.stat(path) if link else entry.stat(follow_symlinks=False)
        except OSError as exc:
            if link and exc.errno == errno.ENOENT:
                if _wanted(path.name):
                    self.report(
                        UNREADABLE,
                        path,
                        "The symbolic link points to nothing.",
                        "Liên kết tượng trưng không trỏ tới tệp nào.",
                    )
                return []
            reason = _reason(exc)
            self.report(
                UNREADABLE,
                path,
                f"It cannot be read ({reason}).",
                f"Không đọc được ({reason}).",
            )
            return []
        mode = info.st_mode
        if stat.S_ISDIR(mode):
            key = (info.st_dev, info.st_ino)
            if key in self.entered:
                self.report(
                    UNREADABLE,
                    path,
                    "The symbolic link leads back into a directory already read (a loop); it "
                    "is not read again.",
                    "Liên kết tượng trưng dẫn về một thư mục đã đọc (vòng lặp); không đọc lại.",
                )
                return []
            self.entered.add(key)
            return [path]
        if not _wanted(path.name):
            return []
        if stat.S_ISREG(mode):
            self.found.add(path.as_posix())
        else:
            kind = _kind(mode)
            self.report(
                UNREADABLE,
                path,
                f"It is {kind[0]}, not a regular file; it is not read.",
                f"Đây là {kind[1]}, không phải tệp thường; không được đọc.",
            )
        return []

    def link(self, path: Path, *, named: bool = False) -> None:
        """A link not followed: reported when it was named, names a submission file or leads
        to a directory (which may hold some); other links in a directory (a README) are not
        submissions. The message shows where the link points (its text, never what is
        there)."""
        try:
            target_is_dir = path.is_dir()
        except OSError:
            target_is_dir = False
        if not (named or _wanted(path.name) or target_is_dir):
            return
        try:
            pointing = repr(os.readlink(path))
        except OSError:
            pointing = "?"
        self.report(
            LINK,
            path,
            f"A symbolic link (to {pointing}) is not followed; what it points to is not read. "
            "Replace it with the file itself, or use --follow-symlinks if you trust every link.",
            f"Liên kết tượng trưng (tới {pointing}) không được đọc theo. Hãy thay bằng chính "
            "tệp, hoặc dùng --follow-symlinks nếu tin cậy mọi liên kết.",
        )


def _kind(mode: int) -> tuple[str, str]:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)", "một ống dẫn có tên (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket", "một socket"
    return "a device", "một thiết bị"
