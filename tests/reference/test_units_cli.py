"""`vndgaf units resolve` as a person reads it: dates, other meanings, how to disambiguate."""

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from vndgaf.cli import main


def _resolve(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["units", "resolve", *args])
    return result.exit_code, result.output


def test_as_of_a_date_before_the_arrangement() -> None:
    """On 2025-03-01 Bình Dương was in force; the answer says so and what it became."""
    code, out = _resolve("--as-of", "2025-03-01", "Binh Duong")
    assert code == 0
    first, *rest = out.splitlines()
    assert first == (
        "Binh Duong: in force on 2025-03-01: Tỉnh Bình Dương (province 74, before 1/7/2025)"
    )
    assert any("on 1/7/2025 it was merged into Thành phố Hồ Chí Minh" in line for line in rest)


def test_code_whose_meaning_changed_says_both_meanings() -> None:
    """Code 24 is Bắc Ninh (a province on 1/12/2025) and was Bắc Giang until 30/6/2025; code 10
    is no longer used."""
    code, out = _resolve("--as-of", "2025-12-01", "24", "10")
    assert code == 0
    assert "24: current: Tỉnh Bắc Ninh (vn:province/24)" in out
    assert "    - Tỉnh Bắc Giang (province 24, before 1/7/2025): merged" in out
    assert "Until 30/6/2025 code 24 denoted Tỉnh Bắc Giang" in out
    assert "10: merged into Tỉnh Lào Cai (vn:province/15)" in out
    assert "Code 10 is no longer used since 1/7/2025" in out


def test_ambiguous_answer_says_how_to_ask_for_each() -> None:
    """Each candidate line ends with the query that selects it alone."""
    code, out = _resolve("Mộc Châu")
    assert code == 0
    candidates = [line for line in out.splitlines() if line.startswith("  - ")]
    assert len(candidates) == 3
    assert all("[ask: '" in line for line in candidates)
    assert any(line.endswith("[ask: 'Huyện Mộc Châu']") for line in candidates)


def test_unknown_in_a_place_suggests_what_is_there() -> None:
    """'Phường 1, Bến Tre': old Bến Tre had no Phường 1; its wards are suggested, and Trà
    Vinh's Phường 1 (now also in Vĩnh Long) is not offered. Exit 1."""
    code, out = _resolve("Phường 1, Bến Tre")
    assert code == 1
    assert "Trà Vinh" not in out
    assert "Phường 6, Tỉnh Bến Tre" in out
    assert "No unit named 'Phường 1' lies in Bến Tre" in out


def test_json_carries_the_date_and_candidate_queries() -> None:
    """JSON has as_of, each candidate's query and the other-dates list."""
    code, out = _resolve("--format", "json", "--as-of", "2026-12-01", "Thủ Đức", "24")
    assert code == 0
    thu_duc, code_24 = json.loads(out)
    assert thu_duc["as_of"] == "2026-12-01"
    assert {c["query"] for c in thu_duc["candidates"]} == {
        "Phường Thủ Đức",
        "Thành phố Thủ Đức",
    }
    assert [d["unit"]["name"] for d in code_24["other_dates"]] == ["Tỉnh Bắc Giang"]


def test_bad_date_is_a_usage_error() -> None:
    """--as-of takes YYYY-MM-DD."""
    code, out = _resolve("--as-of", "1/7/2025", "Hanoi")
    assert code == 2 and "--as-of" in out


def test_queries_from_a_file_as_csv(tmp_path: Path) -> None:
    """--from reads one query per non-blank line (after the arguments); CSV has one row per
    query in the order asked, the units' ids, and how to ask for each candidate."""
    names = tmp_path / "names.txt"
    names.write_text(
        "\ufeffHanoi\n\n  Phường 1, Vũng Tàu  \nMộc Châu\n=SUM(A1)\n", encoding="utf-8"
    )
    code, out = _resolve("--as-of", "2026-12-01", "--format", "csv", "--from", str(names), "49")
    assert code == 1  # "=SUM(A1)" names nothing
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["query"] for r in rows] == [
        "49",
        "Hanoi",
        "Phường 1, Vũng Tàu",
        "Mộc Châu",
        "'=SUM(A1)",  # never a formula in a spreadsheet
    ]
    assert [r["status"] for r in rows] == ["merged", "current", "merged", "ambiguous", "unknown"]
    assert rows[0]["unit_ids"] == "vn:province/48"
    assert rows[2]["unit_ids"] == "vn:commune/26506"
    assert rows[2]["matched_district"] == "Thành phố Vũng Tàu"
    assert "Huyện Mộc Châu" in rows[3]["candidates"].split("; ")
    assert {r["as_of"] for r in rows} == {"2026-12-01"}


def test_queries_from_standard_input_and_bad_sources(tmp_path: Path) -> None:
    """'--from -' reads standard input; no query at all, a missing file or a file that is not
    UTF-8 is a one-line usage error (exit 2)."""
    result = CliRunner().invoke(main, ["units", "resolve", "--from", "-"], input="Danang\n")
    assert result.exit_code == 0
    assert result.output.startswith("Danang: current: Thành phố Đà Nẵng (vn:province/48)")
    assert _resolve()[0] == 2
    code, out = _resolve("--from", str(tmp_path / "missing.txt"))
    assert code == 2 and "missing.txt: cannot read: no such file or directory" in out
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Hà Nội".encode("latin-1", "replace"))
    code, out = _resolve("--from", str(latin))
    assert code == 2 and "not UTF-8 text" in out
