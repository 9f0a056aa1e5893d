"""The JSON Schema of catalogue overlays, derived from the catalogue's classes.

Published as ``schemas/vndgaf-catalogue-overlay-1.schema.json`` (a test fails when it is stale)
and used by :mod:`vndgaf.load.overlays` to check a user's file. It lives apart from
:mod:`vndgaf.reference.overlay` so that reading the catalogue (what rules see) does not import the
schema generator.
"""

import functools
import json
from typing import Any

from vndgaf.reference.instruments import Effect, Instrument
from vndgaf.reference.overlay import FIXED_FIELDS, FORMAT_KEY, OVERLAY_FORMAT, TABLES
from vndgaf.schema import class_definitions

__all__ = [
    "OVERLAY_SCHEMA_FILENAME",
    "OVERLAY_SCHEMA_ID",
    "overlay_schema",
    "overlay_schema_json",
    "schema_for",
]

OVERLAY_SCHEMA_ID = "urn:vndgaf:schema:catalogue-overlay:1"
OVERLAY_SCHEMA_FILENAME = "vndgaf-catalogue-overlay-1.schema.json"
_DRAFT = "https://json-schema.org/draft/2020-12/schema"
_NAME_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"


def _table_schema(cls: type) -> dict[str, Any]:
    name = cls.__name__
    return {
        "description": f"{name} entries: a list of objects, or a table (columns and rows).",
        "type": ["array", "object"],
        "if": {"type": "array"},
        "then": {"items": {"$ref": f"#/$defs/{name}"}},
        "else": {"$ref": "#/$defs/Table"},
    }


def _provenance_ref(description: str) -> dict[str, Any]:
    return {"$ref": "#/$defs/Provenance", "description": description}


_DATE = {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}


def _dated_operation(
    title: str,
    description: str,
    verb: str,
    effective: str,
    provenance: str,
    extra: dict[str, Any],
) -> dict[str, Any]:
    """The schema of a change or an ending: which fact, from which date, with what source."""
    return {
        "type": "object",
        "title": title,
        "description": description,
        "properties": {
            "id": {"type": "string", "minLength": 1, "description": f"Id of the fact {verb}."},
            "effective": {**_DATE, "description": effective},
            **extra,
            "provenance": _provenance_ref(provenance),
        },
        "required": ["id", "effective", *extra],
        "additionalProperties": False,
    }


@functools.cache
def _schema_text() -> str:
    defs = class_definitions(*TABLES.values(), Instrument, Effect)
    defs["Table"] = {
        "type": "object",
        "title": "Table",
        "description": "Entries as rows: each row holds the values of `columns`, in order.",
        "properties": {
            "columns": {
                "type": "array",
                "items": {"type": "string"},
                "minItems": 1,
                "uniqueItems": True,
                "description": "Field names of the entries.",
            },
            "rows": {"type": "array", "items": {"type": "array"}, "description": "The entries."},
        },
        "required": ["columns", "rows"],
        "additionalProperties": False,
    }
    defs["Change"] = _dated_operation(
        "Change",
        "Set fields of a fact from a date on (every later version of it too).",
        "changed",
        "First date on which the new values hold.",
        "The source of the change (its valid_from is the effective date).",
        {
            "set": {
                "type": "object",
                "minProperties": 1,
                "description": "The fields and their new values (fields of the fact's kind, "
                "except id, code and provenance).",
            }
        },
    )
    defs["Ending"] = _dated_operation(
        "Ending",
        "End a fact: from the effective date it is no longer in force.",
        "ended",
        "First date on which it no longer holds.",
        "The source of the ending.",
        {},
    )
    properties: dict[str, Any] = {
        FORMAT_KEY: {"const": OVERLAY_FORMAT, "description": "Format version of the file: 1."},
        "name": {
            "type": "string",
            "pattern": _NAME_PATTERN,
            "maxLength": 100,
            "description": "Short name of the overlay, shown in reports.",
        },
        "title": {"type": "string", "description": "What the overlay holds."},
        "date": {**_DATE, "description": "Date of the latest instrument it reflects."},
        "version": {"type": "string", "description": "Version of the overlay's content."},
        "sources": {
            "type": "array",
            "items": {"type": "string"},
            "description": "Where its facts come from.",
        },
        "anchors": {
            "type": "object",
            "description": "Ignored: a place to define YAML anchors that entries reuse.",
        },
        "defaults": {
            "type": "object",
            "description": "Values for entries that leave them out.",
            "properties": {"provenance": _provenance_ref("Provenance of entries without one.")},
            "additionalProperties": False,
        },
        "instruments": {"type": "array", "items": {"$ref": "#/$defs/Instrument"}},
        "effects": {"type": "array", "items": {"$ref": "#/$defs/Effect"}},
        **{name: _table_schema(cls) for name, cls in TABLES.items()},
        "changes": {"type": "array", "items": {"$ref": "#/$defs/Change"}},
        "ends": {"type": "array", "items": {"$ref": "#/$defs/Ending"}},
    }
    schema = {
        "$schema": _DRAFT,
        "$id": OVERLAY_SCHEMA_ID,
        "title": "vndgaf catalogue overlay (format 1)",
        "description": "Facts added to, changed in or ended in the national reference catalogue, "
        "each with its provenance. The bundled catalogue is built from files of this format.",
        "type": "object",
        "properties": properties,
        "required": [FORMAT_KEY, "name"],
        "additionalProperties": False,
        "$defs": {key: defs[key] for key in sorted(defs)},
    }
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def overlay_schema_json() -> str:
    """The overlay schema as deterministic JSON text (what ``schemas/`` holds)."""
    return _schema_text()


def overlay_schema() -> dict[str, Any]:
    """The overlay schema as a fresh dict."""
    result: dict[str, Any] = json.loads(_schema_text())
    return result


@functools.cache
def _subschema_text(ref: str) -> str:
    defs = overlay_schema()["$defs"]
    if ref.startswith("set:"):
        table = ref.partition(":")[2]
        definition = dict(defs[TABLES[table].__name__])
        definition["properties"] = {
            k: v for k, v in definition["properties"].items() if k not in FIXED_FIELDS
        }
        definition.pop("required", None)
        definition["title"] = f"changed fields of {table}"
        return json.dumps({**definition, "$defs": defs})
    return json.dumps({"$ref": f"#/$defs/{ref}", "$defs": defs})


def schema_for(ref: str) -> dict[str, Any]:
    """The schema a part of an overlay is checked against: ``""`` the whole document, a
    definition name (``"Platform"``) one entry, ``"set:platforms"`` the fields a change to a
    platform may set (any of them, none required)."""
    text = _schema_text() if ref == "" else _subschema_text(ref)
    result: dict[str, Any] = json.loads(text)
    return result
