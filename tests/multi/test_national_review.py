"""What a national reviewer runs: the README's command, the examples folder, versions, submitters
that chose one id, and a qualified reference without its declaration."""

import json
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from vndgaf.cli import main
from vndgaf.engine import check_loaded
from vndgaf.load import load

ROOT = Path(__file__).resolve().parents[2]


def _readme_command(marker: str) -> list[str]:
    [line] = [
        line
        for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
        if line.endswith(marker)
    ]
    return shlex.split(line.partition("#")[0])


def test_readme_many_submissions_command_works_as_printed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    argv = _readme_command("# many submissions at once")
    assert argv[:2] == ["vndgaf", "check"] and "-o" in argv
    argv[argv.index("-o") + 1] = str(tmp_path / "national.sarif")
    monkeypatch.chdir(ROOT)
    run = CliRunner().invoke(main, argv[1:])
    assert run.exit_code == 1, run.output  # the examples hold errors on purpose
    sarif = json.loads((tmp_path / "national.sarif").read_text(encoding="utf-8"))
    results = sarif["runs"][0]["results"]
    codes = {r["ruleId"] for r in results}
    assert "IOP007" in codes and not codes & {"REF001", "REF002", "REF008", "REF009"}
    names = {
        location["logicalLocations"][0]["fullyQualifiedName"]
        for r in results
        for location in r["locations"]
        if location.get("logicalLocations")
    }
    assert "ubnd-tuyen-quang::qlvb-tuyen-quang" in names


def test_examples_folder_reports_versions_not_duplicate_ids(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`vndgaf check examples/*/` holds two versions of Tuyên Quang (and a broken file that
    claims the ministry's submitter): one REF008 each, naming both folders, and no REF002."""
    monkeypatch.chdir(ROOT)
    folders = sorted(f"examples/{p.name}/" for p in (ROOT / "examples").iterdir() if p.is_dir())
    run = CliRunner().invoke(main, ["check", "--format", "json", *folders])
    findings = json.loads(run.output)["findings"]
    assert [f for f in findings if f["code"] == "REF002"] == []
    versions = sorted(f["message"] for f in findings if f["code"] == "REF008")
    assert len(versions) == 2
    tq = versions[0]
    assert tq.startswith("'ubnd-tuyen-quang' is submitted twice: examples/tuyen-quang (as of")
    assert tq.endswith("vndgaf diff examples/tuyen-quang examples/tuyen-quang-v2")
    again = CliRunner().invoke(main, ["check", "--format", "json", *reversed(folders)])
    assert again.output == run.output


_PROVINCE = """format_version: 1
submission: {{submitter: ubnd-tinh, framework_version: "4.0", as_of: 2025-09-01}}
agencies:
  - {{id: ubnd-tinh, name: Ủy ban nhân dân tỉnh {name}, level: provincial,
     type: provincial_peoples_committee, unit: vn:province/{code}}}
platforms:
  - {{id: lgsp, name: LGSP {name}, instance_of: vn:platform/lgsp, owner: ubnd-tinh}}
flows:
  - {{id: f1, source: lgsp, target: vn:platform/ndxp}}
"""


def test_two_submitters_that_chose_one_id_are_told_apart(tmp_path: Path) -> None:
    """Two provinces both submitting as `ubnd-tinh` are not versions of one submission: REF008
    says so, with the units, and asks for an id of its own; either order gives the same."""
    for folder, code, name in (("ha-tinh", "42", "Hà Tĩnh"), ("nghe-an", "40", "Nghệ An")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.yaml").write_text(
            _PROVINCE.format(code=code, name=name), encoding="utf-8"
        )
    a, b = tmp_path / "ha-tinh", tmp_path / "nghe-an"
    [clash] = [f for f in load([a, b]).findings if f.code == "REF008"]
    assert "governs vn:province/42 in one and vn:province/40 in the other" in clash.message.en
    assert "submitter id of its own" in clash.message.en
    assert clash.location is not None and clash.location.pointer == "/submission/submitter"
    assert [f.message for f in load([b, a]).findings] == [f.message for f in load([a, b]).findings]


def test_undeclared_and_mismatched_declarations_are_reported_where_written(
    tmp_path: Path,
) -> None:
    """A qualified reference needs a declaration (REF001 alone and together); a declaration of
    the wrong kind is REF009 on its id, attributed to the submission that wrote it."""
    for folder, code, name in (("ha-tinh", "42", "Hà Tĩnh"), ("nghe-an", "40", "Nghệ An")):
        (tmp_path / folder).mkdir()
        text = _PROVINCE.format(code=code, name=name).replace("ubnd-tinh", f"ubnd-{folder}")
        (tmp_path / folder / "a.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "ha-tinh" / "b.yaml").write_text(
        "format_version: 1\n"
        "flows:\n"
        "  - {id: f2, source: lgsp, target: ubnd-nghe-an::lgsp, via: [vn:platform/ndxp]}\n"
        "  - {id: f3, source: lgsp, target: ubnd-nghe-an::f1}\n"
        "externals:\n"
        "  systems:\n"
        "    - {id: ubnd-nghe-an::lgsp, name: LGSP Nghệ An}\n",
        encoding="utf-8",
    )
    a, b = tmp_path / "ha-tinh", tmp_path / "nghe-an"
    alone = load([a])
    assert [(f.code, f.location.pointer if f.location else "") for f in alone.findings] == [
        ("REF001", "/flows/1/target")
    ]
    together = check_loaded(load([b, a]))
    ref = [
        (f.code, f.location.pointer if f.location else "", f.submitter)
        for f in together.findings
        if f.code.startswith("REF")
    ]
    assert ref == [
        ("REF001", "/flows/1/target", "ubnd-ha-tinh"),
        ("REF009", "/externals/systems/0/id", "ubnd-ha-tinh"),
    ]
    [kind] = [f for f in together.findings if f.code == "REF009"]
    assert kind.message.en == (
        "'ubnd-nghe-an::lgsp' is declared as system, but it is a platform in submission "
        "'ubnd-nghe-an'"
    )


def test_a_submission_with_declarations_renders_and_exports_on_its_own(tmp_path: Path) -> None:
    """The declared element of another submission is a node of its diagram and an element of
    its ArchiMate export, under its qualified id; the YAML export keeps the declaration."""
    folder = tmp_path / "ha-tinh"
    folder.mkdir()
    (folder / "a.yaml").write_text(
        _PROVINCE.format(code="42", name="Hà Tĩnh").replace("ubnd-tinh", "ubnd-ha-tinh")
        + "  - {id: f2, source: lgsp, target: ubnd-nghe-an::lgsp, via: [vn:platform/ndxp]}\n"
        "externals:\n"
        "  platforms:\n"
        "    - {id: ubnd-nghe-an::lgsp, name: LGSP Nghệ An, instance_of: vn:platform/lgsp}\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    drawn = runner.invoke(main, ["render", str(folder), "-o", str(tmp_path / "d.dot")])
    assert drawn.exit_code == 0, drawn.output
    assert "ubnd-nghe-an::lgsp" in (tmp_path / "d.dot").read_text(encoding="utf-8")
    xml = runner.invoke(main, ["export", "--to", "archimate", str(folder)])
    assert xml.exit_code == 0 and '<name xml:lang="vi">LGSP Nghệ An</name>' in xml.output
    yaml_text = runner.invoke(main, ["export", "--to", "yaml", str(folder)]).output
    assert "externals:" in yaml_text and "id: ubnd-nghe-an::lgsp" in yaml_text
