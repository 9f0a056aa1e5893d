"""What a rule rests on: the provisions of legal instruments it cites, and what it infers.

A rule cites instruments of the catalogue's table (:class:`~vndgaf.model.Citation`), never a
free string, so that its basis is rendered in the report's language and as of the check's
date (:meth:`LegalBasis.on`): a cited instrument repealed on that date gives way to its
successor (from the catalogue's effects), one not yet in force is left out, and when nothing in
force remains the basis says so plainly. What a rule reads into the texts beyond what they say
is its ``inference``; it is labelled as such wherever the basis is shown, never as law.
"""

import datetime as dt

import attrs

from vndgaf.diagnostics import Text
from vndgaf.model import Citation, Confidence
from vndgaf.reference import Catalogue, Effect, EffectKind, InstrumentState, InstrumentStatus

__all__ = ["LegalBasis", "RenderedBasis"]


#: How an ending effect is named: "replaced/thay thế", "repealed/bãi bỏ".
_ENDINGS = {
    EffectKind.REPLACED: Text("replaced", "thay thế"),
    EffectKind.REPEALED: Text("repealed", "bãi bỏ"),
}


def _day(day: dt.date) -> str:
    return f"{day.day}/{day.month}/{day.year}"


@attrs.frozen
class RenderedBasis:
    """A legal basis as rendered for one date (or, in documentation, for every date).

    ``instruments`` are the ids of the instruments cited as law, in the order cited: on a date,
    only instruments in force on it.
    """

    text: Text
    instruments: tuple[str, ...]
    sourced: bool


@attrs.frozen
class LegalBasis:
    """The provisions a rule cites (``cites``) and what it infers beyond them (``inference``,
    an English and Vietnamese sentence).

    A basis with an inference, or with no citation, is not law: reports and pages label it
    *inference*. A rule's severity follows the wording of what it cites ("must" an error,
    "should"/"avoid" a warning); a rule resting on an inference is at most a warning, except the
    checks of the model's own integrity, which cite nothing.
    """

    cites: tuple[Citation, ...] = ()
    inference: Text | None = None

    @property
    def sourced(self) -> bool:
        """True when the rule rests on the texts it cites alone."""
        return self.inference is None and bool(self.cites)

    def on(self, catalogue: Catalogue, day: dt.date | None = None) -> RenderedBasis:
        """The basis as of ``day`` (default: the catalogue's date), in both languages.

        >>> from vndgaf.reference import catalogue
        >>> basis = LegalBasis((Citation("nd-47-2024"), Citation("nd-194-2025", "20")))
        >>> basis.on(catalogue(dt.date(2025, 8, 1))).text.en
        'Decree 47/2024/NĐ-CP'
        >>> basis.on(catalogue(dt.date(2025, 12, 1))).text.vi
        'Điều 20 Nghị định 194/2025/NĐ-CP'
        """
        on = day or catalogue.as_of
        statuses = [(c, catalogue.instrument_status(c.instrument, on)) for c in self.cites]
        in_force = {c.instrument for c, s in statuses if s is not None and s.in_force}
        # A successor not cited itself is named once, for the instrument it replaced last.
        latest: dict[str, tuple[Citation, dt.date]] = {}
        for citation, status in statuses:
            if status is not None and status.successor is not None and status.since is not None:
                key = status.successor.id
                if key not in in_force and (key not in latest or status.since > latest[key][1]):
                    latest[key] = (citation, status.since)
        parts: list[Text] = []
        cited: list[str] = []
        ended: list[Text] = []
        for citation, status in statuses:
            if status is None:  # not in the table: shown by its id, so that it stays visible
                parts.append(_cite(catalogue, citation))
            elif status.in_force:
                parts.append(_cite(catalogue, citation))
                cited.append(citation.instrument)
            elif status.state is InstrumentState.REPEALED and status.since is not None:
                successor = status.successor
                if successor is None:
                    ended.append(_repealed(catalogue, citation, status.since))
                elif latest.get(successor.id, (None,))[0] is citation:
                    parts.append(_successor(catalogue, citation, successor.id, status))
                    cited.append(successor.id)
        sourced = self.inference is None and bool(cited)
        if self.cites and not cited:
            parts.append(
                Text(
                    f"no instrument cited is in force on {_day(on)}",
                    f"không văn bản nào được viện dẫn còn hiệu lực vào ngày {_day(on)}",
                )
            )
        text = _join(parts + ended)
        inference = _with_inference(text, self.inference)
        return RenderedBasis(inference, tuple(dict.fromkeys(cited)), sourced)

    def history(self, catalogue: Catalogue) -> RenderedBasis:
        """The basis for every date, as documentation shows it: each citation with the date
        it comes into force (when later than its issue) and the instrument that ended it.

        >>> from vndgaf.reference import catalogue
        >>> text = LegalBasis((Citation("nd-47-2024"),)).history(catalogue()).text.en
        >>> print(text)  # doctest: +NORMALIZE_WHITESPACE
        Decree 47/2024/NĐ-CP (repealed from 19/8/2025 by Decree 194/2025/NĐ-CP, Art. 40(2)(a), the
        repealing provision)
        >>> vi = LegalBasis((Citation("nd-47-2020"),)).history(catalogue()).text.vi
        >>> vi.endswith("Nghị định 278/2025/NĐ-CP từ ngày 22/10/2025, là điều khoản bãi bỏ; "
        ...     "việc thay thế theo nguồn thứ cấp)")
        True
        """
        parts = [_dated(catalogue, c) for c in self.cites]
        return RenderedBasis(
            _with_inference(_join(parts), self.inference),
            tuple(dict.fromkeys(c.instrument for c in self.cites)),
            self.sourced,
        )


def _cite(catalogue: Catalogue, citation: Citation) -> Text:
    return Text(catalogue.cite(citation, "en"), catalogue.cite(citation, "vi"))


#: What a citation says of a repeal known only from a secondary source, or not confirmed.
_WEAK_SOURCES = {
    Confidence.SECONDARY: Text(
        "the repeal is reported by a secondary source", "việc thay thế theo nguồn thứ cấp"
    ),
    Confidence.UNVERIFIED: Text("the repeal is not verified", "việc thay thế chưa được xác minh"),
}


def _successor(catalogue: Catalogue, old: Citation, new: str, status: InstrumentStatus) -> Text:
    """The successor ``new`` of the repealed ``old``: when the article is not carried over,
    and when the repeal rests on a secondary or unverified source, the note says so."""
    assert status.since is not None
    then = _cite(catalogue, old)
    name = _cite(catalogue, Citation(new))
    day = _day(status.since)
    notes = [
        Text(
            f"successor of {then.en}, repealed from {day}",
            f"thay thế {then.vi}, hết hiệu lực từ ngày {day}",
        )
    ]
    notes.extend(_caveats(old, next(e for e in status.effects if e.kind.ends)))
    return Text(
        f"{name.en} ({'; '.join(n.en for n in notes)})",
        f"{name.vi} ({'; '.join(n.vi for n in notes)})",
    )


def _caveats(old: Citation, ending: Effect) -> list[Text]:
    """What a reader must know of a repeal before relying on its successor: that the article
    cited has no identified counterpart, and that the repeal rests on a weak source."""
    notes = []
    if old.article is not None:
        notes.append(
            Text(
                "the corresponding article is not identified", "chưa xác định điều khoản tương ứng"
            )
        )
    confidence = ending.provenance.confidence if ending.provenance is not None else None
    if confidence in _WEAK_SOURCES:
        notes.append(_WEAK_SOURCES[confidence])
    return notes


def _repealed(catalogue: Catalogue, citation: Citation, since: dt.date) -> Text:
    then = _cite(catalogue, citation)
    return Text(
        f"{then.en} was repealed from {_day(since)} with no successor",
        f"{then.vi} hết hiệu lực từ ngày {_day(since)}, không có văn bản thay thế",
    )


def _dated(catalogue: Catalogue, citation: Citation) -> Text:
    text = _cite(catalogue, citation)
    instrument = catalogue.instrument(citation.instrument)
    notes: list[Text] = []
    effective = instrument.effective if instrument is not None else None
    issued = instrument.issued if instrument is not None else None
    if effective is not None and (issued is None or effective > issued):
        day = _day(effective)
        notes.append(Text(f"in force from {day}", f"có hiệu lực từ ngày {day}"))
    status = catalogue.instrument_status(citation.instrument, dt.date.max)
    for effect in status.effects if status is not None else ():
        if effect.kind.ends:
            by = _cite(catalogue, effect.by)
            day = _day(effect.effective)
            kind = _ENDINGS[effect.kind]
            # The article of ``by`` is the clause that ends the old text, not its counterpart.
            clause = Text(", the repealing provision", ", là điều khoản bãi bỏ")
            if effect.by.article is None:
                clause = Text("", "")
            notes.append(
                Text(
                    f"{kind.en} from {day} by {by.en}{clause.en}",
                    f"bị {kind.vi} bởi {by.vi} từ ngày {day}{clause.vi}",
                )
            )
            notes.extend(_caveats(citation, effect))
    if not notes:
        return text
    return Text(
        f"{text.en} ({'; '.join(n.en for n in notes)})",
        f"{text.vi} ({'; '.join(n.vi for n in notes)})",
    )


def _join(parts: list[Text]) -> Text:
    return Text("; ".join(p.en for p in parts), "; ".join(p.vi for p in parts))


def _with_inference(text: Text, inference: Text | None) -> Text:
    if inference is None:
        return text
    en = f"design inference, not law: {inference.en}"
    vi = f"suy luận thiết kế, không phải quy định pháp luật: {inference.vi}"
    if not text.en:
        return Text(en, vi)
    return Text(f"{text.en} — {en}", f"{text.vi} — {vi}")
