"""The JSON Schema of the submission format, generated from the model classes.

One source of truth: the schema is derived from the attrs classes and their field metadata
(:func:`vndgaf.model.meta.doc`). The copy in ``schemas/`` is written by ``vndgaf schema --write``
and a test fails when it is stale.
"""

import datetime as dt
import functools
import inspect
import json
import types
import typing
from enum import Enum
from pathlib import Path
from typing import Any

import attrs

from vndgaf import model, project
from vndgaf.cache import cached
from vndgaf.model import Architecture, Externals
from vndgaf.model.deprecated import DEPRECATED_VALUES
from vndgaf.model.meta import QUALIFIED_ID_PATTERN
from vndgaf.project import RAW

__all__ = [
    "SCHEMA_FILENAME",
    "SCHEMA_ID",
    "class_definitions",
    "descriptions_vi",
    "schema_json",
    "submission_schema",
]

SCHEMA_FILENAME = "vndgaf-submission-1.schema.json"
#: Where the schema of format 1 is published (the ``schemas/`` file on the main branch).
SCHEMA_ID = f"{RAW}/schemas/{SCHEMA_FILENAME}"
_DRAFT = "https://json-schema.org/draft/2020-12/schema"
_DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_STRING_KEYS = ("pattern", "minLength", "maxLength")
_NUMBER_KEYS = ("minimum", "maximum")


def _doc_of(obj: object) -> str:
    """The docstring of a class, dedented, as one paragraph per blank-line block."""
    return inspect.cleandoc(obj.__doc__ or "")


@functools.cache
def descriptions_vi() -> dict[str, str]:
    """Vietnamese for each English description of the model (its docstrings and field
    metadata), keyed by the English text, as a message catalogue is. A test fails when one is
    missing; the schema then shows the English alone."""
    text = _DESCRIPTIONS_VI.read_text("utf-8")
    table: dict[str, str] = json.loads(text)
    return table


def _bilingual(text: str) -> str:
    """``text`` followed by its Vietnamese, so that an editor's hover shows both."""
    vi = descriptions_vi().get(text)
    return f"{text}\n\n{vi}" if vi else text


def _type_schema(tp: Any, defs: dict[str, Any], *, external: bool = False) -> dict[str, Any]:
    """Schema for a Python type annotation (no metadata applied); ``external`` for the element
    lists of :class:`Externals`, whose items are named by qualified ids."""
    origin = typing.get_origin(tp)
    if origin in (types.UnionType, typing.Union):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) != 1:
            raise TypeError(f"unsupported union {tp!r}")
        inner = _type_schema(args[0], defs, external=external)
        if "type" in inner and isinstance(inner["type"], str) and inner["type"] != "object":
            inner = {**inner, "type": [inner["type"], "null"]}
            if "enum" in inner:
                inner["enum"] = [*inner["enum"], None]
            if "markdownEnumDescriptions" in inner:
                inner["markdownEnumDescriptions"] = [*inner["markdownEnumDescriptions"], ""]
        return inner
    if origin is tuple:
        item, _ellipsis = typing.get_args(tp)
        return {"type": "array", "items": _type_schema(item, defs, external=external)}
    if origin is dict:
        _key, value = typing.get_args(tp)
        return {"type": "object", "additionalProperties": _type_schema(value, defs)}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is float:
        return {"type": "number"}
    if tp is str:
        return {"type": "string"}
    if tp is dt.date:
        return {"type": "string", "format": "date", "pattern": _DATE_PATTERN}
    if isinstance(tp, type) and issubclass(tp, Enum):
        return _enum_schema(tp)
    if attrs.has(tp):
        return {"$ref": f"#/$defs/{_class_def(tp, defs, external=external)}"}
    raise TypeError(f"no schema for {tp!r}")


def _enum_schema(tp: type[Enum]) -> dict[str, Any]:
    """The values of an enum; deprecated ones are listed in ``x-deprecated`` (for tools) and
    explained, in English and Vietnamese, in ``markdownEnumDescriptions`` (shown by editors
    that read VS Code's schema extensions, next to each value they offer)."""
    out: dict[str, Any] = {"type": "string", "enum": [m.value for m in tp]}
    old = [m for m in tp if m in DEPRECATED_VALUES]
    if old:
        out["x-deprecated"] = [m.value for m in old]
        out["markdownEnumDescriptions"] = [
            "**Deprecated / không dùng nữa.** {} / {}".format(*DEPRECATED_VALUES[m])
            if m in DEPRECATED_VALUES
            else ""
            for m in tp
        ]
    return out


def _apply_metadata(schema: dict[str, Any], meta: typing.Mapping[str, Any]) -> dict[str, Any]:
    """Put field metadata on the property schema (string constraints go to array items)."""
    out = dict(schema)
    target = out
    if out.get("type") == "array":
        target = out["items"] = dict(out["items"])
        if "minItems" in meta:
            out["minItems"] = meta["minItems"]
    for key in (*_STRING_KEYS, *_NUMBER_KEYS):
        if key in meta:
            target[key] = meta[key]
    for key in ("title", "examples"):
        if key in meta:
            out[key] = meta[key]
    if "description" in meta:
        out["description"] = _bilingual(meta["description"])
    if "ref" in meta:
        out["x-vndgaf-ref"] = list(meta["ref"])
    return out


_EXTERNAL_ID = {"type": "string", "pattern": QUALIFIED_ID_PATTERN, "maxLength": 402}
_EXTERNAL_ID_DOC = (
    "Qualified id of the element: the submitter of the submission that defines it, '::', and "
    "its id there (ubnd-cao-bang::lgsp-cao-bang)."
)


def _class_def(cls: type, defs: dict[str, Any], *, external: bool = False) -> str:
    """Add the definition of an attrs class (and of the classes it uses) to ``defs``; give its
    name there. With ``external``, the class as declared under ``externals``
    (``ExternalPlatform``): the same fields, its ``id`` a qualified id."""
    name = f"External{cls.__name__}" if external else cls.__name__
    if name in defs:
        return name
    defs[name] = {}  # placeholder against recursion
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        schema = _type_schema(hints[field.name], defs, external=cls is Externals)
        properties[field.name] = _apply_metadata(schema, field.metadata)
        if field.default is attrs.NOTHING:
            required.append(field.name)
    if external:
        properties["id"] = {**_EXTERNAL_ID, "description": _bilingual(_EXTERNAL_ID_DOC)}
    definition: dict[str, Any] = {
        "type": "object",
        "title": name,
        "description": _bilingual(_doc_of(cls)),
        "properties": properties,
        "additionalProperties": False,
    }
    if required:
        definition["required"] = required
    defs[name] = definition
    return name


def class_definitions(*classes: type) -> dict[str, Any]:
    """JSON Schema definitions of attrs classes and of the classes they use, by class name.

    Other published schemas (the catalogue overlay format) are built from the same model
    classes with it, so every format describes a field the same way.
    """
    defs: dict[str, Any] = {}
    for cls in classes:
        _class_def(cls, defs)
    return defs


#: The Vietnamese of the model's descriptions, a file of the model package.
_DESCRIPTIONS_VI = Path(model.__file__).with_name("descriptions.vi.json")


def _sources() -> tuple[Path, ...]:
    """What the schema is generated from: the model, its descriptions, this module."""
    folder = Path(model.__file__).parent
    return (Path(__file__), Path(project.__file__), _DESCRIPTIONS_VI, *sorted(folder.glob("*.py")))


@functools.cache
def _schema_text() -> str:
    """The schema text, generated from the model once and then read from the user's cache
    (:mod:`vndgaf.cache`): generating it on every run cost a small check a fifth of its work."""
    return cached("schema", _sources(), _generated_text, str)


def _generated_text() -> str:
    defs: dict[str, Any] = {}
    _class_def(Architecture, defs)
    root = dict(defs.pop("Architecture"))
    schema = {
        "$schema": _DRAFT,
        "$id": SCHEMA_ID,
        **root,
        "title": "vndgaf submission (format 1)",
        "$defs": {key: defs[key] for key in sorted(defs)},
    }
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def schema_json() -> str:
    """The schema as deterministic JSON text (what ``schemas/`` holds)."""
    return _schema_text()


def submission_schema() -> dict[str, Any]:
    """The schema as a fresh dict (callers may not share mutations)."""
    result: dict[str, Any] = json.loads(_schema_text())
    return result
