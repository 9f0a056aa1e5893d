"""Safe YAML/JSON parsing that keeps positions.

Input files are untrusted, so parsing never constructs arbitrary objects, bounds alias expansion,
nesting depth, input and scalar size, and turns every user mistake into a :class:`ParseProblem`
with a 1-based line/column and a JSON pointer, instead of an exception.

YAML is read as an event stream (libyaml when available) and the data is built here with an
explicit stack, resolving scalars with the YAML 1.2 core schema (so ``yes``/``on`` and dates stay
strings). JSON goes through :func:`json.loads` at C speed; its positions are found lazily, by
walking only the path of each pointer asked for (see :class:`_JsonLocator`).
"""

import bisect
import itertools
import json
import math
import operator
import os
import re
import sys
from collections.abc import Callable, Iterator, Mapping
from typing import Any, BinaryIO, Final

import attrs
import yaml
import yaml.events as ev

from vndgaf.diagnostics import Text, pointer_parts, pointer_token
from vndgaf.errors import InputError

__all__ = [
    "Limits",
    "ParseProblem",
    "ParseResult",
    "SourceMap",
    "parse_bytes",
    "parse_file",
]


@attrs.frozen
class Limits:
    """Resource bounds; exceeding any of them is a fatal SCH004 problem."""

    max_bytes: int = 256 * 1024 * 1024
    max_depth: int = 200
    max_alias_nodes: int = 100_000
    max_scalar_length: int = 10 * 1024 * 1024


@attrs.frozen
class ParseProblem:
    """A user mistake found while parsing (codes SCH001-SCH006), with where it is."""

    code: str
    message: Text
    line: int
    column: int
    pointer: str


Position = tuple[int, int]


class SourceMap:
    """Where each value (and each mapping key) of one document is, by RFC 6901 JSON pointer.

    The index is either given up front (YAML, and JSON with duplicate keys) or replaced by a
    ``locator`` function that finds one pointer on demand (clean JSON), so a document nobody asks
    locations for costs nothing extra. With ``starts`` (the offsets where lines begin) the index
    holds character offsets, turned into positions on lookup.
    """

    __slots__ = ("_keys", "_locator", "_starts", "_values")

    def __init__(
        self,
        values: Mapping[str, Position | int] | None = None,
        keys: Mapping[str, Position | int] | None = None,
        *,
        starts: list[int] | None = None,
        locator: Callable[[str, bool], Position] | None = None,
    ) -> None:
        self._values = values
        self._keys = keys
        self._starts = starts
        self._locator = locator

    def _where(self, found: Position | int) -> Position:
        if isinstance(found, int):
            return _position(self._starts or [0], found)
        return found

    def locate(self, pointer: str, *, key: bool = False) -> Position:
        """1-based (line, column) of the value at ``pointer``, or of its key when ``key``.

        A pointer that does not exist gives the position of its deepest existing ancestor (a
        list item has no key, so ``key=True`` gives the item itself); the root defaults to 1:1.
        """
        if self._locator is not None:
            return self._locator(pointer, key)
        values, keys = self._values or {}, self._keys or {}
        if key and pointer in keys:
            return self._where(keys[pointer])
        while True:
            found = values.get(pointer)
            if found is not None:
                return self._where(found)
            if not pointer:
                return (1, 1)
            pointer = pointer.rsplit("/", 1)[0]


@attrs.frozen
class ParseResult:
    """The parsed data (``None`` after a fatal problem), its positions and the problems found."""

    path: str
    data: Any | None
    source: SourceMap
    problems: tuple[ParseProblem, ...]


# --------------------------------------------------------------------------------------------
# Shared helpers


class _Fatal(Exception):
    """Stops parsing; carries the problem to report."""

    def __init__(self, problem: ParseProblem) -> None:
        super().__init__(problem.code)
        self.problem = problem
        self.earlier: list[ParseProblem] = []


_NEWLINE: Final = re.compile(r"\r\n|\r|\n")
_NOT_JSON_SPACE: Final = re.compile(r"[^ \t\r\n]")
_CORE_TAGS: Final = "!!str, !!int, !!float, !!bool, !!null, !!map, !!seq"


def _line_starts(text: str) -> list[int]:
    """Offsets where each line begins; ``\\r\\n``, ``\\r`` and ``\\n`` each end a line."""
    if "\r" in text:
        return [0, *(m.end() for m in _NEWLINE.finditer(text))]
    lengths = map(len, text.split("\n")[:-1])
    return [0, *itertools.accumulate(map((1).__add__, lengths))]


def _position(starts: list[int], offset: int) -> Position:
    """1-based (line, column) of a character offset, given :func:`_line_starts`."""
    line = bisect.bisect_right(starts, offset) - 1
    return (line + 1, offset - starts[line] + 1)


def _problem(code: str, en: str, vi: str, pos: Position, pointer: str = "") -> ParseProblem:
    return ParseProblem(code, Text(en=en, vi=vi), pos[0], pos[1], pointer)


def _too_big(limit: int) -> ParseProblem:
    return _problem(
        "SCH004",
        f"The file is larger than {limit} bytes.",
        f"Tệp lớn hơn {limit} byte.",
        (1, 1),
    )


def _too_deep(limit: int, pos: Position, pointer: str) -> ParseProblem:
    return _problem(
        "SCH004",
        f"Nesting is deeper than {limit} levels.",
        f"Mức lồng nhau sâu hơn {limit} cấp.",
        pos,
        pointer,
    )


def _too_long(limit: int, pos: Position, pointer: str) -> ParseProblem:
    return _problem(
        "SCH004",
        f"A value is longer than {limit} characters.",
        f"Một giá trị dài hơn {limit} ký tự.",
        pos,
        pointer,
    )


def _too_many_digits(pos: Position, pointer: str) -> ParseProblem:
    limit = sys.get_int_max_str_digits()
    return _problem(
        "SCH004",
        f"A number has more than {limit} digits.",
        f"Một số có nhiều hơn {limit} chữ số.",
        pos,
        pointer,
    )


def _non_finite(value: str, pos: Position, pointer: str) -> ParseProblem:
    return _problem(
        "SCH006",
        f"The non-finite number {value} is not allowed; numbers must be finite.",
        f"Không cho phép số không hữu hạn {value}; các số phải hữu hạn.",
        pos,
        pointer,
    )


def _empty() -> ParseProblem:
    return _problem(
        "SCH001",
        "The file is empty: it holds no document.",
        "Tệp rỗng: không chứa tài liệu nào.",
        (1, 1),
    )


def _duplicate(key: str, pos: Position, pointer: str) -> ParseProblem:
    return _problem(
        "SCH002",
        f"Duplicate key '{key}': only its first value is kept.",
        f"Khóa '{key}' bị trùng lặp: chỉ giữ lại giá trị đầu tiên.",
        pos,
        pointer,
    )


# --------------------------------------------------------------------------------------------
# Bytes -> text


_UTF8_BOM: Final = b"\xef\xbb\xbf"
_OTHER_BOMS: Final = (
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\xfe\xff", "UTF-16"),
    (b"\xff\xfe", "UTF-16"),
)


def _decode(raw: bytes) -> str:
    """UTF-8 text without its BOM, or a fatal SCH005 at the first bad byte."""
    for bom, name in _OTHER_BOMS:
        if raw.startswith(bom):
            raise _Fatal(
                _problem(
                    "SCH005",
                    f"The file is encoded as {name}; save it as UTF-8.",
                    f"Tệp được mã hóa {name}; hãy lưu lại dưới dạng UTF-8.",
                    (1, 1),
                )
            )
    if raw.startswith(_UTF8_BOM):
        raw = raw[len(_UTF8_BOM) :]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start].decode("utf-8")
        pos = _position(_line_starts(before), len(before))
        bad = raw[exc.start]
        raise _Fatal(
            _problem(
                "SCH005",
                f"The file is not valid UTF-8 (byte 0x{bad:02X}); save it as UTF-8.",
                f"Tệp không phải UTF-8 hợp lệ (byte 0x{bad:02X}); hãy lưu lại dưới dạng UTF-8.",
                pos,
            )
        ) from None


# --------------------------------------------------------------------------------------------
# YAML: events -> data, with an explicit stack

_YAML_NULL: Final = re.compile(r"null|Null|NULL|~|")
_YAML_BOOL: Final = {"true": True, "True": True, "TRUE": True}
_YAML_FALSE: Final = {"false": False, "False": False, "FALSE": False}
_YAML_INT: Final = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_YAML_FLOAT: Final = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_YAML_INF: Final = re.compile(r"[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")

_TAG: Final = "tag:yaml.org,2002:"
_SCALAR_TAGS: Final = frozenset(_TAG + t for t in ("str", "int", "float", "bool", "null"))
_MAP_TAG: Final = _TAG + "map"
_SEQ_TAG: Final = _TAG + "seq"

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NO_KEY: Final = object()


class _Frame:
    """A mapping or sequence being built."""

    __slots__ = ("anchor", "container", "count", "dup", "key", "pointer")

    def __init__(self, container: dict[str, Any] | list[Any], pointer: str, anchor: str | None):
        self.container = container
        self.pointer = pointer
        self.anchor = anchor
        self.count = 1
        self.key: Any = _NO_KEY
        self.dup = False


def _yaml_pos(event: ev.Event) -> Position:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _resolve_plain(value: str) -> Any:
    """YAML 1.2 core schema resolution of an untagged plain scalar."""
    if _YAML_NULL.fullmatch(value):
        return None
    if value in _YAML_BOOL:
        return True
    if value in _YAML_FALSE:
        return False
    if _YAML_INT.fullmatch(value):
        return _to_int(value)
    if _YAML_FLOAT.fullmatch(value):
        return float(value)
    if _YAML_INF.fullmatch(value):
        return math.nan
    return value


def _to_int(value: str) -> int:
    if value.startswith("0o"):
        return int(value[2:], 8)
    if value.startswith("0x"):
        return int(value[2:], 16)
    return int(value, 10)


def _resolve_tagged(value: str, tag: str) -> Any:
    """A scalar with an explicit core tag; ``ValueError`` when it does not fit the tag."""
    kind = tag[len(_TAG) :]
    if kind == "str":
        return value
    if kind == "int" and _YAML_INT.fullmatch(value):
        return _to_int(value)
    if kind == "float" and (_YAML_FLOAT.fullmatch(value) or _YAML_INF.fullmatch(value)):
        return math.nan if _YAML_INF.fullmatch(value) else float(value)
    if kind == "bool" and (value in _YAML_BOOL or value in _YAML_FALSE):
        return value in _YAML_BOOL
    if kind == "null" and _YAML_NULL.fullmatch(value):
        return None
    raise ValueError(kind)


def _key_text(value: Any) -> str:
    """An aliased scalar used as a key: numbers by ``str()``, booleans and null as in JSON."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


class _YamlBuilder:
    """Builds one document's data and position index from a PyYAML event stream."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.values: dict[str, Position] = {}
        self.keys: dict[str, Position] = {}
        self.problems: list[ParseProblem] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.stack: list[_Frame] = []
        self.expanded = 0
        self.done = False
        self.data: Any = None
        self.documents = 0

    def run(self, events: Iterator[ev.Event]) -> Any:
        for event in events:
            self.feed(event)
        if self.documents == 0:
            raise _Fatal(_empty())
        return self.data

    def feed(self, event: ev.Event) -> None:
        if isinstance(event, ev.ScalarEvent):
            self.scalar(event)
        elif isinstance(event, ev.MappingStartEvent | ev.SequenceStartEvent):
            self.start(event)
        elif isinstance(event, ev.MappingEndEvent | ev.SequenceEndEvent):
            frame = self.stack.pop()
            if frame.anchor is not None:
                self.anchors[frame.anchor] = (frame.container, frame.count)
            self.attach(frame.container, frame.count)
        elif isinstance(event, ev.AliasEvent):
            self.alias(event)
        elif isinstance(event, ev.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise _Fatal(
                    _problem(
                        "SCH001",
                        "A file must hold one document only; a second document starts here.",
                        "Mỗi tệp chỉ được chứa một tài liệu; tài liệu thứ hai bắt đầu ở đây.",
                        _yaml_pos(event),
                    )
                )

    def child_pointer(self) -> str:
        if not self.stack:
            return ""
        top = self.stack[-1]
        if isinstance(top.container, list):
            return f"{top.pointer}/{len(top.container)}"
        return f"{top.pointer}/{pointer_token(top.key)}"

    def expecting_key(self) -> bool:
        return (
            bool(self.stack)
            and self.stack[-1].key is _NO_KEY
            and (isinstance(self.stack[-1].container, dict))
        )

    def check_tag(self, tag: str | None, allowed: frozenset[str], pos: Position, ptr: str) -> None:
        if tag is None or tag == "!" or tag in allowed:
            return
        if tag in _SCALAR_TAGS or tag in (_MAP_TAG, _SEQ_TAG):
            raise _Fatal(
                _problem(
                    "SCH001",
                    f"The tag !!{tag[len(_TAG) :]} does not fit this kind of node.",
                    f"Thẻ !!{tag[len(_TAG) :]} không phù hợp với loại nút này.",
                    pos,
                    ptr,
                )
            )
        shown = "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag
        raise _Fatal(
            _problem(
                "SCH003",
                f"The tag {shown} is not allowed: only the YAML core tags ({_CORE_TAGS}) are "
                "accepted.",
                f"Không cho phép thẻ {shown}: chỉ chấp nhận các thẻ lõi của YAML ({_CORE_TAGS}).",
                pos,
                ptr,
            )
        )

    def set_key(self, value: Any, pos: Position) -> None:
        top = self.stack[-1]
        if isinstance(value, dict | list):
            self.key_not_scalar(pos, top.pointer)
        key = _key_text(value)
        pointer = f"{top.pointer}/{pointer_token(key)}"
        if key in top.container:
            self.problems.append(_duplicate(key, pos, pointer))
            top.dup = True
        self.keys.setdefault(pointer, pos)
        top.key = key

    def key_not_scalar(self, pos: Position, pointer: str) -> None:
        raise _Fatal(
            _problem(
                "SCH001",
                "A mapping key must be a single value, not a mapping or a list.",
                "Khóa của ánh xạ phải là một giá trị đơn, không phải ánh xạ hay danh sách.",
                pos,
                pointer,
            )
        )

    def attach(self, value: Any, count: int) -> None:
        if not self.stack:
            self.data = value
            return
        top = self.stack[-1]
        top.count += count
        if isinstance(top.container, list):
            top.container.append(value)
            return
        if not top.dup:
            top.container[top.key] = value
        top.key = _NO_KEY
        top.dup = False

    def scalar(self, event: ev.ScalarEvent) -> None:
        pos = _yaml_pos(event)
        is_key = self.expecting_key()
        pointer = self.stack[-1].pointer if is_key else self.child_pointer()
        self.check_tag(event.tag, _SCALAR_TAGS, pos, pointer)
        text = event.value
        if len(text) > self.limits.max_scalar_length:
            raise _Fatal(_too_long(self.limits.max_scalar_length, pos, pointer))
        if is_key:  # keys keep their text: `1:`, `0x1F:` and `null:` give "1", "0x1F", "null"
            if event.anchor is not None:
                self.anchors[event.anchor] = (text, 1)
            self.set_key(text, pos)
            return
        try:
            if event.tag is not None and event.tag != "!":
                value = _resolve_tagged(text, event.tag)
            elif event.implicit[0] and event.tag is None:
                value = _resolve_plain(text)
            else:
                value = text
        except ValueError as exc:
            if exc.args and exc.args[0] in ("int", "float", "bool", "null"):
                raise _Fatal(
                    _problem(
                        "SCH001",
                        f"{text!r} is not a valid !!{exc.args[0]} value.",
                        f"{text!r} không phải là giá trị !!{exc.args[0]} hợp lệ.",
                        pos,
                        pointer,
                    )
                ) from None
            raise _Fatal(_too_many_digits(pos, pointer)) from None
        if isinstance(value, float) and not math.isfinite(value):
            raise _Fatal(_non_finite(text, pos, pointer))
        if event.anchor is not None:
            self.anchors[event.anchor] = (value, 1)
        self.values.setdefault(pointer, pos)
        self.attach(value, 1)

    def start(self, event: ev.CollectionStartEvent) -> None:
        pos = _yaml_pos(event)
        if self.expecting_key():
            self.key_not_scalar(pos, self.stack[-1].pointer)
        pointer = self.child_pointer()
        is_map = isinstance(event, ev.MappingStartEvent)
        allowed = frozenset((_MAP_TAG,) if is_map else (_SEQ_TAG,))
        self.check_tag(event.tag, allowed, pos, pointer)
        if len(self.stack) >= self.limits.max_depth:
            raise _Fatal(_too_deep(self.limits.max_depth, pos, pointer))
        self.values.setdefault(pointer, pos)
        container: dict[str, Any] | list[Any] = {} if is_map else []
        self.stack.append(_Frame(container, pointer, event.anchor))

    def alias(self, event: ev.AliasEvent) -> None:
        pos = _yaml_pos(event)
        is_key = self.expecting_key()
        pointer = self.stack[-1].pointer if is_key else self.child_pointer()
        name = event.anchor or ""
        if name not in self.anchors:
            raise _Fatal(
                _problem(
                    "SCH001",
                    f"The alias *{name} refers to no anchor defined before it.",
                    f"Bí danh *{name} không trỏ tới neo nào được định nghĩa trước đó.",
                    pos,
                    pointer,
                )
            )
        value, count = self.anchors[name]
        self.expanded += count
        if self.expanded > self.limits.max_alias_nodes:
            limit = self.limits.max_alias_nodes
            raise _Fatal(
                _problem(
                    "SCH004",
                    f"Aliases expand to more than {limit} nodes (a possible alias bomb).",
                    f"Các bí danh mở rộng thành hơn {limit} nút (có thể là bom bí danh).",
                    pos,
                    pointer,
                )
            )
        if is_key:
            self.set_key(value, pos)
            return
        self.values.setdefault(pointer, pos)
        self.attach(value, count)


def _yaml_error_position(exc: yaml.YAMLError, text: str) -> Position:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is not None:
        return (mark.line + 1, mark.column + 1)
    if isinstance(exc, yaml.reader.ReaderError):
        offset = exc.position
        if _Loader is not yaml.SafeLoader:  # libyaml reports a byte offset into the UTF-8 text
            offset = len(text.encode("utf-8")[:offset].decode("utf-8", "ignore"))
        return _position(_line_starts(text), offset)
    return (1, 1)


def _parse_yaml(text: str, limits: Limits) -> tuple[Any, SourceMap, list[ParseProblem]]:
    builder = _YamlBuilder(limits)
    events = yaml.parse(text, Loader=_Loader)
    try:
        data = builder.run(events)
    except yaml.YAMLError as exc:
        pos = _yaml_error_position(exc, text)
        if isinstance(exc, yaml.reader.ReaderError):
            problem = f"character #x{exc.character:04X} is not allowed ({exc.reason})"
        else:
            problem = str(getattr(exc, "problem", None) or exc)
        if "maximum nesting depth" in problem:  # libyaml's own bound, met while scanning ahead
            raise _Fatal(_too_deep(min(limits.max_depth, 1000), pos, "")) from None
        raise _Fatal(
            _problem(
                "SCH001",
                f"YAML syntax error: {problem}.",
                f"Lỗi cú pháp YAML: {problem}.",
                pos,
            )
        ) from None
    except _Fatal as fatal:
        fatal.earlier = builder.problems
        raise
    finally:
        events.close()  # type: ignore[attr-defined]
    return data, SourceMap(builder.values, builder.keys), builder.problems


# --------------------------------------------------------------------------------------------
# JSON: json.loads for the data; positions by a path walk, or by one tokenizer pass

# A string (group 1; with group 2 when a colon follows, i.e. a key), a bracket, or a bare scalar.
# Commas, colons and whitespace are skipped by finditer itself.
_JSON_TOKEN: Final = re.compile(
    r'("[^"\\]*(?:\\.[^"\\]*)*"?)([ \t\r\n]*:)?|[\[\]{}]|[^ \t\r\n{}\[\]:,"]+',
    re.DOTALL,
)
# Only such bare tokens can be non-finite or too long: an exponent, NaN/Infinity, 300+ chars.
_MAY_BE_BAD_NUMBER: Final = re.compile(r"[eE][-+]?[0-9]|^-?[IN]|.{300}", re.DOTALL)
_QUOTED_MARKS: Final = re.compile(rb'"[^"]*"')
_NOT_QUOTE_OR_BRACKET: Final = bytes(b for b in range(256) if b not in b'"[]{}')
_NON_FINITE: Final = frozenset(("NaN", "Infinity", "-Infinity"))


def _json_scalar_fatal(token: str, limits: Limits, pos: Position, ptr: str) -> ParseProblem | None:
    """Why a JSON scalar token must stop parsing (non-finite, too long), if it must."""
    first = token[0]
    if first == '"':
        limit = limits.max_scalar_length
        if len(token) > limit:
            try:
                decoded = json.loads(token)
            except ValueError:
                return None
            if len(decoded) > limit:
                return _too_long(limit, pos, ptr)
        return None
    if token in _NON_FINITE:
        return _non_finite(token, pos, ptr)
    if first not in "-0123456789":
        return None
    if "." in token or "e" in token or "E" in token:
        try:
            return None if math.isfinite(float(token)) else _non_finite(token, pos, ptr)
        except ValueError:
            return None
    if len(token.lstrip("-")) > sys.get_int_max_str_digits():
        return _too_many_digits(pos, ptr)
    return None


class _NonFiniteError(Exception):
    """Raised from ``parse_constant`` and ``parse_float``: a NaN or infinity in JSON."""


def _json_key(token: str) -> str:
    """The text of a JSON key token (quotes included), unescaped when it has escapes."""
    if "\\" not in token:
        return token[1:-1]
    try:
        return str(json.loads(token, strict=False))
    except ValueError:
        return token[1:-1]


class _JsonScan:
    """One tokenizer pass over JSON text: positions, duplicates and the first fatal spot.

    Used when the document has duplicate keys or a fatal problem; clean JSON is located by
    :class:`_JsonLocator` instead, with the same results.

    Positions are kept as character offsets and turned into (line, column) only on lookup.
    """

    def __init__(self, text: str, limits: Limits, *, find_fatal: bool) -> None:
        self.starts = _line_starts(text)
        self.values: dict[str, int] = {}
        self.keys: dict[str, int] = {}
        self.duplicates: list[ParseProblem] = []
        self.fatal: ParseProblem | None = None
        values, keys = self.values, self.keys
        max_depth = limits.max_depth if find_fatal else sys.maxsize
        max_len = limits.max_scalar_length
        # Each frame: [pointer, is_object, next index, pointer of the pending key, keys seen]
        stack: list[list[Any]] = []
        top: list[Any] | None = None
        for match in _JSON_TOKEN.finditer(text):
            offset = match.start()
            first = text[offset]
            if first == "]" or first == "}":
                if stack:
                    stack.pop()
                    top = stack[-1] if stack else None
                continue
            kind = match.lastindex  # 2: a key, 1: a string value, None: bracket or bare scalar
            if kind == 2 and top is not None and top[1]:
                key = _json_key(match.group(1))
                pointer = f"{top[0]}/{pointer_token(key)}"
                if key in top[4]:
                    where = _position(self.starts, offset)
                    self.duplicates.append(_duplicate(key, where, pointer))
                else:
                    top[4].add(key)
                    keys[pointer] = offset
                top[3] = pointer
                continue
            if top is None:
                pointer = ""
            elif top[1]:
                pointer = top[3]
            else:
                pointer = f"{top[0]}/{top[2]}"
                top[2] += 1
            values.setdefault(pointer, offset)
            if first == "[" or first == "{":
                if len(stack) >= max_depth:
                    self.fatal = _too_deep(max_depth, _position(self.starts, offset), pointer)
                    break
                top = [pointer, first == "{", 0, "", set()]
                stack.append(top)
                continue
            if not find_fatal:
                continue
            token = match.group()
            if len(token) > max_len if kind else _MAY_BE_BAD_NUMBER.search(token):
                where = _position(self.starts, offset)
                self.fatal = _json_scalar_fatal(token, limits, where, pointer)
                if self.fatal is not None:
                    break

    def source(self) -> "SourceMap":
        return SourceMap(self.values, self.keys, starts=self.starts)


# The C scanners behind json.loads (not in typeshed): a whole value from its first character, and
# a string from just past its opening quote; each gives the decoded value and the offset past it.
_DECODER: Final[Any] = json.JSONDecoder(strict=False)
_DECODER_MODULE: Final[Any] = json.decoder
_SCAN_VALUE: Final[Callable[[str, int], tuple[Any, int]]] = _DECODER.scan_once
_SCAN_STRING: Final[Callable[[str, int, bool], tuple[str, int]]] = _DECODER_MODULE.scanstring
_SPACE: Final = re.compile(r"[ \t\r\n]*+")
_COLON: Final = re.compile(r"[ \t\r\n]*+:[ \t\r\n]*+")
_COMMA: Final = re.compile(r"[ \t\r\n]*+,?[ \t\r\n]*+")
_INDEX: Final = re.compile(r"0|[1-9][0-9]{0,17}")


def _past(pattern: re.Pattern[str], text: str, at: int) -> int:
    """Offset just past what ``pattern`` (which may match nothing) matches at ``at``."""
    match = pattern.match(text, at)
    return match.end() if match else at


def _skip(text: str, at: int) -> int:
    """Offset just past the valid JSON value starting at ``at``.

    A container without a nested bracket of its own kind (a typical list item or record) is
    skipped by a few C-speed searches instead of being decoded: its first closing bracket ends it
    when no quote in between is escaped and the quotes pair up, since that bracket is then
    outside every string and, no container of its kind opening in between, can close only this
    one. Anything else goes to the decoder.
    """
    first = text[at]
    if first == "{" or first == "[":
        end = text.find("}" if first == "{" else "]", at)
        if (
            end > at
            and text.find(first, at + 1, end) < 0
            and text.find('\\"', at, end) < 0
            and text.count('"', at, end) % 2 == 0
        ):
            return end + 1
    return _SCAN_VALUE(text, at)[1]


#: Characters per window of :func:`_records` (a few hundred typical records).
_RECORD_WINDOW: Final = 1 << 16


def _brackets_outside_strings(chunk: bytes) -> bytes | None:
    """The brackets of ``chunk`` (valid JSON bytes starting outside any string) that lie outside
    strings, in order; None when some string holds a bracket.

    Three C-speed passes: blank escapes, keep only quotes and brackets, drop adjacent quote
    pairs. No quote is left exactly when no string holds a bracket: the opening quote of such a
    string is followed by a bracket, so it can only be dropped with the quote before it, which
    then closes an earlier string that also holds a bracket, and so on back to the first quote
    of the chunk, which has no quote before it.
    """
    marks = _without_escapes(chunk).translate(None, _NOT_QUOTE_OR_BRACKET).replace(b'""', b"")
    return None if b'"' in marks else marks


def _only_flat_objects(brackets: bytes) -> bool:
    """True when these brackets (of :func:`_brackets_outside_strings`) are objects side by side,
    with no object or nested array inside."""
    return brackets.replace(b"[]", b"").replace(b"{}", b"") == b""


def _compact_starts(chunk: str, at: int, records: int) -> list[int] | None:
    """Start offsets of the records of a window of flat objects (``at``: the window's offset;
    see :func:`_only_flat_objects`) when each follows the one before with no space (``},{``, as
    compact JSON writes them), found with C-level passes only; None otherwise.

    In such a window every ``{`` starts a record and every ``}`` ends one, so ``},{`` occurs
    only between records, and splitting at it gives one piece per record exactly when there
    are as many pieces as records (``records``, the window's ``{``).
    """
    pieces = chunk.split("},{")
    if len(pieces) != records:
        return None
    # Record k+1 starts 3 characters ("},{" less its "{") after the piece of record k ends.
    steps = map(operator.add, map(len, pieces[:-1]), itertools.repeat(3))
    found = list(itertools.accumulate(steps, initial=at - 1))
    found[0] = at  # the first piece holds its own "{"
    return found


def _object_end(text: str, at: int) -> int:
    """Offset of the ``}`` closing the object at ``at``, where no string holds a brace: the first
    ``}`` after which as many braces closed as opened."""
    end = text.find("}", at)
    opened = text.count("{", at, end)
    closed = 1
    while opened > closed:
        after = text.find("}", end + 1)
        if after < 0:  # unbalanced (never in valid JSON): past the end
            return len(text)
        opened += text.count("{", end + 1, after)
        closed += 1
        end = after
    return end


def _records(text: str, at: int, most: int) -> tuple[list[int], int, int]:
    """Start offsets of up to ``most`` consecutive array items from ``at`` that are objects (the
    records of a national model), where the item after them starts, and from where trying
    again is worthwhile.

    A window of text is first shown to hold no bracket inside a string
    (:func:`_brackets_outside_strings`); then a record ends at its balancing ``}``, found with a
    few searches (:func:`_object_end`) instead of the checks and decoding of :func:`_skip`, and
    a compact window of flat records costs a few C-level passes in all
    (:func:`_compact_starts`). Stops at an item that is not an object, or at a window that
    fails the test: its items are left to :func:`_skip`, and the third value (the window's
    end) says not to test them again, so such an array costs one extra pass at most.
    """
    starts: list[int] = []
    while len(starts) < most and text[at] == "{":
        stop = text.rfind("}", at, at + _RECORD_WINDOW) + 1
        chunk = text[at:stop]
        brackets = _brackets_outside_strings(chunk.encode()) if stop > at else None
        if brackets is None:
            return starts, at, max(stop, at + 1)
        flat = _only_flat_objects(brackets)
        found = _compact_starts(chunk, at, brackets.count(b"{")) if flat else None
        if found is not None:  # compact flat records: the whole window at once
            wanted = most - len(starts)
            if len(found) > wanted:
                starts.extend(found[:wanted])
                return starts, found[wanted], found[wanted]
            starts.extend(found)
            at = _next_child(text, stop)
            continue
        first = at
        while len(starts) < most and text[at] == "{":
            end = _object_end(text, at)
            if end >= stop:  # ends past the window, whose strings alone were checked
                break
            starts.append(at)
            at = _next_child(text, end + 1)
        if at == first:  # a record longer than the window
            return starts, at, at + 1
    return starts, at, at


def _next_child(text: str, after: int) -> int:
    """Where the next child (or the closing bracket) starts, after a value ending at ``after``."""
    if text[after] == ",":
        after += 1
        return after if text[after] not in " \t\r\n" else _past(_SPACE, text, after)
    return after if text[after] not in " \t\r\n" else _past(_COMMA, text, after)


class _Container:
    """What a :class:`_JsonLocator` knows so far about one array or object (by its offset).

    Children are scanned left to right and never twice: ``items`` (arrays) holds the offset of
    every item seen, ``members`` (objects) the key and value offsets of every member seen, and
    ``next`` where scanning resumes. When ``pending``, ``next`` is the start of the last child
    recorded, whose end is not known yet (it was the target of a lookup, so it was not skipped).
    """

    __slots__ = ("done", "items", "members", "next", "pending")

    def __init__(self, first: int) -> None:
        self.items: list[int] = []
        self.members: dict[str, tuple[int, int]] = {}
        self.next = first
        self.pending = False
        self.done = False


class _JsonLocator:
    """Positions in valid JSON without duplicate keys, found by walking one pointer's path.

    A full tokenizer pass costs seconds on a national model, while a check reports a few dozen
    findings. Each lookup instead walks only the containers on the pointer's path and skips the
    siblings before the target at C speed (:func:`_skip`, or :func:`_records` for runs of
    records). What a walk learns is kept (see
    :class:`_Container`), so later lookups resume where earlier ones stopped; arrays met as
    siblings of a path object are walked item by item rather than skipped whole, so that entering
    them later (a model's top-level lists) does not scan them a second time. Line and column are
    counted from the nearest position already computed, never from a full line index.

    The results are those of :meth:`_JsonScan.source` on the same text (pinned by a test); should
    the walk ever fail, it falls back to that full index.
    """

    __slots__ = ("_containers", "_index", "_limits", "_lone_cr", "_marks", "_root", "_text")

    def __init__(self, text: str, limits: Limits) -> None:
        self._text = text
        self._limits = limits
        self._root = _past(_SPACE, text, 0)
        self._containers: dict[int, _Container] = {}
        self._lone_cr: bool | None = None
        self._marks: list[tuple[int, int, int]] = [(0, 1, 0)]  # (offset, line, line start)
        self._index: SourceMap | None = None

    def locate(self, pointer: str, key: bool) -> Position:
        """As :meth:`SourceMap.locate`."""
        if self._index is None:
            try:
                return self._position(self._offset(pointer, key))
            except (ValueError, IndexError, StopIteration, RecursionError):
                self._index = _JsonScan(self._text, self._limits, find_fatal=False).source()
        return self._index.locate(pointer, key=key)

    def _offset(self, pointer: str, key: bool) -> int:
        """Offset of the value at ``pointer`` (its key when ``key``) or of its deepest ancestor."""
        text, at = self._text, self._root
        if not pointer.startswith("/"):
            return at
        key_at = -1
        for token, name in zip(pointer[1:].split("/"), pointer_parts(pointer), strict=True):
            first = text[at]
            if first == "{":
                member = self._member(at, name) if pointer_token(name) == token else None
                if member is None:
                    return at
                key_at, at = member
            elif first == "[" and _INDEX.fullmatch(token):
                item = self._item(at, int(token))
                if item is None:
                    return at
                key_at, at = -1, item
            else:
                return at
        return key_at if key and key_at >= 0 else at

    def _state(self, offset: int) -> _Container:
        state = self._containers.get(offset)
        if state is None:
            first = _past(_SPACE, self._text, offset + 1)
            state = self._containers[offset] = _Container(first)
        return state

    def _end(self, offset: int) -> int:
        """Offset just past the value at ``offset``, reusing (and completing) what is known."""
        state = self._containers.get(offset)
        if state is None:
            return _skip(self._text, offset)
        if not state.done:
            if self._text[offset] == "[":
                self._item(offset, sys.maxsize)
            else:
                self._member(offset, None)
        return state.next + 1

    def _resume(self, state: _Container) -> int:
        """Where scanning ``state`` goes on: past the child a lookup stopped at, if pending."""
        if not state.pending:
            return state.next
        state.pending = False
        return _next_child(self._text, self._end(state.next))

    def _item(self, offset: int, index: int) -> int | None:
        """Offset of item ``index`` of the array at ``offset``, scanning only as far as needed."""
        state = self._state(offset)
        items = state.items
        if index < len(items) or state.done:
            return items[index] if index < len(items) else None
        text, known, end = self._text, self._containers, self._end
        at = self._resume(state)
        retry = at  # where skipping a run of records before the target may be tried
        while True:
            if text[at] == "]":
                state.done = True
                break
            if at >= retry and text[at] == "{" and at not in known:
                run, after, retry = _records(text, at, index - len(items))
                if run:
                    items.extend(run)
                    at = after
                    continue
            items.append(at)
            if len(items) > index:
                state.pending = True
                break
            at = _next_child(text, end(at) if at in known else _skip(text, at))
        state.next = at
        return items[index] if index < len(items) else None

    def _member(self, offset: int, name: str | None) -> tuple[int, int] | None:
        """(key, value) offsets of member ``name`` of the object at ``offset`` (``None``: scan
        to the end). Arrays skipped on the way are walked, not skipped whole (see the class)."""
        state = self._state(offset)
        members = state.members
        found = members.get(name) if name is not None else None
        if found is not None or state.done:
            return found
        text, end = self._text, self._end
        at = self._resume(state)
        while True:
            if text[at] == "}":
                state.done = True
                break
            key, after = _SCAN_STRING(text, at + 1, False)
            value = _past(_COLON, text, after)
            members.setdefault(key, (at, value))
            if key == name:
                state.next, state.pending = value, True
                return members[key]
            if text[value] == "[":
                self._state(value)
            at = _next_child(text, end(value))
        state.next = at
        return None

    def _breaks(self, start: int, end: int) -> int:
        """Line breaks in ``text[start:end]``, ``\\r\\n`` counting once (no bound splits one: both
        are offsets of tokens)."""
        text = self._text
        if self._lone_cr is None:  # only a lone \r needs more than counting \n
            self._lone_cr = "\r" in text and text.count("\r") != text.count("\r\n")
        breaks = text.count("\n", start, end)
        if self._lone_cr:
            breaks += text.count("\r", start, end) - text.count("\r\n", start, end)
        return breaks

    def _position(self, offset: int) -> Position:
        """1-based (line, column) as :func:`_position`, counting line breaks only from the
        nearest offset already placed (before or after), so no line index is ever built."""
        text, marks = self._text, self._marks
        at = bisect.bisect_right(marks, (offset, sys.maxsize))
        low, low_line, low_start = marks[at - 1]
        if at < len(marks) and marks[at][0] - offset < offset - low:
            line = marks[at][1] - self._breaks(offset, marks[at][0])
        else:
            line = low_line + self._breaks(low, offset)
        start = low_start
        if line != low_line:
            last = text.rfind("\n", low, offset)
            if self._lone_cr:
                last = max(last, text.rfind("\r", low, offset))
            start = last + 1
        if low != offset:
            marks.insert(at, (offset, line, start))
        return (line, offset - start + 1)


def _pairs_hook(seen_duplicates: list[bool]) -> Callable[[list[tuple[str, Any]]], dict[str, Any]]:
    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) != len(pairs):
            seen_duplicates[0] = True
            result = {}
            for key, value in pairs:
                result.setdefault(key, value)
        return result

    return hook


def _reject_constant(name: str) -> Any:
    raise _NonFiniteError(name)


def _finite_float(token: str) -> float:
    value = float(token)
    if not math.isfinite(value):
        raise _NonFiniteError(token)
    return value


def _without_escapes(raw: bytes) -> bytes:
    """Valid JSON bytes with every ``\\\\`` and ``\\"`` escape blanked, lengths unchanged.

    Left-to-right pairing of backslashes is exactly JSON's escape pairing, so afterwards every
    ``"`` delimits a string.
    """
    if b"\\" not in raw:
        return raw
    return raw.replace(b"\\\\", b"__").replace(b'\\"', b"__")


def _depth_exceeds(raw: bytes, limit: int) -> bool:
    """Cheaply: is valid JSON nested deeper than ``limit``? (A few C-speed passes.)"""
    brackets = _brackets_outside_strings(raw)
    if brackets is None:  # some string holds brackets: drop strings properly
        brackets = _QUOTED_MARKS.sub(
            b"", _without_escapes(raw).translate(None, _NOT_QUOTE_OR_BRACKET)
        )
    for _ in range(limit):
        if not brackets:
            return False
        brackets = brackets.replace(b"[]", b"").replace(b"{}", b"")
    return bool(brackets)


def _may_hold_long_string(raw: bytes, limit: int) -> bool:
    """Necessary condition for a JSON string longer than ``limit``: a long quote-free stretch.

    A stretch longer than ``limit`` fully covers one of the aligned windows of half that size, so
    only ``len(raw) / (limit / 2)`` C-speed searches are needed.
    """
    if len(raw) <= limit:
        return False
    blanked = _without_escapes(raw)
    half = max(limit // 2, 1)
    return any(blanked.find(b'"', start, start + half) < 0 for start in range(0, len(raw), half))


def _longest_string_exceeds(data: Any, limit: int) -> bool:
    """Iteratively look for a key or string longer than ``limit`` in parsed JSON data."""
    todo = [data]
    while todo:
        item = todo.pop()
        if isinstance(item, str):
            if len(item) > limit:
                return True
        elif isinstance(item, dict):
            todo.extend(item)
            todo.extend(item.values())
        elif isinstance(item, list):
            todo.extend(item)
    return False


def _parse_json(text: str, raw: bytes, limits: Limits) -> tuple[Any, SourceMap, list[ParseProblem]]:
    def fatal_from_scan(fallback: ParseProblem) -> _Fatal:
        return _Fatal(_JsonScan(text, limits, find_fatal=True).fatal or fallback)

    if _NOT_JSON_SPACE.search(text) is None:  # stops at the first character, no copy
        raise _Fatal(_empty())
    duplicates = [False]
    hook = _pairs_hook(duplicates)
    try:
        data = json.loads(
            text,
            object_pairs_hook=hook,
            parse_constant=_reject_constant,
            parse_float=_finite_float,  # one call per float: architectures hold few
        )
    except json.JSONDecodeError as exc:
        message = exc.msg
        raise _Fatal(
            _problem(
                "SCH001",
                f"JSON syntax error: {message}.",
                f"Lỗi cú pháp JSON: {message}.",
                _position(_line_starts(text), exc.pos),
            )
        ) from None
    except RecursionError:
        raise fatal_from_scan(_too_deep(limits.max_depth, (1, 1), "")) from None
    except _NonFiniteError as exc:
        raise fatal_from_scan(_non_finite(str(exc), (1, 1), "")) from None
    except ValueError:  # an integer with more digits than Python converts
        raise fatal_from_scan(_too_many_digits((1, 1), "")) from None
    if _depth_exceeds(raw, limits.max_depth):
        raise fatal_from_scan(_too_deep(limits.max_depth, (1, 1), ""))
    if _may_hold_long_string(raw, limits.max_scalar_length) and _longest_string_exceeds(
        data, limits.max_scalar_length
    ):
        raise fatal_from_scan(_too_long(limits.max_scalar_length, (1, 1), ""))
    if duplicates[0]:
        scan = _JsonScan(text, limits, find_fatal=False)
        return data, scan.source(), scan.duplicates
    return data, SourceMap(locator=_JsonLocator(text, limits).locate), []


# --------------------------------------------------------------------------------------------
# Entry points


def _is_json(path: str, text: str) -> bool:
    suffix = os.path.splitext(path)[1].lower()
    if suffix == ".json":
        return True
    if suffix in (".yaml", ".yml"):
        return False
    return text.lstrip()[:1] in ("{", "[")


def parse_bytes(raw: bytes, path: str, *, limits: Limits = Limits()) -> ParseResult:
    """Parse one YAML or JSON document; problems are returned, never raised.

    ``path`` labels the result and chooses the format by its extension (``.json``, ``.yaml``,
    ``.yml``); otherwise text starting with ``{`` or ``[`` is JSON and anything else YAML.
    """
    if len(raw) > limits.max_bytes:
        return ParseResult(path, None, SourceMap({}, {}), (_too_big(limits.max_bytes),))
    try:
        text = _decode(raw)
        if _is_json(path, text):
            body = raw[len(_UTF8_BOM) :] if raw.startswith(_UTF8_BOM) else raw
            data, source, problems = _parse_json(text, body, limits)
        else:
            data, source, problems = _parse_yaml(text, limits)
    except _Fatal as fatal:
        return ParseResult(path, None, SourceMap({}, {}), (*fatal.earlier, fatal.problem))
    return ParseResult(path, data, source, tuple(problems))


def _read_bounded(handle: BinaryIO, size: int, limit: int) -> bytes:
    """At most ``limit + 1`` bytes, without allocating ``limit`` up front (``read(n)`` does)."""
    chunks = [handle.read(size + 1)]
    total = len(chunks[0])
    while total <= limit and len(chunks[-1]) > 0 and total > size:
        chunks.append(handle.read(min(1 << 20, limit + 1 - total)))
        total += len(chunks[-1])
    return b"".join(chunks)


def parse_file(path: str | os.PathLike[str], *, limits: Limits = Limits()) -> ParseResult:
    """Read and parse a file; raises :class:`InputError` only when it cannot be read."""
    name = os.fspath(path)
    try:
        with open(name, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > limits.max_bytes:
                return ParseResult(name, None, SourceMap({}, {}), (_too_big(limits.max_bytes),))
            raw = _read_bounded(handle, size, limits.max_bytes)
    except IsADirectoryError:
        raise InputError(f"{name} is a directory, not a file") from None
    except OSError as exc:
        raise InputError(f"cannot read {name}: {exc.strerror or exc}") from None
    return parse_bytes(raw, name, limits=limits)
