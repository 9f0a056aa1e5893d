"""What a diagram was drawn from, written under its title.

A diagram travels alone: an SVG attached to a mail, a PNG pasted into a slide. Its title then says
the date the model describes, the framework versions the submissions declare, the version and
date of the reference catalogue (and the overlays applied) and the vndgaf that drew it, as the
header of a report does.

>>> import datetime as dt
>>> stamp = Stamp(as_of=dt.date(2025, 11, 15), frameworks=("4.0",), catalogue="2026.12",
...               catalogue_date=dt.date(2026, 9, 20), tool="vndgaf 0.1.0")
>>> stamp_text(stamp, "en")
'As of 2025-11-15 · framework 4.0 · catalogue 2026.12 (2026-09-20) · vndgaf 0.1.0'
"""

import datetime as dt
from collections.abc import Sequence

import attrs

from vndgaf.model import Submission
from vndgaf.reference import Catalogue
from vndgaf.render.theme import text

__all__ = ["Stamp", "stamp_text"]


@attrs.frozen
class Stamp:
    """The facts a diagram was drawn from (see the module docstring); each may be left out."""

    as_of: dt.date | None = None
    frameworks: tuple[str, ...] = ()
    catalogue: str = ""
    catalogue_date: dt.date | None = None
    overlays: tuple[str, ...] = ()
    tool: str = ""

    @classmethod
    def of(
        cls,
        submissions: Sequence[Submission],
        catalogue: Catalogue,
        *,
        as_of: dt.date | None = None,
        tool: str = "",
    ) -> "Stamp":
        """The stamp of a model made of ``submissions``, drawn with ``catalogue`` (overlays
        included) as of ``as_of`` (default: the catalogue's date of validity)."""
        return cls(
            as_of=as_of or catalogue.as_of,
            frameworks=tuple(dict.fromkeys(s.framework_version.value for s in submissions)),
            catalogue=catalogue.version,
            catalogue_date=catalogue.date,
            overlays=tuple(o.label for o in catalogue.user_overlays),
            tool=tool,
        )


def stamp_text(stamp: Stamp, lang: str) -> str:
    """The stamp as one line in ``lang`` (parts joined by `` · ``), or "" when it is empty."""
    parts = []
    if stamp.as_of is not None:
        parts.append(text("stamp:as_of", lang, date=stamp.as_of.isoformat()))
    if stamp.frameworks:
        parts.append(text("stamp:framework", lang, versions=", ".join(stamp.frameworks)))
    if stamp.catalogue and stamp.catalogue_date is not None:
        date = stamp.catalogue_date.isoformat()
        parts.append(text("stamp:catalogue_dated", lang, version=stamp.catalogue, date=date))
    elif stamp.catalogue:
        parts.append(text("stamp:catalogue", lang, version=stamp.catalogue))
    if stamp.overlays:
        parts.append(text("stamp:overlays", lang, names=", ".join(stamp.overlays)))
    if stamp.tool:
        parts.append(stamp.tool)
    if parts and stamp.as_of is None:  # the first part begins the sentence
        parts[0] = parts[0][:1].upper() + parts[0][1:]
    return " · ".join(parts)
