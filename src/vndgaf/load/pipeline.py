"""Load submissions: the steps from the files on disk (or models built in code) to a
:class:`LoadResult`, in order.

discover the files (not following links inside directories) → read each (bytes → parsed
document with positions), setting vndgaf's own outputs aside → validate it against the schema
→ group the documents by submission (each submission a namespace; a second version of a
submitter set aside) → per submission: define its ids and structure its schema-valid parts, then
check every reference → when several submissions are checked, merge them with qualified ids and
match their external declarations. Every problem is collected before the result is returned,
each a :class:`~vndgaf.diagnostics.Finding` with file, line, column and JSON pointer, attributed
to the submission whose file it is in; loading never prints and never exits, and raises only for
I/O (:class:`~vndgaf.errors.InputError`) and for bugs (:class:`~vndgaf.errors.InternalError`).

A submission's own findings never depend on what it is checked with: each is loaded with its own
ids and its own declarations, whatever else is in the check.
"""

import datetime as dt
import itertools
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from vndgaf import converter
from vndgaf.diagnostics import Finding, Location, RuleInfo, Text, pointer_parts
from vndgaf.errors import InputError, InternalError
from vndgaf.gcpause import paused_gc
from vndgaf.load import (
    externals,
    ids,
    own_outputs,
    problems,
    references,
    schema_messages,
    submissions,
)
from vndgaf.load.checks import finding, located
from vndgaf.load.discover import CHECKS as DISCOVERY_CHECKS
from vndgaf.load.discover import discover, unreadable
from vndgaf.load.ids import SUBMISSION, Origins
from vndgaf.load.merge import MergedOrigins, qualified_elements
from vndgaf.load.positions import SourceMap
from vndgaf.load.problems import Limits
from vndgaf.load.read import ParseResult, parse_bytes, parse_file
from vndgaf.load.references import Catalogue
from vndgaf.load.result import LoadResult, SubmissionPart
from vndgaf.load.submissions import Block, Part
from vndgaf.load.validation import SchemaProblem, validate
from vndgaf.model import (
    ELEMENT_LISTS,
    EXTERNAL_LISTS,
    Architecture,
    Externals,
    Submission,
    submission_key,
)
from vndgaf.model.namespaces import qualify, split_id

__all__ = ["INPUT_CHECKS", "load", "load_models"]

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
            *externals.CHECKS,
        ),
        key=lambda check: (not check.code.startswith("SCH"), check.code),
    )
)
"""Every check the loader runs, documented like a rule: SCH (syntax, schema) then REF."""

_BY_CODE = {check.code: check for check in INPUT_CHECKS}
_LIST_KIND = dict(ELEMENT_LISTS)
_EXTERNAL_KIND = dict(EXTERNAL_LISTS)
_EXTERNALS = "externals"

#: Where in-code models are: no text, so no line or column; the JSON pointer says where.
_NO_POSITIONS = SourceMap(locator=lambda _pointer, _key: (0, 0))


@attrs.frozen
class _Screened:
    """One document after reading and the schema: its findings, and what can be trusted."""

    path: str
    folder: str
    """The folder whose submission block the document belongs to (see :mod:`.submissions`)."""
    source: SourceMap
    findings: tuple[Finding, ...]
    data: dict[str, Any] | None = None
    """The document, when anything of it can be structured."""
    bad: dict[str, frozenset[int]] = attrs.field(factory=dict)
    """Per element list, the items the schema rejected."""
    bad_externals: dict[str, frozenset[int]] = attrs.field(factory=dict)
    dropped: frozenset[str] = frozenset()
    """Top-level keys the schema rejected whole."""
    block: Submission | None = None
    block_data: Any = None
    """The submission block as kept: as written, or with a date that was not one replaced by
    the date of the check (see :func:`_kept_block`)."""
    rejected_block: bool = False
    """True when the document declares a submission block that cannot be kept."""


def _text_finding(code: str, message: Text, location: Location) -> Finding:
    return finding(_BY_CODE[code], message, location)


def _screen(parsed: ParseResult, folder: str) -> _Screened:
    """Report the document's parse and schema problems; keep what can be trusted."""
    path, source = parsed.path, parsed.source
    found: list[Finding] = [
        _text_finding(p.code, p.message, Location(path, p.line, p.column, p.pointer))
        for p in parsed.problems
    ]
    if parsed.data is None and parsed.problems:  # a fatal problem; a null document goes on
        return _Screened(path, folder, source, tuple(found))
    data = parsed.data
    verdict = validate(data)
    found.extend(
        _text_finding(sp.code, sp.message, located(path, source, sp.pointer, key=sp.key))
        for sp in verdict
    )
    nothing = _Screened(path, folder, source, tuple(found))
    if not isinstance(data, dict):
        return nothing
    bad: dict[str, set[int]] = {}
    bad_externals: dict[str, set[int]] = {}
    dropped: set[str] = set()
    for sp in verdict:
        parts = pointer_parts(sp.pointer)
        if not parts:
            return nothing  # the root itself is wrong (e.g. format_version): nothing to trust
        if len(parts) >= 2 and parts[0] in _LIST_KIND and parts[1].isdigit():
            bad.setdefault(parts[0], set()).add(int(parts[1]))
        elif (
            parts[0] == _EXTERNALS
            and len(parts) >= 3
            and parts[1] in _EXTERNAL_KIND
            and parts[2].isdigit()
        ):
            bad_externals.setdefault(parts[1], set()).add(int(parts[2]))
        else:
            dropped.add(parts[0])
    if "format_version" in dropped:
        return nothing
    block_data = _kept_block(data, verdict) if "submission" in data else None
    block = _structured(path, block_data, Submission) if block_data is not None else None
    return _Screened(
        path,
        folder,
        source,
        tuple(found),
        data,
        {k: frozenset(v) for k, v in bad.items()},
        {k: frozenset(v) for k, v in bad_externals.items()},
        frozenset(dropped),
        block,
        block_data,
        rejected_block="submission" in data and block is None,
    )


#: Where the submission's date is; the only fault of a submission block that is repaired.
_AS_OF = "/submission/as_of"


def _kept_block(data: dict[str, Any], verdict: Sequence[SchemaProblem]) -> Any:
    """The submission block to keep: as written when the schema accepts it; when only its
    ``as_of`` is wrong (``30/11/2026``), the block with the date of the check (today) in its
    place, so that the submitter and the framework version still count (SCH013 on the date is
    the one finding, not a missing block); None when anything else in it is wrong."""
    written = data["submission"]
    faults = [p.pointer for p in verdict if pointer_parts(p.pointer)[:1] == ["submission"]]
    if not faults:
        return written
    if isinstance(written, dict) and all(pointer == _AS_OF for pointer in faults):
        return {**written, "as_of": dt.date.today().isoformat()}
    return None


def _structured(path: str, data: Any, cls: type[Any]) -> Any:
    try:
        return converter.structure_valid(data, cls)
    except Exception as exc:  # schema and classes disagree: a bug, not a user error
        raise InternalError(f"{path}: schema-valid data failed to structure: {exc}") from exc


def _kept_items(
    items: Any, skip: frozenset[int] | None, first: list[bool]
) -> tuple[list[Any], list[bool]]:
    if not skip:
        return items, first
    kept = [item for i, item in enumerate(items) if i not in skip]
    return kept, [defined for i, defined in enumerate(first) if i not in skip]


def _item_ids(items: list[Any]) -> list[Any]:
    return [item.get("id") if isinstance(item, dict) else None for item in items]


@attrs.define
class _Submission:
    """Mutable state of loading one submission (never escapes :func:`load`)."""

    part: Part
    origins: Origins = attrs.Factory(Origins)
    lists: dict[str, list[Any]] = attrs.Factory(lambda: {name: [] for name, _ in ELEMENT_LISTS})
    """Structured elements per list, first definitions only (a duplicate is reported, then
    dropped), in file and list order."""
    externals: dict[str, list[Any]] = attrs.Factory(
        lambda: {name: [] for name, _ in EXTERNAL_LISTS}
    )
    """Structured external declarations per list, first declarations only."""
    declared: list[tuple[str, str, Submission]] = attrs.Factory(list)
    """The submission blocks of its files: path, pointer, block."""
    findings: list[Finding] = attrs.Factory(list)
    structured: list[str] = attrs.Factory(list)
    """The files whose content was kept."""

    @property
    def namespace(self) -> str:
        return self.part.namespace

    def register(self, doc: _Screened) -> None:
        """Define every id of the document, structure its schema-valid parts and keep the
        elements that are first definitions."""
        data = doc.data
        if data is None:
            return
        path = doc.path
        kept: dict[str, Any] = {"format_version": data["format_version"]}
        if doc.block is not None:
            kept["submission"] = doc.block_data
        firsts: dict[str, list[bool]] = {}  # per kept item: the first definition of its id?
        for name, kind in ELEMENT_LISTS:
            items = data.get(name)
            if name in doc.dropped or not isinstance(items, list):
                continue
            first, found = ids.define_list(
                self.origins, path, doc.source, name, kind, _item_ids(items)
            )
            self.findings.extend(found)
            kept[name], firsts[name] = _kept_items(items, doc.bad.get(name), first)
        external_firsts = self._declare(doc, data, kept)
        arch = _structured(path, kept, Architecture)
        self.structured.append(path)
        if arch.submission is not None:
            self.declared.append((path, "/submission", arch.submission))
            key = submission_key(arch.submission.submitter)
            if key not in self.origins:
                self.origins.add(key, path, "/submission", None, SUBMISSION)
        for name, first in firsts.items():
            self.lists[name].extend(itertools.compress(getattr(arch, name), first))
        if arch.externals is not None:
            for name, first in external_firsts.items():
                self.externals[name].extend(
                    itertools.compress(getattr(arch.externals, name), first)
                )

    def _declare(
        self, doc: _Screened, data: dict[str, Any], kept: dict[str, Any]
    ) -> dict[str, list[bool]]:
        """Define the qualified ids of the document's external declarations (REF009 for one in
        the submission's own namespace); put the schema-valid ones in ``kept``."""
        block = data.get(_EXTERNALS)
        if _EXTERNALS in doc.dropped or not isinstance(block, dict):
            return {}
        firsts: dict[str, list[bool]] = {}
        lists: dict[str, Any] = {}
        for name, kind in EXTERNAL_LISTS:
            items = block.get(name)
            if not isinstance(items, list):
                continue
            prefix = f"/{_EXTERNALS}/{name}"
            element_ids = _item_ids(items)
            for index, ident in enumerate(element_ids):
                problem = isinstance(ident, str) and externals.own_namespace(
                    ident, self.namespace, doc.path, doc.source, f"{prefix}/{index}"
                )
                if problem:
                    self.findings.append(problem)
                    element_ids[index] = None  # not defined, not kept
            first, found = ids.define_list(
                self.origins, doc.path, doc.source, f"{_EXTERNALS}/{name}", kind, element_ids
            )
            self.findings.extend(found)
            lists[name], firsts[name] = _kept_items(items, doc.bad_externals.get(name), first)
        kept[_EXTERNALS] = lists
        return firsts

    def check_references(self, catalogue: Catalogue, sources: dict[str, SourceMap]) -> None:
        self.findings.extend(
            references.check_references(
                self.origins,
                catalogue,
                sources,
                self.declared,
                [*self.lists.values(), *self.externals.values()],
                self.namespace,
            )
        )

    def architecture(self) -> Architecture:
        """The submission as written: its block, its elements with their ids, its declarations."""
        declared = (
            Externals(**{name: tuple(items) for name, items in self.externals.items()})
            if any(self.externals.values())
            else None
        )
        return Architecture(
            format_version=1,
            submission=self.part.submission,
            externals=declared,
            **{name: tuple(items) for name, items in self.lists.items()},
        )

    def result(self) -> SubmissionPart:
        return SubmissionPart(
            submission=self.part.submission,
            folder=self.part.folder,
            files=self.part.paths,
            architecture=self.architecture(),
            origins=self.origins,
        )


def _read(
    path: str, limits: Limits, findings: list[Finding], *, named: bool, raw: bytes | None = None
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
            findings.append(unreadable(path, str(exc)))
            return None
    kind = own_outputs.own_output(parsed.data)
    if kind is not None:
        findings.append(own_outputs.skipped(path, kind))
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
    """Load every file under ``paths``: one submission, or several (one per folder that
    declares a ``submission`` block), each with its own ids, merged with qualified ids
    (``submitter::id``) when there are several. All findings are collected.

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
        found = discover(paths, follow_symlinks=follow_symlinks, submissions_only=submissions_only)
        limit = limits or Limits()
        findings = list(found.findings)
        screened = []
        for path in sorted({*found.files, *given}):
            parsed = _read(path, limit, findings, named=path in found.named, raw=given.get(path))
            if parsed is not None:
                screened.append(_screen(parsed, os.path.dirname(path)))
        return _load(screened, catalogue or _default_catalogue(), findings)


def load_models(
    models: Iterable[Architecture],
    *,
    paths: Sequence[str] | None = None,
    catalogue: Catalogue | None = None,
) -> LoadResult:
    """Load architectures built in code with the checks files get: the schema (each model is
    turned into the plain data a file would hold), ids, references, submissions, external
    declarations. ``check_loaded(load_models([model]))`` then runs the rules on them.

    Each model is one document. Its findings are located by JSON pointer (``/flows/3/target``)
    in the file named by ``paths`` (the file the model stands for, if there is one; its folder
    groups models into submissions as a file's would), else in ``<model N>`` (N from 1), each
    model then its own submission (a model without a ``submission`` block belongs to the
    unnamed one, with the other models without one).

    >>> from vndgaf.model import Architecture, DataFlow
    >>> model = Architecture(format_version=1, flows=[DataFlow(id="f1", source="a", target="b")])
    >>> [(f.code, str(f.location)) for f in load_models([model]).findings][:2]
    [('REF001', '<model 1>#/flows/0/source'), ('REF001', '<model 1>#/flows/0/target')]
    """
    built = list(models)
    if paths is not None and len(paths) != len(built):
        raise ValueError(f"{len(built)} models but {len(paths)} paths: give one path per model")
    with paused_gc():
        documents = []
        for index, model in enumerate(built):
            if not isinstance(model, Architecture):
                raise TypeError(
                    f"model {index + 1} is a {type(model).__name__}, not an Architecture"
                )
            path = paths[index] if paths is not None else f"<model {index + 1}>"
            folder = os.path.dirname(path) if paths is not None else path
            data = converter.unstructure(model)
            documents.append(_screen(ParseResult(path, data, _NO_POSITIONS, ()), folder))
        return _load(documents, catalogue or _default_catalogue(), [])


def _load(documents: list[_Screened], catalogue: Catalogue, findings: list[Finding]) -> LoadResult:
    sources = {doc.path: doc.source for doc in documents}
    blocks = [
        Block(doc.path, doc.folder, doc.source, doc.block)
        for doc in documents
        if doc.block is not None
    ]
    grouping = submissions.group_files(
        [(doc.path, doc.folder) for doc in documents],
        blocks,
        [doc.path for doc in documents if doc.data is not None],
        _unit_of({doc.path: doc for doc in documents}),
        rejected=[doc.path for doc in documents if doc.rejected_block],
    )
    findings.extend(grouping.findings)
    by_path = {doc.path: doc for doc in documents}
    loads: list[_Submission] = []
    for part in grouping.parts:
        state = _Submission(part)
        for path in part.paths:
            doc = by_path[path]
            state.findings.extend(doc.findings)
            state.register(doc)
        state.check_references(catalogue, sources)
        findings.extend(_attributed(state.findings, state.namespace))
        loads.append(state)
    files = tuple(doc.path for doc in documents if doc.path not in grouping.set_aside)
    parts = tuple(state.result() for state in loads)
    submitters = {path: part.namespace for part in parts for path in part.files if part.namespace}
    ordered = tuple(sorted(findings, key=Finding.sort_key))
    checked = tuple(part.submission for part in parts if part.submission is not None)
    if len(loads) == 1:
        (state,) = loads
        return LoadResult(
            architecture=parts[0].architecture,
            findings=ordered,
            files=files,
            origins=state.origins,
            sources=sources,
            submitters=submitters,
            submissions=checked,
            parts=parts,
            namespace=state.namespace,
        )
    arch, origins, matched = _merge(loads, sources)
    return LoadResult(
        architecture=arch,
        findings=tuple(sorted((*ordered, *matched), key=Finding.sort_key)),
        files=files,
        origins=origins,
        sources=sources,
        submitters=submitters,
        submissions=checked,
        parts=parts,
        namespace="",
    )


def _unit_of(documents: dict[str, _Screened]) -> Callable[[str, str], str | None]:
    """What :func:`~vndgaf.load.submissions.group_files` asks to tell two submitters apart:
    the unit (else the name) of an agency as a document defines it."""

    def unit_of(path: str, agency: str) -> str | None:
        data = documents[path].data or {}
        items = data.get("agencies")
        for item in items if isinstance(items, list) else ():
            if isinstance(item, dict) and item.get("id") == agency:
                found = item.get("unit") or item.get("name")
                return found if isinstance(found, str) else None
        return None

    return unit_of


def _attributed(found: Iterable[Finding], namespace: str) -> Iterator[Finding]:
    """The findings of one submission with its name, their subject and related ids qualified
    (as every output shows them)."""
    for f in found:
        yield attrs.evolve(
            f,
            subject=qualify(namespace, f.subject) if f.subject else "",
            related=tuple(qualify(namespace, r) for r in f.related),
            submitter=f.submitter or namespace,
        )


def _merge(
    loads: Sequence[_Submission], sources: dict[str, SourceMap]
) -> tuple[Architecture, MergedOrigins, list[Finding]]:
    """Several submissions as one architecture with qualified ids; the external declarations
    matched to the elements they name (REF009), the others kept as stand-ins."""
    by_namespace = {state.namespace: state for state in loads}
    lists: dict[str, Any] = {
        name: tuple(
            itertools.chain.from_iterable(
                qualified_elements(state.lists[name], state.namespace) for state in loads
            )
        )
        for name, _ in ELEMENT_LISTS
    }
    indexes: dict[str, dict[str, Any]] = {}

    def defined_in(namespace: str) -> dict[str, Any]:
        """The elements of one submission by local id (built when a declaration names it)."""
        if namespace not in indexes:
            state = by_namespace[namespace]
            indexes[namespace] = {
                element.id: element for items in state.lists.values() for element in items
            }
        return indexes[namespace]

    findings: list[Finding] = []
    stand_ins: dict[str, str] = {}
    kept: dict[str, list[Any]] = {name: [] for name, _ in EXTERNAL_LISTS}
    for state in loads:
        for name, kind in EXTERNAL_LISTS:
            for stub in state.externals[name]:
                target, _local = split_id(stub.id)
                if target and target in by_namespace:
                    origin = state.origins[stub.id]
                    found = externals.match(
                        externals.Declared(stub, kind, state.namespace),
                        origin,
                        sources[origin.path],
                        *_lookups(by_namespace[target], defined_in(target)),
                    )
                    findings.extend(_attributed(found, state.namespace))
                elif stub.id not in stand_ins:
                    stand_ins[stub.id] = state.namespace
                    kept[name].append(qualified_elements([stub], state.namespace)[0])
    declared_left = (
        Externals(**{name: tuple(items) for name, items in kept.items()})
        if any(kept.values())
        else None
    )
    arch = Architecture(format_version=1, externals=declared_left, **lists)
    origins = MergedOrigins({state.namespace: state.origins for state in loads}, stand_ins)
    return arch, origins, findings


def _lookups(
    state: _Submission, elements: dict[str, Any]
) -> tuple[Callable[[str], tuple[str, Any] | None], Callable[[str], list[str]]]:
    """What matching a declaration asks of the submission it names: the (kind, element) of a
    local id, and its ids of one kind (for a suggestion)."""

    def defined(local: str) -> tuple[str, Any] | None:
        element = elements.get(local)
        kind = state.origins.kind_of(local)
        return None if element is None or kind is None else (kind, element)

    def of_kind(kind: str) -> list[str]:
        return [i for i, k in state.origins.kinds() if k == kind and not split_id(i)[0]]

    return defined, of_kind
