"""Every result of every command, in every format, pinned on the bundled examples, the broken
examples and a synthetic national model (snapshots).

A refactor must leave these bytes unchanged; a deliberate change of output re-generates them
with ``VNDGAF_UPDATE_GOLDEN=1 pytest tests/snapshots`` and shows the change in review (``git diff
tests/snapshots/golden``). Each command runs in-process through click, in a copy of the examples,
with relative paths, so the snapshots do not depend on where the repository lives.

The national model is large: its outputs are pinned by SHA-256 digest, next to a readable summary
(the number of findings per rule) so that a change can still be understood from the diff.
"""

import collections
import hashlib
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from vndgaf.cli import main

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("VNDGAF_UPDATE_GOLDEN") == "1"

TQ = "tuyen-quang"
BTP = "bo-tu-phap"
BROKEN = sorted(
    f"broken/{p.name}" for p in (ROOT / "examples" / "broken").iterdir() if p.suffix == ".yaml"
)

# name -> (arguments, output file or None for standard output)
Case = tuple[list[str], str | None]


def _cases() -> dict[str, Case]:
    cases: dict[str, Case] = {}
    for lang in ("en", "vi"):
        for fmt in ("text", "json"):
            cases[f"validate-examples-{fmt}-{lang}.{fmt}"] = (
                ["validate", "--format", fmt, "--lang", lang, TQ, BTP],
                None,
            )
        for fmt, ext in (
            ("text", "txt"),
            ("json", "json"),
            ("sarif", "sarif"),
            ("markdown", "md"),
            ("html", "html"),
        ):
            pairs = (("tq", [TQ]), ("btp", [BTP]), ("both", [TQ, BTP]))
            # SARIF and HTML carry every rule's documentation: pinned once, on both examples.
            for name, inputs in pairs if fmt not in ("sarif", "html") else pairs[2:]:
                cases[f"check-{name}-{fmt}-{lang}.{ext}"] = (
                    ["check", "--format", fmt, "--lang", lang, *inputs],
                    None,
                )
        cases[f"diff-text-{lang}.txt"] = (["diff", "--lang", lang, TQ, f"{TQ}-v2"], None)
        cases[f"rule-IOP001-{lang}.txt"] = (["rule", "IOP001", "--lang", lang], None)
        cases[f"rules-json-{lang}.json"] = (["rules", "--format", "json", "--lang", lang], None)
    cases["diff-json.json"] = (["diff", "--format", "json", TQ, f"{TQ}-v2"], None)
    cases["check-v2-json.json"] = (["check", "--format", "json", f"{TQ}-v2"], None)
    for broken in BROKEN:
        stem = Path(broken).stem
        cases[f"validate-broken-{stem}.txt"] = (["validate", broken], None)
        # A file without a submission block is checked as of today: pin the date.
        cases[f"check-broken-{stem}-json.json"] = (
            ["check", "--format", "json", "--as-of", "2025-11-15", broken],
            None,
        )
    for fmt, ext in (("archimate", "xml"), ("mermaid", "mmd"), ("graphml", "graphml")):
        cases[f"export-both-{fmt}.{ext}"] = (["export", "--to", fmt, TQ, BTP], None)
    for fmt in ("yaml", "json"):  # several submissions go to a folder (tests/multi)
        cases[f"export-tq-{fmt}.{fmt}"] = (["export", "--to", fmt, TQ], None)
    views = {
        "overview": "overview",
        "province-08": "province:08",
        "agency": "agency:ubnd-tuyen-quang",
        "entity": "entity:vn:entity/person",
        "impact": "impact:lgsp-tuyen-quang",
    }
    for label, view in views.items():
        for lang in ("vi", "en"):
            cases[f"render-{label}-{lang}.dot"] = (
                ["render", "--view", view, "--lang", lang, "-o", "@out", TQ, BTP],
                "out.dot",
            )
    cases["render-overview-highlight.dot"] = (
        ["render", "--highlight", "--lang", "vi", "-o", "@out", TQ, BTP],
        "out.dot",
    )
    cases["render-overview-expand.dot"] = (
        ["render", "--expand", "--lang", "vi", "-o", "@out", TQ],
        "out.dot",
    )
    return cases


CASES = _cases()


def _run(workdir: Path, args: list[str], output: str | None) -> bytes:
    """Run one command in ``workdir``; return its exit code and output as one byte string."""
    previous = Path.cwd()
    os.chdir(workdir)
    try:
        argv = [output if a == "@out" else a for a in args]
        run = CliRunner().invoke(main, argv, catch_exceptions=False)
        body = Path(output).read_bytes() if output else run.stdout_bytes
        if output:
            Path(output).unlink()
    finally:
        os.chdir(previous)
    return f"exit {run.exit_code}\n".encode() + body


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the examples, so that every path in every output is relative and stable."""
    base = tmp_path_factory.mktemp("snap") / "examples"
    shutil.copytree(ROOT / "examples", base)
    return base


def _compare(golden: Path, actual: bytes) -> None:
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(actual)
    assert golden.exists(), f"no snapshot {golden.name}: run with VNDGAF_UPDATE_GOLDEN=1"
    assert actual == golden.read_bytes(), f"{golden.name} changed (see the module docstring)"


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(CASES))
def test_example_output_snapshot(workdir: Path, name: str) -> None:
    """The output of this command on the examples equals its reviewed snapshot."""
    args, output = CASES[name]
    _compare(GOLDEN / "examples" / name, _run(workdir, args, output))


NATIONAL_CASES: dict[str, Case] = {
    "check-text": (["check", "@model"], None),
    "check-json": (["check", "--format", "json", "@model"], None),
    "check-sarif": (["check", "--format", "sarif", "@model"], None),
    "check-markdown": (["check", "--format", "markdown", "--lang", "vi", "@model"], None),
    "check-html": (["check", "--format", "html", "@model"], None),
    "validate-json": (["validate", "--format", "json", "@model"], None),
    "render-overview": (
        ["render", "--highlight", "--lang", "vi", "-o", "@out", "@model"],
        "out.dot",
    ),
    "render-province-08": (
        ["render", "--view", "province:08", "--lang", "vi", "-o", "@out", "@model"],
        "out.dot",
    ),
    "export-yaml": (["export", "--to", "yaml", "@clean"], None),
    "export-archimate": (["export", "--to", "archimate", "@clean"], None),
    "export-mermaid": (["export", "--to", "mermaid", "@clean"], None),
    "export-graphml": (["export", "--to", "graphml", "@clean"], None),
}


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small synthetic national model (34 provinces) with injected defects, and a clean one."""
    base = tmp_path_factory.mktemp("national")
    for name, defects in (("model.json", "20"), ("clean.json", "0")):
        args = ["synth", "--scale", "national", "--flows", "8000", "--seed", "11"]
        run = CliRunner().invoke(main, [*args, "--defects", defects, "-o", str(base / name)])
        assert run.exit_code == 0, run.output
    return base


def _national_outputs(base: Path) -> Iterator[tuple[str, bytes]]:
    for name, (args, output) in sorted(NATIONAL_CASES.items()):
        argv = [{"@model": "model.json", "@clean": "clean.json"}.get(a, a) for a in args]
        yield name, _run(base, argv, output)


@pytest.mark.slow
def test_national_output_digests(national: Path) -> None:
    """Every output on the synthetic national model has its reviewed digest; the findings per
    rule are kept readable beside the digests."""
    digests = {name: hashlib.sha256(body).hexdigest() for name, body in _national_outputs(national)}
    report = json.loads(
        _run(national, ["check", "--format", "json", "model.json"], None).split(b"\n", 1)[1]
    )
    per_rule = collections.Counter(f["code"] for f in report["findings"])
    actual = json.dumps(
        {"findings_per_rule": dict(sorted(per_rule.items())), "sha256": digests},
        indent=2,
        ensure_ascii=False,
    )
    _compare(GOLDEN / "national.json", (actual + "\n").encode())
