"""The bundled examples give a reviewed, stable set of findings (snapshot).

Set VNDGAF_UPDATE_GOLDEN=1 to rewrite the snapshot after reviewing a change in the rules.
"""

import os
from pathlib import Path

import pytest

from vndgaf.engine import check

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden"


def _snapshot(example: str) -> str:
    report = check([ROOT / "examples" / example])
    lines = []
    for f in report.findings:
        loc = f.location
        where = (
            f"{Path(loc.path).relative_to(ROOT).as_posix()}:{loc.line}:{loc.column}" if loc else "-"
        )
        lines.append(f"{where} {f.code} {f.severity.value} {f.subject} | {f.message.en}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("example", ["tuyen-quang", "bo-tu-phap"])
def test_example_findings_snapshot(example: str) -> None:
    """Findings of each example equal the reviewed snapshot."""
    golden = GOLDEN / f"{example}.findings.txt"
    text = _snapshot(example)
    if os.environ.get("VNDGAF_UPDATE_GOLDEN") == "1":
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_provincial_example_shows_every_family() -> None:
    """The provincial example demonstrates STR, IOP, RED and DAT findings."""
    families = {f.family for f in check([ROOT / "examples" / "tuyen-quang"]).findings}
    assert {"STR", "IOP", "RED", "DAT"} <= families


def test_ministry_example_is_clean() -> None:
    """The ministry example is written as a compliant exemplar: no finding at all."""
    assert check([ROOT / "examples" / "bo-tu-phap"]).findings == ()
