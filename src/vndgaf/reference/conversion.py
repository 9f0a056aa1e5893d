"""The resolution table: every unit of the list of 2025-01-04 and the current unit(s) it went
into on 1/7/2025, with how much of it went into each.

The official conversion table is kept commune by commune; each row has a note saying how the old
unit was taken over ("Nhập toàn bộ": whole; "Nhập một phần": part; "Nhập một phần diện tích,
toàn bộ dân số": part of the area and all of the population …). It gives **no numeric
proportions**: :class:`Share` is what the note says, never a fraction. Province rows and district
rows are derived from the commune rows (a province or district went wholly into a unit when
every one of its communes went wholly into it), and say so in ``derived``.

>>> rows = conversion_table(level=Level.PROVINCIAL)
>>> [(r.old.name, r.new.name, r.share.value) for r in rows if r.old.code == "49"]
[('Tỉnh Quảng Nam', 'Thành phố Đà Nẵng', 'whole')]
"""

import datetime as dt
from collections.abc import Iterator
from enum import StrEnum

import attrs

from vndgaf.model import Level
from vndgaf.reference.legacy import LegacyUnit, Successor
from vndgaf.reference.names import fold
from vndgaf.reference.unit_index import UnitIndex, UnitRef, unit_index

__all__ = ["ConversionRow", "Share", "conversion_table", "share_of"]


class Share(StrEnum):
    """How much of an old unit went into a new one, as the official note says."""

    WHOLE = "whole"
    """All of it ("Nhập toàn bộ", "Giữ nguyên", "Đổi tên", "Sắp xếp toàn bộ …")."""
    PART = "part"
    """Part of it, the table not saying of what ("Nhập một phần", "Phần còn lại …")."""
    PART_OF_AREA = "part_of_area"
    """Part of its area ("Nhập một phần diện tích")."""
    PART_OF_AREA_ALL_POPULATION = "part_of_area_all_population"
    """Part of its area and all of its population ("… một phần diện tích, toàn bộ dân số")."""
    PART_OF_POPULATION = "part_of_population"
    """Part of its population ("Nhập một phần dân số")."""
    UNSTATED = "unstated"
    """The table has no note for the row."""


@attrs.frozen
class ConversionRow:
    """One old unit → one new unit. ``share`` is how much of the old unit went into the new
    one (qualitative: the official table gives no proportions), ``note`` the official note
    verbatim (None for a derived row), ``successors`` how many new units the old one went into
    (more than one: it was split), ``derived`` whether the row is computed from commune rows."""

    old: UnitRef
    new: UnitRef
    share: Share
    note: str | None
    successors: int
    derived: bool


def share_of(note: str | None) -> Share:
    """Read the share from an official note (spacing, case and the table's typos tolerated).

    >>> share_of("Nhập một phần diện tích, toàn bộ dân số").value
    'part_of_area_all_population'
    >>> share_of("Nhâp một phần  diện tích").value
    'part_of_area'
    """
    if not note:
        return Share.UNSTATED
    key = fold(note)
    if "mot phan" in key or "phan con lai" in key:
        if "dien tich" in key and "toan bo dan so" in key:
            return Share.PART_OF_AREA_ALL_POPULATION
        if "dien tich" in key:
            return Share.PART_OF_AREA
        if "dan so" in key:
            return Share.PART_OF_POPULATION
        return Share.PART
    return Share.WHOLE


def _successor_level(unit: LegacyUnit) -> Level:
    return Level.PROVINCIAL if unit.level is Level.PROVINCIAL else Level.COMMUNE


def _official_rows(index: UnitIndex, unit: LegacyUnit, as_of: dt.date) -> Iterator[ConversionRow]:
    """A commune's rows (or an island district's own rows), as the table gives them."""
    old = index.legacy_ref(unit)
    count = len({s.code for s in unit.successors})
    for successor in unit.successors:
        yield ConversionRow(
            old=old,
            new=index.current_ref(_successor_level(unit), successor.code, as_of),
            share=share_of(successor.note),
            note=successor.note,
            successors=count,
            derived=False,
        )


def _derived_rows(
    index: UnitIndex, unit: LegacyUnit, parts: list[tuple[LegacyUnit, Successor]], as_of: dt.date
) -> Iterator[ConversionRow]:
    """Rows of a province or district from the rows of its communes: whole into a new unit
    when all of its communes went wholly into it, else part."""
    level = Level.PROVINCIAL if unit.level is Level.PROVINCIAL else Level.COMMUNE
    by_new: dict[str, list[Share]] = {}
    for _commune, successor in parts:
        by_new.setdefault(successor.code, []).append(share_of(successor.note))
    for successor in unit.successors if unit.level is Level.PROVINCIAL else ():
        by_new.setdefault(successor.code, [])
    old = index.legacy_ref(unit)
    for code in sorted(by_new):
        whole = len(by_new) == 1 and all(share is Share.WHOLE for share in by_new[code])
        yield ConversionRow(
            old=old,
            new=index.current_ref(level, code, as_of),
            share=Share.WHOLE if whole else Share.PART,
            note=None,
            successors=len(by_new),
            derived=True,
        )


def conversion_table(
    *, level: Level | None = None, as_of: dt.date | None = None
) -> tuple[ConversionRow, ...]:
    """The resolution table: old unit → new unit(s), provinces, then districts, then communes,
    each in code order (``level`` keeps one of them). New units are named as on ``as_of``
    (default today). Units of the old list that the conversion table omits have no row."""
    date = as_of or dt.date.today()
    index = unit_index()
    legacy = index.legacy
    rows: list[ConversionRow] = []
    if level in (None, Level.PROVINCIAL):
        for province in legacy.provinces.values():
            if province.successors:
                rows.extend(_derived_rows(index, province, [], date))
    if level in (None, Level.DISTRICT):
        for district in legacy.districts.values():
            if district.successors and not legacy.communes_of_district.get(district.code):
                rows.extend(_official_rows(index, district, date))  # an island district
                continue
            parts = [
                (commune, successor)
                for commune in legacy.communes_of_district.get(district.code, ())
                for successor in commune.successors
            ]
            parts += [(district, successor) for successor in district.successors]
            rows.extend(_derived_rows(index, district, parts, date))
    if level in (None, Level.COMMUNE):
        for commune in sorted(legacy.all_communes.values(), key=lambda c: c.code):
            rows.extend(_official_rows(index, commune, date))
    return tuple(rows)
