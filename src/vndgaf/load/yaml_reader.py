"""YAML with positions: the data of one document and where each of its values is.

The document is read as an event stream (libyaml when available, PyYAML's own parser otherwise;
both give the same results, pinned by
``tests/parse/test_parse_yaml_fallback.py::test_python_parser_matches_libyaml``) and the data is
built here with an explicit stack, so that no arbitrary object is ever constructed and nesting,
scalar length and alias expansion are counted as the document is read. Aliases are bounded
three ways, each a located SCH004 at the alias that crosses it: the nodes they add
(``max_alias_nodes``), the characters of the expanded document (a small multiple of the file's,
:meth:`~vndgaf.load.problems.Limits.expansion_budget`: one aliased 1 MiB name repeated 2,000
times stops at its eleventh use) and the nesting they reach (an aliased container counts its
own depth). A lone surrogate (``"\\udfff"``, which only the pure-Python parser lets through;
libyaml refuses the escape) is SCH005 at its scalar. Untagged plain scalars
are resolved by the YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution), so
``yes``/``on`` and dates stay strings; only the core tags are accepted (SCH003).
"""

import math
import re
from collections.abc import Iterator
from typing import Any, Final, NamedTuple

import yaml
import yaml.events as ev

from vndgaf.diagnostics import pointer_token
from vndgaf.load.positions import Position, SourceMap, line_starts, position
from vndgaf.load.problems import (
    CORE_TAGS,
    Fatal,
    Limits,
    ParseProblem,
    duplicate_key,
    empty,
    lone_surrogate,
    non_finite,
    problem,
    too_deep,
    too_expanded,
    too_long,
    too_many_digits,
)

__all__ = ["LIBYAML", "parse_yaml"]

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

LIBYAML: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""The event parser used by default: libyaml's when PyYAML was built with it."""
_NO_KEY: Final = object()
_SURROGATE: Final = re.compile("[\ud800-\udfff]")


class _Node(NamedTuple):
    """What an anchor stands for: its value, and what an alias to it adds to the document."""

    value: Any
    nodes: int
    """Nodes, for ``max_alias_nodes``."""
    size: int
    """Characters (values, keys and the pointers of their positions), for the budget."""
    height: int
    """Levels of nesting it holds (0 for a scalar), for ``max_depth``."""


class _Frame:
    """A mapping or sequence being built."""

    __slots__ = ("anchor", "container", "count", "dup", "height", "key", "pointer", "size")

    def __init__(self, container: dict[str, Any] | list[Any], pointer: str, anchor: str | None):
        self.container = container
        self.pointer = pointer
        self.anchor = anchor
        self.count = 1
        self.size = 1
        self.height = 1
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

    def __init__(self, limits: Limits, size: int) -> None:
        self.limits = limits
        self.values: dict[str, Position] = {}
        self.keys: dict[str, Position] = {}
        self.problems: list[ParseProblem] = []
        self.anchors: dict[str, _Node] = {}
        self.stack: list[_Frame] = []
        self.expanded = 0
        self.size = 0
        self.budget = limits.expansion_budget(size)
        self.done = False
        self.data: Any = None
        self.documents = 0

    def run(self, events: Iterator[ev.Event]) -> Any:
        for event in events:
            self.feed(event)
        if self.documents == 0:
            raise Fatal(empty())
        return self.data

    def feed(self, event: ev.Event) -> None:
        if isinstance(event, ev.ScalarEvent):
            self.scalar(event)
        elif isinstance(event, ev.MappingStartEvent | ev.SequenceStartEvent):
            self.start(event)
        elif isinstance(event, ev.MappingEndEvent | ev.SequenceEndEvent):
            frame = self.stack.pop()
            node = _Node(frame.container, frame.count, frame.size, frame.height)
            if frame.anchor is not None:
                self.anchors[frame.anchor] = node
            self.attach(node)
        elif isinstance(event, ev.AliasEvent):
            self.alias(event)
        elif isinstance(event, ev.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise Fatal(
                    problem(
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

    def pointer_here(self) -> str:
        """The pointer of the value being read: its mapping's while a key is awaited."""
        if not self.stack:
            return ""
        return self.stack[-1].pointer if self.expecting_key() else self.child_pointer()

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
            raise Fatal(
                problem(
                    "SCH001",
                    f"The tag !!{tag[len(_TAG) :]} does not fit this kind of node.",
                    f"Thẻ !!{tag[len(_TAG) :]} không phù hợp với loại nút này.",
                    pos,
                    ptr,
                )
            )
        shown = "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag
        raise Fatal(
            problem(
                "SCH003",
                f"The tag {shown} is not allowed: only the YAML core tags ({CORE_TAGS}) are "
                "accepted.",
                f"Không cho phép thẻ {shown}: chỉ chấp nhận các thẻ lõi của YAML ({CORE_TAGS}).",
                pos,
                ptr,
            )
        )

    def grow(self, size: int, pos: Position, pointer: str) -> None:
        """Count ``size`` more characters of the document; SCH004 over the budget."""
        self.size += size
        if self.size > self.budget:
            raise Fatal(too_expanded(self.budget, pos, pointer))

    def set_key(self, value: Any, pos: Position, size: int) -> None:
        top = self.stack[-1]
        if isinstance(value, dict | list):
            self.key_not_scalar(pos, top.pointer)
        key = _key_text(value)
        self.grow(size + len(top.pointer) + len(key) + 1, pos, top.pointer)
        top.size += size
        pointer = f"{top.pointer}/{pointer_token(key)}"
        if key in top.container:
            self.problems.append(duplicate_key(key, pos, pointer))
            top.dup = True
        self.keys.setdefault(pointer, pos)
        top.key = key

    def key_not_scalar(self, pos: Position, pointer: str) -> None:
        raise Fatal(
            problem(
                "SCH001",
                "A mapping key must be a single value, not a mapping or a list.",
                "Khóa của ánh xạ phải là một giá trị đơn, không phải ánh xạ hay danh sách.",
                pos,
                pointer,
            )
        )

    def attach(self, node: _Node) -> None:
        if not self.stack:
            self.data = node.value
            return
        top = self.stack[-1]
        top.count += node.nodes
        top.size += node.size
        top.height = max(top.height, node.height + 1)
        if isinstance(top.container, list):
            top.container.append(node.value)
            return
        if not top.dup:
            top.container[top.key] = node.value
        top.key = _NO_KEY
        top.dup = False

    def scalar(self, event: ev.ScalarEvent) -> None:
        pos = _yaml_pos(event)
        is_key = self.expecting_key()
        pointer = self.stack[-1].pointer if is_key else self.child_pointer()
        self.check_tag(event.tag, _SCALAR_TAGS, pos, pointer)
        text = event.value
        if len(text) > self.limits.max_scalar_length:
            raise Fatal(too_long(self.limits.max_scalar_length, pos, pointer))
        surrogate = _SURROGATE.search(text)
        if surrogate is not None:
            raise Fatal(lone_surrogate(ord(surrogate.group()), pos, pointer))
        if is_key:  # keys keep their text: `1:`, `0x1F:` and `null:` give "1", "0x1F", "null"
            if event.anchor is not None:
                self.anchors[event.anchor] = _Node(text, 1, len(text) + 1, 0)
            self.set_key(text, pos, len(text) + 1)
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
                raise Fatal(
                    problem(
                        "SCH001",
                        f"{text!r} is not a valid !!{exc.args[0]} value.",
                        f"{text!r} không phải là giá trị !!{exc.args[0]} hợp lệ.",
                        pos,
                        pointer,
                    )
                ) from None
            raise Fatal(too_many_digits(pos, pointer)) from None
        if isinstance(value, float) and not math.isfinite(value):
            raise Fatal(non_finite(text, pos, pointer))
        node = _Node(value, 1, len(text) + 1, 0)
        if event.anchor is not None:
            self.anchors[event.anchor] = node
        self.grow(node.size + len(pointer), pos, pointer)
        self.values.setdefault(pointer, pos)
        self.attach(node)

    def start(self, event: ev.CollectionStartEvent) -> None:
        pos = _yaml_pos(event)
        if self.expecting_key():
            self.key_not_scalar(pos, self.stack[-1].pointer)
        pointer = self.child_pointer()
        is_map = isinstance(event, ev.MappingStartEvent)
        allowed = frozenset((_MAP_TAG,) if is_map else (_SEQ_TAG,))
        self.check_tag(event.tag, allowed, pos, pointer)
        if len(self.stack) >= self.limits.max_depth:
            raise Fatal(too_deep(self.limits.max_depth, pos, pointer))
        self.grow(1 + len(pointer), pos, pointer)
        self.values.setdefault(pointer, pos)
        container: dict[str, Any] | list[Any] = {} if is_map else []
        self.stack.append(_Frame(container, pointer, event.anchor))

    def alias(self, event: ev.AliasEvent) -> None:
        pos = _yaml_pos(event)
        is_key = self.expecting_key()
        pointer = self.stack[-1].pointer if is_key else self.child_pointer()
        name = event.anchor or ""
        if name not in self.anchors:
            raise Fatal(
                problem(
                    "SCH001",
                    f"The alias *{name} refers to no anchor defined before it.",
                    f"Bí danh *{name} không trỏ tới neo nào được định nghĩa trước đó.",
                    pos,
                    pointer,
                )
            )
        node = self.anchors[name]
        self.expanded += node.nodes
        if self.expanded > self.limits.max_alias_nodes:
            limit = self.limits.max_alias_nodes
            raise Fatal(
                problem(
                    "SCH004",
                    f"Aliases expand to more than {limit} nodes (a possible alias bomb).",
                    f"Các bí danh mở rộng thành hơn {limit} nút (có thể là bom bí danh).",
                    pos,
                    pointer,
                )
            )
        if len(self.stack) + node.height > self.limits.max_depth:
            raise Fatal(too_deep(self.limits.max_depth, pos, pointer))
        if is_key:
            self.set_key(node.value, pos, node.size)
            return
        self.grow(node.size + len(pointer), pos, pointer)
        self.values.setdefault(pointer, pos)
        self.attach(node)


def _yaml_error_position(exc: yaml.YAMLError, text: str, loader: Any) -> Position:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is not None:
        return (mark.line + 1, mark.column + 1)
    if isinstance(exc, yaml.reader.ReaderError):
        offset = exc.position
        if loader is not yaml.SafeLoader:  # libyaml reports a byte offset into the UTF-8 text
            offset = len(text.encode("utf-8")[:offset].decode("utf-8", "ignore"))
        return position(line_starts(text), offset)
    return (1, 1)


def parse_yaml(
    text: str, limits: Limits, *, loader: Any = LIBYAML
) -> tuple[Any, SourceMap, list[ParseProblem]]:
    """The data of one YAML document, its positions and its non-fatal problems (SCH002);
    raises :class:`Fatal` at the first problem that stops reading. ``loader`` is the PyYAML
    event parser (``yaml.SafeLoader`` is the pure-Python one)."""
    builder = _YamlBuilder(limits, len(text))
    events = yaml.parse(text, Loader=loader)
    try:
        data = builder.run(events)
    except yaml.YAMLError as exc:
        pos = _yaml_error_position(exc, text, loader)
        if isinstance(exc, yaml.reader.ReaderError):
            reason = f"character #x{exc.character:04X} is not allowed ({exc.reason})"
        else:
            reason = str(getattr(exc, "problem", None) or exc)
        if "maximum nesting depth" in reason:  # libyaml's own bound, met while scanning ahead
            raise Fatal(too_deep(min(limits.max_depth, 1000), pos, "")) from None
        raise Fatal(
            problem(
                "SCH001",
                f"YAML syntax error: {reason}.",
                f"Lỗi cú pháp YAML: {reason}.",
                pos,
                builder.pointer_here(),
            )
        ) from None
    except Fatal as fatal:
        fatal.earlier = builder.problems
        raise
    finally:
        events.close()  # type: ignore[attr-defined]
    return data, SourceMap(builder.values, builder.keys), builder.problems
