"""The catalogue as of a date: versions, periods, lists, frameworks and the 2026 facts."""

import datetime as dt
from pathlib import Path

import pytest

from vndgaf.engine import check_loaded
from vndgaf.load import load
from vndgaf.model import Agency, Confidence, Database, Platform
from vndgaf.reference import ResolutionStatus, catalogue, resolve_unit

DEC_2025 = dt.date(2025, 12, 1)
DEC_2026 = dt.date(2026, 12, 1)


def test_catalogue_is_one_object_per_date_and_at_moves_between_dates() -> None:
    """The same date gives the same object; at() gives the catalogue of another date."""
    assert catalogue(DEC_2025) is catalogue(DEC_2025)
    assert catalogue(DEC_2025).at(DEC_2026) is catalogue(DEC_2026)
    assert catalogue().as_of == dt.date.today()


def test_same_id_denotes_different_units_at_different_dates() -> None:
    """vn:province/24: Bắc Giang, then the province of Bắc Ninh, then the city of Bắc Ninh."""
    versions = catalogue().versions("vn:province/24")
    assert [(v.record.name, v.valid_from, v.valid_to) for v in versions] == [
        ("Tỉnh Bắc Giang", None, dt.date(2025, 7, 1)),
        ("Tỉnh Bắc Ninh", dt.date(2025, 7, 1), dt.date(2026, 9, 20)),
        ("Thành phố Bắc Ninh", dt.date(2026, 9, 20), None),
    ]
    assert [v.overlay for v in versions] == ["provinces-2025-01", "units-2025", "changes-2026"]


def test_kind_of_and_get_answer_for_the_catalogue_date() -> None:
    """vn:province/02 (Hà Giang) is a unit before 1/7/2025 and unknown after it; a list is not
    an element."""
    cat = catalogue(DEC_2025)
    assert cat.kind_of("vn:province/02") is None and cat.get("vn:province/02") is None
    june = cat.at(dt.date(2025, 6, 1))
    assert june.kind_of("vn:province/02") == "unit" and june.get("vn:province/02") is not None
    assert cat.kind_of("vn:list/qd-1527-2025-platforms") is None
    assert cat.suggest("vn:province/0") and "vn:province/02" not in cat.suggest("vn:province/0")


def test_every_fact_carries_its_period_basis_and_mark() -> None:
    """Each element in force has a provenance with a source and a mark; a dated one says from
    when; the units of 1/7/2025 rest on NQ 202/2025, the commune resolutions and QĐ 19/2025."""
    cat = catalogue(DEC_2025)
    for element in cat.elements():
        assert element.provenance is not None and element.provenance.source, element.id
        start, end = element.provenance.valid_from, element.provenance.valid_to
        assert (start is None or start <= DEC_2025) and (end is None or end > DEC_2025)
    commune = cat.get("vn:commune/26737")
    assert commune is not None and commune.provenance is not None
    assert commune.valid_from == commune.provenance.valid_from == dt.date(2025, 7, 1)
    assert [c.instrument for c in commune.provenance.basis] == [
        "nq-202-2025-qh15",
        "nq-ubtvqh15-2025-cap-xa",
        "qd-19-2025-ttg",
    ]


@pytest.mark.parametrize(
    ("day", "owner"),
    [
        (dt.date(2025, 2, 28), "vn:agency/van-phong-chinh-phu"),
        (dt.date(2025, 3, 1), "vn:agency/bo-khoa-hoc-va-cong-nghe"),
    ],
)
def test_vdxp_owner_moved_to_most_with_a_secondary_source(day: dt.date, owner: str) -> None:
    """The development of the document exchange axis moved from the Government Office to MIC,
    now MOST [S2]: the owner is dated, and sourced as secondary."""
    vdxp = catalogue(day).get("vn:platform/vdxp")
    assert isinstance(vdxp, Platform) and vdxp.owner == owner
    assert vdxp.provenance is not None
    assert vdxp.provenance.confidence is Confidence.SECONDARY


def test_database_owners_and_classes_follow_their_laws() -> None:
    """Health, administrative violations and asset control are national databases; MOHA owns
    social security; VSS's ownership of the insurance database is sourced (NĐ 43/2021)."""
    cat = catalogue(DEC_2025)

    def db(ident: str) -> Database:
        found = cat.get(ident)
        assert isinstance(found, Database)
        return found

    assert {
        i: db(i).db_class.value
        for i in ("vn:db/health", "vn:db/administrative-violations", "vn:db/asset-income-control")
    } == dict.fromkeys(
        ("vn:db/health", "vn:db/administrative-violations", "vn:db/asset-income-control"),
        "national",
    )
    assert db("vn:db/social-security").owner == "vn:agency/bo-noi-vu"
    insurance = db("vn:db/insurance")
    assert insurance.owner == "vn:agency/bao-hiem-xa-hoi-viet-nam"
    assert insurance.provenance is not None
    assert [c.instrument for c in insurance.provenance.basis] == ["nd-43-2021"]
    land = [catalogue(d).get("vn:db/land") for d in (dt.date(2025, 2, 1), DEC_2025)]
    assert [d.owner for d in land if isinstance(d, Database)] == [
        "vn:agency/bo-tai-nguyen-va-moi-truong",
        "vn:agency/bo-nong-nghiep-va-moi-truong",
    ]


def test_signature_platform_and_cipher_committee_rest_on_nd_68_2024() -> None:
    """The Government Cipher Committee is a body of the Ministry of National Defence, not a
    government agency; the special-use signature's owner is sourced by NĐ 68/2024."""
    cat = catalogue(DEC_2025)
    committee = cat.get("vn:agency/ban-co-yeu-chinh-phu")
    assert isinstance(committee, Agency)
    assert committee.type.value == "department"
    assert committee.parent == "vn:agency/bo-quoc-phong"
    signature = cat.get("vn:platform/official-signature")
    assert isinstance(signature, Platform) and signature.provenance is not None
    assert [c.instrument for c in signature.provenance.basis] == ["nd-68-2024"]


def test_party_central_bodies_and_the_office_of_the_president() -> None:
    """The Party central bodies after the 2025 restructuring and the Office of the President
    (named by NĐ 278/2025 Art. 2) are in the catalogue."""
    cat = catalogue(DEC_2025)
    party = {a.id for a in cat.agencies if a.branch.value == "party"}
    assert party >= {
        "vn:agency/ban-to-chuc-trung-uong",
        "vn:agency/ban-tuyen-giao-va-dan-van-trung-uong",
        "vn:agency/ban-chinh-sach-chien-luoc-trung-uong",
        "vn:agency/van-phong-trung-uong-dang",
        "vn:agency/uy-ban-kiem-tra-trung-uong",
    }
    president = cat.get("vn:agency/van-phong-chu-tich-nuoc")
    assert isinstance(president, Agency) and president.provenance is not None
    assert president.provenance.basis[0].article == "2"


def test_lists_say_how_many_items_they_hold_of_how_many_exist() -> None:
    """NĐ 47/2024's 10 national databases end with the decree; QĐ 11/2026 holds 1 known item of
    an unknown number from 19/5/2026; QĐ 1132/2026 (79 platforms) is unverified."""
    before, after = catalogue(dt.date(2025, 8, 18)), catalogue(DEC_2026)
    old = before.reference_list("vn:list/nd-47-2024-national-databases")
    assert old is not None and (old.known, old.expected, old.complete) == (10, 10, True)
    assert after.reference_list("vn:list/nd-47-2024-national-databases") is None
    assert (
        catalogue(dt.date(2026, 5, 18)).reference_list("vn:list/qd-11-2026-national-databases")
        is None
    )
    new = after.reference_list("vn:list/qd-11-2026-national-databases")
    assert new is not None and (new.known, new.expected) == (1, None)
    assert [(i.element, i.item) for i in new.items] == [("vn:db/health", "XVIII")]
    platforms79 = after.reference_list("vn:list/qd-1132-2026-platforms")
    assert platforms79 is not None and platforms79.provenance is not None
    assert (platforms79.known, platforms79.expected) == (0, 79)
    assert platforms79.provenance.confidence is Confidence.UNVERIFIED


def test_framework_releases_are_dated() -> None:
    """3.0 holds until 25/3/2025, 4.0 from then; QĐ 1425/2026 is unverified."""
    assert [f.version for f in catalogue(dt.date(2025, 3, 24)).frameworks] == ["3.0"]
    assert [f.version for f in catalogue(DEC_2025).frameworks] == ["4.0", "national-2025"]
    later = catalogue(DEC_2026).framework("national-1.0")
    assert later is not None and later.provenance is not None
    assert later.provenance.confidence is Confidence.UNVERIFIED
    assert later.instrument.instrument == "qd-1425-2026-ttg"


@pytest.mark.parametrize("query", ["10", "Lào Cai", "Tỉnh Yên Bái"])
def test_a_catalogue_of_a_date_before_the_two_tiers_resolves_old_codes(query: str) -> None:
    """On 1/1/2000 the catalogue holds the 63 old provinces; a code or name of one of them resolves
    to what it became, not to a current unit that was never in force (code 10, Lào Cai, has no
    unit since 1/7/2025: the new province of Lào Cai has code 15)."""
    day = dt.date(2000, 1, 1)
    resolution = resolve_unit(query, as_of=day, reference=catalogue(day))
    assert resolution.status is ResolutionStatus.CURRENT
    assert [u.id for u in resolution.units] == ["vn:province/15"]
    assert resolution.matched is not None and resolution.matched.valid_to == dt.date(2025, 7, 1)


def test_a_submission_of_2000_declaring_old_province_10_checks_without_an_internal_error(
    tmp_path: Path,
) -> None:
    """Found by the fuzz test: the unit rule looked the old code up among the current units."""
    path = tmp_path / "old.yaml"
    path.write_text(
        "format_version: 1\n"
        "submission: {submitter: vn:province/15, framework_version: '4.0', as_of: 2000-01-01}\n"
        "units:\n  - {id: lao-cai, name: Tỉnh Lào Cai, kind: tinh, code: '10'}\n",
        encoding="utf-8",
    )
    report = check_loaded(load([path]))
    assert [f.message for f in report.findings if f.code == "STR003"] == []
    assert not [f for f in report.findings if "internal" in f.message.en.lower()]
