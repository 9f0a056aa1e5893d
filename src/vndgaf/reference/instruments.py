"""Legal instruments as data: what each is, and what later instruments did to it.

An :class:`Instrument` is a timeless record (number, type, titles, issuer, dates, address). What
happens to it later is an :class:`Effect` of another instrument: "NĐ 47/2024/NĐ-CP repealed by
NĐ 194/2025/NĐ-CP, Art. 40(2)(a), from 19/8/2025". Each effect is a fact with its own provenance,
kept in one place (the catalogue's effects table), and the status of an instrument on a date is
derived from them by :func:`status_on`.

A :class:`~vndgaf.model.Citation` points at an instrument (and an article); :func:`cite` renders
it in English or Vietnamese.
"""

import datetime as dt
from collections.abc import Mapping, Sequence
from enum import StrEnum

import attrs

from vndgaf.model import Citation, Provenance
from vndgaf.model.common import INSTRUMENT_ID_PATTERN
from vndgaf.model.meta import doc

__all__ = [
    "Effect",
    "EffectKind",
    "Instrument",
    "InstrumentState",
    "InstrumentStatus",
    "InstrumentType",
    "cite",
    "status_on",
]


class InstrumentType(StrEnum):
    """Kinds of instrument, with their Vietnamese and English names (:data:`TYPE_NAMES`).

    ``statement`` (a leader's statement at a meeting) and ``programme`` are not legal texts; they
    are listed because some findings rest on them, and citing them says so.
    """

    LAW = "law"
    RESOLUTION = "resolution"
    DECREE = "decree"
    DECISION = "decision"
    DIRECTIVE = "directive"
    CIRCULAR = "circular"
    DISPATCH = "dispatch"
    OFFICIAL_LETTER = "official_letter"
    PLAN = "plan"
    PARTY_REGULATION = "party_regulation"
    PROGRAMME = "programme"
    STATEMENT = "statement"


#: (Vietnamese, English) name of each type, as written before an instrument's number.
TYPE_NAMES: Mapping[InstrumentType, tuple[str, str]] = {
    InstrumentType.LAW: ("Luật", "Law"),
    InstrumentType.RESOLUTION: ("Nghị quyết", "Resolution"),
    InstrumentType.DECREE: ("Nghị định", "Decree"),
    InstrumentType.DECISION: ("Quyết định", "Decision"),
    InstrumentType.DIRECTIVE: ("Chỉ thị", "Directive"),
    InstrumentType.CIRCULAR: ("Thông tư", "Circular"),
    InstrumentType.DISPATCH: ("Công điện", "Official dispatch"),
    InstrumentType.OFFICIAL_LETTER: ("Công văn", "Official letter"),
    InstrumentType.PLAN: ("Kế hoạch", "Plan"),
    InstrumentType.PARTY_REGULATION: ("Quy định", "Regulation"),
    InstrumentType.PROGRAMME: ("Chương trình", "Programme"),
    InstrumentType.STATEMENT: ("Phát biểu", "Statement"),
}


class EffectKind(StrEnum):
    """What an instrument does to an earlier one.

    ``replaced`` and ``repealed`` end it in full (the acting instrument is its successor);
    ``amended`` and ``partly_repealed`` leave it in force, changed.
    """

    REPLACED = "replaced"
    REPEALED = "repealed"
    PARTLY_REPEALED = "partly_repealed"
    AMENDED = "amended"

    @property
    def ends(self) -> bool:
        """True when the instrument is no longer in force after this effect."""
        return self in (EffectKind.REPLACED, EffectKind.REPEALED)


@attrs.frozen
class Instrument:
    """One legal instrument (or a statement a finding rests on) of the reference catalogue."""

    id: str = attrs.field(
        metadata=doc(
            "Catalogue id: type, number and year in lower case (nd-194-2025, qd-19-2025-ttg).",
            pattern=INSTRUMENT_ID_PATTERN,
            max_length=100,
        )
    )
    type: InstrumentType = attrs.field(metadata=doc("Kind of instrument."))
    title: str = attrs.field(metadata=doc("Title, in Vietnamese.", min_length=1))
    title_en: str = attrs.field(metadata=doc("Title, in English.", min_length=1))
    issuer: str = attrs.field(metadata=doc("Who issued it, in Vietnamese.", min_length=1))
    issuer_en: str = attrs.field(metadata=doc("Who issued it, in English.", min_length=1))
    provenance: Provenance | None = attrs.field(
        default=None, metadata=doc("Where the record comes from, and how sure it is.")
    )
    number: str | None = attrs.field(
        default=None,
        metadata=doc("Official number (194/2025/NĐ-CP); none for a statement or a group."),
    )
    issued: dt.date | None = attrs.field(default=None, metadata=doc("Date signed or passed."))
    effective: dt.date | None = attrs.field(
        default=None, metadata=doc("Date it takes effect (ngày có hiệu lực).")
    )
    address: str | None = attrs.field(
        default=None, metadata=doc("Where the text (or the source that reports it) can be read.")
    )

    def label(self, lang: str = "en") -> str:
        """How citations name it: "Nghị định 194/2025/NĐ-CP" / "Decree 194/2025/NĐ-CP"; an
        unnumbered one by type, issuer and date: "Statement (Prime Minister, 24/9/2025)"."""
        vi, en = TYPE_NAMES[self.type]
        name = vi if lang == "vi" else en
        if self.number is not None:
            return f"{name} {self.number}"
        issuer = self.issuer if lang == "vi" else self.issuer_en
        day = self.issued or self.effective
        when = f", {day.day}/{day.month}/{day.year}" if day else ""
        return f"{name} ({issuer}{when})"


@attrs.frozen
class Effect:
    """What ``by`` did to ``instrument`` from ``effective`` (one fact, with its provenance)."""

    instrument: str = attrs.field(
        metadata=doc("Id of the instrument affected.", pattern=INSTRUMENT_ID_PATTERN)
    )
    kind: EffectKind = attrs.field(metadata=doc("replaced, repealed, partly_repealed, amended."))
    by: Citation = attrs.field(metadata=doc("The acting instrument, and its article if known."))
    effective: dt.date = attrs.field(metadata=doc("Date from which the effect holds."))
    provenance: Provenance | None = attrs.field(
        default=None, metadata=doc("Where the effect is reported, and how sure it is.")
    )


class InstrumentState(StrEnum):
    """The status of an instrument on a date."""

    NOT_YET_IN_FORCE = "not_yet_in_force"
    IN_FORCE = "in_force"
    AMENDED = "amended"
    REPEALED = "repealed"


@attrs.frozen
class InstrumentStatus:
    """The answer to "what is the status of instrument X on date D, and its successor".

    ``effects`` are those in force on the date, oldest first. ``successor`` is set when the
    instrument is repealed: the instrument in force on the date that took its place, following a
    chain of repeals (NĐ 47/2020 → NĐ 278/2025 → …), or None when the chain ends in an
    instrument that is itself repealed without successor.
    """

    instrument: Instrument
    on: dt.date
    state: InstrumentState
    since: dt.date | None
    effects: tuple[Effect, ...] = ()
    successor: Instrument | None = None

    @property
    def in_force(self) -> bool:
        """True when the instrument can be cited as law on the date (in force or amended)."""
        return self.state in (InstrumentState.IN_FORCE, InstrumentState.AMENDED)


def status_on(
    instrument: Instrument,
    on: dt.date,
    effects_on: Mapping[str, Sequence[Effect]],
    instruments: Mapping[str, Instrument],
) -> InstrumentStatus:
    """The status of ``instrument`` on ``on``, from the effects of later instruments."""
    start = instrument.effective or instrument.issued
    if start is not None and on < start:
        return InstrumentStatus(instrument, on, InstrumentState.NOT_YET_IN_FORCE, start)
    applied = tuple(e for e in effects_on.get(instrument.id, ()) if e.effective <= on)
    ending = next((e for e in applied if e.kind.ends), None)
    if ending is not None:
        successor = _successor(ending, on, effects_on, instruments)
        return InstrumentStatus(
            instrument, on, InstrumentState.REPEALED, ending.effective, applied, successor
        )
    if applied:
        return InstrumentStatus(
            instrument, on, InstrumentState.AMENDED, applied[-1].effective, applied
        )
    return InstrumentStatus(instrument, on, InstrumentState.IN_FORCE, start)


def _successor(
    ending: Effect,
    on: dt.date,
    effects_on: Mapping[str, Sequence[Effect]],
    instruments: Mapping[str, Instrument],
) -> Instrument | None:
    """The instrument in force on ``on`` that took over, following repeals (bounded, no cycles)."""
    seen: set[str] = set()
    current = instruments.get(ending.by.instrument)
    while current is not None and current.id not in seen:
        seen.add(current.id)
        later = next(
            (e for e in effects_on.get(current.id, ()) if e.kind.ends and e.effective <= on),
            None,
        )
        if later is None:
            return current
        current = instruments.get(later.by.instrument)
    return None


def cite(citation: Citation, instrument: Instrument | None, lang: str = "en") -> str:
    """Render a citation: "Decree 194/2025/NĐ-CP, Art. 40(2)(a)" or, in Vietnamese,
    "điểm a khoản 2 Điều 40 Nghị định 194/2025/NĐ-CP".

    An unknown instrument is rendered by its id, so that a wrong citation stays visible.

    >>> from vndgaf.reference import catalogue
    >>> cat = catalogue()
    >>> nd194 = Citation("nd-194-2025", article="40", clause="2", point="a")
    >>> cite(nd194, cat.instrument("nd-194-2025"))
    'Decree 194/2025/NĐ-CP, Art. 40(2)(a)'
    >>> cite(nd194, cat.instrument("nd-194-2025"), "vi")
    'điểm a khoản 2 Điều 40 Nghị định 194/2025/NĐ-CP'
    """
    name = instrument.label(lang) if instrument is not None else citation.instrument
    if lang == "vi":
        parts = [
            f"{word} {value}"
            for word, value in (
                ("điểm", citation.point),
                ("khoản", citation.clause),
                ("Điều", citation.article),
            )
            if value
        ]
        return " ".join([*parts, name])
    if citation.article is None:
        return name
    where = f"Art. {citation.article}"
    where += f"({citation.clause})" if citation.clause else ""
    where += f"({citation.point})" if citation.point else ""
    return f"{name}, {where}"
