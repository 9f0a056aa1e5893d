"""Exchange with other tools: ArchiMate exchange files (both ways), Mermaid and GraphML (out).

The CLI calls :func:`export` with a format name from :data:`EXPORT_FORMATS`,
:func:`import_archimate` for ``vndgaf import archimate`` and :func:`merge_archimate` for
``vndgaf export --to archimate --base FILE`` (the round trip back to an ArchiMate tool); all
return values and never print.
"""

from collections.abc import Callable, Iterator, Mapping

from vndgaf.exchange.archimate import (
    ImportResult,
    KeptItem,
    MappedItem,
    archimate_chunks,
    from_archimate,
    to_archimate,
)
from vndgaf.exchange.archimate_agencies import AgencyMap, load_agency_map
from vndgaf.exchange.archimate_merge import MergeResult, merge_archimate
from vndgaf.exchange.archimate_read import read_model
from vndgaf.exchange.graphml import graphml_chunks, to_graphml
from vndgaf.exchange.mermaid import mermaid_chunks, to_mermaid
from vndgaf.model import Architecture, with_externals

__all__ = [
    "EXPORT_FORMATS",
    "AgencyMap",
    "ImportResult",
    "KeptItem",
    "MappedItem",
    "MergeResult",
    "export",
    "export_chunks",
    "import_archimate",
    "load_agency_map",
    "merge_archimate",
    "read_model",
    "to_archimate",
    "to_graphml",
    "to_mermaid",
]

#: Names accepted by :func:`export` (and ``vndgaf export --to``).
EXPORT_FORMATS = ("archimate", "mermaid", "graphml")

# Each exporter gives its text in pieces, made while they are written (see export_chunks).
_EXPORTERS: dict[str, Callable[[Architecture], Iterator[str]]] = {
    "archimate": archimate_chunks,
    "mermaid": mermaid_chunks,
    "graphml": graphml_chunks,
}


def export(
    arch: Architecture, fmt: str, *, lang: str = "vi", names: Mapping[str, str] | None = None
) -> str:
    """The architecture in format ``fmt`` (one of :data:`EXPORT_FORMATS`), its external
    declarations drawn as the elements they stand for. ``lang`` (``vi`` or ``en``) is the
    language of the Mermaid diagram's group titles, ``names`` the display names of the
    catalogue elements its flows reach (see :func:`to_mermaid`); ArchiMate and GraphML carry
    no text of vndgaf's own."""
    return "".join(export_chunks(arch, fmt, lang=lang, names=names))


def export_chunks(
    arch: Architecture, fmt: str, *, lang: str = "vi", names: Mapping[str, str] | None = None
) -> Iterator[str]:
    """:func:`export` in pieces, for writing a large model without holding its whole text:
    the ArchiMate file of a national model is 300 MB."""
    try:
        exporter = _EXPORTERS[fmt]
    except KeyError:
        raise ValueError(
            f"unknown export format {fmt!r}; expected one of {', '.join(EXPORT_FORMATS)}"
        ) from None
    if lang not in ("vi", "en"):
        raise ValueError(f"unknown language {lang!r}; languages: vi, en")
    if fmt == "mermaid":
        return mermaid_chunks(with_externals(arch), lang=lang, names=names)
    return exporter(with_externals(arch))


def import_archimate(
    xml_text: str, *, path: str = "<input>", agencies: AgencyMap | None = None
) -> ImportResult:
    """Map an ArchiMate model onto the vndgaf model (see :func:`from_archimate`)."""
    return from_archimate(xml_text, path=path, agencies=agencies)
