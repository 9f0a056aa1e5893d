"""Reference checking: every id in a reference field names an element of an allowed kind
(REF001 undefined, REF003 not in the national catalogue, REF004 wrong kind, REF007 a unit of
before 1/7/2025, named with its successor by :func:`vndgaf.reference.legacy_reference`).

Which fields are references, and to which kinds, is declared once on the model
(``ref=("agency",)`` in a field's metadata, published in the schema as ``x-vndgaf-ref``). A
submission is checked on its own, whatever it is checked with: a local id resolves to an element
of the submission, ``vn:`` ids to the national reference catalogue, and a qualified id
(``submitter::id``, an element of another submission) to its declaration under ``externals``,
which a check of several submissions then matches to the element itself
(:mod:`vndgaf.load.externals`).

Fast path and reference: a national model holds about 500,000 references, nearly all good.
:func:`unresolved` checks whole lists a field at a time (one C-level pass per field, one cached
lookup per distinct id) and bisects only the halves that hold a bad reference, down to the
elements that :func:`refs` then checks one reference at a time. It yields exactly the elements
the one-by-one check finds, pinned by
``tests/loader/test_load_fast_paths.py::test_unresolved_matches_element_by_element_check``.
"""

import itertools
import operator
import typing
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Protocol

import attrs

from vndgaf.diagnostics import Finding, RuleInfo, Severity, Text
from vndgaf.load.checks import finding, input_check, located
from vndgaf.load.ids import Origins
from vndgaf.load.positions import SourceMap
from vndgaf.model import Submission
from vndgaf.model.capabilities import NAMED
from vndgaf.model.namespaces import is_catalogue_id, split_id
from vndgaf.suggest import MAX_LENGTH, Suggestions

if TYPE_CHECKING:
    from vndgaf.reference.legacy_refs import LegacyReference

__all__ = [
    "CHECKS",
    "Catalogue",
    "Kinds",
    "all_resolve",
    "check_references",
    "ref_plan",
    "refs",
    "unresolved",
]

_E = Severity.ERROR

DANGLING = input_check(
    "REF001",
    "dangling-reference",
    _E,
    Text(
        "Reference to an element that is not defined",
        "Tham chiếu tới phần tử không được định nghĩa",
    ),
    Text("Define the element or fix the id.", "Định nghĩa phần tử hoặc sửa mã định danh."),
    "Every id in a reference field must be defined in the submission or the catalogue; an "
    "element of another submission (submitter::id) must be declared under externals, so that "
    "the submission validates on its own, whatever it is checked with.",
)
UNKNOWN_CATALOGUE_ID = input_check(
    "REF003",
    "unknown-catalogue-id",
    _E,
    Text(
        "Id not found in the national reference catalogue",
        "Mã không có trong danh mục tham chiếu quốc gia",
    ),
    Text("Use an id listed by `vndgaf reference`.", "Dùng mã do `vndgaf reference` liệt kê."),
    "Ids starting with vn: refer to the built-in catalogue (provinces, communes, ministries, "
    "national platforms and databases).",
)
WRONG_KIND = input_check(
    "REF004",
    "reference-to-wrong-kind",
    _E,
    Text("Reference points at an element of the wrong kind", "Tham chiếu tới phần tử sai loại"),
    Text(
        "Point the field at an element of the expected kind.", "Trỏ trường tới phần tử đúng loại."
    ),
    "An owner must be an agency, a via entry a platform, a flow end a system …",
)
LEGACY_UNIT = input_check(
    "REF007",
    "legacy-unit-reference",
    _E,
    Text(
        "Reference to an administrative unit that ended on 1/7/2025",
        "Tham chiếu tới đơn vị hành chính đã kết thúc từ 1/7/2025",
    ),
    Text(
        "Refer to the successor unit the message names (`vndgaf units resolve CODE` shows the "
        "lineage).",
        "Tham chiếu đơn vị kế thừa được nêu trong thông báo (`vndgaf units resolve MÃ` cho biết "
        "quá trình sắp xếp).",
    ),
    "A unit field names a province, district or commune by its code or name before the 2025 "
    "arrangement (vn:province/49 is Quảng Nam, now part of Thành phố Đà Nẵng, vn:province/48). "
    "The finding names the unit(s) that took it over, from the official conversion table, or "
    "the candidates when the name is shared; never a look-alike id.",
)
CHECKS: tuple[RuleInfo, ...] = (DANGLING, UNKNOWN_CATALOGUE_ID, WRONG_KIND, LEGACY_UNIT)


class _Named(Protocol):
    @property
    def name(self) -> str: ...


class Catalogue(Protocol):
    """What reference checking needs from the national reference catalogue."""

    def kind_of(self, element_id: str) -> str | None: ...

    def suggest(self, element_id: str, limit: int = 3) -> tuple[str, ...]: ...

    def get(self, element_id: str) -> _Named | None: ...


#: How many equally close catalogue ids a misspelt one is compared by name with.
_HINTS = 12

RefPlan = tuple[tuple[str, tuple[str, ...], type | None, bool], ...]
_PLANS: dict[type, RefPlan] = {}


def ref_plan(cls: type) -> RefPlan:
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
        if kinds or (nested is not None and ref_plan(nested)):
            plan.append((field.name, kinds, nested, many))
    _PLANS[cls] = tuple(plan)
    return _PLANS[cls]


def refs(obj: Any, pointer: str) -> Iterator[tuple[str, str, tuple[str, ...]]]:
    """Every (referenced id, pointer of the reference, allowed kinds) inside ``obj``, a model
    object located at ``pointer``: the reference implementation, one reference at a time."""
    for name, kinds, nested, many in ref_plan(type(obj)):
        value = getattr(obj, name)
        if value is None:
            continue
        if nested is not None:
            items = value if many else (value,)
            for i, item in enumerate(items):
                sub = f"{pointer}/{name}/{i}" if many else f"{pointer}/{name}"
                yield from refs(item, sub)
        elif many:
            for i, ref in enumerate(value):
                yield ref, f"{pointer}/{name}/{i}", kinds
        else:
            yield value, f"{pointer}/{name}", kinds


class Kinds(dict[str, str | None]):
    """Kind of the element each referenced id names (the submission's elements and external
    declarations first, then the catalogue; None if neither), looked up on first use and cached,
    so a reference costs one dict lookup."""

    def __init__(self, origins: Origins, catalogue: Catalogue) -> None:
        super().__init__()
        self.origins = origins
        self.catalogue = catalogue

    def __missing__(self, ref: str) -> str | None:
        kind = self.origins.kind_of(ref)
        if kind is None and is_catalogue_id(ref):
            kind = self.catalogue.kind_of(ref)
        self[ref] = kind
        return kind


def all_resolve(objs: Sequence[Any], cls: type, kinds_of: Kinds) -> bool:
    """True when every reference inside ``objs`` (all of class ``cls``) names an element of an
    allowed kind.

    This is the common case of a national model (500,000 references): one C-level pass per field
    collects the distinct ids, each of which costs one cached lookup, and no pointer is built.
    """
    for name, kinds, nested, many in ref_plan(cls):
        values: Iterable[Any] = map(operator.attrgetter(name), objs)
        if many:
            values = itertools.chain.from_iterable(values)
        if nested is not None:
            items = [item for item in values if item is not None]
            if items and not all_resolve(items, nested, kinds_of):
                return False
            continue
        ids = set(values)
        ids.discard(None)
        if not frozenset(kinds).issuperset(map(kinds_of.__getitem__, ids)):
            return False
    return True


def unresolved(objs: Sequence[Any], cls: type, kinds_of: Kinds) -> Iterator[Any]:
    """The objects with a reference that does not resolve, in order. Halves that resolve are
    skipped whole, so a few bad elements among 100,000 cost a few batch checks."""
    if all_resolve(objs, cls, kinds_of):
        return
    if len(objs) == 1:
        yield objs[0]
        return
    half = len(objs) // 2
    yield from unresolved(objs[:half], cls, kinds_of)
    yield from unresolved(objs[half:], cls, kinds_of)


def check_references(
    origins: Origins,
    catalogue: Catalogue,
    sources: dict[str, SourceMap],
    declared: Sequence[tuple[str, str, Submission]],
    lists: Iterable[Sequence[Any]],
    namespace: str = "",
) -> list[Finding]:
    """Findings for every reference of one submission (named ``namespace``) that does not
    resolve: in its submission blocks (``declared``: path, pointer, block) and in its elements
    and external declarations (``lists``: the first definitions of each list, whose
    :class:`Origin` says where they are)."""
    checker = _Checker(origins, catalogue, sources, namespace)
    for path, pointer, submission in declared:
        for ref, ref_pointer, kinds in refs(submission, pointer):
            checker.check(ref, "", path, ref_pointer, kinds)
    for elements in lists:
        if not elements:
            continue
        for element in unresolved(elements, type(elements[0]), checker.kinds_of):
            origin = origins[element.id]  # its own: the lists hold first definitions
            name = element.name if isinstance(element, NAMED) else ""  # flows have none
            for ref, ref_pointer, kinds in refs(element, origin.pointer):
                checker.check(ref, element.id, origin.path, ref_pointer, kinds, name)
    return checker.findings


def _did_you_mean(hint: str | None, name: str = "") -> Text:
    """The suggestion tail of a bad-reference message ("" when there is none), with the name
    of the element suggested when it has one."""
    if hint is None:
        return Text("", "")
    named = f"'{hint}' ({name})" if name else f"'{hint}'"
    return Text(f" (did you mean {named}?)", f" (có phải ý bạn là {named}?)")


class _Checker:
    """The state of one reference check: the kind cache, the suggestion pools, the findings."""

    def __init__(
        self,
        origins: Origins,
        catalogue: Catalogue,
        sources: dict[str, SourceMap],
        namespace: str,
    ) -> None:
        self.origins = origins
        self.catalogue = catalogue
        self.sources = sources
        self.namespace = namespace
        self.kinds_of = Kinds(origins, catalogue)
        self.findings: list[Finding] = []
        self._by_kind: dict[str, list[str]] | None = None
        self._suggestions: dict[tuple[str, ...], Suggestions] = {}

    def ids_of_kind(self, kind: str) -> list[str]:
        """The submission's ids of one kind, for suggestions (built on the first bad ref)."""
        if self._by_kind is None:
            self._by_kind = {}
            for element_id, element_kind in self.origins.kinds():
                self._by_kind.setdefault(element_kind, []).append(element_id)
        return self._by_kind.get(kind, [])

    def suggestion(self, ref: str, kinds: tuple[str, ...]) -> str | None:
        """The id of one of ``kinds`` that ``ref`` most likely misspells (one index per kinds)."""
        if kinds not in self._suggestions:
            self._suggestions[kinds] = Suggestions(i for k in kinds for i in self.ids_of_kind(k))
        return self._suggestions[kinds].closest(ref)

    def _catalogue_hint(self, ref: str, context: str) -> Text:
        """The "did you mean" of a misspelt catalogue id, with the name of the id suggested.
        Of the ids equally close (a code one digit off matches many), the one whose name the
        referring element's name contains comes first: 'UBND phường Quy Nhơn' with
        vn:commune/23583 means vn:commune/21583, Phường Quy Nhơn."""
        hints = self.catalogue.suggest(ref, limit=_HINTS) if len(ref) <= MAX_LENGTH else ()
        named = [(h, e.name) for h in hints if (e := self.catalogue.get(h)) is not None]
        if not named:
            return _did_you_mean(None)
        from vndgaf.reference.names import fold, strip_kind  # only a misspelt id needs them

        said = fold(context)
        hint, name = next(
            ((h, n) for h, n in named if said and strip_kind(fold(n)).bare in said), named[0]
        )
        return _did_you_mean(hint, name)

    def check(
        self,
        ref: str,
        subject: str,
        path: str,
        pointer: str,
        kinds: tuple[str, ...],
        context: str = "",
    ) -> None:
        """Report ``ref`` when it names nothing (REF001, REF003 for a catalogue id) or an
        element of a kind the field does not allow (REF004); a good reference reports nothing.
        ``context`` is the name of the element that holds the reference (for suggestions)."""
        kind = self.kinds_of[ref]
        wanted = ", ".join(kinds)
        owner, local = split_id(ref)
        legacy = _legacy(ref) if kind is None and "unit" in kinds else None
        if legacy is not None:  # an old unit code, or a unit's name where its id belongs
            check, message = (LEGACY_UNIT if legacy.legacy else DANGLING), legacy.message
        elif kind is None and owner:
            check, message = DANGLING, self._qualified(ref, owner, local, wanted)
        elif kind is None and is_catalogue_id(ref):
            tail = self._catalogue_hint(ref, context)
            check, message = (
                UNKNOWN_CATALOGUE_ID,
                Text(
                    f"'{ref}' is not in the national reference catalogue{tail.en}",
                    f"'{ref}' không có trong danh mục tham chiếu quốc gia{tail.vi}",
                ),
            )
        elif kind is None:
            tail = _did_you_mean(self.suggestion(ref, kinds))
            check, message = (
                DANGLING,
                Text(
                    f"'{ref}' is not defined (expected {wanted}){tail.en}",
                    f"'{ref}' chưa được định nghĩa (cần {wanted}){tail.vi}",
                ),
            )
        elif kind not in kinds:
            check, message = (
                WRONG_KIND,
                Text(
                    f"'{ref}' is an element of kind '{kind}', but this field needs: {wanted}",
                    f"'{ref}' là phần tử loại '{kind}', nhưng trường này cần: {wanted}",
                ),
            )
        else:
            return
        location = located(path, self.sources[path], pointer)
        self.findings.append(finding(check, message, location, subject=subject, related=(ref,)))

    def _qualified(self, ref: str, owner: str, local: str, wanted: str) -> Text:
        """Why a qualified reference names nothing: it is the submission's own element written
        with its prefix, or an element of another submission that is not declared."""
        if owner == self.namespace:
            return Text(
                f"'{ref}' names this submission's own element: write '{local}' (the prefix "
                f"'{owner}::' is how other submissions name it)",
                f"'{ref}' là phần tử của chính hồ sơ này: hãy viết '{local}' (tiền tố "
                f"'{owner}::' là cách hồ sơ khác gọi nó)",
            )
        return Text(
            f"'{ref}' is an element of another submission ('{owner}') that is not declared: "
            f"declare it under externals (as {wanted}, with its owner), so that this submission "
            "validates on its own",
            f"'{ref}' là phần tử của hồ sơ khác ('{owner}') nhưng chưa được khai báo: hãy khai "
            f"báo trong externals (loại {wanted}, kèm cơ quan chủ quản) để hồ sơ này kiểm tra "
            "được độc lập",
        )


def _legacy(ref: str) -> "LegacyReference | None":
    """A unit id or name from before 1/7/2025 explained with its successor, or None.

    Unit resolution (names, lineage, the conversion table) is imported only when a reference
    to a unit is dangling: a clean file never pays for it (docs/performance.md).
    """
    from vndgaf.reference.legacy_refs import legacy_reference

    return legacy_reference(ref)
