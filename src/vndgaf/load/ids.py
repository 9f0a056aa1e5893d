"""Where each id is defined: the registry of first definitions, and the checks on defining an
id (REF002 duplicate, REF005 reserved ``vn:`` id).

Ids are unique within a submission (every file of it, every element kind), so that a reference
names one element; each submission has its own registry, so equal ids in different submissions
never meet (other submissions name them ``submitter::id``). The external declarations of a
submission are registered with their qualified ids in the same registry. The ``vn:`` prefix
belongs to the national reference catalogue. A national
model defines 100,000s of ids, so the registry keeps a compact place per id and registers a
whole list of new ids with one C-level update (:func:`define_list`); an id list that is not all
new, distinct, string ids outside ``vn:`` goes id by id.

Fast path and reference: the bulk registration keeps exactly the first definitions, and reports
exactly the findings, that defining the ids one by one gives, pinned by
``tests/loader/test_define_ids.py::test_define_list_keeps_what_one_by_one_keeps`` on generated
id lists (and, on a synthetic province, by ``tests/loader/test_load_fast_paths.py``).
"""

import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from vndgaf.diagnostics import Finding, RuleInfo, Severity, Text
from vndgaf.load.checks import finding, input_check, located
from vndgaf.load.positions import SourceMap
from vndgaf.model.namespaces import CATALOGUE_PREFIX, is_catalogue_id

__all__ = ["CATALOGUE_PREFIX", "CHECKS", "SUBMISSION", "Origin", "Origins", "define_list"]

_E = Severity.ERROR

DUPLICATE_ID = input_check(
    "REF002",
    "duplicate-id",
    _E,
    Text("The same id is defined twice", "Mã định danh bị trùng"),
    Text("Give each element its own id.", "Đặt mã định danh riêng cho mỗi phần tử."),
    "Ids are unique across all files of a submission and all element kinds (each submission "
    "has its own ids: equal ids in different submissions are fine).",
)
RESERVED_ID = input_check(
    "REF005",
    "reserved-catalogue-id",
    _E,
    Text(
        "Submission defines an id in the reserved vn: space",
        "Hồ sơ định nghĩa mã thuộc không gian vn: dành riêng",
    ),
    Text(
        "Refer to the catalogue element instead of redefining it, or choose another id.",
        "Tham chiếu phần tử danh mục thay vì định nghĩa lại, hoặc đặt mã khác.",
    ),
    "The vn: prefix belongs to the national catalogue, so that one id means one thing.",
)
CHECKS: tuple[RuleInfo, ...] = (DUPLICATE_ID, RESERVED_ID)


@attrs.frozen
class Origin:
    """Where an element is defined: file, JSON pointer, and its kind."""

    path: str
    pointer: str
    kind: str


SUBMISSION = "submission"
"""The kind of a submission block's origin (not an element kind)."""

_Place = tuple[str, str, int | None, str]
"""Where an id is defined, compactly: path, pointer of its list (or block), index, kind."""


class Origins(Mapping[str, Origin]):
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
        return None if place is None or place[3] == SUBMISSION else place[3]

    def kinds(self) -> Iterator[tuple[str, str]]:
        """(id, kind) of every element defined, in definition order."""
        return ((i, p[3]) for i, p in self._places.items() if p[3] != SUBMISSION)

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


def define_list(
    origins: Origins, path: str, source: SourceMap, name: str, kind: str, ids: list[Any]
) -> tuple[list[bool], list[Finding]]:
    """Define the ids of one element list (``name``, items of ``kind``) of the file ``path``.

    Gives, per item, True if it is the first definition of its id (False for a duplicate, which
    is reported, or an item without a string id), and the findings. The common case, new string
    ids outside the catalogue's ``vn:`` space, is recorded with C-level bulk updates; anything
    else goes id by id.
    """
    if (
        set(map(type, ids)) <= {str}
        and len(set(ids)) == len(ids)
        and origins.isdisjoint(ids)
        and not any(map(str.startswith, ids, itertools.repeat(CATALOGUE_PREFIX)))
    ):
        origins.add_list(ids, path, f"/{name}", kind)
        return [True] * len(ids), []
    findings: list[Finding] = []
    firsts = [
        isinstance(element_id, str)
        and _define(origins, path, source, element_id, name, index, kind, findings)
        for index, element_id in enumerate(ids)
    ]
    return firsts, findings


def _define(
    origins: Origins,
    path: str,
    source: SourceMap,
    element_id: str,
    name: str,
    index: int,
    kind: str,
    findings: list[Finding],
) -> bool:
    """Record where ``element_id`` is defined; False (and REF002) if it already was."""
    pointer = f"/{name}/{index}"
    if element_id in origins:
        first = origins[element_id]
        findings.append(
            finding(
                DUPLICATE_ID,
                Text(
                    f"duplicate id '{element_id}': already defined at {first.path}"
                    f" ({first.pointer})",
                    f"mã định danh '{element_id}' bị trùng: đã định nghĩa tại {first.path}"
                    f" ({first.pointer})",
                ),
                located(path, source, pointer + "/id"),
                subject=element_id,
            )
        )
        return False
    if is_catalogue_id(element_id):
        findings.append(
            finding(
                RESERVED_ID,
                Text(
                    f"'{element_id}' is a reserved catalogue id; "
                    "refer to it instead of defining it",
                    f"'{element_id}' là mã danh mục dành riêng; hãy tham chiếu thay vì định nghĩa",
                ),
                located(path, source, pointer + "/id"),
                subject=element_id,
            )
        )
    origins.add(element_id, path, f"/{name}", index, kind)
    return True
