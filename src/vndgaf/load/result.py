"""What loading gives: the architecture, the input findings, the submissions it is made of, and
the way back from any element to the line and column of the file that defines it."""

from collections.abc import Mapping

import attrs

from vndgaf.diagnostics import Finding, Location
from vndgaf.load.ids import Origin
from vndgaf.load.positions import SourceMap
from vndgaf.model import Architecture, Submission
from vndgaf.model.namespaces import qualify

__all__ = ["LoadResult", "SubmissionPart"]


@attrs.frozen
class SubmissionPart:
    """One submission of a load, as written: its block (None for the files of no
    submission), its folder, its files, and its elements and external declarations with their
    ids as written."""

    submission: Submission | None
    folder: str
    files: tuple[str, ...]
    architecture: Architecture
    origins: Mapping[str, Origin] = attrs.field(factory=dict, eq=False, repr=False)
    """Local id (or qualified id of an external declaration) -> where it is defined."""

    @property
    def namespace(self) -> str:
        """The submitter, which names the submission ("" for the files of no submission)."""
        return self.submission.submitter if self.submission is not None else ""


@attrs.frozen
class LoadResult:
    """The architecture loaded, the input findings, and the way back to the source text.

    With one submission, ``architecture`` is that submission with its ids as written
    (``namespace`` says whose they are); with several, it merges them, every id qualified
    (``submitter::id``) and ``namespace`` empty. Either way :meth:`qualified` gives the id that
    every output shows, which does not depend on what else was checked; ``parts`` keeps each
    submission as written.
    """

    architecture: Architecture
    findings: tuple[Finding, ...]
    files: tuple[str, ...]
    origins: Mapping[str, Origin]
    """Element id (or :func:`~vndgaf.model.submission_key`) -> where it is first defined."""
    sources: Mapping[str, SourceMap]
    submitters: Mapping[str, str] = attrs.field(factory=dict)
    """File path -> submitter of the submission the file belongs to (files of none left out)."""
    submissions: tuple[Submission, ...] = ()
    """The submission blocks checked, sorted by submitter."""
    parts: tuple[SubmissionPart, ...] = ()
    """Every submission checked, as written (the files of no submission first)."""
    namespace: str = ""
    """The submitter whose local ids ``architecture`` holds ("" when its ids are qualified, or
    belong to no submission)."""

    def qualified(self, element_id: str) -> str:
        """The id of an element of ``architecture`` as every output shows it: qualified by its
        submission (``ubnd-tuyen-quang::lgsp-tuyen-quang``); catalogue ids as they are."""
        return qualify(self.namespace, element_id)

    def element_id(self, namespace: str, written: str) -> str:
        """The id under which ``architecture`` holds what the submission ``namespace`` writes
        ``written`` (as written with one submission; qualified with several)."""
        return written if namespace == self.namespace else qualify(namespace, written)

    def locate(self, element_id: str, field: str | None = None) -> Location | None:
        """Location of an element (or of one of its fields) in its source file."""
        origin = self.origins.get(element_id)
        if origin is None:
            return None
        pointer = origin.pointer + ("/" + field if field else "")
        line, column = self.sources[origin.path].locate(pointer)
        return Location(origin.path, line, column, pointer)

    def submitter_of(self, element_id: str) -> str:
        """Submitter of the submission whose file defines (or declares) the element ('' if
        none)."""
        origin = self.origins.get(element_id)
        return self.submitters.get(origin.path, "") if origin else ""
