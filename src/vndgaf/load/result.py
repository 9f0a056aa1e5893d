"""What loading gives: the merged architecture, the input findings, and the way back from any
element to the line and column of the file that defines it."""

from collections.abc import Mapping

import attrs

from vndgaf.diagnostics import Finding, Location
from vndgaf.load.ids import Origin
from vndgaf.load.positions import SourceMap
from vndgaf.model import Architecture, Submission

__all__ = ["LoadResult"]


@attrs.frozen
class LoadResult:
    """A merged architecture, the input findings, and the way back to the source text."""

    architecture: Architecture
    findings: tuple[Finding, ...]
    files: tuple[str, ...]
    origins: Mapping[str, Origin]
    """Element id (or :func:`~vndgaf.model.submission_key`) -> where it is first defined."""
    sources: Mapping[str, SourceMap]
    submitters: Mapping[str, str] = attrs.field(factory=dict)
    """File path -> id of the agency whose submission the file belongs to."""
    submissions: tuple[Submission, ...] = ()

    def locate(self, element_id: str, field: str | None = None) -> Location | None:
        """Location of an element (or of one of its fields) in its source file."""
        origin = self.origins.get(element_id)
        if origin is None:
            return None
        pointer = origin.pointer + ("/" + field if field else "")
        line, column = self.sources[origin.path].locate(pointer)
        return Location(origin.path, line, column, pointer)

    def submitter_of(self, element_id: str) -> str:
        """Submitter of the submission that defines the element ('' if none)."""
        origin = self.origins.get(element_id)
        return self.submitters.get(origin.path, "") if origin else ""
