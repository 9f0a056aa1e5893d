"""vndgaf — the reference model of Vietnam's Digital Government Architecture Framework.

A library first: every function returns values and never prints or exits.

>>> import vndgaf
>>> report = vndgaf.check(["examples/tuyen-quang"])        # doctest: +SKIP
>>> [f.code for f in report.findings][:3]                  # doctest: +SKIP
['STR001', 'IOP001', 'RED001']
"""

from vndgaf.converter import dumps, normalise
from vndgaf.diagnostics import Finding, Location, Report, RuleInfo, Severity, Text
from vndgaf.engine import check, check_loaded
from vndgaf.errors import InputError, InternalError, VndgafError
from vndgaf.graph import ArchGraph, build_graph
from vndgaf.load import LoadResult, load
from vndgaf.model import Architecture
from vndgaf.reference import catalogue, resolve_unit
from vndgaf.schema import submission_schema

__version__ = "0.1.0"

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
    "dumps",
    "load",
    "normalise",
    "resolve_unit",
    "submission_schema",
]
