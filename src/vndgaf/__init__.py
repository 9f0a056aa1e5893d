"""vndgaf — the reference model of Vietnam's Digital Government Architecture Framework.

A library first: every function returns values and never prints or exits.

>>> import vndgaf
>>> report = vndgaf.check(["examples/tuyen-quang"])
>>> [f.code for f in report.findings][:3]
['STR001', 'IOP008', 'RED004']
>>> str(report.findings[0].location)
'examples/tuyen-quang/agencies.yaml:72:12'

The public names are imported on first use (PEP 562), so ``import vndgaf`` stays cheap and a
command that only validates never imports the graph engine (networkx) or the renderer.
"""

import importlib
from typing import TYPE_CHECKING, Any

# ``vndgaf.load`` is both a package and the function an integrator calls. Importing the package
# here, and rebinding the name, keeps ``vndgaf.load`` the function whatever is imported later
# (the import system sets a package's attribute only when it first imports the subpackage).
from vndgaf.load import LoadResult, load

if TYPE_CHECKING:
    from vndgaf.converter import dumps, normalise
    from vndgaf.diagnostics import Finding, Location, Report, RuleInfo, Severity, Text
    from vndgaf.engine import check, check_loaded, check_models
    from vndgaf.errors import InputError, InternalError, VndgafError
    from vndgaf.graph import ArchGraph, build_graph
    from vndgaf.model import Architecture
    from vndgaf.reference import catalogue, resolve_unit
    from vndgaf.schema import submission_schema

__version__ = "0.1.0"

# Where each public name lives, imported on first use (tests/test_public_api.py keeps this
# table and ``__all__`` in step).
_HOMES: dict[str, str] = {
    "ArchGraph": "vndgaf.graph",
    "Architecture": "vndgaf.model",
    "Finding": "vndgaf.diagnostics",
    "InputError": "vndgaf.errors",
    "InternalError": "vndgaf.errors",
    "Location": "vndgaf.diagnostics",
    "Report": "vndgaf.diagnostics",
    "RuleInfo": "vndgaf.diagnostics",
    "Severity": "vndgaf.diagnostics",
    "Text": "vndgaf.diagnostics",
    "VndgafError": "vndgaf.errors",
    "build_graph": "vndgaf.graph",
    "catalogue": "vndgaf.reference",
    "check": "vndgaf.engine",
    "check_loaded": "vndgaf.engine",
    "check_models": "vndgaf.engine",
    "dumps": "vndgaf.converter",
    "normalise": "vndgaf.converter",
    "resolve_unit": "vndgaf.reference",
    "submission_schema": "vndgaf.schema",
}

__all__ = [
    "ArchGraph",
    "Architecture",
    "Finding",
    "InputError",
    "InternalError",
    "LoadResult",
    "Location",
    "Report",
    "RuleInfo",
    "Severity",
    "Text",
    "VndgafError",
    "__version__",
    "build_graph",
    "catalogue",
    "check",
    "check_loaded",
    "check_models",
    "dumps",
    "load",
    "normalise",
    "resolve_unit",
    "submission_schema",
]


def __getattr__(name: str) -> Any:
    """Import a public name's module the first time the name is used."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'vndgaf' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})
