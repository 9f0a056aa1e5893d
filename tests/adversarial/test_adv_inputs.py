"""Inputs are the files the user meant: links inside a submission directory are not followed,
special and unreadable entries are findings (never silent skips), vndgaf's own outputs are not
loaded as submissions."""

import errno
import json
import os
import shutil
import stat
from pathlib import Path

import pytest
from advkit import one_line_error, run_cli

from vndgaf.load import discover, load

# Runs the command line in subprocesses: `make quick` leaves it out, `make test` runs it.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "examples" / "tuyen-quang"
SECRET = "https://bot:ghp_TOPSECRET0123456789@github.com"


@pytest.fixture
def sub(tmp_path: Path) -> Path:
    """A copy of the Tuyên Quang example in ``tmp_path/sub``."""
    folder = tmp_path / "sub"
    shutil.copytree(EXAMPLE, folder)
    return folder


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A credentials file outside the submission."""
    path = tmp_path / "home" / ".git-credentials"
    path.parent.mkdir()
    path.write_text(SECRET + "\n", encoding="utf-8")
    return path


def codes_at(findings: object) -> list[tuple[str, str]]:
    return sorted((f.code, f.location.path) for f in findings if f.code.startswith("SCH00"))  # type: ignore[attr-defined]


# -- symbolic links -------------------------------------------------------------------------


COMMANDS = [
    ["check"],
    ["check", "--format", "json"],
    ["check", "--format", "sarif"],
    ["check", "--format", "markdown"],
    ["check", "--format", "html"],
    ["validate"],
    ["validate", "--format", "json"],
    ["export", "--to", "yaml"],
    ["diff", "{sub}"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(a) for a in COMMANDS])
def test_a_link_to_a_secret_never_reaches_any_output(
    sub: Path, secret: Path, tmp_path: Path, args: list[str]
) -> None:
    """`creds.yaml -> ~/.git-credentials` inside the submission directory: SCH007 names the
    link, and the secret appears in no output, on stdout, stderr or in a written file."""
    (sub / "creds.yaml").symlink_to(secret)
    run = run_cli([a.replace("{sub}", str(sub)) for a in args] + [str(sub)])
    everything = run.out.decode("utf-8") + run.err
    assert "TOPSECRET" not in everything
    if args[0] in ("check", "validate"):
        assert run.code == 1
        assert "SCH007" in everything and "creds.yaml" in everything
    report = tmp_path / "report.sarif"
    run_cli(["check", "--format", "sarif", "-o", str(report), str(sub)])
    assert "TOPSECRET" not in report.read_text(encoding="utf-8")
    render = tmp_path / "d.svg"
    run_cli(["render", "-o", str(render), str(sub)])
    assert "TOPSECRET" not in render.read_text(encoding="utf-8")


def test_links_are_findings_with_where_they_point(sub: Path, secret: Path) -> None:
    """A link to a file, to a directory and to nothing: one SCH007 each, at the link, saying
    where it points; a link with another suffix (a README) is not a submission: no finding."""
    (sub / "creds.yaml").symlink_to(secret)
    (sub / "shared").symlink_to(secret.parent, target_is_directory=True)
    (sub / "gone.json").symlink_to(sub / "missing.json")
    (sub / "README.md").symlink_to(secret)
    result = load([sub])
    assert codes_at(result.findings) == [
        ("SCH007", f"{sub.as_posix()}/creds.yaml"),
        ("SCH007", f"{sub.as_posix()}/gone.json"),
        ("SCH007", f"{sub.as_posix()}/shared"),
    ]
    creds = next(f for f in result.findings if f.location.path.endswith("creds.yaml"))
    assert repr(str(secret)) in creds.message.en and "--follow-symlinks" in creds.message.en
    assert all(not f.endswith(("creds.yaml", "gone.json")) for f in result.files)


def test_follow_symlinks_reads_links_and_reports_loops_and_dangling_links(
    sub: Path, tmp_path: Path
) -> None:
    """With follow_symlinks a link to another directory is read; a loop back into the tree and
    a link to nothing are SCH008 at the link, and the walk ends."""
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(EXAMPLE / "services.yaml", other / "more.yaml")
    (sub / "extra").symlink_to(other, target_is_directory=True)
    (sub / "back").symlink_to(sub, target_is_directory=True)
    (sub / "gone.yaml").symlink_to(tmp_path / "nothing.yaml")
    result = load([sub], follow_symlinks=True)
    assert f"{sub.as_posix()}/extra/more.yaml" in result.files
    assert codes_at(result.findings) == [
        ("SCH008", f"{sub.as_posix()}/back"),
        ("SCH008", f"{sub.as_posix()}/gone.yaml"),
    ]
    run = run_cli(["validate", "--follow-symlinks", str(sub)])
    assert "SCH008" in run.text and "loop" in run.text


def test_a_link_named_on_the_command_line_is_not_read_either(
    sub: Path, secret: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A PATH that is a link, or a relative PATH passing through one (`architecture/` replaced
    by a link in a pull request): SCH007 at the link, nothing read through it; with
    --follow-symlinks it is read."""
    link = tmp_path / "current"
    link.symlink_to(sub, target_is_directory=True)
    (tmp_path / "creds.yaml").symlink_to(secret)
    found = discover([link, tmp_path / "creds.yaml"])
    assert found.files == ()
    assert codes_at(found.findings) == [
        ("SCH007", (tmp_path / "creds.yaml").as_posix()),
        ("SCH007", link.as_posix()),
    ]
    monkeypatch.chdir(tmp_path)
    assert codes_at(discover(["current/agencies.yaml"]).findings) == [("SCH007", "current")]
    run = run_cli(["check", "--format", "json", "current/", "creds.yaml"], cwd=tmp_path)
    assert run.code == 1 and "TOPSECRET" not in run.text
    followed = discover([link], follow_symlinks=True)
    assert len(followed.files) == len(discover([sub]).files) > 0
    assert followed.findings == ()


def test_a_loop_named_on_the_command_line_is_one_line_when_followed(tmp_path: Path) -> None:
    """A PATH that is a loop of links: SCH007 by default; with --follow-symlinks exit 2, one
    line saying it is a loop."""
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    assert "SCH007" in run_cli(["validate", str(tmp_path / "a.yaml")]).text
    args = ["check", "--follow-symlinks", str(tmp_path / "a.yaml")]
    line = one_line_error(run_cli(args))
    assert line.endswith("a.yaml: cannot read: a loop of symbolic links")


# -- special and unreadable entries -----------------------------------------------------------


def test_fifos_sockets_and_devices_are_findings_not_hangs(sub: Path) -> None:
    """A FIFO, a socket and (as root) a device named like submission files: SCH008 each, and
    the run does not block on the FIFO; special files with other names are not submissions."""
    os.mkfifo(sub / "pipe.yaml")
    os.mkfifo(sub / "notes")
    os.mknod(sub / "sock.json", 0o600 | stat.S_IFSOCK)
    expected = [("SCH008", "pipe.yaml"), ("SCH008", "sock.json")]
    if os.geteuid() == 0:
        os.mknod(sub / "null.yml", 0o600 | stat.S_IFCHR, os.makedev(1, 3))
        expected.insert(0, ("SCH008", "null.yml"))
    run = run_cli(["validate", "--format", "json", str(sub)], timeout=60)
    found = json.loads(run.out)["findings"]
    special = [(f["code"], Path(f["location"]["path"]).name) for f in found]
    assert [pair for pair in special if pair[0] == "SCH008"] == expected
    messages = " ".join(f["message"] for f in found if f["code"] == "SCH008")
    assert "a named pipe (FIFO)" in messages and "a socket" in messages
    assert run.code == 1


def test_a_fifo_named_on_the_command_line_is_refused(tmp_path: Path) -> None:
    """A FIFO given as a PATH is not opened (it would block): one line, exit 2."""
    os.mkfifo(tmp_path / "pipe.yaml")
    line = one_line_error(run_cli(["check", str(tmp_path / "pipe.yaml")], timeout=60))
    assert line.endswith("pipe.yaml: not a regular file or directory")


def _refuse(names: set[str], real: object) -> object:
    def opener(path: object, *args: object, **kwargs: object) -> object:
        if Path(os.fsdecode(path)).name in names:  # type: ignore[arg-type]
            raise PermissionError(errno.EACCES, "Permission denied", os.fsdecode(path))  # type: ignore[arg-type]
        return real(path, *args, **kwargs)  # type: ignore[operator]

    return opener


def test_unreadable_directories_and_files_are_findings(
    sub: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A subdirectory and a file that cannot be read (as reported by the operating system):
    SCH008 each, the rest is loaded — never a silent skip (simulated: tests may run as root)."""
    locked = sub / "locked"
    locked.mkdir()
    shutil.copy(EXAMPLE / "flows.yaml", locked / "more.yaml")
    shutil.copy(EXAMPLE / "flows.yaml", sub / "secret-flows.yaml")
    monkeypatch.setattr(os, "scandir", _refuse({"locked"}, os.scandir))
    import builtins

    monkeypatch.setattr(builtins, "open", _refuse({"secret-flows.yaml"}, builtins.open))
    result = load([sub])
    assert codes_at(result.findings) == [
        ("SCH008", f"{sub.as_posix()}/locked"),
        ("SCH008", f"{sub.as_posix()}/secret-flows.yaml"),
    ]
    messages = {Path(f.location.path).name: f.message.en for f in result.findings}
    assert "Permission denied" in messages["locked"]
    assert "Permission denied" in messages["secret-flows.yaml"]
    assert f"{sub.as_posix()}/agencies.yaml" in result.files


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_directories_and_files_really(sub: Path) -> None:
    """The same with real permissions (as a user other than root)."""
    locked = sub / "locked"
    locked.mkdir()
    shutil.copy(EXAMPLE / "flows.yaml", locked / "more.yaml")
    (sub / "flows.yaml").chmod(0)
    locked.chmod(0)
    try:
        run = run_cli(["validate", str(sub)])
    finally:
        locked.chmod(0o755)
        (sub / "flows.yaml").chmod(0o644)
    assert run.code == 1
    assert f"{sub}/locked: SCH008" in run.text and f"{sub}/flows.yaml: SCH008" in run.text


# -- vndgaf's own outputs -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "name", "kind"),
    [
        (["check", "--format", "json"], "report.json", "a vndgaf JSON report"),
        (["check", "--format", "sarif"], "report.json", "a SARIF log written by vndgaf"),
        (["validate", "--format", "json"], "valid.json", "a vndgaf JSON report"),
    ],
)
def test_reports_written_into_the_directory_are_not_read_back(
    sub: Path, args: list[str], name: str, kind: str
) -> None:
    """`check DIR -o DIR/report.json` twice: the second run does not load the first report
    (a SCH009 note says so), is not refused as overwriting an input, and gives the same
    findings as a run without the report."""
    clean = run_cli(["check", "--format", "json", str(sub)])
    report = sub / name
    if args[0] == "validate":
        report.write_bytes(run_cli([*args, str(sub)]).out)
    else:
        assert run_cli([*args, "-o", str(report), str(sub)]).code == 1
    second = report if args[0] == "check" else sub / "second.json"  # the same -o again
    again = run_cli(["check", "--format", "json", "-o", str(second), str(sub)])
    assert again.code == 1, again.err
    findings = json.loads(second.read_text(encoding="utf-8"))["findings"]
    notes = [f for f in findings if f["code"] == "SCH009"]
    assert [(Path(f["location"]["path"]).name, f["severity"]) for f in notes] == [(name, "note")]
    assert kind in notes[0]["message"]
    others = [f for f in findings if f["code"] != "SCH009"]
    assert [f["fingerprint"] for f in others] == [
        f["fingerprint"] for f in json.loads(clean.out)["findings"]
    ]


def test_diffs_defects_and_schemas_are_not_read_back(sub: Path, tmp_path: Path) -> None:
    """A JSON diff, synth's list of defects and the submission schema in the directory: one
    SCH009 note each, nothing loaded from them."""
    run_cli(["diff", "--format", "json", "-o", str(sub / "changes.json"), str(sub), str(sub)])
    run_cli(["schema", "--write", str(sub)])
    synth = tmp_path / "s.yaml"
    run_cli(["synth", "--scale", "province:08", "--flows", "300", "-o", str(synth)])
    shutil.copy(tmp_path / "s.yaml.defects.json", sub / "defects.json")
    result = load([sub])
    notes = sorted(
        (Path(f.location.path).name, f.message.en) for f in result.findings if f.code == "SCH009"
    )
    assert [name for name, _ in notes] == [
        "changes.json",
        "defects.json",
        "vndgaf-submission-1.schema.json",
    ]
    assert "a vndgaf JSON diff" in notes[0][1]
    assert "a list of synthetic defects" in notes[1][1]
    assert "the vndgaf submission schema" in notes[2][1]
    assert not any(f.endswith(".json") for f in result.files)


def test_a_submission_in_json_is_still_a_submission(sub: Path) -> None:
    """A JSON submission (it has format_version) is loaded, even with keys that look like a
    report's."""
    exported = run_cli(["export", "--to", "json", str(sub)])
    other = sub.parent / "as-json"
    other.mkdir()
    (other / "all.json").write_bytes(exported.out)
    result = load([other])
    assert result.files == (f"{other.as_posix()}/all.json",)
    assert not [f for f in result.findings if f.code == "SCH009"]
