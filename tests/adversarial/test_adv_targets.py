"""Where ``-o`` may write: never onto an input, never through a link, a FIFO or a device, never
over a read-only file; streams are written through; a signal leaves no temporary file."""

import errno
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from advkit import one_line_error, run_cli

from vndgaf.cli._interrupt import Interrupted, handled
from vndgaf.cli._output import target, write, write_tree

# Runs the command line in subprocesses: `make quick` leaves it out, `make test` runs it.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "examples" / "tuyen-quang"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def leftovers(root: Path) -> list[str]:
    """Temporary files or directories of the CLI (``.NAME.XXXX.tmp``) anywhere under ``root``."""
    return sorted(p.name for p in root.rglob("*.tmp"))


@pytest.fixture
def sub(tmp_path: Path) -> Path:
    """A copy of the Tuyên Quang example."""
    folder = tmp_path / "sub"
    shutil.copytree(EXAMPLE, folder)
    return folder


# -- never onto an input ------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["check", "{file}", "-o", "{file}"],
        ["check", "{dir}", "-o", "{file}"],
        ["check", "{dir}", "--format", "json", "-o", "{dir}/../sub/agencies.yaml"],
        ["validate", "{file}"],  # no -o at all: the control case, exits 1 or 0
        ["export", "{file}", "--to", "yaml", "-o", "{file}"],
        ["export", "{dir}", "--to", "json", "-o", "{dir}/../sub/agencies.yaml"],
        ["diff", "{file}", "{dir}", "-o", "{file}"],
        ["render", "{dot}", "-o", "{dot}"],
        ["import", "archimate", "{xml}", "-o", "{xml}"],
    ],
)
def test_an_input_is_never_overwritten(sub: Path, args: list[str]) -> None:
    """`-o` naming an input of the same run, however spelt, is one line and exit 2, and the
    input keeps its bytes."""
    file = sub / "agencies.yaml"
    dot = sub.parent / "diagram.dot"
    dot.write_text("digraph { a -> b }\n", encoding="utf-8")
    xml = sub.parent / "model.xml"
    xml.write_text("<model/>\n", encoding="utf-8")
    before = {p: digest(p) for p in (file, dot, xml)}
    mapping = {"{file}": str(file), "{dir}": str(sub), "{dot}": str(dot), "{xml}": str(xml)}
    run = run_cli([_expand(a, mapping) for a in args])
    if "-o" in args:
        line = one_line_error(run)
        assert "is an input of this run" in line
        assert "never overwrites it" in line
    else:
        assert run.code in (0, 1)
    assert {p: digest(p) for p in before} == before
    assert leftovers(sub.parent) == []


def _expand(arg: str, mapping: dict[str, str]) -> str:
    for key, value in mapping.items():
        arg = arg.replace(key, value)
    return arg


def test_a_hard_link_to_an_input_is_an_input(sub: Path) -> None:
    """A second name for an input file (a hard link) is recognised by device and inode."""
    other = sub.parent / "other-name.yaml"
    os.link(sub / "flows.yaml", other)
    before = digest(other)
    line = one_line_error(run_cli(["check", str(sub), "-o", str(other)]))
    assert f"({sub / 'flows.yaml'})" in line
    assert digest(other) == before


def test_an_input_found_in_a_directory_is_protected_too(sub: Path) -> None:
    """A file discovered inside an input directory is an input: the check runs after loading
    and still refuses before anything is written."""
    flows = sub / "flows.yaml"
    before = digest(flows)
    line = one_line_error(run_cli(["export", str(sub), "--to", "yaml", "-o", str(flows)]))
    assert "is an input of this run" in line
    assert digest(flows) == before


# -- targets that are not plain writable files ----------------------------------------------


def _long_name(folder: Path) -> Path:
    return folder / ("x" * 260 + ".txt")


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda d: _read_only(d / "ro.txt"), "is read-only"),
        (lambda d: _fifo(d / "pipe"), "is a named pipe (FIFO)"),
        (lambda d: _long_name(d), "file name too long"),
        (lambda d: _symlink(d / "link.txt", d / "real.txt"), "is a symbolic link"),
        (lambda d: _symlink(d / "dangling.txt", d / "missing.txt"), "is a symbolic link"),
        (lambda d: d, "is a directory"),
        (lambda d: Path("/dev/zero"), "is a device"),
        (lambda d: Path("/sys/vndgaf-report.txt"), "cannot create a file in /sys"),
        (lambda d: d / "missing" / "r.txt", "does not exist"),
    ],
    ids=[
        "read-only",
        "fifo",
        "too-long",
        "symlink",
        "dangling-symlink",
        "directory",
        "device",
        "unwritable-folder",
        "missing-folder",
    ],
)
def test_unusable_targets_are_one_line_errors(
    sub: Path, tmp_path: Path, make: object, expected: str
) -> None:
    """Each bad target: exit 2, one line saying why, nothing replaced, no temporary file."""
    out = tmp_path / "out"
    out.mkdir()
    dest = make(out)  # type: ignore[operator]
    before = {p: p.lstat() for p in out.iterdir()}
    line = one_line_error(run_cli(["check", str(sub), "-o", str(dest)], timeout=120))
    assert expected in line
    after = {p: p.lstat() for p in out.iterdir()}
    assert {p: (s.st_ino, s.st_mode, s.st_size) for p, s in after.items()} == {
        p: (s.st_ino, s.st_mode, s.st_size) for p, s in before.items()
    }
    assert leftovers(out) == []


def _read_only(path: Path) -> Path:
    path.write_text("keep me\n", encoding="utf-8")
    path.chmod(0o444)
    return path


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _symlink(link: Path, to: Path) -> Path:
    if to.name == "real.txt":
        to.write_text("the file the link points to\n", encoding="utf-8")
    link.symlink_to(to)
    return link


def test_the_file_behind_a_symlink_is_untouched(sub: Path, tmp_path: Path) -> None:
    """A link planted where a report is expected (e.g. committed to a repository) is refused:
    the file it points to keeps its bytes."""
    secret = tmp_path / "secret.txt"
    secret.write_text("do not overwrite\n", encoding="utf-8")
    (tmp_path / "report.sarif").symlink_to(secret)
    one_line_error(
        run_cli(["check", str(sub), "--format", "sarif", "-o", str(tmp_path / "report.sarif")])
    )
    assert secret.read_text(encoding="utf-8") == "do not overwrite\n"
    assert (tmp_path / "report.sarif").is_symlink()


def test_schema_write_refuses_a_planted_link(tmp_path: Path) -> None:
    """`schema --write DIR` where DIR's schema file is a link: refused, the link's target kept."""
    secret = tmp_path / "elsewhere.json"
    secret.write_text("{}\n", encoding="utf-8")
    folder = tmp_path / "schemas"
    folder.mkdir()
    (folder / "vndgaf-submission-1.schema.json").symlink_to(secret)
    line = one_line_error(run_cli(["schema", "--write", str(folder)]))
    assert "is a symbolic link" in line
    assert secret.read_text(encoding="utf-8") == "{}\n"


# -- streams are written through --------------------------------------------------------------


@pytest.mark.parametrize("name", ["-", "/dev/stdout"])
def test_standard_output_by_name(sub: Path, name: str) -> None:
    """`-o -` and `-o /dev/stdout` print exactly what no `-o` prints; /dev/stdout survives."""
    plain = run_cli(["check", str(sub), "--format", "json"])
    named = run_cli(["check", str(sub), "--format", "json", "-o", name])
    assert named.code == plain.code == 1
    assert named.out == plain.out and plain.out.startswith(b"{")
    assert Path("/dev/stdout").is_symlink() or not Path("/dev/stdout").is_file()


def test_dev_null_is_written_through_not_replaced(sub: Path) -> None:
    """`-o /dev/null` discards the report, keeps the exit code and leaves /dev/null a device."""
    run = run_cli(["check", str(sub), "-o", "/dev/null"])
    assert run.code == 1 and run.out == b"" and run.err == ""
    assert Path("/dev/null").is_char_device()


def test_an_open_descriptor_is_written_through(sub: Path) -> None:
    """`-o /dev/fd/N` (what bash's `>(…)` gives) writes into the pipe the caller opened."""
    read_end, write_end = os.pipe()
    args = ["check", str(sub), "--format", "json", "-o", f"/dev/fd/{write_end}"]
    with os.fdopen(read_end, "rb") as pipe:
        try:
            done = subprocess.run(
                [sys.executable, "-m", "vndgaf", *args],
                pass_fds=(write_end,),
                capture_output=True,
                timeout=120,
                check=False,
            )
        finally:
            os.close(write_end)
        received = pipe.read()
    assert done.returncode == 1, done.stderr
    assert done.stdout == b""
    assert received.startswith(b"{") and b'"findings"' in received


# -- usage errors are one line --------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["nosuch"], "no such command 'nosuch' (see 'vndgaf --help')"),
        (["check", "--format", "bogus", "x"], "invalid value for '--format'"),
        (["render", "x.yaml"], "missing option '-o' / '--output' (see 'vndgaf render --help')"),
        (["export", "x.yaml"], "missing option '--to'. Choose from: yaml, json, archimate"),
        (["check", "--as-of", "2025-13-01", "x"], "'2025-13-01' does not match the format"),
        (["synth", "--flows", "-1", "-o", "x.yaml"], "-1 is not in the range 0<=x<=2000000"),
        (
            ["synth", "--defects", "abc", "-o", "x.yaml"],
            "a count from 0 to 100000 or a fraction in [0, 1), not 'abc'",
        ),
        (["check", "--bogus"], "no such option"),  # click < 8.4 adds ":", 8.4 quotes
        (["rule"], "missing argument 'CODE'"),
        (["diff", "a"], "missing argument 'NEW'"),
        (["units", "resolve"], "missing argument 'NAME_OR_CODE...'"),
        (["reference", "nope"], "'nope' is not one of 'provinces'"),
    ],
)
def test_usage_errors_are_one_line(args: list[str], expected: str) -> None:
    """Every mistake on the command line: `vndgaf: error: …` on one line, exit 2, no stdout."""
    run = run_cli(args)
    line = one_line_error(run)
    assert expected in line
    assert run.out == b""


def test_help_is_still_help() -> None:
    """`vndgaf` alone and `--help` print the help on stdout and exit 0."""
    for args in ([], ["--help"], ["check", "-h"]):
        run = run_cli(args)
        assert run.code == 0 and run.text.startswith("Usage: vndgaf")


# -- interruption -----------------------------------------------------------------------------


def _chunks_that_signal(sig: int) -> Iterator[str]:
    """Output chunks; halfway through, the process sends itself ``sig``."""
    for index in range(200):
        if index == 100:
            os.kill(os.getpid(), sig)
        yield f"line {index}\n" * 100


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP])
def test_a_signal_during_a_write_leaves_the_old_file(tmp_path: Path, sig: int) -> None:
    """A real signal delivered in the middle of a write raises Interrupted (exit 128+n), the
    temporary file is removed and the old file keeps its bytes."""
    report = tmp_path / "report.txt"
    report.write_text("old report\n", encoding="utf-8")
    with pytest.raises(Interrupted) as stopped, handled():
        write(target(str(report)), _chunks_that_signal(sig))
    assert stopped.value.exit_code == 128 + sig
    assert report.read_text(encoding="utf-8") == "old report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt"]


def test_a_signal_while_a_tree_is_built_leaves_nothing(tmp_path: Path) -> None:
    """`init`'s tree is built aside: a signal midway leaves no directory and no temporary."""

    class Signalling(dict[str, str]):
        def items(self):  # type: ignore[no-untyped-def, override]
            for index, pair in enumerate(super().items()):
                if index == 2:
                    os.kill(os.getpid(), signal.SIGTERM)
                yield pair

    files = Signalling({f"f{n}.yaml": "x: 1\n" for n in range(5)})
    with pytest.raises(Interrupted), handled():
        write_tree(str(tmp_path / "new" / "tree"), files, force=False)
    assert list(tmp_path.iterdir()) == []


# The child slows os.fsync down, so that the signal surely arrives while the temporary file is
# complete but not yet renamed: the worst moment.
_SLOW_WRITE = """
import os, sys, time
real_fsync = os.fsync
def slow_fsync(fd):
    time.sleep(30)
    real_fsync(fd)
os.fsync = slow_fsync
from vndgaf.cli import main
main(args=sys.argv[1:], prog_name="vndgaf")
"""


@pytest.mark.parametrize(
    ("sig", "code", "name"),
    [
        (signal.SIGTERM, 143, "SIGTERM"),
        (signal.SIGINT, 130, "SIGINT"),
        (signal.SIGHUP, 129, "SIGHUP"),
    ],
)
def test_the_command_line_exits_128_plus_the_signal(
    sub: Path, tmp_path: Path, sig: int, code: int, name: str
) -> None:
    """SIGTERM (and SIGINT, SIGHUP) during a write: exit 143 (130, 129), one line, no `.tmp`
    file, and the previous output intact."""
    out = tmp_path / "out"
    out.mkdir()
    report = out / "report.json"
    report.write_text("previous report\n", encoding="utf-8")
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            _SLOW_WRITE,
            "check",
            str(sub),
            "--format",
            "json",
            "-o",
            str(report),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    while not leftovers(out):
        assert child.poll() is None, child.communicate()
        assert time.monotonic() < deadline, "the write never started"
        time.sleep(0.01)
    child.send_signal(sig)
    stdout, stderr = child.communicate(timeout=60)
    assert child.returncode == code, stderr
    assert stderr.decode().splitlines() == [f"vndgaf: interrupted ({name})"]
    assert stdout == b""
    assert report.read_text(encoding="utf-8") == "previous report\n"
    assert leftovers(out) == []


@pytest.mark.parametrize("existing", [False, True], ids=["new-directory", "existing-directory"])
def test_init_on_a_full_disk_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, existing: bool
) -> None:
    """`init` when the disk fills up at the third file (simulated ENOSPC): exit 2, one line,
    and no half-made tree — neither the new directory nor files in an existing one."""
    from click.testing import CliRunner

    from vndgaf.cli import main

    tree = tmp_path / "province"
    if existing:
        tree.mkdir()
        (tree / "notes.txt").write_text("mine\n", encoding="utf-8")
    real = Path.write_bytes
    written: list[str] = []

    def filling(self: Path, data: bytes) -> int:
        written.append(self.name)
        if len(written) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", filling)
    run = CliRunner().invoke(main, ["init", "--province", "08", "-o", str(tree)])
    assert run.exit_code == 2
    assert run.stderr.splitlines() == [
        f"vndgaf: error: {tree}: cannot write: No space left on device"
    ]
    if existing:
        assert sorted(p.name for p in tree.iterdir()) == ["notes.txt"]
    else:
        assert not tree.exists()
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("unbuffered", ["", "1"], ids=["buffered", "python-u"])
def test_a_reader_that_goes_away_ends_the_run_quietly(unbuffered: str) -> None:
    """`vndgaf reference communes --format json | head -c 100`: exit 141, nothing on stderr
    (no BrokenPipeError traceback, no "Exception ignored") — also under PYTHONUNBUFFERED, where
    Python drops a partly written chunk without an error unless vndgaf buffers it again."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"}
    if unbuffered:
        env["PYTHONUNBUFFERED"] = unbuffered
    with subprocess.Popen(
        [sys.executable, "-m", "vndgaf", "reference", "communes", "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    ) as child:
        assert child.stdout is not None and child.stderr is not None
        head = child.stdout.read(100)
        child.stdout.close()
        err = child.stderr.read()
    assert head.startswith(b"{")
    assert child.returncode == 141, err
    assert err == b""


@pytest.mark.parametrize("moment", ["creating", "writing"])
def test_a_signal_at_any_moment_of_a_write_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, moment: str
) -> None:
    """A signal that arrives while the temporary file is being created (held back until the
    file is known, then delivered) or while it is written stops the run and leaves no debris
    and the old output intact."""
    report = tmp_path / "report.json"
    report.write_text("previous report\n", encoding="utf-8")
    real_mkstemp = tempfile.mkstemp

    def mkstemp_then_signal(*args: object, **kwargs: object) -> tuple[int, str]:
        made = real_mkstemp(*args, **kwargs)  # type: ignore[call-overload]
        os.kill(os.getpid(), signal.SIGTERM)
        return made  # type: ignore[no-any-return]

    def chunks_then_signal() -> Iterator[str]:
        yield "half a report"
        os.kill(os.getpid(), signal.SIGTERM)
        yield "the other half"

    if moment == "creating":
        monkeypatch.setattr(tempfile, "mkstemp", mkstemp_then_signal)
        data: str | Iterator[str] = "a new report\n"
    else:
        data = chunks_then_signal()
    with pytest.raises(Interrupted), handled():
        write(target(str(report)), data)
    assert leftovers(tmp_path) == []
    assert report.read_text(encoding="utf-8") == "previous report\n"
