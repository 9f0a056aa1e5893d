"""Catalogue overlays: YAML or JSON files that add, change or end facts of the catalogue.

The bundled catalogue is built from overlay files (``reference/data/``, in the order of
:data:`BUNDLED`), and a user's overlay is applied after them in the same way, so a platform
created after the release, a new decree or a unit changed by a resolution can be added without
waiting for one. The format has its own JSON Schema
(:func:`vndgaf.reference.overlay_schema.overlay_schema`, published as
``schemas/vndgaf-catalogue-overlay-1.schema.json``)::

    vndgaf_overlay: 1
    name: my-province-2027
    platforms:                      # add facts: units, agencies, platforms, databases, entities,
      - id: vn:platform/new-one     # capabilities, lists, frameworks, instruments, effects
        name: …
        provenance: {source: …, confidence: secondary, valid_from: 2027-01-01}
    changes:                        # set fields of a fact from a date on
      - {id: vn:province/22, effective: 2026-09-01, set: {kind: thanh_pho_truc_thuoc_tw},
         provenance: {…}}
    ends:                           # end a fact on a date
      - {id: vn:db/health, effective: 2027-01-01, provenance: {…}}

Element lists may also be written as a table (``columns`` + ``rows``), which is how the 3,321
communes are shipped. Reading a user's file never raises on bad content: every problem comes back
with file, line, column and JSON pointer (:class:`OverlayError`).
"""

import datetime as dt
import functools
import hashlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, Generic, Protocol, TypeVar

import attrs

from vndgaf.diagnostics import Location, Text
from vndgaf.errors import InputError
from vndgaf.model import (
    AdministrativeUnit,
    Agency,
    Database,
    DataEntity,
    Platform,
    Provenance,
)
from vndgaf.reference._data import read_json, read_yaml
from vndgaf.reference.capability import Capability
from vndgaf.reference.frameworks import FrameworkRelease
from vndgaf.reference.instruments import Effect, Instrument
from vndgaf.reference.lists import ReferenceList
from vndgaf.reference.overlay_values import (
    build_record,
    field_names,
    field_value,
    parse_date,
    parse_provenance,
    row_builder,
    row_item,
)

__all__ = [
    "BUNDLED",
    "BUNDLED_INSTRUMENTS",
    "FIXED_FIELDS",
    "FORMAT_KEY",
    "OVERLAY_FORMAT",
    "TABLES",
    "Change",
    "Check",
    "Ending",
    "Entry",
    "Locate",
    "Overlay",
    "OverlayError",
    "OverlayProblem",
    "SchemaProblemLike",
    "Section",
    "bundled_instruments",
    "bundled_overlays",
    "digest_of",
    "field_value",
    "overlay_from_data",
    "table_of",
]

T = TypeVar("T")

FORMAT_KEY = "vndgaf_overlay"
OVERLAY_FORMAT = 1

#: The bundled overlay of instruments and their effects (read on first use: see
#: :func:`vndgaf.reference.history.build_history`).
BUNDLED_INSTRUMENTS = "instruments.yaml"

#: The other bundled overlay files, in the order they are applied.
BUNDLED: tuple[str, ...] = (
    "provinces-2025-01.yaml",
    "units-2025.json",
    "agencies.yaml",
    "capabilities.yaml",
    "entities.yaml",
    "platforms.yaml",
    "databases.yaml",
    "frameworks.yaml",
    "changes-2026.yaml",
)

#: The dated tables an overlay adds to, with the class of their entries, in application order.
TABLES: Mapping[str, type] = {
    "units": AdministrativeUnit,
    "agencies": Agency,
    "capabilities": Capability,
    "entities": DataEntity,
    "platforms": Platform,
    "databases": Database,
    "lists": ReferenceList,
    "frameworks": FrameworkRelease,
}

#: The table each catalogue id prefix belongs to (capability codes have no prefix).
_PREFIX_TABLES: Mapping[str, str] = {
    "vn:province": "units",
    "vn:commune": "units",
    "vn:agency": "agencies",
    "vn:platform": "platforms",
    "vn:db": "databases",
    "vn:entity": "entities",
    "vn:list": "lists",
    "vn:framework": "frameworks",
}

#: Fields a change may not set: what identifies a fact, and its provenance (given beside it).
FIXED_FIELDS = ("id", "code", "provenance", "suppress")


def table_of(ident: str) -> str:
    """The table a fact id belongs to: ``vn:platform/ndxp`` → platforms; a bare code is a
    capability."""
    if ":" not in ident:
        return "capabilities"
    return _PREFIX_TABLES.get(ident.rpartition("/")[0], "")


def key_of(record: Any) -> str:
    """The id of a catalogue record (a capability's code)."""
    return str(record.code if isinstance(record, Capability) else record.id)


@attrs.frozen
class Change:
    """Set some fields of a fact from ``effective`` on (a unit becomes a city, an owner moves)."""

    id: str
    effective: dt.date
    fields: Mapping[str, Any]
    provenance: Provenance | None = None


@attrs.frozen
class Ending:
    """End a fact on ``effective``: from that date it is no longer in force."""

    id: str
    effective: dt.date
    provenance: Provenance | None = None


@attrs.frozen
class Entry(Generic[T]):
    """One structured entry of an overlay and where it is written (JSON pointer)."""

    value: T
    pointer: str


@attrs.frozen
class Section(Generic[T]):
    """The entries of one table section of an overlay, in order; entry ``i`` is written at
    ``pointer(i)`` (pointers are made only when a problem needs one)."""

    values: tuple[T, ...]
    prefix: str

    def pointer(self, index: int) -> str:
        """The JSON pointer of entry ``index``."""
        return f"{self.prefix}/{index}"


@attrs.frozen
class OverlayProblem:
    """A mistake in an overlay file, with where it is."""

    code: str
    message: Text
    location: Location

    def __str__(self) -> str:
        return f"{self.location}: {self.code} {self.message.en}"


class OverlayError(InputError):
    """An overlay file cannot be applied; ``problems`` says every reason, located."""

    def __init__(self, problems: Sequence[OverlayProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@attrs.frozen(eq=False)
class Overlay:
    """A parsed overlay: what it adds, changes and ends, each entry with its pointer."""

    name: str
    path: str
    digest: str
    bundled: bool
    title: str | None
    date: dt.date | None
    version: str | None
    sources: tuple[str, ...]
    instruments: tuple[Entry[Instrument], ...]
    effects: tuple[Entry[Effect], ...]
    tables: Mapping[str, Section[Any]]
    changes: tuple[Entry[Change], ...]
    ends: tuple[Entry[Ending], ...]
    locate: "Locate" = attrs.field(repr=False)

    def problem(self, code: str, en: str, vi: str, pointer: str) -> OverlayProblem:
        """A problem located at ``pointer`` of this file."""
        line, column = self.locate(pointer, False)
        return OverlayProblem(code, Text(en, vi), Location(self.path, line, column, pointer))

    @property
    def label(self) -> str:
        """How reports name the overlay: its name, file and digest."""
        return f"{self.name} ({self.path}, sha256:{self.digest})"


# --------------------------------------------------------------------------------------------
# Reading


class SchemaProblemLike(Protocol):
    """What a schema check reports: code, message, pointer (and whether it points at a key)."""

    @property
    def code(self) -> str: ...

    @property
    def message(self) -> Text: ...

    @property
    def pointer(self) -> str: ...

    @property
    def key(self) -> bool: ...


#: Checks ``data`` against :func:`schema_for` ``(ref)`` and returns the problems, sorted.
Check = Callable[[str, Any], Sequence[SchemaProblemLike]]
#: The 1-based (line, column) of a JSON pointer (of its key when the flag is set).
Locate = Callable[[str, bool], tuple[int, int]]


def _nowhere(_pointer: str, _key: bool) -> tuple[int, int]:
    return (0, 0)


def _moved(problem: SchemaProblemLike, prefix: str, columns: Sequence[str] | None = None) -> str:
    """The pointer of a problem found in a sub-document, as a pointer of the file."""
    pointer = problem.pointer
    if columns is not None and pointer:
        head, _, rest = pointer[1:].partition("/")
        if head in columns:
            pointer = f"/{columns.index(head)}" + (f"/{rest}" if rest else "")
    return prefix + pointer


class _Reader:
    """Turns one parsed document into an :class:`Overlay`, collecting located problems.

    ``check`` (the schema checks) is None for the bundled files, which the tests check.
    """

    def __init__(
        self, path: str, digest: str, bundled: bool, locate: Locate, check: Check | None
    ) -> None:
        self.path = path
        self.digest = digest
        self.bundled = bundled
        self.locate = locate
        self.check = check
        self.problems: list[OverlayProblem] = []

    def problem(self, code: str, en: str, vi: str, pointer: str, *, key: bool = False) -> None:
        line, column = self.locate(pointer, key)
        self.problems.append(
            OverlayProblem(code, Text(en, vi), Location(self.path, line, column, pointer))
        )

    def schema(self, problems: Sequence[SchemaProblemLike], prefix: str = "", **kw: Any) -> None:
        for p in problems:
            pointer = _moved(p, prefix, kw.get("columns"))
            self.problem(p.code, p.message.en, p.message.vi, pointer, key=p.key)

    def read(self, data: Any) -> Overlay | None:
        if not isinstance(data, dict):
            self.problem(
                "SCH012",
                "an overlay must be a mapping with 'vndgaf_overlay: 1' and 'name'",
                "tệp bổ sung danh mục phải là ánh xạ có 'vndgaf_overlay: 1' và 'name'",
                "",
            )
            return None
        if data.get(FORMAT_KEY) != OVERLAY_FORMAT:
            self._format_problem(data)
            return None
        if self.check is not None:
            self.schema(self.check("", data))
            if self.problems:
                return None
        default = parse_provenance((data.get("defaults") or {}).get("provenance"))
        tables: dict[str, Section[Any]] = {
            name: self._section(data, name, cls, default) for name, cls in TABLES.items()
        }
        instruments = tuple(self._list(data, "instruments", Instrument, default))
        effects = tuple(self._list(data, "effects", Effect, default))
        changes = tuple(self._changes(data, default))
        ends = tuple(
            Entry(
                Ending(
                    item["id"],
                    parse_date(item["effective"]),
                    parse_provenance(item.get("provenance")) or default,
                ),
                f"/ends/{index}",
            )
            for index, item in enumerate(data.get("ends", ()))
        )
        if self.problems:
            return None
        return Overlay(
            name=data["name"],
            path=self.path,
            digest=self.digest,
            bundled=self.bundled,
            title=data.get("title"),
            date=parse_date(data["date"]) if data.get("date") else None,
            version=data.get("version"),
            sources=tuple(data.get("sources", ())),
            instruments=instruments,
            effects=effects,
            tables=tables,
            changes=changes,
            ends=ends,
            locate=self.locate,
        )

    def _format_problem(self, data: dict[str, Any]) -> None:
        if FORMAT_KEY not in data:
            self.problem(
                "SCH014",
                "missing vndgaf_overlay: write 'vndgaf_overlay: 1' at the top of the file",
                "thiếu vndgaf_overlay: ghi 'vndgaf_overlay: 1' ở đầu tệp",
                "",
            )
        else:
            value = data[FORMAT_KEY]
            self.problem(
                "SCH014",
                f"unsupported vndgaf_overlay {value!r}: this vndgaf reads overlay format 1",
                f"vndgaf_overlay {value!r} không được hỗ trợ: vndgaf đọc định dạng 1",
                f"/{FORMAT_KEY}",
            )

    def _list(
        self, data: dict[str, Any], name: str, cls: type[T], default: Provenance | None
    ) -> Iterator[Entry[T]]:
        for index, item in enumerate(data.get(name, ())):
            yield self._entry(item, cls, f"/{name}/{index}", default)

    def _section(
        self, data: dict[str, Any], name: str, cls: type[T], default: Provenance | None
    ) -> Section[T]:
        value = data.get(name)
        if value is None:
            return Section((), f"/{name}")
        if isinstance(value, list):
            return Section(tuple(e.value for e in self._list(data, name, cls, default)), f"/{name}")
        columns = tuple(value["columns"])
        known = field_names(cls)
        unknown = [i for i, c in enumerate(columns) if c not in known]
        for i in unknown:
            self.problem(
                "SCH010",
                f"unknown column '{columns[i]}' in {name}: a column is a field of {cls.__name__}",
                f"cột không xác định '{columns[i]}' trong {name}",
                f"/{name}/columns/{i}",
            )
        if unknown:
            return Section((), f"/{name}/rows")
        if self.check is not None:
            before = len(self.problems)
            self._check_rows(name, cls, columns, value["rows"], self.check)
            if len(self.problems) > before:
                return Section((), f"/{name}/rows")
        if "provenance" in columns or default is None:
            items = (row_item(columns, row) for row in value["rows"])
            values = tuple(
                self._entry(item, cls, f"/{name}/rows/{i}", default).value
                for i, item in enumerate(items)
            )
        else:  # the bulk case (3,321 communes): one provenance object for every row
            build = row_builder(cls, columns)
            values = tuple(build(row, default) for row in value["rows"])
        return Section(values, f"/{name}/rows")

    def _check_rows(
        self, name: str, cls: type, columns: tuple[str, ...], rows: list[Any], check: Check
    ) -> None:
        width = len(columns)
        for index, row in enumerate(rows):
            pointer = f"/{name}/rows/{index}"
            if len(row) != width:
                self.problem(
                    "SCH013",
                    f"row {index} of {name} has {len(row)} values for {width} columns",
                    f"dòng {index} của {name} có {len(row)} giá trị cho {width} cột",
                    pointer,
                )
                continue
            self.schema(check(cls.__name__, row_item(columns, row)), pointer, columns=columns)

    def _entry(
        self, item: dict[str, Any], cls: type[T], pointer: str, default: Provenance | None
    ) -> Entry[T]:
        provenance = parse_provenance(item.get("provenance")) or default
        if provenance is None and "provenance" in field_names(cls):
            self.problem(
                "CAT005",
                "entry has no provenance, and the file has no defaults.provenance: say "
                "where the fact comes from",
                "mục không có provenance và tệp không có defaults.provenance: ghi rõ nguồn",
                pointer,
            )
        return Entry(build_record(cls, item, provenance), pointer)

    def _changes(self, data: dict[str, Any], default: Provenance | None) -> Iterator[Entry[Change]]:
        for index, item in enumerate(data.get("changes", ())):
            pointer = f"/changes/{index}"
            table = table_of(item["id"])
            if not table:
                self.problem(
                    "CAT001",
                    f"'{item['id']}' is not the id of a dated catalogue fact",
                    f"'{item['id']}' không phải mã của một dữ kiện danh mục có thời hạn",
                    f"{pointer}/id",
                )
                continue
            fields = item["set"]
            if self.check is not None:
                problems = self.check(f"set:{table}", fields)
                if problems:
                    self.schema(problems, f"{pointer}/set")
                    continue
            yield Entry(
                Change(
                    item["id"],
                    parse_date(item["effective"]),
                    fields,
                    parse_provenance(item.get("provenance")) or default,
                ),
                pointer,
            )


def digest_of(raw: bytes) -> str:
    """How reports identify an overlay's content: the first 12 hex digits of its SHA-256."""
    return hashlib.sha256(raw).hexdigest()[:12]


def overlay_from_data(
    data: Any,
    path: str,
    *,
    digest: str = "",
    locate: Locate | None = None,
    check: Check | None = None,
    bundled: bool = False,
) -> Overlay:
    """The overlay a parsed document holds; :class:`OverlayError` lists every problem.

    ``locate`` gives positions for the problems (a user's file is parsed with positions by
    :mod:`vndgaf.load.overlays`); ``check`` runs the schema checks (None: trusted, as the bundled
    files are, which the tests check as a user's).
    """
    reader = _Reader(path, digest, bundled, locate or _nowhere, check)
    overlay = reader.read(data)
    if overlay is None:
        raise OverlayError(reader.problems)
    return overlay


def _bundled(name: str) -> Overlay:
    data = read_json(name) if name.endswith(".json") else read_yaml(name)
    return overlay_from_data(data, f"vndgaf/reference/data/{name}", bundled=True)


@functools.cache
def bundled_instruments() -> tuple[Overlay, ...]:
    """The package's overlay of instruments and effects, parsed."""
    return (_bundled(BUNDLED_INSTRUMENTS),)


@functools.cache
def bundled_overlays() -> tuple[Overlay, ...]:
    """The package's other overlay files, parsed, in the order they are applied."""
    return tuple(_bundled(name) for name in BUNDLED)
