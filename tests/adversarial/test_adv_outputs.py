"""Every file the CLI writes is written atomically; inputs are never touched; bad targets fail."""

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from advkit import one_line_error, run_cli

from vndgaf.cli._output import target, write
from vndgaf.exchange import to_archimate
from vndgaf.load import load

# Runs the command line in subprocesses: `make quick` leaves it out, `make test` runs it.
pytestmark = pytest.mark.slow

EXAMPLE = Path(__file__).parents[2] / "examples" / "tuyen-quang"


def snapshot(root: Path) -> dict[str, str]:
    """Relative path -> SHA-256 of every file under ``root`` (hidden ones included)."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def temporaries(root: Path) -> list[str]:
    """Leftover temporary files of the CLI (``.NAME.XXXX.tmp``) under ``root``."""
    return sorted(p.name for p in root.rglob("*.tmp"))


@pytest.fixture
def workspace(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the Tuyên Quang example (the input) and an empty output directory."""
    source = tmp_path / "in"
    shutil.copytree(EXAMPLE, source)
    archimate = tmp_path / "model.xml"
    archimate.write_text(to_archimate(load([EXAMPLE]).architecture), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    return source, out


def _commands(source: Path, out: Path) -> list[tuple[list[str], list[str]]]:
    """(arguments, files it must create in ``out``) for every writing command."""
    src = str(source)
    xml = str(source.parent / "model.xml")
    return [
        (["check", src, "-o", str(out / "r.txt")], ["r.txt"]),
        (["check", src, "--format", "sarif", "-o", str(out / "r.sarif")], ["r.sarif"]),
        (["check", src, "--format", "html", "-o", str(out / "r.html")], ["r.html"]),
        (["render", src, "-o", str(out / "d.dot")], ["d.dot"]),
        (["render", src, "-o", str(out / "d.svg")], ["d.svg"]),
        (["export", src, "--to", "yaml", "-o", str(out / "e.yaml")], ["e.yaml"]),
        (["export", src, "--to", "archimate", "-o", str(out / "e.xml")], ["e.xml"]),
        (["schema", "--write", str(out)], ["vndgaf-submission-1.schema.json"]),
        (
            ["synth", "--scale", "province:08", "--flows", "300", "-o", str(out / "s.yaml")],
            ["s.yaml", "s.yaml.defects.json"],
        ),
        (["diff", src, src, "-o", str(out / "diff.txt")], ["diff.txt"]),
        (["import", "archimate", xml, "-o", str(out / "imported.yaml")], ["imported.yaml"]),
    ]


def test_every_writing_command_leaves_exactly_its_files(workspace: tuple[Path, Path]) -> None:
    """Each command creates only its output files (no temporary left) and leaves the input
    byte-for-byte unchanged."""
    source, out = workspace
    before = snapshot(source)
    for args, files in _commands(source, out):
        run = run_cli(args)
        assert run.code in (0, 1), (args, run.err)
        for name in files:
            assert (out / name).stat().st_size > 0, args
        assert temporaries(out.parent) == [], args
        assert snapshot(source) == before, args
    expected = {name for _args, files in _commands(source, out) for name in files}
    assert set(snapshot(out)) == expected


def test_init_writes_a_tree_without_temporaries(tmp_path: Path) -> None:
    """`vndgaf init` creates its directory tree, with no temporary file anywhere in it."""
    tree = tmp_path / "new" / "tree"
    run = run_cli(["init", "--province", "08", "-o", str(tree), "--as-of", "2025-12-01"])
    assert run.code == 0, run.err
    written = snapshot(tree)
    assert "README.md" in written and any(name.endswith(".yaml") for name in written)
    assert temporaries(tmp_path) == []


def test_output_files_get_ordinary_permissions(workspace: tuple[Path, Path]) -> None:
    """A report is created with the umask's permissions (0644 under umask 022), not 0600."""
    source, out = workspace
    run = run_cli(["check", str(source), "-o", str(out / "r.txt")])
    assert run.code in (0, 1)
    assert (out / "r.txt").stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@pytest.mark.parametrize(
    "args",
    [
        ["export", "{bad}", "--to", "yaml", "-o", "{out}"],
        ["export", "{bad}", "--to", "archimate", "-o", "{out}"],
        ["render", "{src}", "--view", "province:99", "-o", "{out}"],
        ["check", "{missing}", "-o", "{out}"],
        ["synth", "--scale", "nowhere", "-o", "{out}"],
    ],
)
def test_a_failing_run_leaves_the_existing_output_untouched(
    workspace: tuple[Path, Path], args: list[str]
) -> None:
    """When a run fails before writing, an existing output keeps its bytes; no temporary stays."""
    source, out = workspace
    bad = source.parent / "bad.yaml"
    bad.write_text("format_version: 1\nagencies: [{id: a}]\n", encoding="utf-8")
    old = out / ("old.svg" if "render" in args else "old.yaml")
    old.write_bytes(b"previous content\n")
    mapping = {
        "{bad}": str(bad),
        "{src}": str(source),
        "{out}": str(old),
        "{missing}": str(source / "missing.yaml"),
    }
    run = run_cli([mapping.get(a, a) for a in args])
    one_line_error(run)
    assert old.read_bytes() == b"previous content\n"
    assert temporaries(out.parent) == []


@pytest.mark.parametrize(
    "args",
    [
        ["check", "{src}", "-o", "{dest}"],
        ["export", "{src}", "--to", "json", "-o", "{dest}"],
        ["render", "{src}", "-o", "{dest}.svg"],
        ["diff", "{src}", "{src}", "-o", "{dest}"],
        ["synth", "--scale", "province:08", "--flows", "300", "-o", "{dest}.yaml"],
    ],
)
def test_a_missing_output_directory_is_a_one_line_error(
    workspace: tuple[Path, Path], args: list[str]
) -> None:
    """An output path in a directory that does not exist: one line naming it, exit 2."""
    source, out = workspace
    dest = out / "no-such-dir" / "report"
    line = one_line_error(
        run_cli([a.replace("{src}", str(source)).replace("{dest}", str(dest)) for a in args])
    )
    assert f"output directory {out / 'no-such-dir'} does not exist" in line
    assert not (out / "no-such-dir").exists()


def test_schema_write_to_a_missing_directory(tmp_path: Path) -> None:
    """`schema --write DIR` with a missing DIR is one line, exit 2, and creates nothing."""
    line = one_line_error(run_cli(["schema", "--write", str(tmp_path / "none")]))
    assert line == f"vndgaf: error: {tmp_path / 'none'}: no such directory"
    assert list(tmp_path.iterdir()) == []


def test_write_cleans_up_when_the_rename_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the final rename fails, the temporary file is removed and the old file survives."""
    report = tmp_path / "report.txt"
    report.write_text("old\n", encoding="utf-8")

    def refuse(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    where = target(str(report))
    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(SystemExit) as stopped:
        write(where, "new text\n")
    assert stopped.value.code == 2
    assert report.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt"]


def test_write_replaces_in_one_step(tmp_path: Path) -> None:
    """write replaces an existing file's content entirely (bytes, str and chunks)."""
    data = tmp_path / "x.bin"
    data.write_bytes(b"0" * 1000)
    write(target(str(data)), b"\x00\x01")
    assert data.read_bytes() == b"\x00\x01"
    write(target(str(data)), "đ")
    assert data.read_bytes() == "đ".encode()
    write(target(str(data)), iter(["a", "đ", "b"]))
    assert data.read_bytes() == "ađb".encode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.bin"]
