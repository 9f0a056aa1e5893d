"""The published resolution table: old unit -> new unit(s), with the share the official
conversion table states (it gives no numeric proportions)."""

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from vndgaf.cli import main
from vndgaf.model import Level
from vndgaf.reference import Share, conversion_table
from vndgaf.reference.conversion import share_of
from vndgaf.reference.legacy import legacy_data


@pytest.mark.parametrize(
    ("note", "share"),
    [
        ("Nhập toàn bộ", Share.WHOLE),
        ("Nhập toàn bộ diện tích", Share.WHOLE),
        ("Giữ nguyên", Share.WHOLE),
        ("Đổi tên", Share.WHOLE),
        ("Đổi loại hình", Share.WHOLE),
        ("Sắp xếp toàn bộ huyện Cồn Cỏ thành đặc khu Cồn Cỏ", Share.WHOLE),
        ("Nhập một phần", Share.PART),
        ("Nhập một  phần", Share.PART),
        ("Phần còn lại sau khi tách một phần vào xã Canh Vinh", Share.PART),
        ("Đổi tên từ một phần Phường 15", Share.PART),
        ("Nhập một phần diện tích", Share.PART_OF_AREA),
        ("Nhâp một phần diện tích", Share.PART_OF_AREA),
        ("Nhập một phần diện tích, toàn bộ dân số", Share.PART_OF_AREA_ALL_POPULATION),
        ("Nhập một phần dân số", Share.PART_OF_POPULATION),
        (None, Share.UNSTATED),
    ],
)
def test_share_is_read_from_the_official_note(note: str | None, share: Share) -> None:
    """Every wording of the table's notes (typos and double spaces included) maps to a share."""
    assert share_of(note) is share


def test_provinces_go_whole_into_one_province() -> None:
    """63 old provinces, each wholly into one of the 34: Quảng Nam (49) into Đà Nẵng (48)."""
    rows = conversion_table(level=Level.PROVINCIAL)
    assert len(rows) == 63
    assert all(r.share is Share.WHOLE and r.successors == 1 and r.derived for r in rows)
    assert len({r.new.code for r in rows}) == 34
    quang_nam = next(r for r in rows if r.old.code == "49")
    assert (quang_nam.new.id, quang_nam.new.name) == ("vn:province/48", "Thành phố Đà Nẵng")


def test_commune_rows_are_the_official_rows() -> None:
    """One row per old commune and successor, with the official note verbatim; a commune
    split among n units has n rows, each saying n."""
    rows = conversion_table(level=Level.COMMUNE)
    legacy = legacy_data()
    # the communes of the list of 2025-01-04 and the 3 interim units the table also converts
    assert len(rows) == sum(len(c.successors) for c in legacy.all_communes.values())
    assert not any(r.derived for r in rows)
    truc_bach = [r for r in rows if r.old.code == "00004"]
    assert [(r.new.id, r.share, r.note) for r in truc_bach] == [
        ("vn:commune/00004", Share.WHOLE, "Nhập toàn bộ")
    ]
    assert truc_bach[0].old.district_name == "Quận Ba Đình"
    split = [r for r in rows if r.old.code == "27169"]  # Phường 14, Quận 10
    assert {r.new.code for r in split} == {"27163", "27169"}
    assert {r.successors for r in split} == {2}
    assert all(r.share is not Share.WHOLE for r in split)


def test_district_rows_are_derived_and_island_districts_official() -> None:
    """Quận Ba Đình went in part to each of its wards' successors; Huyện Cồn Cỏ, an island
    district without communes, has its own official row."""
    rows = conversion_table(level=Level.DISTRICT)
    ba_dinh = [r for r in rows if r.old.code == "001"]
    assert {r.new.code for r in ba_dinh} >= {"00004", "00008", "00025"}
    assert all(r.derived and r.share is Share.PART for r in ba_dinh)
    [con_co] = [r for r in rows if r.old.code == "471"]
    assert (con_co.new.id, con_co.share, con_co.derived) == (
        "vn:commune/19742",
        Share.WHOLE,
        False,
    )
    assert con_co.note == "Sắp xếp toàn bộ huyện Cồn Cỏ thành đặc khu Cồn Cỏ"


def test_table_is_ordered_and_deterministic() -> None:
    """Provinces, then districts, then communes; each in code order; the same twice."""
    rows = conversion_table()
    levels = [r.old.level for r in rows]
    order = [Level.PROVINCIAL, Level.DISTRICT, Level.COMMUNE]
    assert levels == sorted(levels, key=order.index)
    communes = [r.old.code for r in rows if r.old.level is Level.COMMUNE]
    assert communes == sorted(communes)
    assert conversion_table() == rows


def test_units_table_csv(tmp_path: Path) -> None:
    """`vndgaf units table` writes CSV with a header; --level keeps one level; -o writes a
    file."""
    out = tmp_path / "provinces.csv"
    result = CliRunner().invoke(main, ["units", "table", "--level", "province", "-o", str(out)])
    assert result.exit_code == 0 and result.output == ""
    records = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(records) == 63
    quang_nam = next(r for r in records if r["old_code"] == "49")
    assert quang_nam["new_id"] == "vn:province/48"
    assert (quang_nam["share"], quang_nam["successors"], quang_nam["derived"]) == (
        "whole",
        "1",
        "True",
    )


def test_units_table_json_matches_the_library() -> None:
    """The JSON rows are the library's rows, in the same order, with the same columns."""
    result = CliRunner().invoke(main, ["units", "table", "--level", "commune", "--format", "json"])
    assert result.exit_code == 0
    records = json.loads(result.output)
    rows = conversion_table(level=Level.COMMUNE)
    assert len(records) == len(rows)
    assert [(r["old_code"], r["new_code"], r["share"]) for r in records] == [
        (r.old.code, r.new.code, r.share.value) for r in rows
    ]
    assert records[0]["note"] == rows[0].note
