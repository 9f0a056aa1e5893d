"""Pre-1/7/2025 units where they are used: in a submission's unit fields and in `vndgaf init`.

An old code or name gets ONE finding that names the successor (or the candidates), never a
look-alike id from the current catalogue.
"""

from pathlib import Path

from click.testing import CliRunner
from tests.written import all_as_written

from vndgaf import load
from vndgaf.cli import main
from vndgaf.reference import catalogue, legacy_reference
from vndgaf.reference.legacy import legacy_data

HEAD = (
    'format_version: 1\nsubmission: {submitter: ub, framework_version: "4.0", as_of: 2026-11-01}\n'
)


def _agency(ident: str, unit: str, level: str = "provincial") -> str:
    return f"  - {{id: {ident}, name: UBND {ident}, level: {level}, unit: '{unit}'}}\n"


def _submission(tmp_path: Path, *agencies: str) -> Path:
    path = tmp_path / "agencies.yaml"
    text = HEAD + "agencies:\n" + _agency("ub", "vn:province/08") + "".join(agencies)
    path.write_text(text, encoding="utf-8")
    return path


def test_old_province_code_names_its_successor_once(tmp_path: Path) -> None:
    """`unit: vn:province/49` (Quảng Nam before 1/7/2025) is one REF007 on its line that names
    Thành phố Đà Nẵng (vn:province/48); no REF003 and no 'did you mean' look-alike."""
    path = _submission(tmp_path, _agency("qn", "vn:province/49"))
    findings = [f for f in all_as_written(load([path]).findings) if f.subject == "qn"]
    assert [f.code for f in findings] == ["REF007"]
    [finding] = findings
    assert finding.location is not None and (finding.location.line, finding.location.pointer) == (
        5,
        "/agencies/1/unit",
    )
    assert "Tỉnh Quảng Nam" in finding.message.en
    assert "Thành phố Đà Nẵng: use vn:province/48" in finding.message.en
    assert "vn:province/48" in finding.message.vi
    assert "did you mean" not in finding.message.en


def test_pre_merger_commune_code_names_its_successor(tmp_path: Path) -> None:
    """A commune code of the 2025-01 list that is not a current code (Phường Trúc Bạch's
    sibling Quán Thánh, 00013) names the ward it went into, Phường Ba Đình (00004)."""
    path = _submission(tmp_path, _agency("qt", "vn:commune/00013", "commune"))
    [finding] = [f for f in all_as_written(load([path]).findings) if f.subject == "qt"]
    assert finding.code == "REF007"
    assert "Phường Quán Thánh" in finding.message.en
    assert finding.message.en.endswith("Phường Ba Đình: use vn:commune/00004")


def test_split_commune_lists_every_successor() -> None:
    """An old commune divided among several new ones (its code no longer used) lists them all."""
    split = next(
        c
        for c in legacy_data().communes.values()
        if len(c.successors) > 1 and catalogue().commune(c.code) is None
    )
    result = legacy_reference(f"vn:commune/{split.code}")
    assert result is not None and result.legacy
    assert result.successors == tuple(f"vn:commune/{s.code}" for s in split.successors)
    assert "divided among" in result.message.en


def test_unit_name_where_an_id_belongs(tmp_path: Path) -> None:
    """An old province's name is REF007 with its successor; a current unit's name is REF001
    that gives its id; an ambiguous name lists how to ask for each candidate."""
    path = _submission(
        tmp_path,
        _agency("bd", "Tỉnh Bình Dương"),
        _agency("dn", "Đà Nẵng"),
        _agency("p1", "Phường 1, Vũng Tàu", "commune"),
    )
    by_subject = {
        f.subject: f
        for f in all_as_written(load([path]).findings)
        if f.subject in {"bd", "dn", "p1"}
    }
    assert by_subject["bd"].code == "REF007"
    assert by_subject["bd"].message.en.endswith("Thành phố Hồ Chí Minh: use vn:province/79")
    assert by_subject["dn"].code == "REF001"
    assert by_subject["dn"].message.en == (
        "'Đà Nẵng' is the name of Thành phố Đà Nẵng, not an id: use vn:province/48"
    )
    assert by_subject["p1"].code == "REF007"
    assert "Phường Vũng Tàu: use vn:commune/26506" in by_subject["p1"].message.en


def test_unknown_code_keeps_the_catalogue_finding(tmp_path: Path) -> None:
    """A code that no list ever had stays REF003 ('not in the catalogue')."""
    path = _submission(tmp_path, _agency("x", "vn:province/99"))
    [finding] = [f for f in all_as_written(load([path]).findings) if f.subject == "x"]
    assert finding.code == "REF003"


def test_local_id_typo_keeps_its_did_you_mean(tmp_path: Path) -> None:
    """An undefined local id that happens to read like a unit's name ("xa-tan-trao") is a
    dangling local id, with the submission's close id suggested, not a catalogue unit."""
    path = tmp_path / "units.yaml"
    path.write_text(
        HEAD
        + "units:\n  - {id: xa-tan-trao-1, name: Xã Tân Trào, kind: xa}\n"
        + "agencies:\n"
        + _agency("ub", "vn:province/08")
        + _agency("x", "xa-tan-trao", "commune"),
        encoding="utf-8",
    )
    [finding] = [f for f in all_as_written(load([path]).findings) if f.subject == "x"]
    assert finding.code == "REF001"
    assert "did you mean 'xa-tan-trao-1'" in finding.message.en
    assert legacy_reference("49") is not None  # a bare code still reads as a unit


def test_ambiguous_old_name_lists_the_candidates() -> None:
    """'Ba Đình' names several units: the message lists how to ask for each."""
    result = legacy_reference("Ba Đình")
    assert result is not None
    assert "names several administrative units" in result.message.en
    assert "Quận Ba Đình" in result.message.en and "Phường Ba Đình" in result.message.en


def test_validate_cli_names_the_successor(tmp_path: Path) -> None:
    """`vndgaf validate` prints the finding with file:line:col and the successor, exit 1."""
    path = _submission(tmp_path, _agency("qn", "vn:province/49"))
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    line = next(line for line in result.output.splitlines() if "REF007" in line)
    assert line.startswith(f"{path}:5:54:")
    assert "Thành phố Đà Nẵng: use vn:province/48" in line


def test_init_with_an_old_province_code_names_its_successor(tmp_path: Path) -> None:
    """`vndgaf init --province 49` says that Quảng Nam became Thành phố Đà Nẵng (48) and how to
    ask for it; it writes nothing."""
    out = tmp_path / "qn"
    result = CliRunner().invoke(main, ["init", "--province", "49", "-o", str(out)])
    assert result.exit_code == 2
    assert "Tỉnh Quảng Nam" in result.output
    assert "merged into Thành phố Đà Nẵng (code 48) on 1/7/2025" in result.output
    assert "use --province 48" in result.output
    assert not out.exists()


def test_init_with_old_and_current_names(tmp_path: Path) -> None:
    """An old name is refused the same way; a current name in any spelling is accepted."""
    runner = CliRunner()
    old = runner.invoke(main, ["init", "--province", "Quang Nam", "-o", str(tmp_path / "a")])
    assert old.exit_code == 2 and "use --province 48" in old.output
    current = runner.invoke(main, ["init", "--province", "Danang", "-o", str(tmp_path / "b")])
    assert current.exit_code == 0
    text = (tmp_path / "b" / "agencies.yaml").read_text(encoding="utf-8")
    assert "unit: vn:province/48" in text
