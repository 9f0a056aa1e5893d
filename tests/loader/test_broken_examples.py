"""Every deliberately broken example reports every mistake at its exact file:line:col."""

import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from vndgaf.cli import main
from vndgaf.load import load

BROKEN = Path(__file__).parents[2] / "examples" / "broken"

EXPECTED: dict[str, list[tuple[int, int, str]]] = {
    "alias-bomb.yaml": [(8, 8, "SCH004")],
    "catalogue-typo.yaml": [(8, 33, "REF003")],
    "dangling-reference.yaml": [(6, 38, "REF001"), (12, 11, "REF001")],
    "deep-wrong-type.yaml": [(12, 24, "SCH012")],
    "duplicate-id.yaml": [(6, 10, "REF002")],
    "duplicate-key.yaml": [(7, 5, "SCH002"), (8, 1, "SCH002")],
    # The submission block is declared (if wrongly): no REF006 on top of its SCH013.
    "many-errors.yaml": [
        (4, 22, "SCH013"),
        (5, 10, "SCH013"),
        (8, 25, "SCH013"),
        (13, 21, "SCH013"),
        (14, 20, "SCH013"),
        (16, 57, "SCH013"),
        (18, 36, "REF004"),
    ],
    "python-tag.yaml": [(5, 11, "SCH003")],
    "unknown-field.yaml": [(8, 5, "SCH010"), (9, 1, "SCH010")],
    "wrong-enum.yaml": [(6, 12, "SCH013"), (10, 19, "SCH013")],
}


def test_every_broken_example_is_pinned() -> None:
    """No broken example goes untested."""
    assert sorted(p.name for p in BROKEN.glob("*.yaml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_example_locations(name: str) -> None:
    """The loader reports exactly the expected codes at the expected line and column."""
    result = load([BROKEN / name])
    got = [
        (f.location.line, f.location.column, f.code)
        for f in result.findings
        if f.location is not None
    ]
    assert got == EXPECTED[name]
    assert all(f.location and f.location.path.endswith(name) for f in result.findings)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_validate_cli_exit_code_and_lines(name: str) -> None:
    """`vndgaf validate` exits 1 and prints path:line:col: CODE [severity] for each error."""
    path = str(BROKEN / name)
    run = CliRunner().invoke(main, ["validate", path])
    assert run.exit_code == 1, run.output
    assert "Traceback" not in run.output
    for line, col, code in EXPECTED[name]:
        where = f"{path}:{line}:{col}: {code} [" if line else f"{path}: {code} ["
        assert where in run.output


def test_deep_wrong_type_names_the_field_and_pointer() -> None:
    """A wrong type deep in a nested field names that field and its JSON pointer."""
    [finding] = load([BROKEN / "deep-wrong-type.yaml"]).findings
    assert "'obtained_from'" in finding.message.en
    assert "'obtained_from'" in finding.message.vi
    assert finding.location is not None
    assert finding.location.pointer == "/services/0/required_inputs/1/obtained_from"


def test_suggestions_for_typos() -> None:
    """Misspelt fields, enum values, references and catalogue ids get a suggestion."""
    messages = [
        f.message.en
        for name in (
            "unknown-field.yaml",
            "wrong-enum.yaml",
            "dangling-reference.yaml",
            "catalogue-typo.yaml",
        )
        for f in load([BROKEN / name]).findings
    ]
    assert any("did you mean 'owner'" in m for m in messages)
    assert any("did you mean 'provincial'" in m for m in messages)
    assert any("did you mean 'so-khcn'" in m for m in messages)
    assert any("did you mean 'vn:platform/ndxp'" in m for m in messages)


def test_alias_bomb_rejected_quickly_without_memory_growth() -> None:
    """The billion-laughs file is rejected as SCH004 at once (timing is reported, not asserted
    against the clock: the parser counts expanded nodes and stops)."""
    import tracemalloc

    tracemalloc.start()
    start = time.perf_counter()
    result = load([BROKEN / "alias-bomb.yaml"])
    elapsed = time.perf_counter() - start
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert [f.code for f in result.findings] == ["SCH004"]
    assert peak < 50 * 1024 * 1024, f"peak {peak} bytes after {elapsed:.2f}s"


def test_python_tag_is_never_executed(tmp_path: Path) -> None:
    """A !!python/object/apply tag is rejected and nothing is run."""
    marker = tmp_path / "pwned"
    doc = tmp_path / "evil.yaml"
    doc.write_text(
        f'format_version: 1\nx: !!python/object/apply:os.system ["touch {marker}"]\n',
        encoding="utf-8",
    )
    result = load([doc])
    assert [f.code for f in result.findings] == ["SCH003"]
    assert not marker.exists()
