"""What checking produces: severities, locations, findings, and the report that holds them.

These are plain immutable values shared by the loader, the rule engine and the reporters. Every
human-readable text is a :class:`Text` with an English and a Vietnamese form, so that reports can
be written in either language from the same findings.
"""

import datetime as dt
from enum import StrEnum

import attrs

from vndgaf.model import Suppression

__all__ = [
    "MESSAGE_LIMIT",
    "Family",
    "Finding",
    "Location",
    "Report",
    "RuleInfo",
    "Severity",
    "Text",
    "Violation",
    "family_code",
    "pointer_parts",
    "pointer_token",
    "quoted",
    "shortened",
]


class Severity(StrEnum):
    """Exactly the three SARIF levels."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"

    @property
    def rank(self) -> int:
        """Higher is worse: error 3, warning 2, note 1."""
        return {"error": 3, "warning": 2, "note": 1}[self.value]


@attrs.frozen
class Text:
    """A message in English and Vietnamese."""

    en: str
    vi: str

    def get(self, lang: str) -> str:
        """The text in ``lang`` (``"en"`` or ``"vi"``)."""
        return self.vi if lang == "vi" else self.en


def family_code(code: str) -> str:
    """The family part of a check code: its leading letters (``IOP`` for ``IOP001``).

    Codes are a family's letters followed by digits; registration checks it (see
    :func:`vndgaf.rules.base.family`), so the letters always name a declared family.

    >>> family_code("IOP001")
    'IOP'
    """
    return code.rstrip("0123456789")


@attrs.frozen
class Family:
    """A family of checks: the letters every code in it starts with, and its title.

    Each family is declared once, next to its checks (``vndgaf.rules.interop.FAMILY``, the
    loader's schema and reference checks), and every report and page names it from there.
    """

    code: str
    title: Text


MESSAGE_LIMIT = 2_000
"""The longest message a finding keeps, in characters, in each language: a value quoted in a
message never makes a report grow with the size of the value (docs/security.md)."""


def shortened(text: str, limit: int) -> str:
    """``text``, or its start and its end around `` … `` in ``limit`` characters.

    >>> shortened("so-tu-phap", 20), shortened("abcdefghijklmnopqrstuvwxyz", 12)
    ('so-tu-phap', 'abcdef … xyz')
    """
    if len(text) <= limit:
        return text
    head = (limit - 3) * 2 // 3
    return text[:head] + " … " + text[len(text) - (limit - 3 - head) :]


def quoted(value: str, limit: int = 80) -> str:
    """``value`` in single quotes for a message, :func:`shortened` to ``limit`` characters.

    >>> quoted("so-tp"), quoted("x" * 1_000_000, 12)
    ("'so-tp'", "'xxxxxx … xxx'")
    """
    return f"'{shortened(value, limit)}'"


def _bounded(message: Text) -> Text:
    if len(message.en) <= MESSAGE_LIMIT and len(message.vi) <= MESSAGE_LIMIT:
        return message
    return Text(shortened(message.en, MESSAGE_LIMIT), shortened(message.vi, MESSAGE_LIMIT))


def pointer_token(part: str | int) -> str:
    """One RFC 6901 reference token: ``~`` as ``~0``, ``/`` as ``~1``."""
    return str(part).replace("~", "~0").replace("/", "~1")


def pointer_parts(pointer: str) -> list[str]:
    """The unescaped tokens of an RFC 6901 pointer (``""`` is the root: no tokens)."""
    return [p.replace("~1", "/").replace("~0", "~") for p in pointer.split("/")[1:]]


@attrs.frozen(order=True)
class Location:
    """Where a finding points: file, 1-based line and column, and a JSON pointer in that file."""

    path: str
    line: int = 0
    column: int = 0
    pointer: str = ""

    def __str__(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.column}"
        return f"{self.path}#{self.pointer}" if self.pointer else self.path


@attrs.frozen
class Violation:
    """What a rule yields: the element at fault and what is wrong with it.

    ``field`` names the field of the subject the problem is in (the location then points at it);
    ``related`` lists other element ids involved, in a stable order. ``severity``, when set,
    replaces the rule's default for this one violation (a milder case of the same rule, or a
    deadline not yet passed); a user's severity override still wins.
    """

    subject: str
    message: Text
    related: tuple[str, ...] = ()
    fix: Text | None = None
    field: str | None = None
    severity: Severity | None = None


@attrs.frozen
class Finding:
    """A violation stamped by the engine with its rule, severity, location and legal basis."""

    code: str
    name: str
    severity: Severity
    message: Text = attrs.field(converter=_bounded)
    """At most :data:`MESSAGE_LIMIT` characters in each language (a longer one is shortened)."""
    location: Location | None = None
    subject: str = ""
    related: tuple[str, ...] = ()
    legal_basis: Text = Text("", "")
    fix: Text | None = None
    suppressed_by: Suppression | None = None
    submitter: str = ""

    @property
    def family(self) -> str:
        """The rule family: the letters of the code (``IOP`` for ``IOP001``)."""
        return family_code(self.code)

    @property
    def suppressed(self) -> bool:
        """True when an unexpired suppression in the submission accepts this finding."""
        return self.suppressed_by is not None

    @property
    def identity(self) -> tuple[str, str, tuple[str, ...]]:
        """(code, subject, related): stable across edits; used for fingerprints and baselines."""
        return (self.code, self.subject, self.related)

    def sort_key(self) -> tuple[str, int, int, str, str, tuple[str, ...], str]:
        """Findings are always reported in this order."""
        loc = self.location or Location("")
        return (
            loc.path,
            loc.line,
            loc.column,
            self.code,
            self.subject,
            self.related,
            self.message.en,
        )


@attrs.frozen
class RuleInfo:
    """What a report needs to know about a rule (no code, only documentation).

    ``legal_basis`` is rendered for the check's date (in a report) or for every date (in the
    documentation); ``instruments`` are the ids of the instruments it cites as law, and
    ``sourced`` is False when the rule rests on an inference.
    """

    code: str
    name: str
    severity: Severity
    title: Text
    legal_basis: Text
    sourced: bool
    family: Family
    fix: Text | None = None
    doc: str = ""
    instruments: tuple[str, ...] = ()


@attrs.frozen
class Report:
    """The result of a check: sorted findings, metrics, and what was run on what."""

    findings: tuple[Finding, ...]
    metrics: dict[str, float] = attrs.field(factory=dict)
    rules: tuple[RuleInfo, ...] = ()
    inputs: tuple[str, ...] = ()
    as_of: dt.date | None = None
    submitters: tuple[str, ...] = ()
    reference: tuple[str, ...] = ()
    """The catalogue overlays applied besides the bundled catalogue (name, file, digest)."""
    frameworks: tuple[str, ...] = ()
    """The framework versions the submissions declare (``4.0``), each once, in input order."""
    catalogue: str = ""
    """The version of the reference catalogue checked against (``2026.12``)."""
    catalogue_date: dt.date | None = None
    """The date of that catalogue version (its latest bundled overlay's)."""

    def active(self) -> tuple[Finding, ...]:
        """Findings that are not suppressed."""
        return tuple(f for f in self.findings if not f.suppressed)

    def counts(self) -> dict[Severity, int]:
        """Number of unsuppressed findings per severity."""
        out = dict.fromkeys(Severity, 0)
        for f in self.active():
            out[f.severity] += 1
        return out

    def worst(self) -> Severity | None:
        """The worst severity among unsuppressed findings, or None if there are none."""
        active = self.active()
        return max((f.severity for f in active), key=lambda s: s.rank) if active else None
