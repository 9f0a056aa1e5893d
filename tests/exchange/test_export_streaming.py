"""Exports are written while they are made: the pieces do not grow with the model.

A national model's ArchiMate file is 330 MB; building it whole took 3.9 GB (issue 22). The
exporters yield pieces of a bounded size (a batch of elements, a line), and the pieces join to
exactly the text of the one-string API. How much memory that saves on the national model is
measured in ``benchmarks/exports.py``, not here.
"""

import attrs
import pytest
from exchange_fixtures import province

from vndgaf.exchange import EXPORT_FORMATS, export, export_chunks
from vndgaf.model import Architecture, DataFlow


def _with_flows(arch: Architecture, count: int) -> Architecture:
    """The province with ``count`` more flows between its first two systems."""
    a, b = arch.systems[0].id, arch.systems[1].id
    extra = tuple(
        DataFlow(id=f"f-extra-{n:05d}", source=a, target=b, name=f"Đồng bộ {n}")
        for n in range(count)
    )
    return attrs.evolve(arch, flows=(*arch.flows, *extra))


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_export_pieces_do_not_grow_with_the_model(fmt: str) -> None:
    """Ten times the flows: about ten times the text, in pieces no larger than before."""
    small, large = _with_flows(province(), 300), _with_flows(province(), 3000)
    small_pieces, large_pieces = list(export_chunks(small, fmt)), list(export_chunks(large, fmt))
    small_total = sum(map(len, small_pieces))
    large_total = sum(map(len, large_pieces))
    assert large_total > 8 * small_total
    largest = max(map(len, large_pieces))
    assert largest <= 2 * max(map(len, small_pieces))
    assert len(large_pieces) >= 10
    assert "".join(large_pieces) == export(large, fmt)


def test_an_unknown_format_is_refused_before_any_piece() -> None:
    with pytest.raises(ValueError, match="unknown export format 'svg'"):
        export_chunks(province(), "svg")
