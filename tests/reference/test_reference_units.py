"""The administrative units in force since 1/7/2025 (NQ 202/2025/QH15; GSO list)."""

import datetime as dt
from collections import Counter

from vndgaf.model import Level, UnitKind
from vndgaf.reference import catalogue
from vndgaf.reference.legacy import legacy_data

#: A date between the reform of 1/7/2025 and the first city of 2026.
DEC_2025 = dt.date(2025, 12, 1)

#: Commune-level units per province, counted by hand from the official list (communes-2025.csv of
#: the GSO list as compiled in VietnamProvinces, retrieved 2026-02-21), not from the loader.
EXPECTED_COMMUNES = {
    "01": 126, "04": 56, "08": 124, "11": 45, "12": 38, "14": 75, "15": 99, "19": 92,
    "20": 65, "22": 54, "24": 99, "25": 148, "31": 114, "33": 104, "37": 129, "38": 166,
    "40": 130, "42": 69, "44": 78, "46": 40, "48": 94, "51": 96, "52": 135, "56": 65,
    "66": 102, "68": 124, "75": 95, "79": 168, "80": 96, "82": 102, "86": 124, "91": 102,
    "92": 103, "96": 64,
}  # fmt: skip

#: The 13 special zones (đặc khu) by province, counted by hand from the same official list.
EXPECTED_DAC_KHU = {"91": 3, "31": 2, "22": 2, "79": 1, "48": 1, "56": 1, "68": 1, "51": 1, "44": 1}


def test_provincial_units_are_34_with_6_cities_and_28_provinces() -> None:
    """On 1/12/2025 there are 34 provincial units: 6 centrally-run cities and 28 provinces."""
    provinces = catalogue(DEC_2025).provinces
    kinds = Counter(p.kind for p in provinces)
    assert len(provinces) == 34
    assert kinds == {UnitKind.THANH_PHO_TRUC_THUOC_TW: 6, UnitKind.TINH: 28}


def test_centrally_run_cities_are_the_six_named_ones() -> None:
    """The six centrally-run cities are Hà Nội, Hải Phòng, Huế, Đà Nẵng, TP.HCM and Cần Thơ."""
    cities = {
        p.code for p in catalogue(DEC_2025).provinces if p.kind is UnitKind.THANH_PHO_TRUC_THUOC_TW
    }
    assert cities == {"01", "31", "46", "48", "79", "92"}


def test_since_20_9_2026_there_are_25_provinces_and_9_cities() -> None:
    """Đồng Nai (30/4/2026), Quảng Ninh (1/9/2026) and Bắc Ninh (20/9/2026) became cities; the
    codes did not change, and each step is dated."""
    after = catalogue(dt.date(2026, 12, 1))
    kinds = Counter(p.kind for p in after.provinces)
    assert kinds == {UnitKind.THANH_PHO_TRUC_THUOC_TW: 9, UnitKind.TINH: 25}
    assert [after.province(c).name for c in ("75", "22", "24")] == [  # type: ignore[union-attr]
        "Thành phố Đồng Nai",
        "Thành phố Quảng Ninh",
        "Thành phố Bắc Ninh",
    ]
    cities_on = {
        day: {
            p.code
            for p in catalogue(dt.date(2026, *day)).provinces
            if p.kind is UnitKind.THANH_PHO_TRUC_THUOC_TW
        }
        - {"01", "31", "46", "48", "79", "92"}
        for day in ((4, 29), (4, 30), (8, 31), (9, 1), (9, 19), (9, 20))
    }
    assert cities_on == {
        (4, 29): set(),
        (4, 30): {"75"},
        (8, 31): {"75"},
        (9, 1): {"75", "22"},
        (9, 19): {"75", "22"},
        (9, 20): {"75", "22", "24"},
    }
    bac_ninh = after.province("24")
    assert bac_ninh is not None and bac_ninh.provenance is not None
    assert bac_ninh.provenance.valid_from == dt.date(2026, 9, 20)
    assert [c.instrument for c in bac_ninh.provenance.basis] == ["nq-39-2026-qh16"]
    assert len(after.communes_of("24")) == 99


def test_before_1_7_2025_the_63_old_provinces_are_in_force() -> None:
    """vn:province/24 was Bắc Giang before 1/7/2025; Thừa Thiên Huế ended on 1/1/2025, when it
    became Thành phố Huế; no commune of the new list exists yet."""
    june = catalogue(dt.date(2025, 6, 30))
    assert len(june.provinces) == 63 and june.communes == ()
    assert june.province("24").name == "Tỉnh Bắc Giang"  # type: ignore[union-attr]
    assert june.province("02").name == "Tỉnh Hà Giang"  # type: ignore[union-attr]
    assert catalogue(DEC_2025).province("02") is None
    hue = [catalogue(dt.date(*d)).province("46") for d in ((2024, 12, 31), (2025, 1, 1))]
    assert [(u.name, u.kind.value) for u in hue if u] == [
        ("Tỉnh Thừa Thiên Huế", "tinh"),
        ("Thành phố Huế", "thanh_pho_truc_thuoc_tw"),
    ]
    assert {p.name for p in june.provinces} == {p.name for p in legacy_data().provinces.values()}


def test_commune_units_are_3321_by_kind() -> None:
    """There are 3,321 commune-level units: 2,621 xã, 687 phường and 13 đặc khu."""
    communes = catalogue(DEC_2025).communes
    assert len(communes) == 3321
    assert Counter(c.kind for c in communes) == {
        UnitKind.XA: 2621,
        UnitKind.PHUONG: 687,
        UnitKind.DAC_KHU: 13,
    }


def test_every_province_has_its_official_number_of_communes() -> None:
    """Each province's commune count equals the official list (TP.HCM 168, Lai Châu 38 …)."""
    cat = catalogue(DEC_2025)
    counts = {p.code: len(cat.communes_of(p.code or "")) for p in cat.provinces}
    assert counts == EXPECTED_COMMUNES
    assert counts["79"] == 168 and counts["12"] == 38 and counts["01"] == 126


def test_special_zones_belong_to_the_named_provinces() -> None:
    """The 13 đặc khu sit in An Giang (3), Hải Phòng (2), Quảng Ninh (2) and six others (1)."""
    zones = Counter(
        (c.parent or "").rpartition("/")[2]
        for c in catalogue(DEC_2025).communes
        if c.kind is UnitKind.DAC_KHU
    )
    assert zones == EXPECTED_DAC_KHU


def test_units_have_stable_ids_codes_and_parent_province() -> None:
    """Units use vn:province/CODE and vn:commune/CODE ids; a commune's parent is its province."""
    cat = catalogue(DEC_2025)
    ward = cat.get("vn:commune/26737")
    assert ward is not None and ward.name == "Phường Tân Định"
    # 26734 was the ward's code before 1/7/2025; it is not a current commune code.
    assert cat.get("vn:commune/26734") is None
    assert ward.parent == "vn:province/79"
    assert cat.kind_of("vn:province/79") == "unit"
    for commune in cat.communes:
        assert commune.id == f"vn:commune/{commune.code}"
        assert cat.get(commune.parent or "") in cat.provinces
        assert commune.kind.tier is Level.COMMUNE


def test_merged_province_lists_its_predecessors() -> None:
    """Tuyên Quang (08) was formed from the old Hà Giang (02) and Tuyên Quang (08)."""
    unit = catalogue(DEC_2025).province("08")
    assert unit is not None
    assert unit.predecessor_codes == ("02", "08")
    assert str(unit.valid_from) == "2025-07-01"


def test_legacy_list_counts_match_the_official_file() -> None:
    """The list of 2025-01-04 has 63 provinces, 696 districts and 10,051 communes (five island
    districts have none), each commune once: the table's codes for units the list holds under
    another code (Phường 14, Quận Bình Thạnh is 26935, not 26929) are not units."""
    legacy = legacy_data()
    assert (len(legacy.provinces), len(legacy.districts), len(legacy.communes)) == (63, 696, 10051)
    empty = sorted(
        d.name for d in legacy.districts.values() if not legacy.communes_of_district[d.code]
    )
    assert empty == [
        "Huyện Bạch Long Vĩ", "Huyện Côn Đảo", "Huyện Cồn Cỏ", "Huyện Hoàng Sa", "Huyện Lý Sơn",
    ]  # fmt: skip
    names = Counter((c.district_code, c.name) for c in legacy.communes.values())
    # The official file itself lists two Xã Đông Khê in Thành phố Thanh Hóa (16387 and 16408).
    assert [key for key, n in names.items() if n > 1] == [("380", "Xã Đông Khê")]
    assert "26929" not in legacy.communes and legacy.communes["26935"].name == "Phường 14"
    assert legacy.communes["26935"].successors
    assert sorted(u.name for u in legacy.interim_communes.values()) == [
        "Phường Bình Minh", "Phường Cờ Đỏ", "Phường Mộc Lỵ",
    ]  # fmt: skip


def test_both_official_spellings_are_kept() -> None:
    """110 commune and 3 district names are spelled differently in the list of 2025-01-04 and in
    the conversion table (beyond tone-mark placement); each unit keeps both."""
    legacy = legacy_data()
    assert sum(1 for c in legacy.communes.values() if c.other_names) == 110
    assert {d.name: d.other_names for d in legacy.districts.values() if d.other_names} == {
        "Huyện Mộc Châu": ("Thị xã Mộc Châu",),
        "Huyện Phú Quí": ("Huyện Phú Quý",),
        "Thị xã Phú Mỹ": ("Thành phố Phú Mỹ",),
    }
    assert legacy.communes["01978"].other_names == ("Xã Sỹ Bình",)
    assert legacy.communes["02431"].other_names == ("Xã Quý Quân",)
