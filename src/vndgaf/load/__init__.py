"""From files on disk to a :class:`LoadResult`: read, validate, structure, resolve references.

Each step is a module with one job:

- :mod:`~vndgaf.load.discover` — which files make up the submissions, and only files the user
  meant (links not followed, SCH007; unreadable and special entries, SCH008);
- :mod:`~vndgaf.load.own_outputs` — vndgaf's own reports are not read back (SCH009);
- :mod:`~vndgaf.load.read` — a file's bytes to a parsed document (size limit, UTF-8, format);
- :mod:`~vndgaf.load.yaml_reader` — YAML with positions (YAML 1.2 core schema, safe);
- :mod:`~vndgaf.load.json_reader` — JSON with positions (``json.loads`` and the limits);
- :mod:`~vndgaf.load.json_scan` — the full position index of a JSON text (the reference);
- :mod:`~vndgaf.load.json_locator` — JSON positions on demand, by walking one pointer's path;
- :mod:`~vndgaf.load.json_skip` — where a JSON value ends, at C speed (for the locator);
- :mod:`~vndgaf.load.positions` — line and column by JSON pointer (:class:`SourceMap`);
- :mod:`~vndgaf.load.problems` — what stops reading a file (SCH001–SCH006), and the limits;
- :mod:`~vndgaf.load.validation` — the schema verdict (jsonschema-rs), and every error when
  invalid (jsonschema);
- :mod:`~vndgaf.load.schema_messages` — schema errors as messages (SCH010–SCH014);
- :mod:`~vndgaf.load.ids` — where each id is defined (REF002, REF005);
- :mod:`~vndgaf.load.references` — every reference names an element of an allowed kind
  (REF001, REF003, REF004);
- :mod:`~vndgaf.load.submissions` — which submission each file belongs to (SCH015, REF006),
  two versions of one submission (REF008);
- :mod:`~vndgaf.load.merge` — several submissions as one architecture, ids qualified;
- :mod:`~vndgaf.load.externals` — declarations of other submissions' elements (REF009);
- :mod:`~vndgaf.load.checks` — how a loader check is documented and reported;
- :mod:`~vndgaf.load.result` — :class:`LoadResult`;
- :mod:`~vndgaf.load.pipeline` — :func:`load` (files) and :func:`load_models` (models built
  in code): the steps in order;
- :mod:`~vndgaf.load.overlays` — catalogue overlay files, read and checked the same way.

Structuring (documents to attrs objects) is :mod:`vndgaf.converter`, shared with the reference
catalogue and the writers; the schema is :mod:`vndgaf.schema`.

On ``vndgaf``, the name ``load`` is the function :func:`load`, not this package: import the
modules with ``from vndgaf.load import ids`` (or ``from vndgaf.load.ids import …``).
"""

from vndgaf.load.discover import discover
from vndgaf.load.ids import Origin
from vndgaf.load.pipeline import INPUT_CHECKS, load, load_models
from vndgaf.load.positions import SourceMap
from vndgaf.load.problems import Limits, ParseProblem
from vndgaf.load.read import ParseResult, parse_bytes, parse_file
from vndgaf.load.references import Catalogue
from vndgaf.load.result import LoadResult, SubmissionPart
from vndgaf.load.schema_messages import SchemaProblem
from vndgaf.load.validation import validate

__all__ = [
    "INPUT_CHECKS",
    "Catalogue",
    "Limits",
    "LoadResult",
    "Origin",
    "ParseProblem",
    "ParseResult",
    "SchemaProblem",
    "SourceMap",
    "SubmissionPart",
    "discover",
    "load",
    "load_models",
    "parse_bytes",
    "parse_file",
    "validate",
]
