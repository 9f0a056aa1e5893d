"""Load a submission: parse every file, validate it, structure it and resolve its references.

The loader collects every problem before it stops (parse, schema, duplicate ids, dangling
references) and turns each into a :class:`~vndgaf.diagnostics.Finding` with file, line, column and
JSON pointer. It never prints and never exits; it raises only for I/O (:class:`InputError`) and
for bugs (:class:`InternalError`).
"""

import contextlib
import difflib
import gc
import itertools
import operator
import os
import typing
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

import attrs

from vndgaf import converter
from vndgaf.diagnostics import Finding, Location, Text, pointer_parts
from vndgaf.errors import InputError, InternalError
from vndgaf.input_checks import input_check
from vndgaf.model import ELEMENT_LISTS, Architecture, Submission
from vndgaf.parse import Limits, ParseResult, SourceMap, parse_file
from vndgaf.validation import validate

__all__ = ["Catalogue", "LoadResult", "Origin", "discover", "load", "paused_gc", "submission_key"]

SUFFIXES = (".yaml", ".yml", ".json")
_LIST_KIND = dict(ELEMENT_LISTS)
_SUGGEST_LIMIT = 20_000


class Catalogue(Protocol):
    """What the loader needs from the national reference catalogue."""

    def kind_of(self, element_id: str) -> str | None: ...

    def suggest(self, element_id: str) -> tuple[str, ...]: ...


@attrs.frozen
class Origin:
    """Where an element is defined: file, JSON pointer, and its kind."""

    path: str
    pointer: str
    kind: str


_SUBMISSION = "submission"  # the kind of a submission block's origin (not an element kind)
_Place = tuple[str, str, int | None, str]
"""Where an id is defined, compactly: path, pointer of its list (or block), index, kind."""


class _Origins(Mapping[str, Origin]):
    """Id -> :class:`Origin`, each one built when asked for.

    A national model defines 100,000s of ids and a check locates only those it reports, so the
    loader keeps a compact place per id (one C-level update per list in the common case)
    instead of an Origin object and a pointer string per element.
    """

    def __init__(self) -> None:
        self._places: dict[str, _Place] = {}

    def __getitem__(self, element_id: str) -> Origin:
        path, prefix, index, kind = self._places[element_id]
        return Origin(path, prefix if index is None else f"{prefix}/{index}", kind)

    def __iter__(self) -> Iterator[str]:
        return iter(self._places)

    def __len__(self) -> int:
        return len(self._places)

    def __contains__(self, element_id: object) -> bool:
        return element_id in self._places

    def __repr__(self) -> str:
        return f"{type(self).__name__}({dict(self)!r})"

    def kind_of(self, element_id: str) -> str | None:
        """Kind of the element defined with this id (None for a submission block's key)."""
        place = self._places.get(element_id)
        return None if place is None or place[3] == _SUBMISSION else place[3]

    def kinds(self) -> Iterator[tuple[str, str]]:
        """(id, kind) of every element defined, in definition order."""
        return ((i, p[3]) for i, p in self._places.items() if p[3] != _SUBMISSION)

    def isdisjoint(self, ids: Iterable[str]) -> bool:
        return self._places.keys().isdisjoint(ids)

    def add(self, element_id: str, path: str, prefix: str, index: int | None, kind: str) -> None:
        """``element_id`` is defined at ``prefix/index`` (at ``prefix`` when index is None)."""
        self._places[element_id] = (path, prefix, index, kind)

    def add_list(self, ids: Sequence[str], path: str, prefix: str, kind: str) -> None:
        """``ids[i]`` is defined at ``prefix/i``, for every i."""
        places = zip(
            itertools.repeat(path),
            itertools.repeat(prefix),
            itertools.count(),
            itertools.repeat(kind),
        )
        self._places.update(zip(ids, places, strict=False))


@attrs.frozen
class LoadResult:
    """A merged architecture, the input findings, and the way back to the source text."""

    architecture: Architecture
    findings: tuple[Finding, ...]
    files: tuple[str, ...]
    origins: Mapping[str, Origin]
    """Element id (or :func:`submission_key`) -> where it is first defined."""
    sources: Mapping[str, SourceMap]
    submitters: Mapping[str, str] = attrs.field(factory=dict)
    """File path -> id of the agency whose submission the file belongs to."""
    submissions: tuple[Submission, ...] = ()

    def locate(self, element_id: str, field: str | None = None) -> Location | None:
        """Location of an element (or of one of its fields) in its source file."""
        origin = self.origins.get(element_id)
        if origin is None:
            return None
        pointer = origin.pointer + ("/" + field if field else "")
        line, column = self.sources[origin.path].locate(pointer)
        return Location(origin.path, line, column, pointer)

    def submitter_of(self, element_id: str) -> str:
        """Submitter of the submission that defines the element ('' if none)."""
        origin = self.origins.get(element_id)
        return self.submitters.get(origin.path, "") if origin else ""


def submission_key(submitter: str) -> str:
    """The pseudo-id under which a submission block is located (rules use it as subject)."""
    return f"@submission:{submitter}"


def discover(paths: Iterable[str | os.PathLike[str]]) -> tuple[str, ...]:
    """Every submission file under ``paths`` (directories searched recursively), sorted.

    Hidden files and directories are skipped. The order does not depend on the order of
    ``paths``, so neither do the findings.
    """
    found: set[str] = set()
    searched: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            searched.append(path.as_posix())
            for child in path.rglob("*"):
                rel = child.relative_to(path).parts
                if any(part.startswith(".") for part in rel):
                    continue
                if child.is_file() and child.suffix.lower() in SUFFIXES:
                    found.add(child.as_posix())
        elif path.is_file():
            found.add(path.as_posix())
        elif path.exists():
            raise InputError(f"{path}: not a regular file or directory")
        else:
            raise InputError(f"{path}: no such file or directory")
    if not found and searched:  # a mistyped directory must not pass as a clean submission
        raise InputError(f"{', '.join(searched)}: no submission file (.yaml, .yml or .json) found")
    return tuple(sorted(found))


def _finding(
    code: str,
    message: Text,
    location: Location | None,
    subject: str = "",
    related: tuple[str, ...] = (),
) -> Finding:
    info = input_check(code)
    return Finding(
        code=code,
        name=info.name,
        severity=info.severity,
        message=message,
        location=location,
        subject=subject,
        related=related,
        legal_basis=info.legal_basis,
        fix=info.fix,
    )


_RefPlan = tuple[tuple[str, tuple[str, ...], type | None, bool], ...]
_PLANS: dict[type, _RefPlan] = {}


def _ref_plan(cls: type) -> _RefPlan:
    """For a model class: (field, allowed kinds, nested class, is a tuple) for fields that hold
    refs."""
    if cls in _PLANS:
        return _PLANS[cls]
    hints = typing.get_type_hints(cls)
    plan = []
    for field in attrs.fields(cls):
        kinds = tuple(field.metadata.get("ref", ()))
        nested: type | None = None
        tp = hints[field.name]
        args = typing.get_args(tp)
        many = typing.get_origin(tp) is tuple and bool(args)
        inner = args[0] if many else tp
        if isinstance(inner, type) and attrs.has(inner):
            nested = typing.cast(type, inner)
        if kinds or (nested is not None and _ref_plan(nested)):
            plan.append((field.name, kinds, nested, many))
    _PLANS[cls] = tuple(plan)
    return _PLANS[cls]


def _refs(obj: Any, pointer: str) -> Iterable[tuple[str, str, tuple[str, ...]]]:
    """Every (referenced id, pointer of the reference, allowed kinds) inside ``obj``."""
    for name, kinds, nested, many in _ref_plan(type(obj)):
        value = getattr(obj, name)
        if value is None:
            continue
        if nested is not None:
            items = value if many else (value,)
            for i, item in enumerate(items):
                sub = f"{pointer}/{name}/{i}" if many else f"{pointer}/{name}"
                yield from _refs(item, sub)
        elif many:
            for i, ref in enumerate(value):
                yield ref, f"{pointer}/{name}/{i}", kinds
        else:
            yield value, f"{pointer}/{name}", kinds


class _Kinds(dict[str, str | None]):
    """Kind of the element each referenced id names (submission first, then catalogue; None if
    neither), looked up on first use and cached, so a reference costs one dict lookup."""

    def __init__(self, origins: _Origins, catalogue: Catalogue) -> None:
        super().__init__()
        self.origins = origins
        self.catalogue = catalogue

    def __missing__(self, ref: str) -> str | None:
        kind = self.origins.kind_of(ref)
        if kind is None and ref.startswith("vn:"):
            kind = self.catalogue.kind_of(ref)
        self[ref] = kind
        return kind


def _all_resolve(objs: Sequence[Any], cls: type, kinds_of: _Kinds) -> bool:
    """True when every reference inside ``objs`` (all of class ``cls``) names an element of an
    allowed kind.

    This is the common case of a national model (500,000 references): one C-level pass per field
    collects the distinct ids, each of which costs one cached lookup, and no pointer is built.
    """
    for name, kinds, nested, many in _ref_plan(cls):
        values: Iterable[Any] = map(operator.attrgetter(name), objs)
        if many:
            values = itertools.chain.from_iterable(values)
        if nested is not None:
            items = [item for item in values if item is not None]
            if items and not _all_resolve(items, nested, kinds_of):
                return False
            continue
        refs = set(values)
        refs.discard(None)
        if not frozenset(kinds).issuperset(map(kinds_of.__getitem__, refs)):
            return False
    return True


def _unresolved(objs: Sequence[Any], cls: type, kinds_of: _Kinds) -> Iterator[Any]:
    """The objects with a reference that does not resolve, in order. Halves that resolve are
    skipped whole, so a few bad elements among 100,000 cost a few batch checks."""
    if _all_resolve(objs, cls, kinds_of):
        return
    if len(objs) == 1:
        yield objs[0]
        return
    half = len(objs) // 2
    yield from _unresolved(objs[:half], cls, kinds_of)
    yield from _unresolved(objs[half:], cls, kinds_of)


@attrs.define
class _Loading:
    """Mutable state of one load() call (never escapes it)."""

    catalogue: Catalogue
    findings: list[Finding] = attrs.Factory(list)
    sources: dict[str, SourceMap] = attrs.Factory(dict)
    lists: dict[str, list[Any]] = attrs.Factory(lambda: {name: [] for name, _ in ELEMENT_LISTS})
    """Structured elements per list, first definitions only (a duplicate is reported, then
    dropped), in file and list order."""
    origins: _Origins = attrs.Factory(_Origins)
    declared: list[tuple[str, str, Submission]] = attrs.Factory(list)
    structured: list[str] = attrs.Factory(list)
    _by_kind: dict[str, list[str]] | None = None

    def ids_of_kind(self, kind: str) -> list[str]:
        """The submission's ids of one kind, for suggestions (built on the first bad ref)."""
        if self._by_kind is None:
            self._by_kind = {}
            for element_id, element_kind in self.origins.kinds():
                self._by_kind.setdefault(element_kind, []).append(element_id)
        return self._by_kind.get(kind, [])

    def at(self, path: str, pointer: str, *, key: bool = False) -> Location:
        line, column = self.sources[path].locate(pointer, key=key)
        return Location(path, line, column, pointer)

    def add_file(self, parsed: ParseResult) -> None:
        path = parsed.path
        self.sources[path] = parsed.source
        for p in parsed.problems:
            self.findings.append(
                _finding(p.code, p.message, Location(path, p.line, p.column, p.pointer))
            )
        if parsed.data is None and parsed.problems:  # a fatal problem; a null document goes on
            return
        data = parsed.data
        problems = validate(data)
        for sp in problems:
            self.findings.append(
                _finding(sp.code, sp.message, self.at(path, sp.pointer, key=sp.key))
            )
        if not isinstance(data, dict):
            return
        bad: dict[str, set[int]] = {}
        dropped: set[str] = set()
        for sp in problems:
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
            ids = [item.get("id") if isinstance(item, dict) else None for item in items]
            first = self._define_list(path, name, kind, ids)
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
                self.origins.add(key, path, "/submission", None, _SUBMISSION)
        for name, first in firsts.items():
            self.lists[name].extend(itertools.compress(getattr(arch, name), first))

    def _define_list(self, path: str, name: str, kind: str, ids: list[Any]) -> list[bool]:
        """Define the ids of one element list; per item, True if it is the first definition
        of its id (False for a duplicate, which is reported, or an item without a string id).

        The common case, new string ids outside the catalogue's ``vn:`` space, is recorded with
        C-level bulk updates; anything else goes id by id through :meth:`_define`.
        """
        if (
            set(map(type, ids)) <= {str}
            and len(set(ids)) == len(ids)
            and self.origins.isdisjoint(ids)
            and not any(map(str.startswith, ids, itertools.repeat("vn:")))
        ):
            self.origins.add_list(ids, path, f"/{name}", kind)
            return [True] * len(ids)
        return [
            isinstance(element_id, str) and self._define(path, element_id, name, index, kind)
            for index, element_id in enumerate(ids)
        ]

    def _define(self, path: str, element_id: str, name: str, index: int, kind: str) -> bool:
        """Record where ``element_id`` is defined; False (and REF002) if it already was."""
        pointer = f"/{name}/{index}"
        if element_id in self.origins:
            first = self.origins[element_id]
            self.findings.append(
                _finding(
                    "REF002",
                    Text(
                        f"duplicate id '{element_id}': already defined at {first.path}"
                        f" ({first.pointer})",
                        f"mã định danh '{element_id}' bị trùng: đã định nghĩa tại {first.path}"
                        f" ({first.pointer})",
                    ),
                    self.at(path, pointer + "/id"),
                    subject=element_id,
                )
            )
            return False
        if element_id.startswith("vn:"):
            self.findings.append(
                _finding(
                    "REF005",
                    Text(
                        f"'{element_id}' is a reserved catalogue id; "
                        "refer to it instead of defining it",
                        f"'{element_id}' là mã danh mục dành riêng; "
                        "hãy tham chiếu thay vì định nghĩa",
                    ),
                    self.at(path, pointer + "/id"),
                    subject=element_id,
                )
            )
        self.origins.add(element_id, path, f"/{name}", index, kind)
        return True


def _kind_words(kinds: Sequence[str]) -> str:
    return ", ".join(kinds)


def _check_refs(state: _Loading) -> None:
    kinds_of = _Kinds(state.origins, state.catalogue)
    for path, pointer, submission in state.declared:
        for ref, ref_pointer, kinds in _refs(submission, pointer):
            _check_ref(state, kinds_of, "", ref, path, ref_pointer, kinds)
    for name, _kind in ELEMENT_LISTS:
        elements = state.lists[name]
        if not elements:
            continue
        for element in _unresolved(elements, type(elements[0]), kinds_of):
            origin = state.origins[element.id]  # its own: the lists hold first definitions
            for ref, ref_pointer, kinds in _refs(element, origin.pointer):
                _check_ref(state, kinds_of, element.id, ref, origin.path, ref_pointer, kinds)


def _did_you_mean(hint: str | None) -> Text:
    """The suggestion tail of a bad-reference message ("" when there is none)."""
    if hint is None:
        return Text("", "")
    return Text(f" (did you mean '{hint}'?)", f" (có phải ý bạn là '{hint}'?)")


def _check_ref(
    state: _Loading,
    kinds_of: _Kinds,
    subject: str,
    ref: str,
    path: str,
    pointer: str,
    kinds: tuple[str, ...],
) -> None:
    """Report ``ref`` when it names nothing (REF001, REF003 for a catalogue id) or an element
    of a kind the field does not allow (REF004); a good reference reports nothing."""
    kind = kinds_of[ref]
    wanted = _kind_words(kinds)
    if kind is None and ref.startswith("vn:"):
        hints = state.catalogue.suggest(ref)
        tail = _did_you_mean(hints[0] if hints else None)
        code, message = (
            "REF003",
            Text(
                f"'{ref}' is not in the national reference catalogue{tail.en}",
                f"'{ref}' không có trong danh mục tham chiếu quốc gia{tail.vi}",
            ),
        )
    elif kind is None:
        pool = [i for k in kinds for i in state.ids_of_kind(k)]
        match = (
            difflib.get_close_matches(ref, sorted(pool), n=1, cutoff=0.7)
            if len(pool) <= _SUGGEST_LIMIT
            else []
        )
        tail = _did_you_mean(match[0] if match else None)
        code, message = (
            "REF001",
            Text(
                f"'{ref}' is not defined (expected {wanted}){tail.en}",
                f"'{ref}' chưa được định nghĩa (cần {wanted}){tail.vi}",
            ),
        )
    elif kind not in kinds:
        code, message = (
            "REF004",
            Text(
                f"'{ref}' is an element of kind '{kind}', but this field needs: {wanted}",
                f"'{ref}' là phần tử loại '{kind}', nhưng trường này cần: {wanted}",
            ),
        )
    else:
        return
    state.findings.append(
        _finding(code, message, state.at(path, pointer), subject=subject, related=(ref,))
    )


def _submissions(
    state: _Loading, files: Sequence[str]
) -> tuple[dict[str, str], Submission | None, tuple[Submission, ...]]:
    """Assign every file to the submission declared in its directory or nearest ancestor."""
    by_dir: dict[str, tuple[str, Submission]] = {}
    for path, pointer, sub in state.declared:
        directory = os.path.dirname(path)
        seen = by_dir.get(directory)
        if seen is None:
            by_dir[directory] = (path, sub)
        elif seen[1] != sub:
            state.findings.append(
                _finding(
                    "SCH015",
                    Text(
                        f"submission block differs from the one in {seen[0]}",
                        f"khối submission khác với khối trong {seen[0]}",
                    ),
                    state.at(path, pointer),
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
    if not subs and state.structured:
        state.findings.append(
            _finding(
                "REF006",
                Text(
                    "no file declares the submission block (submitter, framework_version, as_of)",
                    "không tệp nào khai báo khối submission (submitter, framework_version, as_of)",
                ),
                Location(state.structured[0]),
            )
        )
    return submitters, (subs[0] if len(subs) == 1 else None), subs


def _default_catalogue() -> Catalogue:
    from vndgaf.reference import catalogue

    return catalogue()


def load(
    paths: Iterable[str | os.PathLike[str]],
    *,
    catalogue: Catalogue | None = None,
    limits: Limits | None = None,
) -> LoadResult:
    """Load every file under ``paths`` as one submission (or several, one per directory that
    declares a ``submission`` block) and return the merged architecture with all findings."""
    with paused_gc():
        return _load(paths, catalogue, limits)


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a large model is built.

    A national model allocates millions of objects that all stay alive, and every automatic
    collection walks them again (measured: about half of the load time at 100,000 flows).
    Reference counting still frees everything; the collector resumes afterwards if it was on.

    On resuming, the objects made meanwhile are handed to the oldest generation with
    ``gc.freeze()`` + ``gc.unfreeze()`` (two list moves). Otherwise the first allocation after
    the pause starts a young-generation collection that walks every one of them (0.15 s after
    loading the 1x national model, and more after a whole check). Cyclic garbage among them is
    still collected, at the next full collection. Skipped when something else keeps objects
    frozen, since ``unfreeze`` would release those too.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def _load(
    paths: Iterable[str | os.PathLike[str]], catalogue: Catalogue | None, limits: Limits | None
) -> LoadResult:
    files = discover(paths)
    state = _Loading(catalogue=catalogue or _default_catalogue())
    for path in files:
        state.add_file(parse_file(path, limits=limits or Limits()))
    _check_refs(state)
    submitters, single, subs = _submissions(state, files)
    unique = {name: tuple(state.lists[name]) for name, _ in ELEMENT_LISTS}
    arch = Architecture(format_version=1, submission=single, **unique)
    findings = tuple(sorted(state.findings, key=Finding.sort_key))
    return LoadResult(
        architecture=arch,
        findings=findings,
        files=files,
        origins=state.origins,
        sources=dict(state.sources),
        submitters=submitters,
        submissions=subs,
    )
