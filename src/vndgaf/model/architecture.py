"""The root of a submission: who submits it, under which framework, and its elements."""

import datetime as dt
from typing import Any

import attrs

from vndgaf.model.elements import (
    AdministrativeUnit,
    Agency,
    Database,
    DataEntity,
    DataFlow,
    InformationSystem,
    Investment,
    Platform,
    PublicService,
)
from vndgaf.model.enums import FrameworkVersion
from vndgaf.model.meta import ID_PATTERN, doc
from vndgaf.model.typed import typed_fields

__all__ = [
    "ELEMENT_LISTS",
    "EXTERNAL_LISTS",
    "FORMAT_VERSION",
    "Architecture",
    "Externals",
    "Submission",
    "submission_key",
    "with_externals",
]

#: Version of the submission format; written as ``format_version`` in every file.
FORMAT_VERSION = 1


@attrs.frozen(field_transformer=typed_fields)
class Submission:
    """Who submits the architecture, under which framework version, as of which date.

    The submitter also names the submission: its elements are known to other submissions as
    ``submitter::id`` (``ubnd-cao-bang::lgsp-cao-bang``).
    """

    submitter: str = attrs.field(
        metadata=doc(
            "Agency that submits the architecture (defined in the submission or in the "
            "catalogue); also the name of the submission, which other submissions write before "
            "'::' to refer to its elements.",
            ref=("agency",),
            pattern=ID_PATTERN,
            examples=("ubnd-tuyen-quang", "vn:agency/bo-tu-phap"),
        )
    )
    framework_version: FrameworkVersion = attrs.field(
        metadata=doc("Framework version the architecture follows (4.0 since QĐ 292/QĐ-BKHCN).")
    )
    as_of: dt.date = attrs.field(
        metadata=doc("Date the architecture describes.", examples=("2025-11-15",))
    )
    title: str | None = attrs.field(default=None, metadata=doc("Title of the document."))

    @property
    def key(self) -> str:
        """The pseudo-id of this block (see :func:`submission_key`)."""
        return submission_key(self.submitter)


def submission_key(submitter: str) -> str:
    """The pseudo-id of a submission block: where the loader locates it, and the subject of
    findings about it (a framework version, a submitter), so they have an identity like any
    element's. It is named by the submission: a submitter given as a qualified id
    (``ubnd-x::ubnd-x``, as several submissions checked together name it) keys the block of
    ``ubnd-x``."""
    namespace, separator, _local = submitter.partition("::")
    return f"@submission:{namespace if separator else submitter}"


@attrs.frozen(field_transformer=typed_fields)
class Externals:
    """Elements of other submissions, or of agencies that submit nothing, that this submission
    refers to: each declared with its qualified id (``submitter::id``), its kind (the list it is
    in), its owner and whatever else the submission relies on (an LGSP's ``instance_of``, an
    agency's ``level`` and ``unit``), so that the submission validates, checks, renders and
    exports on its own.

    Checked together with the submission that defines the element, the declaration is matched to
    it: a missing element, another kind, another owner or another value of a declared field is a
    finding (REF009) on the declaration.
    """

    agencies: tuple[Agency, ...] = attrs.field(
        default=(), metadata=doc("Agencies of other submissions.")
    )
    systems: tuple[InformationSystem, ...] = attrs.field(
        default=(), metadata=doc("Information systems of other submissions.")
    )
    platforms: tuple[Platform, ...] = attrs.field(
        default=(), metadata=doc("Platforms of other submissions.")
    )
    databases: tuple[Database, ...] = attrs.field(
        default=(), metadata=doc("Databases of other submissions.")
    )
    entities: tuple[DataEntity, ...] = attrs.field(
        default=(), metadata=doc("Data entities of other submissions.")
    )


@attrs.frozen(field_transformer=typed_fields)
class Architecture:
    """One submission (or one file of it): metadata and the lists of elements.

    A submission may span several files; each file has this shape, and the loader merges them.
    """

    format_version: int = attrs.field(
        metadata=doc(
            "Version of the submission format.", minimum=FORMAT_VERSION, maximum=FORMAT_VERSION
        )
    )
    submission: Submission | None = attrs.field(
        default=None, metadata=doc("Submitter, framework version and date (in one file).")
    )
    units: tuple[AdministrativeUnit, ...] = attrs.field(
        default=(), metadata=doc("Administrative units declared by the submission.")
    )
    agencies: tuple[Agency, ...] = attrs.field(default=(), metadata=doc("Agencies."))
    systems: tuple[InformationSystem, ...] = attrs.field(
        default=(), metadata=doc("Information systems (applications).")
    )
    platforms: tuple[Platform, ...] = attrs.field(default=(), metadata=doc("Platforms."))
    databases: tuple[Database, ...] = attrs.field(default=(), metadata=doc("Databases."))
    entities: tuple[DataEntity, ...] = attrs.field(default=(), metadata=doc("Data entities."))
    flows: tuple[DataFlow, ...] = attrs.field(default=(), metadata=doc("Data flows."))
    services: tuple[PublicService, ...] = attrs.field(
        default=(), metadata=doc("Public services / administrative procedures.")
    )
    investments: tuple[Investment, ...] = attrs.field(default=(), metadata=doc("IT investments."))
    externals: Externals | None = attrs.field(
        default=None,
        metadata=doc(
            "Elements of other submissions this one refers to (by their qualified id "
            "submitter::id), declared so that it validates on its own."
        ),
    )


#: The element lists of an Architecture, with the element kind each one holds.
ELEMENT_LISTS: tuple[tuple[str, str], ...] = (
    ("units", "unit"),
    ("agencies", "agency"),
    ("systems", "system"),
    ("platforms", "platform"),
    ("databases", "database"),
    ("entities", "entity"),
    ("flows", "flow"),
    ("services", "service"),
    ("investments", "investment"),
)

#: The lists of :class:`Externals`, with the element kind each one holds.
EXTERNAL_LISTS: tuple[tuple[str, str], ...] = (
    ("agencies", "agency"),
    ("systems", "system"),
    ("platforms", "platform"),
    ("databases", "database"),
    ("entities", "entity"),
)


def with_externals(arch: Architecture) -> Architecture:
    """``arch`` with its external declarations as elements of their lists (after its own, under
    their qualified ids): what an exchange format draws, since the elements of another
    submission are nodes of this one's picture too."""
    if arch.externals is None:
        return arch
    declared = arch.externals
    lists: dict[str, Any] = {
        name: (*getattr(arch, name), *getattr(declared, name)) for name, _kind in EXTERNAL_LISTS
    }
    return attrs.evolve(arch, externals=None, **lists)
