"""Catalogue overlays: the bundled catalogue is built from them, users add, change and end facts
with them, and a malformed one gets located errors, never a traceback."""

import datetime as dt
import json
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from tests.written import all_as_written

from vndgaf.cli import main
from vndgaf.diagnostics import Finding
from vndgaf.engine import check
from vndgaf.load.overlays import catalogue_with, parse_overlay, read_overlay
from vndgaf.load.read import parse_bytes
from vndgaf.model import Platform
from vndgaf.reference import OverlayError, catalogue
from vndgaf.reference._data import read_json, read_yaml
from vndgaf.reference.history import build_history
from vndgaf.reference.overlay import BUNDLED, BUNDLED_INSTRUMENTS
from vndgaf.reference.overlay_schema import OVERLAY_SCHEMA_FILENAME, overlay_schema

ROOT = Path(__file__).resolve().parents[2]

SUBMISSION = """\
format_version: 1
submission: {submitter: ubnd-tq, framework_version: "4.0", as_of: 2026-03-01}
agencies:
  - {id: ubnd-tq, name: UBND tỉnh Tuyên Quang, level: provincial, unit: vn:province/08}
systems:
  - {id: hop-truc-tuyen-tq, name: Hệ thống họp trực tuyến tỉnh, owner: ubnd-tq,
     capabilities: [video_conferencing]}
databases:
  - {id: csdl-dat-dai-tq, name: CSDL đất đai tỉnh, owner: ubnd-tq, db_class: provincial_shared,
     authoritative_for: [vn:entity/land-parcel]}
"""

OVERLAY = """\
vndgaf_overlay: 1
name: hop-truc-tuyen-2026
title: A national video-conferencing platform; the land database replaced
instruments:
  - {id: qd-99-2026-ttg, type: decision, number: 99/QĐ-TTg, issuer: Thủ tướng Chính phủ,
     issuer_en: Prime Minister, issued: 2026-01-01,
     title: Quyết định về nền tảng họp trực tuyến quốc gia,
     title_en: Decision on the national video-conferencing platform,
     provenance: {source: "Công báo", confidence: sourced}}
platforms:
  - id: vn:platform/hop-truc-tuyen
    name: Nền tảng họp trực tuyến quốc gia
    owner: vn:agency/van-phong-chinh-phu
    layer: shared_platform
    scope: national
    capabilities: [video_conferencing]
    properties: {catalogue_role: national}
    provenance: {source: "QĐ 99/QĐ-TTg", confidence: sourced, valid_from: 2026-01-01,
                 basis: [{instrument: qd-99-2026-ttg, article: "1"}]}
ends:
  - id: vn:db/land
    effective: 2026-01-01
    provenance: {source: "QĐ 99/QĐ-TTg", confidence: secondary}
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _codes(report_findings: Iterable[Finding]) -> set[tuple[str, str]]:
    """(code, subject) of each finding, the subject as its submission writes it."""
    return {(f.code, f.subject) for f in all_as_written(report_findings)}


# --- the bundled catalogue is built from the same format ------------------------------------


def _bundled_as_user_files() -> list[object]:
    folder = resources.files("vndgaf.reference") / "data"
    return [
        parse_overlay((folder / name).read_bytes(), name)  # checked like a user's file
        for name in (BUNDLED_INSTRUMENTS, *BUNDLED)
    ]


def test_bundled_files_are_overlays_that_pass_every_check() -> None:
    """Every bundled data file validates against the published overlay schema and applies with
    every check a user's overlay gets (references, instruments cited, periods)."""
    schema = overlay_schema()
    assert json.loads((ROOT / "schemas" / OVERLAY_SCHEMA_FILENAME).read_text("utf-8")) == schema
    jsonschema.Draft202012Validator.check_schema(schema)
    build_history(_bundled_as_user_files())  # type: ignore[arg-type]  # raises on any problem


def _dates_as_text(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _dates_as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(v) for v in value]
    return value


@pytest.mark.parametrize("name", [BUNDLED_INSTRUMENTS, *BUNDLED])
def test_the_fast_reader_of_the_bundled_files_reads_what_the_user_path_reads(name: str) -> None:
    """The package reads its own files with the fast safe loader (YAML 1.1 resolves dates, and
    would resolve yes/no/on/off and 01); the data must equal what the positioned YAML 1.2
    reader of users' files gets, dates aside."""
    folder = resources.files("vndgaf.reference") / "data"
    positioned = parse_bytes((folder / name).read_bytes(), name)
    assert positioned.problems == ()
    fast = read_json(name) if name.endswith(".json") else read_yaml(name)
    assert _dates_as_text(fast) == positioned.data


def test_bundled_catalogue_equals_the_one_built_as_user_overlays() -> None:
    """The fast path the package uses and the checked path of users build the same facts."""
    checked = build_history(_bundled_as_user_files())  # type: ignore[arg-type]
    bundled = catalogue().at(dt.date(2025, 12, 1))
    assert dict(checked.versions) == {i: bundled.versions(i) for i in checked.versions}
    assert dict(checked.instruments) == {i.id: i for i in bundled.instruments}
    for day in (dt.date(2025, 6, 1), dt.date(2025, 12, 1), dt.date(2026, 12, 1)):
        assert checked.at(day)["units"] == (*bundled.at(day).provinces, *bundled.at(day).communes)


# --- an overlay changes the findings ------------------------------------------------------------


def test_overlay_adding_a_platform_and_ending_a_database_changes_the_findings(
    tmp_path: Path,
) -> None:
    """Without the overlay: the provincial land database competes with vn:db/land (RED003) and
    nothing provides video conferencing nationally. With it, as of 1/3/2026: the provincial
    system duplicates the new national platform (RED001) and the land database no longer has a
    national rival. As of 1/12/2025 the overlay's facts are not yet in force."""
    submission = _write(tmp_path, "tq.yaml", SUBMISSION)
    overlay = _write(tmp_path, "overlay.yaml", OVERLAY)
    red001 = ("RED001", "hop-truc-tuyen-tq")
    red003 = ("RED003", "csdl-dat-dai-tq")

    plain = _codes(check([submission]).findings)
    assert red003 in plain and red001 not in plain

    extended = catalogue_with([overlay])
    report = check([submission], catalogue=extended)
    found = _codes(report.findings)
    assert red001 in found and red003 not in found
    duplicate = next(f for f in all_as_written(report.findings) if (f.code, f.subject) == red001)
    assert duplicate.related == ("vn:platform/hop-truc-tuyen",)
    assert report.reference == (
        f"hop-truc-tuyen-2026 ({overlay}, sha256:{read_overlay(overlay).digest})",
    )

    earlier = _codes(check([submission], catalogue=extended, as_of=dt.date(2025, 12, 1)).findings)
    assert red003 in earlier and red001 not in earlier


def test_cli_check_with_reference_reports_the_overlay(tmp_path: Path) -> None:
    """`check --reference FILE` applies the overlay; the JSON and text reports name it."""
    submission = _write(tmp_path, "tq.yaml", SUBMISSION)
    overlay = _write(tmp_path, "overlay.yaml", OVERLAY)
    runner = CliRunner()
    result = runner.invoke(
        main, ["check", str(submission), "--reference", str(overlay), "--format", "json"]
    )
    doc = json.loads(result.output)
    assert {f["code"] for f in doc["findings"]} >= {"RED001"}
    assert "RED003" not in {f["code"] for f in doc["findings"]}
    assert doc["reference"][0].startswith(f"hop-truc-tuyen-2026 ({overlay}, sha256:")
    text = runner.invoke(main, ["check", str(submission), "--reference", str(overlay)]).output
    assert "Catalogue overlays:\n  hop-truc-tuyen-2026 (" in text
    listed = runner.invoke(
        main,
        ["reference", "platforms", "--reference", str(overlay), "--as-of", "2026-03-01"],
    ).output
    assert "vn:platform/hop-truc-tuyen " in listed
    ended = runner.invoke(
        main, ["reference", "databases", "--reference", str(overlay), "--as-of", "2026-03-01"]
    ).output
    assert "vn:db/land " not in ended and "vn:db/population " in ended


def test_validate_accepts_an_id_the_overlay_adds(tmp_path: Path) -> None:
    """A submission using a platform only the overlay knows passes `validate --reference`;
    without it the id is an unknown catalogue id (REF003)."""
    submission = _write(
        tmp_path,
        "s.yaml",
        SUBMISSION
        + "flows:\n  - {id: f1, source: hop-truc-tuyen-tq, target: vn:platform/hop-truc-tuyen}\n",
    )
    overlay = _write(tmp_path, "overlay.yaml", OVERLAY)
    runner = CliRunner()
    plain = runner.invoke(main, ["validate", str(submission)])
    assert plain.exit_code == 1 and "REF003" in plain.output
    extended = runner.invoke(main, ["validate", str(submission), "--reference", str(overlay)])
    assert extended.exit_code == 0, extended.output


# --- changes, instruments and effects ----------------------------------------------------------


def test_a_change_sets_fields_from_its_date_on_and_keeps_the_earlier_version(
    tmp_path: Path,
) -> None:
    """An owner moved on a date: the platform has the old owner before, the new one after."""
    overlay = _write(
        tmp_path,
        "o.yaml",
        """\
vndgaf_overlay: 1
name: ndop-operator
changes:
  - {id: vn:platform/ndop, effective: 2027-01-01, set: {operator: vn:agency/bo-cong-an},
     provenance: {source: "a 2027 decision", confidence: unverified}}
""",
    )
    cat = catalogue_with([overlay])
    before = cat.at(dt.date(2026, 12, 31)).get("vn:platform/ndop")
    after = cat.at(dt.date(2027, 1, 1)).get("vn:platform/ndop")
    assert isinstance(before, Platform) and isinstance(after, Platform)
    assert before.operator == "vn:agency/trung-tam-du-lieu-quoc-gia"
    assert after.operator == "vn:agency/bo-cong-an"
    assert after.provenance is not None and after.provenance.valid_from == dt.date(2027, 1, 1)
    assert after.provenance.confidence.value == "unverified"


def test_an_overlay_can_repeal_an_instrument(tmp_path: Path) -> None:
    """A new decree and its effect: NĐ 194/2025 repealed from 2027, the new one its successor."""
    overlay = _write(
        tmp_path,
        "o.yaml",
        """\
vndgaf_overlay: 1
name: new-decree
defaults:
  provenance: {source: "Công báo 2027", confidence: sourced}
instruments:
  - {id: nd-1-2027, type: decree, number: 1/2027/NĐ-CP, issuer: Chính phủ, issuer_en: Government,
     title: Nghị định mới, title_en: New decree, issued: 2027-01-01}
effects:
  - {instrument: nd-194-2025, kind: replaced, by: {instrument: nd-1-2027, article: "50"},
     effective: 2027-02-01}
""",
    )
    cat = catalogue_with([overlay])
    status = cat.instrument_status("nd-194-2025", dt.date(2027, 3, 1))
    assert status is not None and status.state.value == "repealed"
    assert status.successor is not None and status.successor.id == "nd-1-2027"
    # the chain: NĐ 47/2024 → NĐ 194/2025 → NĐ 1/2027
    older = cat.instrument_status("nd-47-2024", dt.date(2027, 3, 1))
    assert older is not None and older.successor is not None
    assert older.successor.id == "nd-1-2027"
    assert catalogue().instrument("nd-1-2027") is None  # the bundled catalogue is unchanged


# --- malformed overlays: located errors, never a traceback ------------------------------------


@pytest.mark.parametrize(
    ("text", "code", "line", "column", "pointer"),
    [
        ("vndgaf_overlay: 1\nname: x\nplatforms: [\n", "SCH001", 4, 1, "/platforms/0"),
        ("name: x\nplatforms: []\n", "SCH014", 1, 1, ""),
        ("vndgaf_overlay: 1\nname: x\nplatfroms: []\n", "SCH010", 3, 1, "/platfroms"),
        (
            "vndgaf_overlay: 1\nname: x\nunits:\n  columns: [id, name, kind]\n"
            "  rows:\n    - [vn:commune/99999, Xã Mới, xaa]\n",
            "SCH013",
            6,
            34,
            "/units/rows/0/2",
        ),
        (
            "vndgaf_overlay: 1\nname: x\nends:\n  - {id: vn:db/nowhere, effective: 2027-01-01,\n"
            "     provenance: {source: s}}\n",
            "CAT001",
            4,
            10,
            "/ends/0/id",
        ),
        (
            "vndgaf_overlay: 1\nname: x\nends:\n  - {id: vn:province/02, effective: 2027-01-01,\n"
            "     provenance: {source: s}}\n",
            "CAT002",
            4,
            37,
            "/ends/0/effective",
        ),
        (
            "vndgaf_overlay: 1\nname: x\nplatforms:\n  - {id: vn:platform/y, name: Y,\n"
            "     provenance: {source: s, basis: [{instrument: nd-404-2027}]}}\n",
            "CAT004",
            5,
            38,
            "/platforms/0/provenance/basis/0",
        ),
        (
            "vndgaf_overlay: 1\nname: x\nplatforms:\n  - {id: vn:platform/ndxp, name: Again,\n"
            "     provenance: {source: s}}\n",
            "CAT003",
            4,
            5,
            "/platforms/0",
        ),
        (
            "vndgaf_overlay: 1\nname: x\nplatforms:\n  - {id: vn:db/wrong, name: W,\n"
            "     provenance: {source: s}}\n",
            "CAT006",
            4,
            10,
            "/platforms/0/id",
        ),
        (
            "vndgaf_overlay: 1\nname: x\nplatforms:\n  - {id: vn:platform/z, name: Z,"
            " owner: vn:agency/nobody,\n     provenance: {source: s}}\n",
            "CAT004",
            4,
            41,
            "/platforms/0/owner",
        ),
        (
            "vndgaf_overlay: 1\nname: x\nplatforms:\n  - {id: vn:platform/z, name: Z}\n",
            "CAT005",
            4,
            5,
            "/platforms/0",
        ),
        (
            "vndgaf_overlay: 1\nname: x\nchanges:\n  - {id: vn:platform/ndxp,"
            " effective: 2027-01-01,\n     set: {ownr: vn:agency/bo-cong-an},"
            " provenance: {source: s}}\n",
            "SCH010",
            5,
            12,
            "/changes/0/set/ownr",
        ),
    ],
)
def test_malformed_overlay_gets_located_errors(
    tmp_path: Path, text: str, code: str, line: int, column: int, pointer: str
) -> None:
    """Each mistake is reported with its code, file, line, column and JSON pointer."""
    path = _write(tmp_path, "bad.yaml", text)
    with pytest.raises(OverlayError) as caught:
        catalogue_with([path])
    problems = [(p.code, p.location.line, p.location.column, p.location.pointer)
                for p in caught.value.problems]  # fmt: skip
    assert (code, line, column, pointer) in problems
    assert all(p.location.path == str(path) for p in caught.value.problems)


def test_cli_prints_located_overlay_errors_and_exits_2(tmp_path: Path) -> None:
    """On the command line a bad overlay is one line per problem on stderr, exit 2."""
    submission = _write(tmp_path, "tq.yaml", SUBMISSION)
    bad = _write(
        tmp_path, "bad.yaml", "vndgaf_overlay: 1\nname: x\nplatforms:\n  - {id: vn:platform/q}\n"
    )
    for command in (
        ["check", str(submission)],
        ["validate", str(submission)],
        ["reference", "platforms"],
        ["export", str(submission), "--to", "yaml"],
    ):
        result = CliRunner().invoke(main, [*command, "--reference", str(bad)])
        assert result.exit_code == 2, command
        assert f"{bad}:4:5: SCH011 missing required field 'name'" in result.output
        assert "Traceback" not in result.output
    missing = CliRunner().invoke(main, ["reference", "units", "--reference", "nope.yaml"])
    assert missing.exit_code == 2
    gone = CliRunner().invoke(
        main, ["reference", "provinces", "--reference", str(tmp_path / "nope.yaml")]
    )
    assert gone.exit_code == 2 and "cannot read" in gone.output


def test_the_reference_default_comes_from_the_environment(tmp_path: Path) -> None:
    """VNDGAF_REFERENCE gives the default overlays (a configuration without flags)."""
    overlay = _write(tmp_path, "overlay.yaml", OVERLAY)
    result = CliRunner().invoke(
        main,
        ["reference", "platforms", "--as-of", "2026-03-01", "--format", "json"],
        env={"VNDGAF_REFERENCE": str(overlay)},
    )
    doc = json.loads(result.output)
    assert doc["overlays"][0].startswith("hop-truc-tuyen-2026 (")
    assert "vn:platform/hop-truc-tuyen" in {p["id"] for p in doc["platforms"]}
