"""Where each province sits in the country overview: a tile map of Vietnam, north at the top.

The positions are data (``data/province-tiles.yaml``): a hand-made grid placed from the
approximate seats of the 34 provinces in force since 1/7/2025, marked as an inference. A view
draws tile ``(row, col)`` at column ``col`` from the left and row ``row`` from the top.

>>> tile = province_tiles()["01"]
>>> (tile.row, tile.col, tile.seat)
(2, 2, 'Hà Nội')
"""

import functools
from collections.abc import Mapping

import attrs

from vndgaf.reference._data import read_yaml

__all__ = ["ProvinceTile", "TileMap", "province_tiles", "tile_map"]


@attrs.frozen
class ProvinceTile:
    """One province's tile and the approximate seat it was placed from."""

    code: str
    row: int
    col: int
    seat: str
    lat: float
    lon: float


@attrs.frozen
class TileMap:
    """The grid (rows and columns), the tiles by province code, and where the data comes from."""

    rows: int
    columns: int
    tiles: Mapping[str, ProvinceTile]
    sources: tuple[str, ...]
    confidence: str
    valid_from: str


@functools.cache
def tile_map() -> TileMap:
    """The packaged tile map (read once)."""
    data = read_yaml("province-tiles.yaml")
    meta = data["meta"]
    tiles = {
        str(item["code"]): ProvinceTile(
            code=str(item["code"]),
            row=int(item["row"]),
            col=int(item["col"]),
            seat=str(item["seat"]),
            lat=float(item["lat"]),
            lon=float(item["lon"]),
        )
        for item in data["provinces"]
    }
    return TileMap(
        rows=int(meta["rows"]),
        columns=int(meta["columns"]),
        tiles=tiles,
        sources=tuple(str(s) for s in meta["sources"]),
        confidence=str(meta["confidence"]),
        valid_from=str(meta["valid_from"]),
    )


def province_tiles() -> Mapping[str, ProvinceTile]:
    """Province code -> its tile."""
    return tile_map().tiles
