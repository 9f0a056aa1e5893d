"""No locale crashes a run: UTF-8 to pipes and files, the terminal's encoding (with escapes) to a
terminal (docs/cli.md, "Encodings").

A machine without the ISO-8859-1 locale installed falls back to UTF-8 whatever ``LANG`` says, so
the tests also set ``PYTHONIOENCODING`` to what Python picks where that locale exists.
"""

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from advkit import run_cli

# Runs the command line in subprocesses: `make quick` leaves it out, `make test` runs it.
pytestmark = pytest.mark.slow

EXAMPLE = Path(__file__).parents[2] / "examples" / "tuyen-quang"
LATIN1 = {
    "LANG": "en_US.ISO-8859-1",
    "LC_ALL": "en_US.ISO-8859-1",
    "PYTHONIOENCODING": "iso-8859-1",
}


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "markdown", "html"])
def test_a_latin1_locale_gets_utf8_in_a_pipe(fmt: str) -> None:
    """`LANG=en_US.ISO-8859-1 vndgaf check examples/tuyen-quang --lang vi`: exit 1, no
    traceback, and the report in the pipe is UTF-8 with its Vietnamese intact."""
    run = run_cli(["check", str(EXAMPLE), "--lang", "vi", "--format", fmt], env=LATIN1)
    assert run.code == 1, run.err
    assert run.err == ""
    text = run.out.decode("utf-8")
    assert "Tuyên Quang" in text
    if fmt in ("json", "sarif"):
        json.loads(text)


def test_a_latin1_locale_gets_the_same_bytes_as_utf8() -> None:
    """The locale does not change a report written to a pipe."""
    args = ["check", str(EXAMPLE), "--lang", "vi", "--format", "sarif"]
    assert run_cli(args, env=LATIN1).out == run_cli(args, env={"LANG": "C.UTF-8"}).out


def test_errors_in_a_latin1_locale_are_one_line() -> None:
    """An error naming a Vietnamese path is one line, in UTF-8, in that locale too."""
    run = run_cli(["check", "không-có-tệp.yaml"], env=LATIN1)
    assert run.code == 2
    assert run.err == "vndgaf: error: không-có-tệp.yaml: no such file or directory\n"


def test_a_latin1_terminal_sees_escapes_not_a_crash() -> None:
    """To a terminal whose encoding is Latin-1, letters it has are written as they are and the
    others as visible escapes (`\\u1ea1`)."""
    leader, follower = pty.openpty()
    with subprocess.Popen(
        [sys.executable, "-m", "vndgaf", "check", str(EXAMPLE), "--lang", "vi"],
        stdout=follower,
        stderr=subprocess.PIPE,
        env={**os.environ, **LATIN1},
    ) as child:
        os.close(follower)
        received = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closes when the child exits
                break
            if not chunk:
                break
            received += chunk
        os.close(leader)
        assert child.stderr is not None
        assert child.stderr.read() == b""
    assert child.returncode == 1
    text = received.decode("iso-8859-1")
    assert "Tuy\xean Quang" in text  # ê exists in Latin-1
    assert "\\u01a1" in text  # ơ does not: escaped


@pytest.fixture
def undecodable(tmp_path: Path) -> Path:
    """A copy of the example in which one file is named with the byte 0xFF (not UTF-8)."""
    folder = tmp_path / "sub"
    folder.mkdir()
    for source in sorted(EXAMPLE.iterdir()):
        (folder / source.name).write_bytes(source.read_bytes())
    os.rename(os.fsencode(folder / "flows.yaml"), os.fsencode(folder) + b"/bad\xffname.yaml")
    return folder


FORMATS = ["text", "json", "sarif", "markdown", "html"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_file_name_that_is_not_utf8_is_shown_escaped(
    undecodable: Path, tmp_path: Path, fmt: str
) -> None:
    """`bad\\xffname.yaml`: every report format, on stdout and with -o, is valid UTF-8 without
    the raw byte, names the file with a visible escape, and SARIF gives its URI as `%FF`."""
    stdout = run_cli(["check", "--format", fmt, str(undecodable)])
    report = tmp_path / f"report.{fmt}"
    written = run_cli(["check", "--format", fmt, "-o", str(report), str(undecodable)])
    assert stdout.code == written.code == 1, stdout.err + written.err
    for data in (stdout.out, report.read_bytes()):
        assert b"\xff" not in data
        text = data.decode("utf-8")
        if fmt == "sarif":
            uris = [a["location"]["uri"] for a in json.loads(text)["runs"][0]["artifacts"]]
            assert any(uri.endswith("/bad%FFname.yaml") for uri in uris)
        elif fmt == "json":
            assert any(p.endswith("bad\udcffname.yaml") for p in json.loads(text)["inputs"])
        else:
            assert "bad\\udcffname.yaml" in text or "bad\\\\udcffname.yaml" in text


def test_validate_and_diff_name_an_undecodable_file_escaped(undecodable: Path) -> None:
    """validate (text, JSON) and diff (JSON) with the same file name: no crash, UTF-8 out."""
    for args in (["validate"], ["validate", "--format", "json"], ["diff", "--format", "json"]):
        extra = [str(undecodable)] if args[0] == "diff" else []
        run = run_cli([*args, *extra, str(undecodable)])
        assert run.code in (0, 1), run.err
        assert b"\xff" not in run.out
        run.out.decode("utf-8")
