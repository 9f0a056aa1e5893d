"""Bounded command-line arguments: every numeric option has a documented range, and a value
outside it is one line on standard error (exit 2), before any work or output."""

from pathlib import Path

import pytest
from advkit import one_line_error, run_cli

from vndgaf.synth import MAX_DEFECTS, MAX_FLOWS, defect_count, parse_scale, synthesize


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--defects", "99999999999"], f"expected a count from 0 to {MAX_DEFECTS} or a fraction"),
        (["--defects", "nan"], "'--defects': expected a count"),
        (["--defects", "-1"], "'--defects': expected a count"),
        (["--defects", "2.5"], "'--defects': expected a count"),
        (["--defects", "1e400"], "'--defects': expected a count"),
        (["--flows", "99999999999"], f"is not in the range 0<=x<={MAX_FLOWS}"),
        (["--flows", "-1"], f"is not in the range 0<=x<={MAX_FLOWS}"),
        (["--seed", str(2**64)], "'--seed': 18446744073709551616 is not in the range"),
        (["--scale", "national*21"], "the scale factor must be from 1 to 20, not 21"),
        (["--scale", "national*0"], "the scale factor must be from 1 to 20, not 0"),
    ],
)
def test_synth_refuses_a_number_out_of_range_in_one_line(
    tmp_path: Path, args: list[str], says: str
) -> None:
    run = run_cli(["synth", *args, "-o", "out.json"], cwd=tmp_path, memory=1024**3, timeout=60)
    assert says in one_line_error(run)
    assert list(tmp_path.iterdir()) == []


def test_the_ranges_are_in_the_help() -> None:
    text = " ".join(run_cli(["synth", "--help"]).text.split())
    assert f"0<=x<={MAX_FLOWS}" in text
    assert f"at most {MAX_DEFECTS}" in text
    assert "FACTOR from 1 to 20" in text
    assert "-9223372036854775808<=x<=9223372036854775807" in text


def test_the_library_checks_the_same_ranges() -> None:
    with pytest.raises(ValueError, match="flows must be from 0 to"):
        synthesize(flows=MAX_FLOWS + 1)
    with pytest.raises(ValueError, match="signed 64-bit"):
        synthesize(seed=2**63)
    with pytest.raises(ValueError, match=f"count from 0 to {MAX_DEFECTS}"):
        defect_count(MAX_DEFECTS + 1, 1000)
    with pytest.raises(ValueError, match="from 1 to 20"):
        parse_scale("province:08*21")
    assert defect_count(MAX_DEFECTS, 1000) == MAX_DEFECTS
