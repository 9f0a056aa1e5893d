"""The tile map of the country overview: one tile per province in force, placed like the map."""

import itertools

from vndgaf.reference import catalogue
from vndgaf.reference.tiles import province_tiles, tile_map


def test_every_province_in_force_has_one_tile() -> None:
    codes = {p.code for p in catalogue().provinces}
    assert len(codes) == 34
    assert set(province_tiles()) == codes


def test_no_two_provinces_share_a_tile_and_all_are_inside_the_grid() -> None:
    grid = tile_map()
    places = [(t.row, t.col) for t in grid.tiles.values()]
    assert len(set(places)) == len(places)
    assert all(0 <= r < grid.rows and 0 <= c < grid.columns for r, c in places)


def test_north_is_at_the_top_and_west_on_the_left() -> None:
    """A seat more than 1° further north is on a higher row; within one row of each other, a
    seat more than 1° further west is never in a column to the right."""
    tiles = list(province_tiles().values())
    for a, b in itertools.permutations(tiles, 2):
        if a.lat > b.lat + 1.0:
            assert a.row < b.row, (a.code, b.code)
        if abs(a.row - b.row) <= 1 and a.lon + 1.0 < b.lon:
            assert a.col <= b.col, (a.code, b.code)


def test_the_map_says_where_it_comes_from() -> None:
    grid = tile_map()
    assert grid.confidence == "inference"
    assert grid.valid_from == "2025-07-01"
    assert any("202/2025/QH15" in s for s in grid.sources)
    assert province_tiles()["79"].seat == "Thành phố Hồ Chí Minh"
