"""Findings as their submission writes ids: its own elements without the ``submitter::``
prefix that every output gives them (other submissions' elements and catalogue ids as they are).

Rule tests compare subjects and related ids with the ids written in their fixtures; the
qualified identity itself is tested in tests/multi.
"""

from collections.abc import Iterable

import attrs

from vndgaf.diagnostics import Finding
from vndgaf.model.namespaces import written_in

__all__ = ["all_as_written", "as_written"]


def as_written(finding: Finding) -> Finding:
    """The finding with its subject and related ids as its submission writes them."""
    namespace = finding.submitter
    return attrs.evolve(
        finding,
        subject=written_in(namespace, finding.subject),
        related=tuple(written_in(namespace, r) for r in finding.related),
    )


def all_as_written(findings: Iterable[Finding]) -> list[Finding]:
    """:func:`as_written` of each finding, in order."""
    return [as_written(f) for f in findings]
