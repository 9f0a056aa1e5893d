"""Model-level attacks: duplicates, huge values, unsafe tags, odd documents, loops in the model."""

import contextlib
import datetime as dt
import json
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from advkit import agency, codes, document, one_line_error, run_cli, where, write_json
from tests.written import all_as_written

from vndgaf.engine import check_loaded
from vndgaf.errors import InputError
from vndgaf.graph import build_graph
from vndgaf.load import load, parse_file
from vndgaf.reference import catalogue

# Runs the command line in subprocesses: `make quick` leaves it out, `make test` runs it.
pytestmark = pytest.mark.slow

SUB = 'submission: {submitter: vn:agency/bo-tu-phap, framework_version: "4.0", as_of: 2025-12-01}'


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Fail with TimeoutError instead of hanging when the block runs longer than ``seconds``."""

    def _expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _yaml(tmp_path: Path, name: str, *lines: str) -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_duplicate_keys_at_every_level_of_yaml(tmp_path: Path) -> None:
    """SCH002 at the second key: root, submission, element, nested mapping, nested element."""
    path = _yaml(
        tmp_path,
        "dups.yaml",
        "format_version: 1",
        "submission: {submitter: vn:agency/bo-tu-phap, submitter: x,"
        " framework_version: '4.0', as_of: 2025-12-01}",
        "systems:",
        "  - id: s",
        "    name: S",
        "    properties: {k: a, k: b}",
        "    name: T",
        "databases:",
        "  - id: d",
        "    name: D",
        "    db_class: sectoral",
        "    quality: {dung: true, dung: false}",
        "services:",
        "  - id: p",
        "    name: P",
        "    required_inputs:",
        "      - {entity: vn:entity/person, entity: vn:entity/land-parcel}",
        "format_version: 1",
    )
    result = load([path])
    assert where(result.findings, "SCH002") == [
        (2, 47, "/submission/submitter"),
        (6, 24, "/systems/0/properties/k"),
        (7, 5, "/systems/0/name"),
        (12, 27, "/databases/0/quality/dung"),
        (17, 36, "/services/0/required_inputs/0/entity"),
        (18, 1, "/format_version"),
    ]
    # The first value wins, as the message says.
    assert result.architecture.systems[0].name == "S"
    assert result.architecture.systems[0].properties == {"k": "a"}
    assert result.architecture.submission is not None
    assert result.architecture.submission.submitter == "vn:agency/bo-tu-phap"


def test_duplicate_keys_at_every_level_of_json(tmp_path: Path) -> None:
    """JSON duplicates are found by the position scan: root and element keys, first value kept."""
    path = tmp_path / "dups.json"
    path.write_text(
        '{"format_version": 1,\n'
        ' "agencies": [{"id": "a", "id": "b", "name": "n", "level": "central"}],\n'
        ' "format_version": 2}\n',
        encoding="utf-8",
    )
    result = load([path])
    assert where(result.findings, "SCH002") == [
        (2, 27, "/agencies/0/id"),
        (3, 2, "/format_version"),
    ]
    assert [a.id for a in result.architecture.agencies] == ["a"]


def test_an_id_of_10000_characters_is_sch013_max_length(tmp_path: Path) -> None:
    """An id longer than 200 characters is SCH013 'at most 200 characters' at the id."""
    doc = document(agencies=[agency("a" * 10_000)])
    result = load([write_json(tmp_path / "long.json", doc)])
    assert codes(result.findings) == ["SCH013"]
    assert result.findings[0].message.en == "'id' must have at most 200 characters"
    assert where(result.findings, "SCH013")[0][2] == "/agencies/0/id"
    assert result.architecture.agencies == ()


def test_a_megabyte_name_loads_and_checks(tmp_path: Path) -> None:
    """A 1 MB name is within the scalar limit: it loads verbatim and check runs on it."""
    name = "Hệ thống " * 120_000
    doc = document(agencies=[agency("ag")], systems=[{"id": "s", "name": name, "owner": "ag"}])
    result = load([write_json(tmp_path / "name.json", doc)])
    assert result.findings == ()
    assert result.architecture.systems[0].name == name
    assert check_loaded(result).findings != ()


def test_a_long_reference_is_a_dangling_reference(tmp_path: Path) -> None:
    """A 10,000-character reference is REF001 at the field (references carry no length limit)."""
    doc = document(flows=[{"id": "f", "source": "x" * 10_000, "target": "y"}])
    result = load([write_json(tmp_path / "ref.json", doc)])
    assert codes(result.findings) == ["REF001", "REF001"]
    assert [w[2] for w in where(result.findings, "REF001")] == [
        "/flows/0/source",
        "/flows/0/target",
    ]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (
            "budget_vnd",
            2**70,
            "'budget_vnd' must be at most 10000000000000000, not 1180591620717411303424",
        ),
        ("budget_vnd", -(2**64), "'budget_vnd' must be at least 0, not -18446744073709551616"),
    ],
)
def test_integers_beyond_64_bits_in_budget_are_sch013(
    tmp_path: Path, field: str, value: int, message: str
) -> None:
    """budget_vnd beyond 64 bits is SCH013 with the exact bound and value, at the field."""
    doc = document(
        agencies=[agency("ag")], investments=[{"id": "i", "name": "n", "owner": "ag", field: value}]
    )
    result = load([write_json(tmp_path / "int.json", doc)])
    assert [(f.code, f.message.en) for f in result.findings] == [("SCH013", message)]
    assert where(result.findings, "SCH013")[0][2] == f"/investments/0/{field}"


def test_integers_beyond_64_bits_elsewhere(tmp_path: Path) -> None:
    """Huge integers: security_level SCH013, a name SCH012, format_version SCH014, 5000 digits
    SCH004; nothing overflows."""
    big = 2**65
    doc = document(
        agencies=[agency("ag", big)],
        systems=[{"id": "s", "name": "S", "owner": "ag", "security_level": big}],
    )
    result = load([write_json(tmp_path / "ints.json", doc)])
    assert sorted((f.code, f.location.pointer) for f in result.findings if f.location) == [
        ("SCH012", "/agencies/0/name"),
        ("SCH013", "/systems/0/security_level"),
    ]
    version = load([_yaml(tmp_path, "v.yaml", f"format_version: {2**64 + 1}")])
    assert codes(version.findings) == ["SCH014"]
    digits = load([_yaml(tmp_path, "d.yaml", "format_version: 1", "x: " + "9" * 5000)])
    assert [(f.code, f.message.en) for f in digits.findings] == [
        ("SCH004", "A number has more than 4300 digits.")
    ]


@pytest.mark.parametrize(
    ("raw", "name", "line", "column"),
    [
        (b'{"format_version": 1, "x": NaN}', "nan.json", 1, 28),
        (b'{"format_version": 1, "x": [1, Infinity]}', "inf.json", 1, 32),
        (b'{"format_version": 1, "x": -Infinity}', "minf.json", 1, 28),
        (b'{"format_version": 1, "x": 1e999}', "overflow.json", 1, 28),
        (b"format_version: 1\nx: .nan\n", "nan.yaml", 2, 4),
        (b"format_version: 1\nx: -.inf\n", "inf.yaml", 2, 4),
    ],
)
def test_non_finite_numbers_are_sch006(
    tmp_path: Path, raw: bytes, name: str, line: int, column: int
) -> None:
    """NaN and Infinity (JSON tokens, overflowing floats, YAML .nan/.inf) are SCH006, located."""
    path = tmp_path / name
    path.write_bytes(raw)
    result = load([path])
    assert [(f.code, f.location.line, f.location.column) for f in result.findings] == [
        ("SCH006", line, column)
    ]


MARKER = "vndgaf-pwned-marker"


@pytest.mark.parametrize(
    ("tag", "shown"),
    [
        (f"!!python/object/apply:os.system ['touch {MARKER}']", "!!python/object/apply:os.system"),
        ("!!python/name:os.system", "!!python/name:os.system"),
        ("!!python/object:builtins.dict {}", "!!python/object:builtins.dict"),
        ("!binary aGVsbG8=", "!binary"),
        ("!!binary aGVsbG8=", "!!binary"),
        ("!Ref other-system", "!Ref"),
        ("!!set {a, b}", "!!set"),
        ("!<tag:yaml.org,2002:python/none> x", "!!python/none"),
    ],
)
def test_unsafe_yaml_tags_are_rejected_and_nothing_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tag: str, shown: str
) -> None:
    """Every non-core tag is SCH003 at the tag; os.system is never called; no file appears."""
    calls: list[object] = []
    monkeypatch.setattr(os, "system", lambda *a: calls.append(a) or 0)
    monkeypatch.chdir(tmp_path)
    path = _yaml(tmp_path, "tag.yaml", "format_version: 1", f"x: {tag}")
    result = load([path])
    assert [(f.code, f.location.line, f.location.column) for f in result.findings] == [
        ("SCH003", 2, 4)
    ]
    assert f"The tag {shown} is not allowed" in result.findings[0].message.en
    assert calls == []
    assert not (tmp_path / MARKER).exists()


def test_unsafe_tag_through_the_cli_creates_nothing(tmp_path: Path) -> None:
    """`vndgaf check` on !!python/object/apply exits 1 with SCH003 and runs nothing."""
    path = _yaml(
        tmp_path,
        "evil.yaml",
        "format_version: 1",
        f"x: !!python/object/apply:os.system ['touch {MARKER}']",
    )
    run = run_cli(["check", str(path)], cwd=tmp_path)
    assert run.code == 1
    assert f"{path}:2:4: SCH003" in run.text
    assert not (tmp_path / MARKER).exists()


@pytest.mark.parametrize(
    ("raw", "finding"),
    [
        (b"", ("SCH001", 1, 1, "The file is empty: it holds no document.")),
        (b"# only a comment\n", ("SCH001", 1, 1, "The file is empty: it holds no document.")),
        (b"   \n\n", ("SCH001", 1, 1, "The file is empty: it holds no document.")),
        (
            b"format_version: 1\n---\nformat_version: 1\n",
            ("SCH001", 2, 1, "A file must hold one document only; a second document starts here."),
        ),
        (b"~\n", ("SCH012", 1, 1, "field 'document' must be a mapping, not null (None)")),
        (b"---\n", ("SCH012", 2, 1, "field 'document' must be a mapping, not null (None)")),
        (
            b"- 1\n- 2\n",
            ("SCH012", 1, 1, "field 'document' must be a mapping, not a list ([1, 2])"),
        ),
    ],
)
def test_odd_documents_are_one_located_finding(
    tmp_path: Path, raw: bytes, finding: tuple[str, int, int, str]
) -> None:
    """Empty, comment-only, two-document, null and list documents give exactly one finding."""
    path = tmp_path / "odd.yaml"
    path.write_bytes(raw)
    result = load([path])
    assert [
        (f.code, f.location.line, f.location.column, f.message.en)
        for f in result.findings
        if f.location
    ] == [finding]


def test_null_json_document_is_not_silently_accepted(tmp_path: Path) -> None:
    """A JSON file holding just `null` is SCH012 (it used to load as an empty submission)."""
    path = tmp_path / "null.json"
    path.write_bytes(b"null")
    assert codes(load([path]).findings) == ["SCH012"]


def test_a_directory_given_as_a_file(tmp_path: Path) -> None:
    """parse_file on a directory raises InputError; the CLI says so in one line with exit 2."""
    folder = tmp_path / "looks-like.yaml"
    folder.mkdir()
    with pytest.raises(InputError, match="is a directory, not a file"):
        parse_file(folder)
    line = one_line_error(run_cli(["check", str(folder)]))
    assert line == (
        f"vndgaf: error: {folder.as_posix()}: no submission file (.yaml, .yml or .json) found"
    )


def test_special_files_are_refused(tmp_path: Path) -> None:
    """A FIFO (or /dev/null) is not read: one-line error, exit 2, no hang waiting for a writer."""
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    assert one_line_error(run_cli(["validate", str(fifo)], timeout=60)) == (
        f"vndgaf: error: {fifo}: not a regular file or directory"
    )


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="running as root: chmod 000 does not stop root from reading the file",
)
def test_an_unreadable_file_is_a_one_line_error(tmp_path: Path) -> None:
    """A file without read permission: 'cannot read PATH: Permission denied', exit 2."""
    path = _yaml(tmp_path, "secret.yaml", "format_version: 1")
    path.chmod(0)
    try:
        line = one_line_error(run_cli(["validate", str(path)]))
    finally:
        path.chmod(0o644)
    assert line == f"vndgaf: error: cannot read {path}: Permission denied"


def _cycle_doc() -> dict[str, object]:
    return document(
        agencies=[
            agency("ag-a", parent="ag-b", level="provincial"),
            agency("ag-b", parent="ag-c", level="provincial"),
            agency("ag-c", parent="ag-a", level="provincial"),
            agency("ag-d", parent="ag-d", level="provincial"),
        ],
        units=[
            {"id": "u-1", "name": "Xã Một", "kind": "xa", "parent": "u-2"},
            {"id": "u-2", "name": "Xã Hai", "kind": "xa", "parent": "u-1"},
        ],
        systems=[{"id": "s", "name": "S", "owner": "ag-a"}],
    )


def test_hierarchy_cycles_are_gov003_with_locations(tmp_path: Path) -> None:
    """Agency and unit parent loops (incl. a self-parent) are GOV003 at the parent field."""
    path = write_json(tmp_path / "cycle.json", _cycle_doc())
    result = load([path])
    assert result.findings == ()
    with deadline(20):
        report = check_loaded(result)
    gov = [f for f in all_as_written(report.findings) if f.code == "GOV003"]
    assert [(f.subject, f.related, f.location.pointer if f.location else "") for f in gov] == [
        ("ag-a", ("ag-b", "ag-c"), "/agencies/0/parent"),
        ("ag-d", (), "/agencies/3/parent"),
        ("u-1", ("u-2",), "/units/0/parent"),
    ]
    assert gov[0].message.en == "parent chain loops: ag-a → ag-b → ag-c → ag-a"


def test_province_of_terminates_on_cycles(tmp_path: Path) -> None:
    """province_of and top_agency return (None / a member) on looping chains, never hang."""
    result = load([write_json(tmp_path / "cycle.json", _cycle_doc())])
    graph = build_graph(result.architecture, catalogue(), dt.date(2025, 12, 1))
    with deadline(10):
        provinces = [graph.province_of(i) for i in ("ag-a", "ag-b", "ag-d", "u-1", "s")]
        tops = {graph.top_agency(i) for i in ("ag-a", "ag-b", "ag-c")}
    assert provinces == [None, None, None, None, None]
    assert tops <= {"ag-a", "ag-b", "ag-c"}


def test_hierarchy_cycle_through_the_cli_finishes(tmp_path: Path) -> None:
    """`vndgaf check` and `vndgaf render` on a looping hierarchy finish within the timeout."""
    path = write_json(tmp_path / "cycle.json", _cycle_doc())
    run = run_cli(["check", "--format", "json", str(path)], timeout=120)
    assert run.code == 1
    sub = "vn:agency/bo-tu-phap::"  # the submitter names every element in the report
    assert [f["subject"] for f in json.loads(run.text)["findings"] if f["code"] == "GOV003"] == [
        sub + "ag-a",
        sub + "ag-d",
        sub + "u-1",
    ]
    drawn = run_cli(["render", str(path), "-o", str(tmp_path / "c.dot")], timeout=120)
    assert drawn.code == 0 and (tmp_path / "c.dot").read_text(encoding="utf-8").startswith(
        "digraph"
    )


def test_flow_from_an_element_to_itself_is_gov004(tmp_path: Path) -> None:
    """source == target is GOV004 at /target; an end listed in via is GOV004 at /via."""
    doc = document(
        agencies=[agency("ag")],
        systems=[{"id": "s", "name": "S", "owner": "ag"}, {"id": "t", "name": "T", "owner": "ag"}],
        platforms=[{"id": "p", "name": "P", "owner": "ag"}],
        flows=[
            {"id": "f-self", "source": "s", "target": "s"},
            {"id": "f-via", "source": "s", "target": "p", "via": ["p"]},
        ],
    )
    result = load([write_json(tmp_path / "self.json", doc)])
    assert result.findings == ()
    gov = [f for f in all_as_written(check_loaded(result).findings) if f.code == "GOV004"]
    assert [(f.subject, f.location.pointer if f.location else "", f.message.en) for f in gov] == [
        ("f-self", "/flows/0/target", "flow 'f-self' goes from 'S' to itself"),
        ("f-via", "/flows/1/via", "flow 'f-via' lists one of its own ends in via"),
    ]
