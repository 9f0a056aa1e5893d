"""Legacy resolution, table-driven: the forms people write and the unit each one denotes.

Each row is a query as found in inventories and spreadsheets (English, unaccented, abbreviated,
prefixed, narrowed by ", DISTRICT, PROVINCE", in either official spelling, an old code, an
ambiguous name, a name whose meaning depends on the date) with what the official lists say it
denotes: the status, the unit matched (official code; the name for a unit that ended before the
list of 2025-01-04) and the codes of the units in force that hold it. The expected units were
read off the official conversion table of 1/7/2025 and the unit lists.
"""

import datetime as dt

import attrs
import pytest

from vndgaf.reference import ResolutionStatus, resolve_unit

DEFAULT_DATE = dt.date(2026, 12, 1)


@attrs.frozen
class F:
    """One form: the query, the expected status, the unit matched, the units that hold it now,
    the number of candidates (ambiguous), the date asked about."""

    query: str
    status: str
    matched: str | None = None
    units: tuple[str, ...] = ()
    candidates: int = 0
    as_of: str | None = None


FORMS = [
    # English names and English kind words
    F("Hanoi", "current", matched="01", units=("01",)),
    F("Ha Noi City", "current", matched="01", units=("01",)),
    F("HN", "current", matched="01", units=("01",)),
    F("HCMC", "current", matched="79", units=("79",)),
    F("HCM", "current", matched="79", units=("79",)),
    F("Ho Chi Minh City", "current", matched="79", units=("79",)),
    F("Hochiminh City", "current", matched="79", units=("79",)),
    F("Saigon", "current", matched="79", units=("79",)),
    F("Sài Gòn", "current", matched="79", units=("79",)),
    F("Danang", "current", matched="48", units=("48",)),
    F("Da Nang City", "current", matched="48", units=("48",)),
    F("Haiphong", "current", matched="31", units=("31",)),
    F("Hai Phong City", "current", matched="31", units=("31",)),
    F("Can Tho City", "current", matched="92", units=("92",)),
    F("Cantho", "current", matched="92", units=("92",)),
    F("Hue", "current", matched="46", units=("46",)),
    F("Hue City", "current", matched="46", units=("46",)),
    F("Quang Nam Province", "merged", matched="49", units=("48",)),
    F("Binh Duong Province", "merged", matched="74", units=("79",)),
    F("Lam Dong Province", "current", matched="68", units=("68",)),
    F("District 1", "level_abolished", matched="760", units=("26737", "26740", "26743", "26758")),
    F("District 3", "level_abolished", matched="770", units=("27139", "27142", "27154")),
    F("Dist. 10", "level_abolished", matched="771", units=("27163", "27169", "27190")),
    F(
        "Thu Duc City",
        "level_abolished",
        matched="769",
        units=(
            "26800",
            "26803",
            "26809",
            "26824",
            "26833",
            "26842",
            "26848",
            "26857",
            "26860",
            "27094",
            "27097",
            "27112",
        ),
    ),
    F(
        "Vung Tau City",
        "level_abolished",
        matched="747",
        units=("26506", "26526", "26536", "26542", "26545"),
    ),
    F(
        "Dalat",
        "level_abolished",
        matched="672",
        units=("24778", "24781", "24787", "24805", "24846"),
    ),
    F(
        "Nha Trang City",
        "level_abolished",
        matched="568",
        units=("22333", "22366", "22390", "22402"),
    ),
    F("Ward Ben Nghe", "merged", matched="26740", units=("26740",)),
    F("Ben Nghe Ward", "merged", matched="26740", units=("26740",)),
    F("Phu Quoc Special Zone", "current", matched="31078", units=("31078",)),
    F("Con Dao", "current", matched="26732", units=("26732",)),
    # Without diacritics
    F("Binh Duong", "merged", matched="74", units=("79",)),
    F("Ba Ria Vung Tau", "merged", matched="77", units=("79",)),
    F("Ha Giang", "merged", matched="02", units=("08",)),
    F("Tuyen Quang", "current", matched="08", units=("08",)),
    F(
        "Quan Ba Dinh",
        "level_abolished",
        matched="001",
        units=("00004", "00008", "00025", "00070", "00097", "00190", "00199", "00226"),
    ),
    F("Phuong Truc Bach", "merged", matched="00004", units=("00004",)),
    F("Bac Kan", "merged", matched="06", units=("19",)),
    F("Dak Nong", "merged", matched="67", units=("68",)),
    F("Kon Tum", "merged", matched="62", units=("51",)),
    F("Yen Bai", "merged", matched="15", units=("15",)),
    F("Vinh Phuc", "merged", matched="26", units=("25",)),
    F("Thai Binh", "merged", matched="34", units=("33",)),
    F("Nam Dinh", "merged", matched="36", units=("37",)),
    F("Ha Nam", "merged", matched="35", units=("37",)),
    F("Soc Trang", "merged", matched="94", units=("92",)),
    F("Bac Lieu", "merged", matched="95", units=("96",)),
    F("Hau Giang", "merged", matched="93", units=("92",)),
    F("Ben Tre", "merged", matched="83", units=("86",)),
    F("Tra Vinh", "merged", matched="84", units=("86",)),
    F("Kien Giang", "merged", matched="91", units=("91",)),
    F("Ninh Thuan", "merged", matched="58", units=("56",)),
    F("Binh Thuan", "merged", matched="60", units=("68",)),
    F("Phu Yen", "merged", matched="54", units=("66",)),
    F("Binh Dinh", "merged", matched="52", units=("52",)),
    F("Quang Binh", "merged", matched="44", units=("44",)),
    F("Hai Duong", "merged", matched="30", units=("31",)),
    F("Long An", "merged", matched="80", units=("80",)),
    F("Tien Giang", "merged", matched="82", units=("82",)),
    F("Binh Phuoc", "merged", matched="70", units=("75",)),
    F("Dak Lak", "current", matched="66", units=("66",)),
    # Abbreviations and initials
    F("TP.HCM", "current", matched="79", units=("79",)),
    F("TPHCM", "current", matched="79", units=("79",)),
    F("TP HCM", "current", matched="79", units=("79",)),
    F("Tp Hồ Chí Minh", "current", matched="79", units=("79",)),
    F("Thành phố Hồ Chí Minh", "current", matched="79", units=("79",)),
    F("BR-VT", "merged", matched="77", units=("79",)),
    F("BRVT", "merged", matched="77", units=("79",)),
    F("Q1", "level_abolished", matched="760", units=("26737", "26740", "26743", "26758")),
    F("Q.3", "level_abolished", matched="770", units=("27139", "27142", "27154")),
    F(
        "Q. Bình Thạnh",
        "level_abolished",
        matched="765",
        units=("26905", "26911", "26929", "26944", "26956"),
    ),
    F("TX Sơn Tây", "level_abolished", matched="269", units=("09574", "09604", "09616", "09988")),
    F("TT Sóc Sơn", "ambiguous", candidates=2),
    F("H. Côn Đảo", "level_abolished", matched="755", units=("26732",)),
    F("P. Bến Nghé", "merged", matched="26740", units=("26740",)),
    # Kind words honoured; units that ended before the list of 2025-01-04
    F("Quận 2", "level_abolished", matched="Quận 2", units=("27094", "27097", "27112")),
    F(
        "Quận 9",
        "level_abolished",
        matched="Quận 9",
        units=("26833", "26842", "26848", "26857", "26860"),
    ),
    F(
        "Quận Thủ Đức",
        "level_abolished",
        matched="Quận Thủ Đức",
        units=("26800", "26803", "26809", "26824"),
    ),
    F(
        "Thành phố Thủ Đức",
        "level_abolished",
        matched="769",
        units=(
            "26800",
            "26803",
            "26809",
            "26824",
            "26833",
            "26842",
            "26848",
            "26857",
            "26860",
            "27094",
            "27097",
            "27112",
        ),
    ),
    F("Huyện Côn Đảo", "level_abolished", matched="755", units=("26732",)),
    F("Tỉnh Quảng Nam", "merged", matched="49", units=("48",)),
    F("Thành phố Đà Nẵng", "current", matched="48", units=("48",)),
    F(
        "Thị xã Sơn Tây",
        "level_abolished",
        matched="269",
        units=("09574", "09604", "09616", "09988"),
    ),
    F("Thị trấn Sóc Sơn", "ambiguous", candidates=2),
    F(
        "Quận Ba Đình",
        "level_abolished",
        matched="001",
        units=("00004", "00008", "00025", "00070", "00097", "00190", "00199", "00226"),
    ),
    F("Phường Ba Đình", "ambiguous", candidates=3),
    F("Đặc khu Phú Quốc", "current", matched="31078", units=("31078",)),
    F("Huyện Phú Quốc", "level_abolished", matched="911", units=("31078", "31105")),
    F(
        "Thành phố Phú Mỹ",
        "level_abolished",
        matched="754",
        units=("26704", "26710", "26713", "26725", "26728"),
    ),
    F("Thị trấn Mường Giàng", "merged", matched="03703", units=("03703",)),
    # Narrowed by the old hierarchy: "UNIT, DISTRICT" and "UNIT, DISTRICT, PROVINCE"
    F("Phường 1, Vũng Tàu", "merged", matched="26506", units=("26506",)),
    F("Phường 1, Bến Tre", "unknown"),
    F("Phường 1, Vĩnh Long", "merged", matched="29551", units=("29551",)),
    F("Phường 1, Trà Vinh", "ambiguous", candidates=2),
    F("Phường 1, Quận 3, TP.HCM", "merged", matched="27160", units=("27154",)),
    F("Phường Bến Nghé, Quận 1", "merged", matched="26740", units=("26740",)),
    F("Phường Ba Đình, Hà Nội", "current", matched="00004", units=("00004",)),
    F("Xã Tân Thạnh, Tây Ninh", "current", matched="27826", units=("27826",)),
    F("Thị trấn Sóc Sơn, Hà Nội", "merged", matched="00376", units=("00376",)),
    F("Krông Na, Đắk Lắk", "renamed", matched="24235", units=("24235",)),
    F("Phường 4, Đà Lạt", "merged", matched="24793", units=("24781",)),
    F("Phường 1, Xyz", "unknown"),
    F("Xã Ba Đình, Thanh Hóa", "current", matched="16171", units=("16171",)),
    # Both official spellings of names the two tables spell differently
    F("Huyện Phú Quý", "level_abolished", matched="602", units=("23272",)),
    F("Huyện Phú Quí", "level_abolished", matched="602", units=("23272",)),
    F("Xã Sỹ Bình", "merged", matched="01978", units=("01981",)),
    F("Xã Sĩ Bình", "merged", matched="01978", units=("01981",)),
    F("Xã Quý Quân", "ambiguous", candidates=2),
    F("Xã Quí Quân", "ambiguous", candidates=2),
    F("Thị trấn Nông trường Mộc Châu", "merged", matched="03982", units=("03982",)),
    F("Thị trấn NT Mộc Châu", "merged", matched="03982", units=("03982",)),
    F("Thị trấn N.T Phong Hải", "merged", matched="02902", units=("02902",)),
    F("Thị trấn Nông trường Phong Hải", "merged", matched="02902", units=("02902",)),
    F("Phường IV, Vị Thanh", "merged", matched="31324", units=("31333",)),
    F("Phường 4, Vị Thanh", "merged", matched="31324", units=("31333",)),
    F("Xã Hòa Tú 2", "merged", matched="31729", units=("31717",)),
    F("Xã Hòa Tú II", "merged", matched="31729", units=("31717",)),
    F("Xã Ealy", "merged", matched="22237", units=("22237",)),
    F("Xã Ea Ly", "current", matched="22237", units=("22237",)),
    F("Xã Đakrông", "current", matched="19564", units=("19564",)),
    F("Xã Đa Krông", "merged", matched="19564", units=("19564",)),
    F("Xã Lục Sĩ Thành", "current", matched="29857", units=("29857",)),
    F("Xã Ô Long Vĩ", "merged", matched="30475", units=("30481",)),
    F("Xã Mỵ Hòa", "merged", matched="05083", units=("05086",)),
    F("Xã An Quí", "ambiguous", candidates=2),
    F("Xã Thuận Quý", "merged", matched="23140", units=("23143",)),
    # Island districts (five of them have no communes in the list)
    F("Huyện Bạch Long Vĩ", "level_abolished", matched="318", units=("11948",)),
    F("Huyện Cồn Cỏ", "level_abolished", matched="471", units=("19742",)),
    F("Huyện Hoàng Sa", "level_abolished", matched="498", units=("20333",)),
    F("Huyện Lý Sơn", "level_abolished", matched="536", units=("21548",)),
    F("Huyện Trường Sa", "level_abolished", matched="576", units=("22736",)),
    F("Huyện Cô Tô", "level_abolished", matched="207", units=("07192",)),
    F("Huyện Vân Đồn", "level_abolished", matched="203", units=("06994",)),
    F("Huyện Kiên Hải", "level_abolished", matched="912", units=("31108",)),
    # Old codes: what they denote now and what they denoted then
    F("10", "merged", matched="10", units=("15",)),
    F("27", "merged", matched="27", units=("24",)),
    F("45", "merged", matched="45", units=("44",)),
    F("64", "merged", matched="64", units=("52",)),
    F("72", "merged", matched="72", units=("80",)),
    F("87", "merged", matched="87", units=("82",)),
    F("49", "merged", matched="49", units=("48",)),
    F("74", "merged", matched="74", units=("79",)),
    F("77", "merged", matched="77", units=("79",)),
    F("02", "merged", matched="02", units=("08",)),
    F("24", "current", matched="24", units=("24",)),
    F("01", "current", matched="01", units=("01",)),
    F("79", "current", matched="79", units=("79",)),
    F("vn:province/49", "merged", matched="49", units=("48",)),
    F("vn:province/10", "merged", matched="10", units=("15",)),
    F(
        "001",
        "level_abolished",
        matched="001",
        units=("00004", "00008", "00025", "00070", "00097", "00190", "00199", "00226"),
    ),
    F("760", "level_abolished", matched="760", units=("26737", "26740", "26743", "26758")),
    F("26734", "merged", matched="26734", units=("26737",)),
    F("00004", "current", matched="00004", units=("00004",)),
    F("99999", "unknown"),
    F("vn:commune/00553", "split", matched="00553", units=("00136", "00541", "00562", "00565")),
    # Ambiguous names
    F("Ba Đình", "ambiguous", candidates=5),
    F("Tân Thạnh", "ambiguous", candidates=10),
    F("Mộc Châu", "ambiguous", candidates=3),
    F("Thủ Đức", "ambiguous", candidates=2),
    # Answers that depend on the date asked about
    F(
        "Thành phố Bắc Ninh",
        "level_abolished",
        matched="256",
        units=("09169", "09187", "09190", "09286", "09325"),
        as_of="2025-12-01",
    ),
    F(
        "Thành phố Bắc Ninh",
        "current",
        matched="256",
        units=("09169", "09187", "09190", "09286", "09325"),
        as_of="2025-03-01",
    ),
    F("Binh Duong", "current", matched="74", units=("79",), as_of="2025-03-01"),
    F(
        "Phường Ba Đình, Hà Nội",
        "not_yet_in_force",
        matched="00004",
        units=("00004",),
        as_of="2025-03-01",
    ),
    F("Quận 2", "current", matched="Quận 2", as_of="2020-06-01"),
    F("Thừa Thiên Huế", "current", matched="Tỉnh Thừa Thiên Huế", as_of="2024-06-01"),
    F("24", "current", matched="24", units=("24",), as_of="2025-03-01"),
]


def _date(form: F) -> dt.date:
    return dt.date.fromisoformat(form.as_of) if form.as_of else DEFAULT_DATE


def test_the_table_has_at_least_a_hundred_forms() -> None:
    """The acceptance floor: at least 100 forms, no query asked twice for the same date."""
    assert len(FORMS) >= 100
    assert len({(f.query, f.as_of) for f in FORMS}) == len(FORMS)


@pytest.mark.parametrize("form", FORMS, ids=lambda f: f"{f.query}@{f.as_of or 'default'}")
def test_form_resolves_to_the_official_unit(form: F) -> None:
    """Status, unit matched, units in force and number of candidates are those of the lists."""
    result = resolve_unit(form.query, as_of=_date(form))
    assert result.status is ResolutionStatus(form.status)
    matched = result.matched
    assert (matched.code or matched.name if matched else None) == form.matched
    assert tuple(u.code for u in result.units) == form.units
    assert len(result.candidates) == form.candidates
    assert result.as_of == _date(form)


AMBIGUOUS = [f for f in FORMS if f.status == "ambiguous"]


@pytest.mark.parametrize("form", AMBIGUOUS, ids=lambda f: f.query)
def test_each_candidate_says_how_to_ask_for_it_alone(form: F) -> None:
    """An ambiguous answer names, for every candidate, a query that denotes that unit alone,
    and its note says what to add."""
    result = resolve_unit(form.query, as_of=_date(form))
    assert result.note is not None and "add" in result.note
    for candidate in result.candidates:
        again = resolve_unit(candidate.query, as_of=_date(form))
        assert again.status is not ResolutionStatus.AMBIGUOUS, candidate.query
        assert again.matched == candidate.unit, candidate.query
