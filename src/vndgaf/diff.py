"""What changed between two versions of a submission: elements and findings.

A reviewer who receives version 2 of a province's architecture wants to read only what moved:
which agencies, systems, platforms, flows … were added, removed or changed (and in which fields),
and which findings the revision introduced or resolved. :func:`diff` compares two loaded
submissions and their reports; :func:`render_diff_text` and :func:`render_diff_json` turn the
result into text for people and versioned JSON for tools. Everything is sorted, so the same two
inputs always give the same bytes.

Elements are matched by id, the submission blocks by submitter. Fields are compared on their
plain (unstructured) values with defaults filled in, so writing a default explicitly is not a
change; nested records (``quality``) are compared field by field and reported as ``quality.song``.
Findings are matched by :attr:`~vndgaf.diagnostics.Finding.identity` (code, subject, related),
never by location, because locations move with every edit; suppressed findings count as absent.
"""

import json
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import attrs

from vndgaf import converter
from vndgaf.diagnostics import Finding, Report, Severity, Text
from vndgaf.load import LoadResult
from vndgaf.model import Submission
from vndgaf.model.namespaces import qualify
from vndgaf.textsafe import json_text, printable

__all__ = [
    "DIFF_KINDS",
    "DIFF_VERSION",
    "ElementChange",
    "FieldChange",
    "KindDiff",
    "SubmissionDiff",
    "diff",
    "render_diff_json",
    "render_diff_text",
]

#: Version of the JSON document written by :func:`render_diff_json`.
DIFF_VERSION = 1

#: The element lists compared, in report order, with their labels.
DIFF_KINDS: tuple[tuple[str, Text], ...] = (
    ("agencies", Text("Agencies", "Cơ quan")),
    ("systems", Text("Information systems", "Hệ thống thông tin")),
    ("platforms", Text("Platforms", "Nền tảng")),
    ("databases", Text("Databases", "Cơ sở dữ liệu")),
    ("entities", Text("Data entities", "Thực thể dữ liệu")),
    ("flows", Text("Data flows", "Luồng dữ liệu")),
    ("services", Text("Public services", "Dịch vụ công")),
    ("investments", Text("Investments", "Dự án đầu tư")),
    ("units", Text("Administrative units", "Đơn vị hành chính")),
)
_SUBMISSIONS = ("submissions", Text("Submission", "Thông tin hồ sơ"))
_LABELS: dict[str, Text] = {
    "title": Text("Changes between two versions", "Thay đổi giữa hai phiên bản"),
    "old": Text("Old", "Cũ"),
    "new": Text("New", "Mới"),
    "files": Text("files", "tệp"),
    "file": Text("file", "tệp"),
    "added": Text("added", "thêm mới"),
    "removed": Text("removed", "loại bỏ"),
    "changed": Text("changed", "thay đổi"),
    "findings": Text("Findings", "Phát hiện"),
    "introduced": Text("introduced", "phát sinh"),
    "resolved": Text("resolved", "đã khắc phục"),
    "nothing": Text("No changes.", "Không có thay đổi."),
    "elements": Text("Elements", "Phần tử"),
    "absent": Text("(not set)", "(không có)"),
    "reordered": Text("(same items, new order)", "(cùng các mục, đổi thứ tự)"),
}


@attrs.frozen
class FieldChange:
    """One field of an element whose value differs; values are plain JSON data (None = unset)."""

    field: str
    old: Any
    new: Any


@attrs.frozen
class ElementChange:
    """An element present in both versions, and its changed fields in field order."""

    id: str
    fields: tuple[FieldChange, ...]


@attrs.frozen
class KindDiff:
    """Added, removed and changed elements of one list (``agencies``, ``flows`` …), by id."""

    kind: str
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[ElementChange, ...] = ()

    @property
    def empty(self) -> bool:
        """True when nothing of this kind changed."""
        return not (self.added or self.removed or self.changed)


@attrs.frozen
class SubmissionDiff:
    """Everything that changed from one version of a submission to the next."""

    kinds: tuple[KindDiff, ...]
    """The submission blocks (keyed by submitter) first, then each of :data:`DIFF_KINDS`."""
    introduced: tuple[Finding, ...]
    """Findings of the new version whose identity the old version did not have."""
    resolved: tuple[Finding, ...]
    """Findings of the old version whose identity the new version no longer has."""
    names: Mapping[str, str] = attrs.field(factory=dict)
    """Display name of every added, removed or changed element (new name wins)."""
    old_inputs: tuple[str, ...] = ()
    new_inputs: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        """True when neither elements nor findings changed."""
        return all(k.empty for k in self.kinds) and not (self.introduced or self.resolved)

    def kind(self, name: str) -> KindDiff:
        """The part of the diff for one list, e.g. ``d.kind("flows")``."""
        for k in self.kinds:
            if k.kind == name:
                return k
        raise KeyError(name)


def _plain(value: Any) -> Any:
    """The JSON-compatible value of a model field (tuples become lists, enums their values)."""
    return converter.unstructure(value)


def _field_changes(old: Any, new: Any, prefix: str = "") -> list[FieldChange]:
    """Changed fields of two model objects of the same class, in the class's field order."""
    out: list[FieldChange] = []
    for field in attrs.fields(type(old)):
        a, b = getattr(old, field.name), getattr(new, field.name)
        if a == b:
            continue
        name = prefix + field.name
        if attrs.has(type(a)) and type(a) is type(b) and not isinstance(a, tuple):
            out.extend(_field_changes(a, b, name + "."))
            continue
        old_plain, new_plain = _plain(a), _plain(b)
        if old_plain != new_plain:
            out.append(FieldChange(name, old_plain, new_plain))
    return out


def _compare(
    kind: str,
    old: Iterable[Any],
    new: Iterable[Any],
    key: Callable[[Any], str],
    new_key: Callable[[Any], str] | None = None,
) -> KindDiff:
    before = {key(e): e for e in old}
    after = {(new_key or key)(e): e for e in new}
    changed = []
    for ident in sorted(before.keys() & after.keys()):
        a, b = before[ident], after[ident]
        if a == b:
            continue
        fields = (
            _field_changes(a, b)
            if type(a) is type(b)
            else [FieldChange("class", type(a).__name__, type(b).__name__)]
        )
        if fields:
            changed.append(ElementChange(ident, tuple(fields)))
    return KindDiff(
        kind=kind,
        added=tuple(sorted(after.keys() - before.keys())),
        removed=tuple(sorted(before.keys() - after.keys())),
        changed=tuple(changed),
    )


def _submitter(submission: Submission) -> str:
    return submission.submitter


def _by_identity(findings: Sequence[Finding]) -> dict[tuple[str, str, tuple[str, ...]], Finding]:
    """Active findings by identity; the first in report order stands for its duplicates."""
    out: dict[tuple[str, str, tuple[str, ...]], Finding] = {}
    for f in sorted((f for f in findings if not f.suppressed), key=Finding.sort_key):
        out.setdefault(f.identity, f)
    return out


def _finding_order(f: Finding) -> tuple[int, str, str, tuple[str, ...]]:
    """Worst first, then by code and subject: the order does not depend on file layout."""
    return (-f.severity.rank, f.code, f.subject, f.related)


def diff(
    old: LoadResult, new: LoadResult, old_report: Report, new_report: Report
) -> SubmissionDiff:
    """The changes from ``old`` to ``new`` (each loaded, and checked into its report)."""
    kinds = [
        _compare(_SUBMISSIONS[0], old.submissions, new.submissions, _submitter),
        *(
            _compare(
                name,
                getattr(old.architecture, name),
                getattr(new.architecture, name),
                lambda e: old.qualified(e.id),
                lambda e: new.qualified(e.id),
            )
            for name, _label in DIFF_KINDS
        ),
    ]
    names: dict[str, str] = {}
    for result in (old, new):
        for name, _label in DIFF_KINDS:
            for element in getattr(result.architecture, name):
                if getattr(element, "name", None):
                    names[result.qualified(element.id)] = element.name
    for result in (old, new):  # a submission block is named by its submitter agency
        for submission in result.submissions:
            agency = names.get(qualify(submission.submitter, submission.submitter))
            if agency is not None:
                names[submission.submitter] = agency
    mentioned = {
        ident for k in kinds for ident in (*k.added, *k.removed, *(c.id for c in k.changed))
    }
    before, after = _by_identity(old_report.findings), _by_identity(new_report.findings)
    return SubmissionDiff(
        kinds=tuple(kinds),
        introduced=tuple(
            sorted((after[i] for i in after.keys() - before.keys()), key=_finding_order)
        ),
        resolved=tuple(
            sorted((before[i] for i in before.keys() - after.keys()), key=_finding_order)
        ),
        names={i: names[i] for i in sorted(mentioned) if i in names},
        old_inputs=old.files,
        new_inputs=new.files,
    )


# -- rendering ----------------------------------------------------------------------------------


def _label(key: str, lang: str) -> str:
    return _LABELS[key].get(lang)


def _kind_label(kind: str, lang: str) -> str:
    for name, label in (_SUBMISSIONS, *DIFF_KINDS):
        if name == kind:
            return label.get(lang)
    return kind


def _value_text(value: Any, lang: str) -> str:
    if value is None:
        return _label("absent", lang)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _inputs_text(files: Sequence[str], lang: str) -> str:
    """``examples/tuyen-quang (6 files)``: the common directory of the inputs and their number."""
    count = f"{len(files)} {_label('file' if len(files) == 1 else 'files', lang)}"
    if not files:
        return count
    where = files[0] if len(files) == 1 else os.path.commonpath(files) or "."
    return f"{printable(where)} ({count})"


#: Lists longer than this are shown as the items added and removed, not in full.
_LONG_LIST = 6


def _change_text(change: FieldChange, lang: str) -> str:
    """``old -> new``; for long lists of ids (tenants of a platform) only what was added or
    removed, so one new commune does not print 124 ids twice."""
    old, new = change.old, change.new
    if (
        isinstance(old, list)
        and isinstance(new, list)
        and max(len(old), len(new)) > _LONG_LIST
        and all(isinstance(v, str) for v in (*old, *new))
    ):
        gone, came = set(old) - set(new), set(new) - set(old)
        parts = [f"+{_value_text([v for v in new if v in came], lang)}"] if came else []
        parts += [f"-{_value_text([v for v in old if v in gone], lang)}"] if gone else []
        if parts:
            return printable(" ".join(parts))
        return _label("reordered", lang)
    return f"{printable(_value_text(old, lang))} -> {printable(_value_text(new, lang))}"


def _element_text(d: SubmissionDiff, ident: str) -> str:
    name = d.names.get(ident)
    return printable(f"{ident} ({name})" if name else ident)


def _finding_text(f: Finding, lang: str) -> str:
    where = f"{f.location}: " if f.location else ""
    return printable(f"{where}{f.code} [{f.severity.value}] {f.message.get(lang)}")


def _counts(parts: Sequence[tuple[int, str]], lang: str) -> str:
    return ", ".join(f"{n} {_label(key, lang)}" for n, key in parts if n)


def render_diff_text(d: SubmissionDiff, lang: str = "en") -> str:
    """The diff for people: ``+`` added, ``-`` removed, ``~`` changed, one section per kind."""
    lines = [
        f"{_label('title', lang)}",
        f"  {_label('old', lang)}: {_inputs_text(d.old_inputs, lang)}",
        f"  {_label('new', lang)}: {_inputs_text(d.new_inputs, lang)}",
    ]
    if d.empty:
        return "\n".join([*lines, "", _label("nothing", lang)]) + "\n"
    for k in d.kinds:
        if k.empty:
            continue
        counts = _counts(
            [(len(k.added), "added"), (len(k.removed), "removed"), (len(k.changed), "changed")],
            lang,
        )
        lines += ["", f"{_kind_label(k.kind, lang)}: {counts}"]
        lines += [f"  + {_element_text(d, i)}" for i in k.added]
        lines += [f"  - {_element_text(d, i)}" for i in k.removed]
        for change in k.changed:
            lines.append(f"  ~ {_element_text(d, change.id)}")
            lines += [f"      {c.field}: {_change_text(c, lang)}" for c in change.fields]
    if d.introduced or d.resolved:
        counts = _counts([(len(d.introduced), "introduced"), (len(d.resolved), "resolved")], lang)
        lines += ["", f"{_label('findings', lang)}: {counts}"]
        lines += [f"  + {_finding_text(f, lang)}" for f in d.introduced]
        lines += [f"  - {_finding_text(f, lang)}" for f in d.resolved]
    added = sum(len(k.added) for k in d.kinds)
    removed = sum(len(k.removed) for k in d.kinds)
    changed = sum(len(k.changed) for k in d.kinds)
    summary = _counts([(added, "added"), (removed, "removed"), (changed, "changed")], lang)
    findings = _counts([(len(d.introduced), "introduced"), (len(d.resolved), "resolved")], lang)
    lines += [
        "",
        "; ".join(
            part
            for part in (
                f"{_label('elements', lang)}: {summary}" if summary else "",
                f"{_label('findings', lang).lower()}: {findings}" if findings else "",
            )
            if part
        ),
    ]
    return "\n".join(lines) + "\n"


def _finding_json(f: Finding) -> dict[str, Any]:
    loc = f.location
    return {
        "code": f.code,
        "name": f.name,
        "severity": f.severity.value,
        "subject": f.subject,
        "related": list(f.related),
        "message": {"en": f.message.en, "vi": f.message.vi},
        "location": (
            {"path": loc.path, "line": loc.line, "column": loc.column, "pointer": loc.pointer}
            if loc
            else None
        ),
        "submitter": f.submitter,
    }


def render_diff_json(d: SubmissionDiff) -> str:
    """The diff as versioned JSON (``{"version": 1, ...}``), keys sorted, UTF-8 text."""

    def entry(ident: str) -> dict[str, Any]:
        return {"id": ident, "name": d.names.get(ident)}

    doc = {
        "version": DIFF_VERSION,
        "changed": not d.empty,
        "old": {"inputs": list(d.old_inputs)},
        "new": {"inputs": list(d.new_inputs)},
        "elements": {
            k.kind: {
                "added": [entry(i) for i in k.added],
                "removed": [entry(i) for i in k.removed],
                "changed": [
                    {
                        **entry(c.id),
                        "fields": [
                            {"field": f.field, "old": f.old, "new": f.new} for f in c.fields
                        ],
                    }
                    for c in k.changed
                ],
            }
            for k in d.kinds
        },
        "findings": {
            "introduced": [_finding_json(f) for f in d.introduced],
            "resolved": [_finding_json(f) for f in d.resolved],
        },
        "summary": {
            "added": sum(len(k.added) for k in d.kinds),
            "removed": sum(len(k.removed) for k in d.kinds),
            "changed": sum(len(k.changed) for k in d.kinds),
            "introduced": {s.value: sum(f.severity is s for f in d.introduced) for s in Severity},
            "resolved": {s.value: sum(f.severity is s for f in d.resolved) for s in Severity},
        },
    }
    return json_text(doc)
