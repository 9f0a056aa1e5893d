"""External declarations: the elements of other submissions a submission refers to (REF009).

A submission declares under ``externals`` each element of another submission it refers to,
with its qualified id (``ubnd-cao-bang::lgsp-cao-bang``), its kind (the list it is in), its
owner and whatever else it relies on, so that it validates, checks, renders and exports on its
own: checked alone, the declaration stands in for the element.

Checked together with the submission the id names, the declaration is matched to the element:
a missing element, another kind, or another value of a field the declaration states (anything
but its names, provenance and suppressions; fields left at their default are not stated) is a
finding on the declaration, attributed to the submission that wrote it. The element itself then
takes the declaration's place. An id declared in the submission's own namespace is a finding too
(it names no other submission's element).
"""

import difflib
import enum
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs

from vndgaf.diagnostics import Finding, RuleInfo, Severity, Text
from vndgaf.load.checks import finding, input_check, located
from vndgaf.load.ids import Origin
from vndgaf.load.merge import qualified_element
from vndgaf.load.positions import SourceMap
from vndgaf.model.namespaces import split_id

__all__ = ["CHECKS", "MISMATCH", "Declared", "match", "own_namespace"]

MISMATCH = input_check(
    "REF009",
    "external-declaration-mismatch",
    Severity.ERROR,
    Text(
        "An external declaration does not match the element it names",
        "Khai báo phần tử bên ngoài không khớp với phần tử được nêu",
    ),
    Text(
        "Copy the kind, owner and declared fields from the other submission, or ask it to "
        "change; use the id it defines.",
        "Sao lại loại, cơ quan chủ quản và các trường đã khai báo từ hồ sơ kia, hoặc đề nghị hồ "
        "sơ đó sửa; dùng đúng mã mà hồ sơ đó định nghĩa.",
    ),
    "A declaration under externals says what another submission's element is, so that the "
    "declaring submission can be checked alone. When both submissions are checked together the "
    "element itself is used, so the declaration must say what the element says: it must exist, "
    "be of the declared kind (the list it is declared in) and have the declared owner and "
    "other declared fields (names, provenance and suppressions are not compared). An id in the "
    "declaring submission's own namespace names none of another submission's elements.",
)
CHECKS: tuple[RuleInfo, ...] = (MISMATCH,)

#: Fields a declaration may word its own way.
_NOT_COMPARED = frozenset({"id", "name", "name_en", "short_name", "provenance", "suppress"})


@attrs.frozen
class Declared:
    """One external declaration: the stand-in element, its kind, and the namespace of the
    submission that wrote it."""

    element: Any
    kind: str
    namespace: str


def own_namespace(
    ident: str, namespace: str, path: str, source: SourceMap, pointer: str
) -> Finding | None:
    """REF009 when the declared id ``ident`` is in the declaring submission's own namespace."""
    owner, local = split_id(ident)
    if not namespace or owner != namespace:
        return None
    return finding(
        MISMATCH,
        Text(
            f"'{ident}' is in this submission's own namespace: define '{local}' in its list "
            "instead of declaring it as external",
            f"'{ident}' thuộc không gian mã của chính hồ sơ này: hãy định nghĩa '{local}' trong "
            "danh sách tương ứng thay vì khai báo là phần tử bên ngoài",
        ),
        located(path, source, pointer + "/id"),
        subject=ident,
    )


def match(
    declared: Declared,
    origin: Origin,
    source: SourceMap,
    defined: Callable[[str], tuple[str, Any] | None],
    candidates: Callable[[str], Sequence[str]],
) -> list[Finding]:
    """The findings of one declaration checked against the submission its id names:
    ``defined(local)`` gives that submission's (kind, element) for a local id, or None;
    ``candidates(kind)`` its ids of one kind, for a suggestion."""
    stub = qualified_element(declared.element, declared.namespace)
    namespace, local = split_id(stub.id)
    at = origin.pointer
    found = defined(local)
    if found is None:
        hint = difflib.get_close_matches(local, sorted(candidates(declared.kind)), n=1)
        tail = Text(f" (did you mean '{hint[0]}'?)", f" (có phải '{hint[0]}'?)") if hint else None
        return [
            _mismatch(
                Text(
                    f"submission '{namespace}' has no element '{local}'"
                    + (tail.en if tail else ""),
                    f"hồ sơ '{namespace}' không có phần tử '{local}'" + (tail.vi if tail else ""),
                ),
                origin.path,
                source,
                at + "/id",
                stub.id,
            )
        ]
    kind, element = found
    if kind != declared.kind:
        return [
            _mismatch(
                Text(
                    f"'{stub.id}' is declared as {declared.kind}, but it is a {kind} in "
                    f"submission '{namespace}'",
                    f"'{stub.id}' được khai báo là {declared.kind}, nhưng trong hồ sơ "
                    f"'{namespace}' nó là {kind}",
                ),
                origin.path,
                source,
                at + "/id",
                stub.id,
            )
        ]
    real = qualified_element(element, namespace)
    findings = []
    for field in attrs.fields(type(stub)):
        name = field.name
        if name in _NOT_COMPARED:
            continue
        stated = getattr(stub, name)
        if stated == _default(field):
            continue
        actual = getattr(real, name, None)
        if stated != actual:
            findings.append(
                _mismatch(
                    Text(
                        f"'{stub.id}' is declared with {name} {_shown(stated)}, but submission "
                        f"'{namespace}' gives it {_shown(actual)}",
                        f"'{stub.id}' được khai báo với {name} {_shown(stated)}, nhưng hồ sơ "
                        f"'{namespace}' ghi {_shown(actual)}",
                    ),
                    origin.path,
                    source,
                    f"{at}/{name}",
                    stub.id,
                )
            )
    return findings


def _default(field: Any) -> Any:
    default = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return default.factory()
    return None if default is attrs.NOTHING else default


def _shown(value: Any) -> str:
    """A field value as a person reads it in a message."""
    if value is None:
        return "(not set)"
    if isinstance(value, enum.Enum):
        return f"'{value.value}'"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return "[" + ", ".join(_shown(v).strip("'") for v in value) + "]"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k}: {v}" for k, v in sorted(value.items())) + "}"
    return f"'{value}'"


def _mismatch(message: Text, path: str, source: SourceMap, pointer: str, subject: str) -> Finding:
    return finding(MISMATCH, message, located(path, source, pointer), subject=subject)
