"""Qualified ids: how an element of one submission is named everywhere else.

Each submission is a namespace named by its submitter: a local id is unique within its
submission, and ``submitter::id`` names the element ``id`` of the submission whose submitter is
``submitter`` — in another submission's references, and in every output (findings, reports,
fingerprints, diagrams, exports, diffs), so that what a check says about an element does not
depend on which other submissions were checked with it. Catalogue ids (``vn:…``) belong to no
submission, and the files of no submission (no ``submission`` block) have an unnamed namespace
whose ids stay as written.

>>> qualify("ubnd-cao-bang", "lgsp-cao-bang")
'ubnd-cao-bang::lgsp-cao-bang'
>>> qualify("ubnd-cao-bang", "vn:platform/ndxp"), qualify("", "lgsp")
('vn:platform/ndxp', 'lgsp')
>>> split_id("vn:agency/bo-tu-phap::hotich-btp"), split_id("lgsp")
(('vn:agency/bo-tu-phap', 'hotich-btp'), ('', 'lgsp'))
>>> written_in("ubnd-cao-bang", "ubnd-cao-bang::lgsp"), written_in("x", "ubnd-cao-bang::lgsp")
('lgsp', 'ubnd-cao-bang::lgsp')
>>> text_written_in("ubnd-x", "flow 'ubnd-x::f1' to 'ubnd-y::lgsp' (ubnd-x::f2, aubnd-x::f3)")
"flow 'f1' to 'ubnd-y::lgsp' (f2, aubnd-x::f3)"
"""

import re

from vndgaf.model.meta import NAMESPACE_SEPARATOR

__all__ = [
    "CATALOGUE_PREFIX",
    "NAMESPACE_SEPARATOR",
    "is_catalogue_id",
    "is_qualified",
    "qualify",
    "split_id",
    "text_written_in",
    "written_in",
]

#: Ids that start with this (and hold no ``::``) belong to the national reference catalogue.
CATALOGUE_PREFIX = "vn:"

_PSEUDO_PREFIX = "@"
"""Pseudo-ids (``@submission:…``) name a submission block, never an element."""


def is_qualified(ident: str) -> bool:
    """True for ``submitter::id``."""
    return NAMESPACE_SEPARATOR in ident


def is_catalogue_id(ident: str) -> bool:
    """True for an id of the national catalogue (``vn:platform/ndxp``), not for an element of a
    submission whose submitter is a catalogue agency (``vn:agency/bo-tu-phap::hotich-btp``)."""
    return ident.startswith(CATALOGUE_PREFIX) and NAMESPACE_SEPARATOR not in ident


def qualify(namespace: str, ident: str) -> str:
    """The qualified id of ``ident`` as written in the submission named ``namespace``: a local
    id gets the namespace; catalogue ids, qualified ids and pseudo-ids stay as they are, and so
    does everything in the unnamed namespace (``""``)."""
    if (
        not namespace
        or NAMESPACE_SEPARATOR in ident
        or ident.startswith(CATALOGUE_PREFIX)
        or ident.startswith(_PSEUDO_PREFIX)
    ):
        return ident
    return f"{namespace}{NAMESPACE_SEPARATOR}{ident}"


def split_id(ident: str) -> tuple[str, str]:
    """(namespace, local id) of a qualified id; ``("", ident)`` for any other id."""
    namespace, separator, local = ident.partition(NAMESPACE_SEPARATOR)
    return (namespace, local) if separator else ("", ident)


def written_in(namespace: str, ident: str) -> str:
    """How the submission named ``namespace`` writes ``ident``: its own elements without the
    prefix, everything else as it is (the inverse of :func:`qualify`)."""
    prefix = f"{namespace}{NAMESPACE_SEPARATOR}"
    return ident[len(prefix) :] if namespace and ident.startswith(prefix) else ident


def text_written_in(namespace: str, text: str) -> str:
    """A message about the submission ``namespace`` with every id as that submission writes it
    (:func:`written_in`), so that what a check says about a submission reads the same whatever
    it was checked with: only a whole id loses its prefix, never the end of a longer one."""
    if not namespace or NAMESPACE_SEPARATOR not in text:
        return text
    prefix = re.escape(namespace + NAMESPACE_SEPARATOR)
    return re.sub(rf"(?<![A-Za-z0-9._:/-]){prefix}", "", text)
