"""The administrative units in force since 1/7/2025 (NQ 202/2025/QH15; GSO list)."""

from collections import Counter

from vndgaf.model import Level, UnitKind
from vndgaf.reference import catalogue

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
    """There are 34 provincial units: 6 centrally-run cities and 28 provinces."""
    kinds = Counter(p.kind for p in catalogue().provinces)
    assert len(catalogue().provinces) == 34
    assert kinds == {UnitKind.THANH_PHO_TRUC_THUOC_TW: 6, UnitKind.TINH: 28}


def test_centrally_run_cities_are_the_six_named_ones() -> None:
    """The six centrally-run cities are Hà Nội, Hải Phòng, Huế, Đà Nẵng, TP.HCM and Cần Thơ."""
    cities = {p.code for p in catalogue().provinces if p.kind is UnitKind.THANH_PHO_TRUC_THUOC_TW}
    assert cities == {"01", "31", "46", "48", "79", "92"}


def test_commune_units_are_3321_by_kind() -> None:
    """There are 3,321 commune-level units: 2,621 xã, 687 phường and 13 đặc khu."""
    communes = catalogue().communes
    assert len(communes) == 3321
    assert Counter(c.kind for c in communes) == {
        UnitKind.XA: 2621,
        UnitKind.PHUONG: 687,
        UnitKind.DAC_KHU: 13,
    }


def test_every_province_has_its_official_number_of_communes() -> None:
    """Each province's commune count equals the official list (TP.HCM 168, Lai Châu 38 …)."""
    cat = catalogue()
    counts = {p.code: len(cat.communes_of(p.code or "")) for p in cat.provinces}
    assert counts == EXPECTED_COMMUNES
    assert counts["79"] == 168 and counts["12"] == 38 and counts["01"] == 126


def test_special_zones_belong_to_the_named_provinces() -> None:
    """The 13 đặc khu sit in An Giang (3), Hải Phòng (2), Quảng Ninh (2) and six others (1)."""
    zones = Counter(
        (c.parent or "").rpartition("/")[2]
        for c in catalogue().communes
        if c.kind is UnitKind.DAC_KHU
    )
    assert zones == EXPECTED_DAC_KHU


def test_units_have_stable_ids_codes_and_parent_province() -> None:
    """Units use vn:province/CODE and vn:commune/CODE ids; a commune's parent is its province."""
    cat = catalogue()
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
    unit = catalogue().province("08")
    assert unit is not None
    assert unit.predecessor_codes == ("02", "08")
    assert str(unit.valid_from) == "2025-07-01"
