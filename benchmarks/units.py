"""How the cost of legacy resolution grows with the number of queries (`benchmarks/units.py`).

Resolution must cost the same per query however many units the lists hold: a query is a few
dictionary lookups in indexes built once, never a scan of the 10,000 communes. This resolves a
sample of the names and codes people write (every old commune's name and code, every old
district's and province's name, with and without diacritics, as "NAME, PROVINCE") at 1x and 10x
and prints the time per query of each and their ratio (target: at most 1.5, i.e. flat), after
building the index once (its cost is printed apart). Exit 1 when the target is missed.
"""

import random
import statistics
import sys
import time
import unicodedata

TARGET = 1.5  # time per query at 10x / at 1x (at most)


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _queries() -> list[str]:
    from vndgaf.reference.legacy import legacy_data

    legacy = legacy_data()
    found: list[str] = []
    for unit in (*legacy.provinces.values(), *legacy.districts.values()):
        found += [unit.name, _plain(unit.name)]
    for commune in legacy.communes.values():
        province = legacy.provinces[commune.province_code].name
        found += [commune.code, _plain(commune.name), f"{commune.name}, {province}"]
    return found


def _per_query(queries: list[str], reps: int) -> float:
    from vndgaf.reference import resolve_unit

    times = []
    for _ in range(reps):
        start = time.perf_counter()
        for query in queries:
            resolve_unit(query)
        times.append((time.perf_counter() - start) / len(queries))
    return statistics.median(times)


def main() -> int:
    from vndgaf.reference.unit_index import unit_index

    start = time.perf_counter()
    unit_index()
    built = time.perf_counter() - start
    queries = _queries()
    draw = random.Random(0)  # both samples from the same mix of forms
    small = draw.choices(queries, k=3000)
    large = draw.choices(queries, k=30000)
    one = _per_query(small, 3)
    ten = _per_query(large, 1)
    ratio = ten / one
    print(f"index built once: {built:.2f} s")
    print(f"{len(small):>6} queries: {one * 1e3:.3f} ms per query")
    print(f"{len(large):>6} queries: {ten * 1e3:.3f} ms per query")
    print(f"ratio 10x / 1x per query: {ratio:.2f} (target at most {TARGET})")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
