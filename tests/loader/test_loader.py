"""Loading submissions: discovery, merging across files, references and catalogue ids."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from vndgaf.cli import main
from vndgaf.errors import InputError
from vndgaf.load import discover, load

EXAMPLES = Path(__file__).parents[2] / "examples"
HEAD = (
    "format_version: 1\nsubmission: {submitter: %s, framework_version: '4.0', as_of: 2025-10-01}\n"
)


@pytest.mark.parametrize("example", ["tuyen-quang", "bo-tu-phap"])
def test_examples_validate_clean(example: str) -> None:
    """The bundled examples have no schema or reference finding, and validate exits 0."""
    result = load([EXAMPLES / example])
    assert [str(f.location) + " " + f.message.en for f in result.findings] == []
    run = CliRunner().invoke(main, ["validate", str(EXAMPLES / example)])
    assert run.exit_code == 0, run.output
    assert (
        run.output.strip().endswith(f"0 errors, 0 warnings, 0 notes in {len(result.files)} files")
        or "0 errors" in run.output
    )


def test_multi_file_submission_merges_and_resolves_across_files() -> None:
    """Elements defined in one file are referenced from others; the merged model has them all."""
    result = load([EXAMPLES / "tuyen-quang"])
    arch = result.architecture
    assert len(result.files) == 6
    assert arch.submission is not None and arch.submission.submitter == "ubnd-tuyen-quang"
    assert {a.id for a in arch.agencies} >= {"ubnd-tuyen-quang", "so-khcn"}
    origin = result.origins["lgsp-tuyen-quang"]
    assert origin.path.endswith("platforms.yaml") and origin.pointer == "/platforms/0"
    loc = result.locate("lgsp-tuyen-quang", "owner")
    assert loc is not None and (loc.line, loc.pointer) == (7, "/platforms/0/owner")


def test_file_order_does_not_matter(tmp_path: Path) -> None:
    """Paths given in any order give the same files, model and findings."""
    a = load([EXAMPLES / "tuyen-quang", EXAMPLES / "bo-tu-phap"])
    b = load([EXAMPLES / "bo-tu-phap", EXAMPLES / "tuyen-quang"])
    assert a.files == b.files
    assert a.architecture == b.architecture
    assert a.findings == b.findings


def test_discover_skips_hidden_and_other_files(tmp_path: Path) -> None:
    """Directories are searched for .yaml/.yml/.json only, hidden entries skipped, sorted."""
    (tmp_path / "b.yaml").write_text("format_version: 1\n", encoding="utf-8")
    (tmp_path / "a.json").write_text('{"format_version": 1}', encoding="utf-8")
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.yaml").write_text("x: [", encoding="utf-8")
    found = discover([tmp_path])
    assert [Path(p).name for p in found.files] == ["a.json", "b.yaml"]
    assert found.findings == () and found.named == frozenset()


def test_missing_path_is_an_input_error_and_exit_2(tmp_path: Path) -> None:
    """A path that does not exist raises InputError in the library and exits 2 in the CLI."""
    with pytest.raises(InputError, match="no such file"):
        load([tmp_path / "nope.yaml"])
    run = CliRunner().invoke(main, ["validate", str(tmp_path / "nope.yaml")])
    assert run.exit_code == 2
    assert run.output.count("\n") == 1 and "no such file" in run.output


def test_catalogue_ids_resolve_without_definitions(tmp_path: Path) -> None:
    """vn:platform/ndxp and vn:province/<code> are usable without defining them."""
    doc = tmp_path / "s.yaml"
    doc.write_text(
        "format_version: 1\n"
        "submission: {submitter: ubnd, framework_version: '4.0', as_of: 2025-10-01}\n"
        "agencies: [{id: ubnd, name: UBND tỉnh, level: provincial, unit: vn:province/79}]\n"
        "platforms: [{id: lgsp, name: LGSP, owner: ubnd, instance_of: vn:platform/lgsp}]\n"
        "flows: [{id: f, source: lgsp, target: vn:platform/ndxp}]\n",
        encoding="utf-8",
    )
    assert load([doc]).findings == ()


def test_reference_to_wrong_kind(tmp_path: Path) -> None:
    """A via entry that is an agency is REF004, pointing at the list item."""
    doc = tmp_path / "s.yaml"
    doc.write_text(
        "format_version: 1\n"
        "submission: {submitter: ubnd, framework_version: '4.0', as_of: 2025-10-01}\n"
        "agencies: [{id: ubnd, name: UBND, level: provincial}]\n"
        "systems: [{id: a, name: A, owner: ubnd}]\n"
        "flows: [{id: f, source: a, target: vn:platform/ndxp, via: [ubnd]}]\n",
        encoding="utf-8",
    )
    [finding] = load([doc]).findings
    assert finding.code == "REF004"
    assert finding.location is not None and finding.location.pointer == "/flows/0/via/0"
    assert (finding.location.line, finding.location.column) == (5, 60)


def test_json_submission_locations(tmp_path: Path) -> None:
    """JSON input gets the same findings with JSON line/column positions."""
    doc = tmp_path / "s.json"
    doc.write_text(
        '{"format_version": 1,\n "agencies": [\n  {"id": "a", "name": "A",\n'
        '   "level": "provincal"}]}\n',
        encoding="utf-8",
    )
    [finding] = [f for f in load([doc]).findings if f.code != "REF006"]
    assert finding.code == "SCH013"
    assert (finding.location.line, finding.location.column) == (4, 13)  # type: ignore[union-attr]


def test_conflicting_submission_blocks_in_one_directory(tmp_path: Path) -> None:
    """Two files of one directory declaring different submissions is SCH015."""
    head = HEAD
    (tmp_path / "a.yaml").write_text(
        head % "x" + "agencies: [{id: x, name: X, level: central}]\n", encoding="utf-8"
    )
    (tmp_path / "b.yaml").write_text(
        head % "y" + "agencies: [{id: y, name: Y, level: central}]\n", encoding="utf-8"
    )
    codes = [f.code for f in load([tmp_path]).findings]
    assert codes == ["SCH015"]


def test_submissions_in_sibling_directories_are_separate(tmp_path: Path) -> None:
    """Each directory with its own submission block is its own submission (national picture)."""
    head = HEAD
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "s.yaml").write_text(
            head % f"ubnd-{name}"
            + f"agencies: [{{id: ubnd-{name}, name: UBND, level: provincial}}]\n",
            encoding="utf-8",
        )
    result = load([tmp_path / "a", tmp_path / "b"])
    assert result.findings == ()
    assert [s.submitter for s in result.submissions] == ["ubnd-a", "ubnd-b"]
    assert result.submitter_of("ubnd-b::ubnd-b") == "ubnd-b"
    assert [a.id for a in result.architecture.agencies] == ["ubnd-a::ubnd-a", "ubnd-b::ubnd-b"]
