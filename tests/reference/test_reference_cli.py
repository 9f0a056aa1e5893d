"""The `units resolve` and `reference` commands: text, JSON and CSV, exit codes."""

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from vndgaf.cli import main

ACCEPTANCE = ["Binh Duong", "Bà Rịa - Vũng Tàu", "Hà Giang", "Quận Ba Đình"]


def test_units_resolve_text_answers_the_four_acceptance_queries() -> None:
    """Text output says merged into TP.HCM (twice), merged into Tuyên Quang, district abolished."""
    result = CliRunner().invoke(main, ["units", "resolve", *ACCEPTANCE])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "Binh Duong: merged into Thành phố Hồ Chí Minh (vn:province/79)"
    assert "Bà Rịa - Vũng Tàu: merged into Thành phố Hồ Chí Minh (vn:province/79)" in lines
    assert "Hà Giang: merged into Tỉnh Tuyên Quang (vn:province/08)" in lines
    district = next(line for line in lines if line.startswith("Quận Ba Đình:"))
    assert district.startswith("Quận Ba Đình: district level abolished")
    for ward in ("Phường Ba Đình", "Phường Giảng Võ", "Phường Ngọc Hà"):
        assert ward in district
    assert district.endswith("(Thành phố Hà Nội)")


def test_units_resolve_json_carries_codes_and_lineage() -> None:
    """JSON output has status, current ids, matched old codes and the lineage."""
    result = CliRunner().invoke(main, ["units", "resolve", "--format", "json", *ACCEPTANCE])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert [d["status"] for d in data] == ["merged", "merged", "merged", "level_abolished"]
    assert [d["matched"]["code"] for d in data] == ["74", "77", "02", "001"]
    assert data[0]["units"][0]["id"] == "vn:province/79"
    assert data[0]["lineage"] == [
        {
            "old": {"id": None, "code": "74", "name": "Tỉnh Bình Dương", "kind": "tinh",
                    "level": "provincial", "current": False, "province_code": "74",
                    "province_name": "Tỉnh Bình Dương", "district_code": None,
                    "district_name": None, "valid_from": None, "valid_to": "2025-07-01"},
            "new": {"id": "vn:province/79", "code": "79", "name": "Thành phố Hồ Chí Minh",
                    "kind": "thanh_pho_truc_thuoc_tw", "level": "provincial", "current": True,
                    "province_code": "79", "province_name": "Thành phố Hồ Chí Minh",
                    "district_code": None, "district_name": None, "valid_from": "2025-07-01",
                    "valid_to": None},
            "note": None,
        }
    ]  # fmt: skip
    district_units = {u["id"] for u in data[3]["units"]}
    assert {"vn:commune/00004", "vn:commune/00008", "vn:commune/00025"} <= district_units


def test_units_resolve_json_is_deterministic() -> None:
    """Two runs give byte-identical JSON."""
    runner = CliRunner()
    first = runner.invoke(main, ["units", "resolve", "--format", "json", "Ba Đình", "Tân Phú"])
    second = runner.invoke(main, ["units", "resolve", "--format", "json", "Ba Đình", "Tân Phú"])
    assert first.output == second.output


def test_unknown_name_exits_1_with_did_you_mean() -> None:
    """An unknown name prints 'did you mean' and the command exits 1."""
    result = CliRunner().invoke(main, ["units", "resolve", "Hà Giang", "Binh Duogn"])
    assert result.exit_code == 1
    assert "Binh Duogn: unknown; did you mean 'Tỉnh Bình Dương'" in result.output


def test_ambiguous_name_lists_candidates_and_exits_0() -> None:
    """An ambiguous name lists every candidate with its province; exit code 0."""
    result = CliRunner().invoke(main, ["units", "resolve", "Ba Đình"])
    assert result.exit_code == 0
    assert "  - Phường Ba Đình (vn:commune/00004), Thành phố Hà Nội: current" in result.output
    assert "Xã Ba Đình (vn:commune/16171), Tỉnh Thanh Hóa: current" in result.output


def test_reference_communes_of_one_province_as_csv() -> None:
    """`reference communes --province 12 --format csv` lists Lai Châu's 38 communes."""
    result = CliRunner().invoke(
        main, ["reference", "communes", "--province", "12", "--format", "csv"]
    )
    assert result.exit_code == 0
    rows = result.output.splitlines()
    assert rows[0] == "id,code,name,kind,province_code"
    assert len(rows) == 1 + 38
    assert all(row.endswith(",12") for row in rows[1:])


def test_reference_platforms_json_has_provenance() -> None:
    """The JSON listing of platforms carries every field, provenance included."""
    result = CliRunner().invoke(main, ["reference", "platforms", "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    ndxp = next(p for p in data["platforms"] if p["id"] == "vn:platform/ndxp")
    assert ndxp["provenance"]["confidence"] == "inference"
    assert ndxp["capabilities"] == ["data_integration"]
    assert ndxp["owner"] == "vn:agency/bo-khoa-hoc-va-cong-nghe"
    assert data["catalogue_version"] == "2026.12"
    assert data["as_of"] == dt.date.today().isoformat()
    assert data["overlays"] == []


def test_reference_capabilities_text_table() -> None:
    """The text listing is a table with a header row."""
    result = CliRunner().invoke(main, ["reference", "capabilities"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split() == ["code", "name_en", "name", "confidence"]
    assert any(line.startswith("identity_authentication ") for line in lines)


def test_reference_unknown_province_is_a_usage_error() -> None:
    """An unknown --province code exits 2 with a message."""
    result = CliRunner().invoke(main, ["reference", "communes", "--province", "63"])
    assert result.exit_code == 2
    assert "no province-level unit has the code '63'" in result.output


def test_reference_province_option_only_for_units() -> None:
    """--province with a part other than provinces/communes is a usage error (exit 2)."""
    result = CliRunner().invoke(main, ["reference", "platforms", "--province", "79"])
    assert result.exit_code == 2
    assert "--province applies to 'provinces' and 'communes' only" in result.output


def test_reference_provinces_text_shows_commune_counts() -> None:
    """`reference provinces --province 79` shows TP.HCM with 168 communes and its predecessors."""
    result = CliRunner().invoke(main, ["reference", "provinces", "--province", "79"])
    assert result.exit_code == 0
    header, row = result.output.splitlines()
    assert header.split() == [
        "id", "code", "name", "kind", "communes", "valid_from", "predecessor_codes",
    ]  # fmt: skip
    assert row.split() == [
        "vn:province/79", "79", "Thành", "phố", "Hồ", "Chí", "Minh",
        "thanh_pho_truc_thuoc_tw", "168", "2025-07-01", "74", "77", "79",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("as_of", "kind", "cities"),
    [
        ("2026-12-01", "thanh_pho_truc_thuoc_tw", 9),
        ("2025-12-01", "tinh", 6),
    ],
)
def test_reference_provinces_as_of_a_date_shows_the_2026_cities(
    as_of: str, kind: str, cities: int
) -> None:
    """Đồng Nai, Quảng Ninh and Bắc Ninh are centrally-run cities in December 2026 (25 provinces
    and 9 cities), provinces in December 2025 (28 and 6)."""
    result = CliRunner().invoke(
        main, ["reference", "provinces", "--as-of", as_of, "--format", "json"]
    )
    assert result.exit_code == 0
    doc = json.loads(result.output)
    assert doc["as_of"] == as_of
    by_code = {p["code"]: p for p in doc["provinces"]}
    assert {by_code[c]["kind"] for c in ("75", "22", "24")} == {kind}
    assert len(by_code) == 34
    assert sum(p["kind"] == "thanh_pho_truc_thuoc_tw" for p in doc["provinces"]) == cities
    name = by_code["24"]["name"]
    assert name == ("Thành phố Bắc Ninh" if kind != "tinh" else "Tỉnh Bắc Ninh")
