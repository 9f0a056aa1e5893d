"""The builder of the packaged unit files copes with the messy official conversion table."""

from pathlib import Path

from vndgaf.reference.build_units import build

PROVINCES = "code,name,division_type\n08,Tỉnh Tuyên Quang,tỉnh\n"
COMMUNES = (
    "code,name,division_type,province_code\n"
    "02494,Xã Thái Bình,xã,08\n"
    "00001,Phường Hà Giang 1,phường,08\n"
)
LEGACY = (
    "Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp,Tên Tiếng Anh\n"
    "Tỉnh Hà Giang,02,Thành phố Hà Giang,024,Phường Quang Trung,00001,Phường,\n"
    "Tỉnh Hà Giang,02,Thành phố Hà Giang,024,Phường Trần Phú,00004,Phường,\n"
    "Tỉnh Tuyên Quang,08,Huyện Yên Sơn,075,Xã Phú Thịnh,02482,Xã,\n"
    "Tỉnh Tuyên Quang,08,Huyện Yên Sơn,075,Xã Thái Bình,02494,Xã,\n"
)
CONVERSION = (
    "Đơn vị hành chính từ ngày 01/7/2025,,,Đơn vị hành chính trước ngày 01/7/2025,,,,,\n"
    '"Tỉnh, thành phố",Tên Xã mới,Mã Xã mới,Tên Xã cũ,Mã Xã cũ,Ghi chú,Quận/huyện,Tỉnh cũ,\n'
    "TUYÊN QUANG  ,,,,,,,,\n"
    'Tỉnh Tuyên Quang (08),"Phường Hà Giang 1\n",00001, Phường Quang Trung ,00001,Nhập toàn bộ,'
    "Thành phố Hà Giang (024),Tỉnh Tuyên Quang (08),\n"
    "Tỉnh Tuyên Quang (08),Phường Hà Giang 1,00001,Phường Trần Phú,00004,Nhập một phần  ,"
    "Thành phố Hà Giang (024),Hà Giang (02),\n"
    "Tỉnh Tuyên Quang (08),Xã Thái Bình,02494,Xã Phú Thịnh,02485,Nhập toàn bộ,"
    "Huyện Yên Sơn (075),Tỉnh Tuyên Quang (08),\n"
    "Tỉnh Tuyên Quang (08),Xã Thái Bình,02494,Xã Thái Bình,02494,Nhập toàn bộ,"
    "Huyện Yên Sơn (075),Tỉnh Tuyên Quang (08),\n"
)


def _write(directory: Path) -> None:
    for name, text in (
        ("provinces-2025.csv", PROVINCES),
        ("communes-2025.csv", COMMUNES),
        ("legacy-communes-2025-01.csv", LEGACY),
        ("conversion-2025-07.csv", CONVERSION),
    ):
        (directory / name).write_text(text, encoding="utf-8")


def test_build_takes_old_province_from_the_legacy_district(tmp_path: Path) -> None:
    """A row whose 'old province' column is wrong still counts under the district's province."""
    _write(tmp_path)
    units, legacy = build(tmp_path)
    rows = units["units"]["rows"]
    assert rows[0] == ["vn:province/08", "Tỉnh Tuyên Quang", "tinh", "08", None, ["02", "08"]]
    assert [p[3] for p in legacy["provinces"]] == [["08"], ["08"]]


def test_build_cleans_names_notes_and_skips_header_rows(tmp_path: Path) -> None:
    """Stray spaces and line breaks are collapsed; province header rows are not units."""
    _write(tmp_path)
    units, legacy = build(tmp_path)
    notes = legacy["notes"]
    quang_trung = next(c for c in legacy["communes"] if c[0] == "00001")
    assert quang_trung[:4] == ["00001", "Phường Quang Trung", "phuong", "024"]
    assert [notes[i] for _code, i in quang_trung[4]] == ["Nhập toàn bộ"]
    tran_phu = next(c for c in legacy["communes"] if c[0] == "00004")
    assert [notes[i] for _code, i in tran_phu[4]] == ["Nhập một phần"]
    assert units["units"]["rows"][2] == [
        "vn:commune/00001",
        "Phường Hà Giang 1",
        "phuong",
        "00001",
        "vn:province/08",
        ["00001", "00004"],
    ]


def test_build_maps_a_commune_listed_under_another_code_by_name(tmp_path: Path) -> None:
    """Xã Phú Thịnh is 02482 in the 2025-01 list but 02485 in the table: matched by name."""
    _write(tmp_path)
    _units, legacy = build(tmp_path)
    phu_thinh = next(c for c in legacy["communes"] if c[0] == "02482")
    assert [code for code, _note in phu_thinh[4]] == ["02494"]


def test_build_data_command_writes_both_files(tmp_path: Path) -> None:
    """`units build-data SOURCE --output DIR` writes the two JSON files, one record per line."""
    from click.testing import CliRunner

    from vndgaf.cli import main

    source, out = tmp_path / "src", tmp_path / "out"
    source.mkdir()
    out.mkdir()
    _write(source)
    result = CliRunner().invoke(main, ["units", "build-data", str(source), "--output", str(out)])
    assert result.exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["legacy-2025-01.json", "units-2025.json"]
    lines = (out / "units-2025.json").read_text(encoding="utf-8").splitlines()
    assert lines[-1] == (
        '["vn:commune/00001","Phường Hà Giang 1","phuong","00001","vn:province/08",'
        '["00001","00004"]]]}}'
    )


def test_build_writes_the_units_as_an_overlay_the_catalogue_reads(tmp_path: Path) -> None:
    """The generated units file is a catalogue overlay: it validates and builds a catalogue."""
    import datetime as dt
    import json

    import jsonschema

    from vndgaf.load.overlays import parse_overlay
    from vndgaf.reference.overlay_schema import overlay_schema

    _write(tmp_path)
    units, _legacy = build(tmp_path)
    jsonschema.Draft202012Validator(overlay_schema()).validate(units)
    overlay = parse_overlay(json.dumps(units).encode(), "units.json")
    commune = overlay.tables["units"].values[2]
    assert commune.id == "vn:commune/00001" and commune.parent == "vn:province/08"
    assert commune.valid_from == dt.date(2025, 7, 1)
    assert commune.provenance is not None
    assert [c.instrument for c in commune.provenance.basis] == [
        "nq-202-2025-qh15",
        "nq-ubtvqh15-2025-cap-xa",
        "qd-19-2025-ttg",
    ]


def test_build_drops_phantom_duplicates_and_keeps_interim_units(tmp_path: Path) -> None:
    """A code of the table naming a commune of the list under another code (same name, same
    district) is a phantom: not a unit. A code naming no unit of the list is an interim unit."""
    _write(tmp_path)
    with (tmp_path / "conversion-2025-07.csv").open("a", encoding="utf-8") as handle:
        handle.write(
            "Tỉnh Tuyên Quang (08),Xã Thái Bình,02494,Xã Phú Thịnh,02499,Nhập toàn bộ,"
            "Huyện Yên Sơn (075),Tỉnh Tuyên Quang (08),\n"
            "Tỉnh Tuyên Quang (08),Xã Thái Bình,02494,Xã Mới Lập,02497,Nhập toàn bộ,"
            "Huyện Yên Sơn (075),Tỉnh Tuyên Quang (08),\n"
        )
    units, legacy = build(tmp_path)
    assert [c[0] for c in legacy["communes"]] == ["00001", "00004", "02482", "02494"]
    assert [c[:2] for c in legacy["interim_communes"]] == [["02497", "Xã Mới Lập"]]
    thai_binh = next(r for r in units["units"]["rows"] if r[0] == "vn:commune/02494")
    assert "02499" not in thai_binh[5] and "02497" in thai_binh[5]


def test_build_records_the_other_official_spelling(tmp_path: Path) -> None:
    """A name the table spells differently ("Sĩ"/"Sỹ", not mere tone marks) is another name."""
    _write(tmp_path)
    with (tmp_path / "conversion-2025-07.csv").open("a", encoding="utf-8") as handle:
        handle.write(
            "Tỉnh Tuyên Quang (08),Xã Thái Bình,02494,Xã Thái Bỳnh,02494,Nhập toàn bộ,"
            "Huyện Yên Sơn (075),Tỉnh Tuyên Quang (08),\n"
            "Tỉnh Tuyên Quang (08),Phường Hà Giang 1,00001,Phường Quang Trung,00001,Nhập toàn bộ,"
            "Thành phố Hà Giang (024),Tỉnh Tuyên Quang (08),\n"
        )
    _units, legacy = build(tmp_path)
    assert legacy["other_names"]["communes"] == {"02494": ["Xã Thái Bỳnh"]}
