"""Load submissions: the steps from the files on disk to a :class:`LoadResult`, in order.

discover the files (not following links inside directories) → read each (bytes → parsed
document with positions), setting vndgaf's own outputs aside → validate it against the schema
→ define its ids and structure its schema-valid parts → check every reference → group the
files by submission. Every problem is collected before the result is returned, each a
:class:`~vndgaf.diagnostics.Finding` with file, line, column and JSON pointer; loading never
prints and never exits, and raises only for I/O (:class:`~vndgaf.errors.InputError`) and for
bugs (:class:`~vndgaf.errors.InternalError`).
"""

import itertools
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from vndgaf import converter
from vndgaf.diagnostics import Finding, Location, RuleInfo, Text, pointer_parts
from vndgaf.errors import InputError, InternalError
from vndgaf.gcpause import paused_gc
from vndgaf.load import ids, own_outputs, problems, references, schema_messages, submissions
from vndgaf.load.checks import finding, located
from vndgaf.load.discover import CHECKS as DISCOVERY_CHECKS
from vndgaf.load.discover import discover, unreadable
from vndgaf.load.ids import SUBMISSION, Origins
from vndgaf.load.positions import SourceMap
from vndgaf.load.problems import Limits
from vndgaf.load.read import ParseResult, parse_bytes, parse_file
from vndgaf.load.references import Catalogue
from vndgaf.load.result import LoadResult
from vndgaf.load.validation import validate
from vndgaf.model import ELEMENT_LISTS, Architecture, Submission, submission_key

__all__ = ["INPUT_CHECKS", "load"]

INPUT_CHECKS: tuple[RuleInfo, ...] = tuple(
    sorted(
        (
            *problems.CHECKS,
            *DISCOVERY_CHECKS,
            *own_outputs.CHECKS,
            *schema_messages.CHECKS,
            *ids.CHECKS,
            *references.CHECKS,
            *submissions.CHECKS,
        ),
        key=lambda check: (not check.code.startswith("SCH"), check.code),
    )
)
"""Every check the loader runs, documented like a rule: SCH (syntax, schema) then REF."""

_BY_CODE = {check.code: check for check in INPUT_CHECKS}
_LIST_KIND = dict(ELEMENT_LISTS)


def _text_finding(code: str, message: Text, location: Location) -> Finding:
    return finding(_BY_CODE[code], message, location)


@attrs.define
class _Loading:
    """Mutable state of one load() call (never escapes it)."""

    catalogue: Catalogue
    findings: list[Finding] = attrs.Factory(list)
    sources: dict[str, SourceMap] = attrs.Factory(dict)
    lists: dict[str, list[Any]] = attrs.Factory(lambda: {name: [] for name, _ in ELEMENT_LISTS})
    """Structured elements per list, first definitions only (a duplicate is reported, then
    dropped), in file and list order."""
    origins: Origins = attrs.Factory(Origins)
    declared: list[tuple[str, str, Submission]] = attrs.Factory(list)
    """The submission blocks found: path, pointer, block."""
    structured: list[str] = attrs.Factory(list)
    """The files whose content was kept."""

    def add_file(self, parsed: ParseResult) -> None:
        """Report the file's parse and schema problems, then keep what can be trusted."""
        path = parsed.path
        self.sources[path] = parsed.source
        for p in parsed.problems:
            location = Location(path, p.line, p.column, p.pointer)
            self.findings.append(_text_finding(p.code, p.message, location))
        if parsed.data is None and parsed.problems:  # a fatal problem; a null document goes on
            return
        data = parsed.data
        found = validate(data)
        for sp in found:
            location = located(path, parsed.source, sp.pointer, key=sp.key)
            self.findings.append(_text_finding(sp.code, sp.message, location))
        if not isinstance(data, dict):
            return
        bad: dict[str, set[int]] = {}
        dropped: set[str] = set()
        for sp in found:
            parts = pointer_parts(sp.pointer)
            if len(parts) >= 2 and parts[0] in _LIST_KIND and parts[1].isdigit():
                bad.setdefault(parts[0], set()).add(int(parts[1]))
            elif parts:
                dropped.add(parts[0])
            else:
                return  # the root itself is wrong (e.g. format_version): nothing to trust
        if "format_version" in dropped:
            return
        self._register(path, data, bad, dropped)

    def _register(
        self, path: str, data: dict[str, Any], bad: dict[str, set[int]], dropped: set[str]
    ) -> None:
        """Define every id of the file, structure its schema-valid parts and keep the elements
        that are first definitions."""
        kept: dict[str, Any] = {"format_version": data["format_version"]}
        if "submission" in data and "submission" not in dropped:
            kept["submission"] = data["submission"]
        firsts: dict[str, list[bool]] = {}  # per kept item: the first definition of its id?
        for name, kind in ELEMENT_LISTS:
            items = data.get(name)
            if name in dropped or not isinstance(items, list):
                continue
            element_ids = [item.get("id") if isinstance(item, dict) else None for item in items]
            first, found = ids.define_list(
                self.origins, path, self.sources[path], name, kind, element_ids
            )
            self.findings.extend(found)
            skip = bad.get(name)
            if skip:
                items = [item for i, item in enumerate(items) if i not in skip]
                first = [defined for i, defined in enumerate(first) if i not in skip]
            kept[name] = items
            firsts[name] = first
        try:
            arch = converter.structure_valid(kept, Architecture)
        except Exception as exc:  # schema and classes disagree: a bug, not a user error
            raise InternalError(f"{path}: schema-valid data failed to structure: {exc}") from exc
        self.structured.append(path)
        if arch.submission is not None:
            self.declared.append((path, "/submission", arch.submission))
            key = submission_key(arch.submission.submitter)
            if key not in self.origins:
                self.origins.add(key, path, "/submission", None, SUBMISSION)
        for name, first in firsts.items():
            self.lists[name].extend(itertools.compress(getattr(arch, name), first))


def _read(
    state: _Loading, path: str, limits: Limits, *, named: bool, raw: bytes | None = None
) -> ParseResult | None:
    """The parsed file (``raw`` when it was given already read), or None (with a finding) when
    it is set aside: a file found in a directory that cannot be read, or one of vndgaf's own
    outputs. A file named on the command line that cannot be read stops the load
    (:class:`InputError`)."""
    if raw is not None:
        parsed = parse_bytes(raw, path, limits=limits)
    else:
        try:
            parsed = parse_file(path, limits=limits)
        except InputError as exc:
            if named:
                raise
            state.findings.append(unreadable(path, str(exc)))
            return None
    kind = own_outputs.own_output(parsed.data)
    if kind is not None:
        state.findings.append(own_outputs.skipped(path, kind))
        return None
    return parsed


def _default_catalogue() -> Catalogue:
    from vndgaf.reference import catalogue

    return catalogue()


def load(
    paths: Iterable[str | os.PathLike[str]],
    *,
    catalogue: Catalogue | None = None,
    limits: Limits | None = None,
    follow_symlinks: bool = False,
    submissions_only: bool = False,
    documents: Mapping[str, bytes] | None = None,
) -> LoadResult:
    """Load every file under ``paths`` as one submission (or several, one per directory that
    declares a ``submission`` block) and return the merged architecture with all findings.

    Symbolic links found inside a directory are reported and not read, unless
    ``follow_symlinks`` (see :mod:`vndgaf.load.discover` for why). ``submissions_only`` leaves
    out YAML/JSON files without a ``format_version`` key (for a whole repository).

    ``documents`` are files already read (standard input, an editor's unsaved buffer), by the
    path their findings are reported under; one with the path of a file found under ``paths``
    takes that file's place, so a buffer is checked together with the rest of its submission.

    >>> doc = b"format_version: 1\\nagencies:\\n  - {id: a, name: A}\\n"
    >>> result = load([], documents={"./sub.yaml": doc})
    >>> result.files, [str(f.location) for f in result.findings if f.code == "SCH011"]
    (('sub.yaml',), ['sub.yaml:3:5'])
    """
    given = {Path(name).as_posix(): raw for name, raw in (documents or {}).items()}
    with paused_gc():
        return _load(paths, catalogue, limits or Limits(), follow_symlinks, submissions_only, given)


def _load(
    paths: Iterable[str | os.PathLike[str]],
    catalogue: Catalogue | None,
    limits: Limits,
    follow_symlinks: bool,
    submissions_only: bool = False,
    documents: Mapping[str, bytes] | None = None,
) -> LoadResult:
    found = discover(paths, follow_symlinks=follow_symlinks, submissions_only=submissions_only)
    given = documents or {}
    state = _Loading(catalogue=catalogue or _default_catalogue())
    state.findings.extend(found.findings)
    loaded: list[str] = []
    for path in sorted({*found.files, *given}):
        parsed = _read(state, path, limits, named=path in found.named, raw=given.get(path))
        if parsed is not None:
            loaded.append(path)
            state.add_file(parsed)
    files = tuple(loaded)
    state.findings.extend(
        references.check_references(
            state.origins, state.catalogue, state.sources, state.declared, state.lists
        )
    )
    grouping = submissions.group_files(files, state.declared, state.sources, state.structured)
    state.findings.extend(grouping.findings)
    subs = grouping.submissions
    unique = {name: tuple(state.lists[name]) for name, _ in ELEMENT_LISTS}
    single = subs[0] if len(subs) == 1 else None
    arch = Architecture(format_version=1, submission=single, **unique)
    findings = tuple(sorted(state.findings, key=Finding.sort_key))
    return LoadResult(
        architecture=arch,
        findings=findings,
        files=files,
        origins=state.origins,
        sources=dict(state.sources),
        submitters=grouping.submitters,
        submissions=subs,
    )
