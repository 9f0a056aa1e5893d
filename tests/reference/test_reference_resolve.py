"""Legacy-name resolution: status, current units and lineage for old and current names."""

import datetime as dt
import unicodedata

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from vndgaf.reference import (
    Resolution,
    ResolutionStatus,
    catalogue,
    fold,
    resolve_unit,
    resolve_units,
)
from vndgaf.reference.legacy import legacy_data

_DAY = dt.date(2026, 12, 1)


def _same(a: object, b: object) -> bool:
    return attrs.evolve(a, query="") == attrs.evolve(b, query="")  # type: ignore[misc]


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def test_binh_duong_was_merged_into_ho_chi_minh_city() -> None:
    """'Binh Duong' (no diacritics) resolves to the old province 74, merged into TP.HCM (79)."""
    result = resolve_unit("Binh Duong")
    assert result.status is ResolutionStatus.MERGED
    assert [u.id for u in result.units] == ["vn:province/79"]
    assert result.matched is not None and result.matched.code == "74"
    assert [(link.old.code, link.new.code) for link in result.lineage] == [("74", "79")]


def test_ba_ria_vung_tau_with_any_dash_is_merged_into_ho_chi_minh_city() -> None:
    """Hyphen, en dash or none: Bà Rịa - Vũng Tàu (77) merged into TP.HCM."""
    for query in (
        "Bà Rịa - Vũng Tàu",
        "Bà Rịa – Vũng Tàu",
        "Ba Ria-Vung Tau",
        "Tỉnh Bà Rịa Vũng Tàu",
    ):
        result = resolve_unit(query)
        assert result.status is ResolutionStatus.MERGED, query
        assert result.units[0].name == "Thành phố Hồ Chí Minh"
        assert result.matched is not None and result.matched.code == "77"


def test_ha_giang_was_merged_into_tuyen_quang() -> None:
    """Hà Giang (02) merged into Tuyên Quang (08); Tuyên Quang itself is current."""
    result = resolve_unit("Hà Giang")
    assert result.status is ResolutionStatus.MERGED
    assert [u.id for u in result.units] == ["vn:province/08"]
    kept = resolve_unit("Tuyên Quang")
    assert kept.status is ResolutionStatus.CURRENT
    assert [link.old.code for link in kept.lineage] == ["02", "08"]


def test_quan_ba_dinh_district_level_abolished_into_hanoi_wards() -> None:
    """Quận Ba Đình: district level abolished; its communes went to Hà Nội wards incl. Ba Đình,
    Giảng Võ and Ngọc Hà, with a lineage link from each old ward."""
    result = resolve_unit("Quận Ba Đình")
    assert result.status is ResolutionStatus.LEVEL_ABOLISHED
    names = [u.name for u in result.units]
    assert {"Phường Ba Đình", "Phường Giảng Võ", "Phường Ngọc Hà"} <= set(names)
    assert {u.parent for u in result.units} == {"vn:province/01"}
    assert result.matched is not None and result.matched.code == "001"
    truc_bach = [link for link in result.lineage if link.old.name == "Phường Trúc Bạch"]
    assert [(link.new.code, link.note) for link in truc_bach] == [("00004", "Nhập toàn bộ")]


def test_codes_resolve_by_length() -> None:
    """2-digit province, 3-digit district and 5-digit commune codes resolve, current first."""
    assert resolve_unit("74").units[0].id == "vn:province/79"
    assert resolve_unit("001").status is ResolutionStatus.LEVEL_ABOLISHED
    assert resolve_unit("00004").matched.name == "Phường Ba Đình"  # type: ignore[union-attr]
    tan_dinh = resolve_unit("26734")  # the old ward, merged with Đa Kao into the new Tân Định
    assert tan_dinh.status is ResolutionStatus.MERGED
    assert [u.id for u in tan_dinh.units] == ["vn:commune/26737"]
    assert tan_dinh.note is not None and "Code 26734 is no longer used" in tan_dinh.note
    assert resolve_unit("99999").status is ResolutionStatus.UNKNOWN


def test_prefixes_and_case_do_not_matter() -> None:
    """'TP. Hồ Chí Minh', 'thành phố hồ chí minh' and 'HO CHI MINH' are the same current city."""
    ids = {
        resolve_unit(q).units[0].id
        for q in ("TP. Hồ Chí Minh", "thành phố hồ chí minh", "HO CHI MINH", "  Hồ   Chí Minh ")
    }
    assert ids == {"vn:province/79"}


def test_ambiguous_name_lists_every_candidate_with_its_province() -> None:
    """'Ba Đình' names a current ward of Hà Nội, communes elsewhere and the old district."""
    result = resolve_unit("Ba Đình")
    assert result.status is ResolutionStatus.AMBIGUOUS
    assert result.units == ()
    seen = {(c.unit.name, c.unit.province_name) for c in result.candidates}
    assert ("Phường Ba Đình", "Thành phố Hà Nội") in seen
    assert ("Quận Ba Đình", "Thành phố Hà Nội") in seen
    assert ("Xã Ba Đình", "Tỉnh Thanh Hóa") in seen
    assert all(c.unit.province_name for c in result.candidates)


def test_province_qualifier_narrows_candidates() -> None:
    """'Ba Đình, Hà Nội' keeps only the candidates in (or merged into) Hà Nội."""
    result = resolve_unit("Ba Đình, Hà Nội")
    assert {c.unit.province_code for c in result.candidates} == {"01"}
    assert resolve_unit("Phường Ba Đình, Hà Nội").units[0].id == "vn:commune/00004"


def test_unknown_name_gets_did_you_mean() -> None:
    """A misspelt name is unknown, with the old province Bình Dương suggested first."""
    result = resolve_unit("Binh Duogn")
    assert result.status is ResolutionStatus.UNKNOWN
    assert result.suggestions[0] == "Tỉnh Bình Dương"


def test_split_commune_lists_every_successor() -> None:
    """An old commune taken over by several new communes is 'split' with all of them."""
    split = next(
        c
        for c in legacy_data().communes.values()
        if len(c.successors) > 1 and catalogue().commune(c.code) is None
    )
    result = resolve_unit(split.code)
    assert result.status is ResolutionStatus.SPLIT
    assert [u.code for u in result.units] == [s.code for s in split.successors]


def test_renamed_commune() -> None:
    """Xã Krông Na (Đắk Lắk) was renamed Xã Buôn Đôn, keeping its code 24235 (note Đổi tên)."""
    result = resolve_unit("Krông Na, Đắk Lắk")
    assert result.status is ResolutionStatus.RENAMED
    assert [u.id for u in result.units] == ["vn:commune/24235"]
    assert result.units[0].name == "Xã Buôn Đôn"
    assert result.lineage[0].note == "Đổi tên"
    # By code, 24235 is today's Xã Buôn Đôn: current codes win over legacy ones.
    assert resolve_unit("24235").status is ResolutionStatus.CURRENT


def test_resolve_units_keeps_order() -> None:
    """resolve_units answers each query in the given order."""
    results = resolve_units(["Hà Giang", "Binh Duong"])
    assert [r.query for r in results] == ["Hà Giang", "Binh Duong"]


_NAMES = st.sampled_from(
    sorted(
        {u.name for u in legacy_data().provinces.values()}
        | {u.name for u in legacy_data().districts.values()}
        | {u.name for u in list(legacy_data().communes.values())[::25]}
        | {u.name for u in catalogue().communes[::10]}
    )
)


def _leads_to(result: Resolution) -> set[str | None]:
    """The units in force an answer leads to: its units, or every candidate's."""
    found: set[str | None] = {unit.id for unit in result.units}
    for candidate in result.candidates:
        found.add(candidate.unit.id)
        found.update(ref.id for ref in candidate.current)
    return found


@settings(max_examples=200, deadline=None)
@given(
    _NAMES,
    st.sampled_from(["NFC", "NFD"]),
    st.booleans(),
    st.sampled_from(["keep", "upper", "lower"]),
    st.sampled_from([" ", "  ", " \t "]),
)
def test_nfc_nfd_case_and_spacing_do_not_matter_and_marks_only_narrow(
    name: str, form: str, strip: bool, case: str, spacing: str
) -> None:
    """The same name in NFC or NFD, in any case and spacing, resolves to the same answer.
    Without its diacritics it leads to at least the same units in force: marks only ever tell
    apart names that fold alike ("Phú Mỹ" and "Phù Mỹ")."""
    variant = {"keep": name, "upper": name.upper(), "lower": name.lower()}[case]
    variant = unicodedata.normalize(form, f" {spacing.join(variant.split(' '))} ")
    assert fold(variant) == fold(name)
    assert _same(resolve_unit(variant, as_of=_DAY), resolve_unit(name, as_of=_DAY))
    if strip:
        plain = resolve_unit(_strip_marks(name), as_of=_DAY)
        assert _leads_to(resolve_unit(name, as_of=_DAY)) <= _leads_to(plain)


def test_district_that_became_one_current_unit_is_not_ambiguous() -> None:
    """'Côn Đảo' is today's đặc khu; the old Huyện Côn Đảo that became it is folded into it."""
    result = resolve_unit("Côn Đảo")
    assert result.status is ResolutionStatus.CURRENT
    assert [u.id for u in result.units] == ["vn:commune/26732"]
    district = resolve_unit("Huyện Côn Đảo")
    assert district.status is ResolutionStatus.LEVEL_ABOLISHED
    assert [u.id for u in district.units] == ["vn:commune/26732"]


def test_former_and_english_names_of_provinces() -> None:
    """'Thừa Thiên Huế' was renamed Thành phố Huế; 'Ho Chi Minh City' is the current city."""
    hue = resolve_unit("Thua Thien Hue")
    assert hue.status is ResolutionStatus.RENAMED
    assert [u.id for u in hue.units] == ["vn:province/46"]
    assert hue.matched is not None and hue.matched.name == "Tỉnh Thừa Thiên Huế"
    assert resolve_unit("Ho Chi Minh City").units[0].id == "vn:province/79"
    assert resolve_unit("Lam Dong Province").status is ResolutionStatus.CURRENT


def test_commune_missing_from_the_conversion_table_is_unknown_with_a_note() -> None:
    """Xã Chiềng Ly (Sơn La) is in the 2025-01 list but not in the table: unknown, explained."""
    result = resolve_unit("Xã Chiềng Ly")
    assert result.status is ResolutionStatus.UNKNOWN
    assert result.matched is not None and result.matched.province_name == "Tỉnh Sơn La"
    assert result.note is not None and "conversion table" in result.note


def test_town_merged_with_others_is_merged_not_renamed() -> None:
    """Thị trấn Sóc Sơn went into Xã Sóc Sơn together with other communes: merged."""
    result = resolve_unit("Thị trấn Sóc Sơn, Hà Nội")
    assert result.status is ResolutionStatus.MERGED
    assert [u.name for u in result.units] == ["Xã Sóc Sơn"]
    assert len(result.units[0].predecessor_codes) > 1
