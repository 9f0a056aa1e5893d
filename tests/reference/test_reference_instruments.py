"""Legal instruments as data: status on a date, successors, citations in two languages."""

import datetime as dt

import pytest

from vndgaf.model import Citation
from vndgaf.reference import InstrumentState, catalogue


def _status(ident: str, day: dt.date) -> tuple[str, str | None, str | None]:
    status = catalogue().instrument_status(ident, day)
    assert status is not None
    successor = status.successor.id if status.successor else None
    return status.state.value, (status.since.isoformat() if status.since else None), successor


def test_nd_47_2024_is_repealed_by_nd_194_2025_from_19_8_2025() -> None:
    """In force the day before the repeal, repealed from it, with NĐ 194/2025 as successor."""
    assert _status("nd-47-2024", dt.date(2025, 8, 18)) == ("in_force", "2024-05-09", None)
    assert _status("nd-47-2024", dt.date(2025, 8, 19)) == (
        "repealed",
        "2025-08-19",
        "nd-194-2025",
    )


def test_nd_47_2020_is_amended_then_replaced_by_nd_278_2025() -> None:
    """Partly repealed by NĐ 194/2025 (still in force), then replaced by NĐ 278/2025."""
    status = catalogue().instrument_status("nd-47-2020", dt.date(2025, 9, 1))
    assert status is not None
    assert status.state is InstrumentState.AMENDED and status.in_force
    assert [(e.kind.value, e.by.instrument) for e in status.effects] == [
        ("partly_repealed", "nd-194-2025")
    ]
    assert _status("nd-47-2020", dt.date(2025, 11, 1)) == (
        "repealed",
        "2025-10-22",
        "nd-278-2025",
    )


def test_a_law_is_not_in_force_before_its_effective_date() -> None:
    """Law 148/2025/QH15 was passed on 11/12/2025 and takes effect on 1/7/2026."""
    assert _status("luat-148-2025-qh15", dt.date(2026, 6, 30))[0] == "not_yet_in_force"
    assert _status("luat-148-2025-qh15", dt.date(2026, 7, 1))[0] == "in_force"


def test_successor_follows_a_chain_of_replacements() -> None:
    """Framework 2.0 was replaced by 3.0, itself replaced by 4.0: on 1/6/2025 the successor of
    QĐ 2323/QĐ-BTTTT in force is QĐ 292/QĐ-BKHCN."""
    assert _status("qd-2323-2019-btttt", dt.date(2024, 1, 1)) == (
        "repealed",
        "2023-12-29",
        "qd-2568-2023-btttt",
    )
    assert _status("qd-2323-2019-btttt", dt.date(2025, 6, 1))[2] == "qd-292-2025-bkhcn"


def test_status_defaults_to_the_catalogue_date_and_unknown_ids_answer_none() -> None:
    """Without a date the status is that of the catalogue's as-of date."""
    cat = catalogue(dt.date(2025, 12, 1))
    status = cat.instrument_status("nd-47-2024")
    assert status is not None and status.on == dt.date(2025, 12, 1)
    assert cat.instrument_status("nd-999-2099") is None


@pytest.mark.parametrize(
    ("citation", "en", "vi"),
    [
        (
            Citation("nd-194-2025", article="40", clause="2", point="a"),
            "Decree 194/2025/NĐ-CP, Art. 40(2)(a)",
            "điểm a khoản 2 Điều 40 Nghị định 194/2025/NĐ-CP",
        ),
        (Citation("nd-278-2025"), "Decree 278/2025/NĐ-CP", "Nghị định 278/2025/NĐ-CP"),
        (
            Citation("luat-148-2025-qh15", article="7"),
            "Law 148/2025/QH15, Art. 7",
            "Điều 7 Luật 148/2025/QH15",
        ),
        (
            Citation("phat-bieu-ttg-2025-09-24"),
            "Statement (Prime Minister, 24/9/2025)",
            "Phát biểu (Thủ tướng Chính phủ, 24/9/2025)",
        ),
        (Citation("nd-1-1999", article="3"), "nd-1-1999, Art. 3", "Điều 3 nd-1-1999"),
    ],
)
def test_citations_render_in_english_and_vietnamese(citation: Citation, en: str, vi: str) -> None:
    """A citation names the instrument and the provision in the report's language; an unknown
    instrument stays visible by its id."""
    cat = catalogue()
    assert cat.cite(citation, "en") == en
    assert cat.cite(citation, "vi") == vi


def test_instruments_table_holds_the_2026_review() -> None:
    """The instruments the 2026 review names are in the table, each with its provenance mark."""
    cat = catalogue()
    marks = {
        ident: cat.instrument(ident).provenance.confidence.value  # type: ignore[union-attr]
        for ident in (
            "nq-203-2025-qh15",
            "qd-19-2025-ttg",
            "nq-176-2025-qh15",
            "nd-68-2024",
            "nd-194-2025",
            "nd-278-2025",
            "qd-11-2026-ttg",
            "qd-1527-2025-bkhcn",
            "qd-1132-2026-ttg",
            "qd-1425-2026-ttg",
        )
    }
    assert marks == {
        "nq-203-2025-qh15": "secondary",
        "qd-19-2025-ttg": "secondary",
        "nq-176-2025-qh15": "secondary",
        "nd-68-2024": "secondary",
        "nd-194-2025": "sourced",
        "nd-278-2025": "sourced",
        "qd-11-2026-ttg": "secondary",
        "qd-1527-2025-bkhcn": "sourced",
        "qd-1132-2026-ttg": "unverified",
        "qd-1425-2026-ttg": "unverified",
    }
    ids = [i.id for i in cat.instruments]
    assert ids == sorted(ids) and len(ids) == len(set(ids))
