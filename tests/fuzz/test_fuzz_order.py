"""Order independence: shuffling elements and spreading them over files changes no finding.

Findings are compared by their location-free identity (code, subject, related ids, message):
moving an element moves its location, but must not change what is found.
"""

import tempfile
from pathlib import Path

import attrs
import pytest
from fuzz_budget import budget
from hypothesis import assume, given
from hypothesis import strategies as st
from tests.strategies import architectures

from vndgaf import converter
from vndgaf.engine import check_loaded
from vndgaf.load import load
from vndgaf.model import ELEMENT_LISTS, Architecture

# Hypothesis examples by the hundred: `make quick` leaves it out, `make test` runs it.
pytestmark = pytest.mark.slow

LISTS = [name for name, _kind in ELEMENT_LISTS]
Identity = tuple[str, str, tuple[str, ...], str]


def identities(paths: list[Path]) -> set[Identity]:
    """(code, subject, related, English message) of every finding of ``check`` on ``paths``."""
    report = check_loaded(load(paths))
    return {(f.code, f.subject, f.related, f.message.en) for f in report.findings}


def write(directory: Path, name: str, arch: Architecture) -> Path:
    """Dump ``arch`` as YAML into ``directory/name``."""
    path = directory / name
    path.write_text(converter.dumps(arch, "yaml"), encoding="utf-8")
    return path


@budget(fast=15, fuzz=1_000)
@given(arch=architectures(), data=st.data())
def test_shuffled_and_split_models_give_the_same_findings(
    arch: Architecture, data: st.DataObject
) -> None:
    """The same model, with every list shuffled and the lists spread over two files (whose names
    sort either way), gives the same set of findings as the model in one file."""
    ids = [e.id for name in LISTS for e in getattr(arch, name)]
    assume(len(ids) == len(set(ids)))  # with duplicate ids, which copy is kept depends on order
    shuffled = attrs.evolve(
        arch,
        **{name: tuple(data.draw(st.permutations(getattr(arch, name)))) for name in LISTS},
    )
    in_second = data.draw(st.sets(st.sampled_from(LISTS)))
    first = attrs.evolve(shuffled, **dict.fromkeys(in_second, ()))
    second = attrs.evolve(
        shuffled,
        submission=None,
        **{name: () for name in LISTS if name not in in_second},
    )
    names = data.draw(st.permutations(["0-part.yaml", "1-part.yaml"]))
    with tempfile.TemporaryDirectory() as tmp:
        whole_dir, split_dir = Path(tmp) / "whole", Path(tmp) / "split"
        whole_dir.mkdir()
        split_dir.mkdir()
        whole = identities([write(whole_dir, "all.yaml", arch)])
        parts = [write(split_dir, names[0], first), write(split_dir, names[1], second)]
        split = identities(parts)
        reversed_order = identities(parts[::-1])
    assert split == whole
    assert reversed_order == whole


@budget(fast=10, fuzz=500)
@given(arch=architectures(), data=st.data())
def test_file_order_on_the_command_line_does_not_matter(
    arch: Architecture, data: st.DataObject
) -> None:
    """Loading the same files listed in any order gives identical findings, locations included."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        one = attrs.evolve(arch, flows=(), services=())
        two = attrs.evolve(arch, submission=None, agencies=(), units=(), systems=())
        paths = [write(root, "a.yaml", one), write(root, "b.yaml", two)]
        order = data.draw(st.permutations(paths))
        first = check_loaded(load(paths)).findings
        again = check_loaded(load(order)).findings
    assert first == again
