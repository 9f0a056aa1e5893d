"""Releases of the national architecture framework, dated, with the instrument of each.

Which framework a submission may declare, and which one is current on a date, are facts of the
catalogue: a release holds from the day its instrument took effect until the day a later one
replaced it.
"""

import attrs

from vndgaf.model import Citation, Provenance
from vndgaf.model.meta import doc

__all__ = ["FrameworkRelease"]

FRAMEWORK_ID_PATTERN = r"^vn:framework/[a-z0-9][a-z0-9.-]*$"


@attrs.frozen
class FrameworkRelease:
    """One release of the framework (``version`` is what a submission's framework_version says)."""

    id: str = attrs.field(
        metadata=doc("Catalogue id (vn:framework/4.0).", pattern=FRAMEWORK_ID_PATTERN)
    )
    version: str = attrs.field(
        metadata=doc("Version as declared by submissions (4.0).", min_length=1)
    )
    name: str = attrs.field(metadata=doc("Name, in Vietnamese.", min_length=1))
    name_en: str = attrs.field(metadata=doc("Name, in English.", min_length=1))
    instrument: Citation = attrs.field(metadata=doc("The instrument that issued the release."))
    provenance: Provenance | None = attrs.field(
        default=None, metadata=doc("Where the release is known from; its period of validity.")
    )
