"""The national reference catalogue: ids, kinds, provenance, suggestions, agencies, platforms."""

import datetime as dt

from vndgaf.model import Agency, Confidence, Database, Platform
from vndgaf.reference import catalogue, is_catalogue_id
from vndgaf.suggest import edits


def test_every_catalogue_entry_carries_provenance() -> None:
    """No catalogue element or capability lacks a provenance with a source."""
    cat = catalogue()
    missing = [e.id for e in cat.elements() if e.provenance is None or not e.provenance.source]
    missing += [c.code for c in cat.capabilities if not c.provenance.source]
    assert missing == []


def test_catalogue_ids_are_unique_and_namespaced() -> None:
    """Every id is unique across the catalogue and starts with vn:."""
    ids = [e.id for e in catalogue().elements()]
    assert len(ids) == len(set(ids))
    assert all(is_catalogue_id(i) for i in ids)
    codes = [c.code for c in catalogue().capabilities]
    assert len(codes) == len(set(codes))


def test_catalogue_is_loaded_once() -> None:
    """catalogue() returns the very same object on every call."""
    assert catalogue() is catalogue()


def test_kind_of_matches_the_model_ref_kinds() -> None:
    """kind_of answers the ref kinds of the model metadata, and None for unknown ids."""
    cat = catalogue()
    assert cat.kind_of("vn:platform/ndxp") == "platform"
    assert cat.kind_of("vn:db/population") == "database"
    assert cat.kind_of("vn:agency/bo-cong-an") == "agency"
    assert cat.kind_of("vn:entity/person") == "entity"
    assert cat.kind_of("vn:commune/00004") == "unit"
    assert cat.kind_of("vn:platform/ndx") is None
    assert cat.get("vn:platform/ndx") is None


def test_suggest_finds_ndxp_for_a_misspelt_id() -> None:
    """suggest('vn:platform/ndx') proposes vn:platform/ndxp first."""
    assert catalogue().suggest("vn:platform/ndx")[0] == "vn:platform/ndxp"


def test_suggest_repairs_a_misspelt_kind_prefix() -> None:
    """A typo in the kind part still finds the element (vn:platfrom/ndop -> vn:platform/ndop)."""
    assert catalogue().suggest("vn:platfrom/ndop")[0] == "vn:platform/ndop"
    # A code a digit short: every suggestion is a code one digit away.
    hints = catalogue().suggest("vn:commune/2673")
    assert hints and all(edits("vn:commune/2673", h) == 1 for h in hints)


def test_references_inside_the_catalogue_resolve() -> None:
    """Owners, parents, successors and master entities point at catalogue elements."""
    cat = catalogue()
    dangling = []
    for element in cat.elements():
        refs: list[str] = []
        if isinstance(element, Agency):
            refs = [*element.successor_of, *filter(None, [element.parent])]
        elif isinstance(element, Platform | Database):
            refs = [*filter(None, [element.owner, element.operator])]
            if isinstance(element, Database):
                refs += [*element.authoritative_for, *element.copies]
        dangling += [r for r in refs if cat.get(r) is None]
    assert dangling == []


def test_capability_codes_of_platforms_are_in_the_taxonomy() -> None:
    """Every capability a platform or database declares exists in the taxonomy."""
    cat = catalogue()
    used = {c for e in (*cat.platforms, *cat.databases) for c in e.capabilities}
    assert sorted(c for c in used if cat.capability(c) is None) == []


def test_ministries_after_2025_are_14_plus_3_ministerial_agencies() -> None:
    """Active agencies include 14 ministries and 3 ministerial-level agencies (NQ 176/2025/QH15),
    and 5 government agencies; before 1/3/2025 the merged ministries were still active."""
    active = [a for a in catalogue(dt.date(2025, 12, 1)).agencies if a.active]
    assert sum(a.type.value == "ministry" for a in active) == 14
    assert sum(a.type.value == "ministerial_agency" for a in active) == 3
    assert {a.short_name or a.id for a in active if a.type.value == "government_agency"} == {
        "VTV",
        "VOV",
        "TTXVN",
        "vn:agency/vien-han-lam-khoa-hoc-xa-hoi-viet-nam",
        "vn:agency/vien-han-lam-khoa-hoc-va-cong-nghe-viet-nam",
    }
    before = catalogue(dt.date(2025, 2, 1)).get("vn:agency/bo-ke-hoach-va-dau-tu")
    assert isinstance(before, Agency) and before.active
    vss = catalogue(dt.date(2025, 2, 1)).get("vn:agency/bao-hiem-xa-hoi-viet-nam")
    assert isinstance(vss, Agency) and vss.type.value == "government_agency"


def test_merged_ministries_are_inactive_and_listed_by_their_successor() -> None:
    """MPI → MOF, MIC → MOST, MONRE and MARD → MAE, MOT → MOC, MOLISA → MOHA (1/3/2025)."""
    cat = catalogue(dt.date(2025, 12, 1))
    expected = {
        "bo-ke-hoach-va-dau-tu": "bo-tai-chinh",
        "bo-thong-tin-va-truyen-thong": "bo-khoa-hoc-va-cong-nghe",
        "bo-tai-nguyen-va-moi-truong": "bo-nong-nghiep-va-moi-truong",
        "bo-nong-nghiep-va-phat-trien-nong-thon": "bo-nong-nghiep-va-moi-truong",
        "bo-giao-thong-van-tai": "bo-xay-dung",
        "bo-lao-dong-thuong-binh-va-xa-hoi": "bo-noi-vu",
    }
    for old_slug, new_slug in expected.items():
        old, new = f"vn:agency/{old_slug}", f"vn:agency/{new_slug}"
        old_agency, new_agency = cat.get(old), cat.get(new)
        assert isinstance(old_agency, Agency) and not old_agency.active
        assert isinstance(new_agency, Agency) and new_agency.active
        assert old in new_agency.successor_of


def test_lgsp_is_a_template_and_ndxp_a_national_singleton() -> None:
    """LGSP and the TTHC system are templates; NDXP, NDOP and NPSP are national platforms."""
    cat = catalogue()
    assert cat.is_template("vn:platform/lgsp")
    assert cat.is_template("vn:platform/tthc-system")
    assert not cat.is_template("vn:platform/ndxp")
    ndop = cat.get("vn:platform/ndop")
    assert isinstance(ndop, Platform) and ndop.owner == "vn:agency/bo-cong-an"


def test_thirteen_mps_platforms_of_the_55_list() -> None:
    """Exactly 13 platforms carry an MPS number of the 55-platform list, all owned by MPS; the
    list says it knows 18 of 55."""
    cat = catalogue(dt.date(2025, 12, 1))
    mps = [p for p in cat.platforms if p.properties.get("list_no", "").startswith("MPS")]
    assert len(mps) == 13
    assert {p.owner for p in mps} == {"vn:agency/bo-cong-an"}
    listed = cat.reference_list("vn:list/qd-1527-2025-platforms")
    assert listed is not None and (listed.known, listed.expected) == (18, 55)
    assert not listed.complete


def test_unverified_and_inferred_entries_say_so() -> None:
    """Seed sector DBs are unverified; the post-merger owner of NDXP is marked as inference."""
    cat = catalogue(dt.date(2025, 12, 1))
    goods, ndxp, population = (
        cat.get("vn:db/goods"),
        cat.get("vn:platform/ndxp"),
        cat.get("vn:db/population"),
    )
    assert goods is not None and goods.provenance is not None
    assert goods.provenance.confidence is Confidence.UNVERIFIED
    assert ndxp is not None and ndxp.provenance is not None
    assert ndxp.provenance.confidence is Confidence.INFERENCE
    assert population is not None and population.provenance is not None
    assert population.provenance.confidence is Confidence.SOURCED


def test_master_entities_have_one_authoritative_database() -> None:
    """No entity is the master data of two catalogue databases (one datum, one trusted source)."""
    owners: dict[str, list[str]] = {}
    for db in catalogue().databases:
        for entity in db.authoritative_for:
            owners.setdefault(entity, []).append(db.id)
    assert {e: d for e, d in owners.items() if len(d) > 1} == {}
    assert owners["vn:entity/person"] == ["vn:db/population"]


def test_catalogue_has_a_version_and_date() -> None:
    """The catalogue states its version, the date of the latest instrument it reflects and the
    overlays it is built from."""
    cat = catalogue(dt.date(2025, 12, 1))
    assert cat.version == "2026.12"
    assert cat.date == dt.date(2026, 9, 20)
    assert cat.as_of == dt.date(2025, 12, 1)
    assert cat.sources["units-2025"]["date"] == "2025-07-01"
    assert cat.user_overlays == ()
