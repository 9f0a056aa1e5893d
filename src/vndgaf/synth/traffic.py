"""The flows beyond the structure: drawn at random, routed through LGSP and NDXP as real ones.

Seven in ten start at a commune system (provinces weighted by their number of communes); the rest
connect department systems with national databases or with the same department of another
province.
"""

import random
from collections.abc import Sequence

from vndgaf.reference.wellknown import NDXP
from vndgaf.synth.draft import Draft, ProvinceIds
from vndgaf.synth.vocabulary import NATIONAL_FEEDS

__all__ = ["add_random_flows"]


def add_random_flows(draft: Draft, rng: random.Random, count: int) -> None:
    """``count`` more flows, drawn at random and routed through LGSP and NDXP as real ones."""
    provinces = draft.provinces
    weights = [len(p.commune_systems) for p in provinces]
    cumulative = []
    total = 0
    for w in weights:
        total += w
        cumulative.append(total)
    for _ in range(count):
        roll = rng.random()
        if roll < 0.7:
            prov = provinces[_pick_weighted(rng, cumulative, total)]
            system = rng.choice(prov.commune_systems)
            if roll < 0.3:
                draft.flow(
                    system,
                    prov.tthc,
                    (prov.lgsp,),
                    name="Gửi hồ sơ TTHC tiếp nhận tại xã",
                    entities=("vn:entity/procedure-case",),
                )
            elif roll < 0.45:
                database = rng.choice(prov.databases[:2])
                draft.flow(
                    database,
                    system,
                    (prov.lgsp,),
                    name="Khai thác dữ liệu dùng chung của tỉnh",
                    entities=("vn:entity/person",)
                    if database.endswith("-kho")
                    else ("vn:entity/land-parcel",),
                    mode="on_request",
                )
            elif roll < 0.6:
                source, entities = rng.choice(NATIONAL_FEEDS)
                draft.flow(
                    source,
                    system,
                    (NDXP, prov.lgsp),
                    name="Khai thác dữ liệu từ cơ sở dữ liệu quốc gia",
                    entities=entities,
                    mode="on_request",
                )
            else:
                draft.flow(
                    system,
                    "vn:db/civil-status",
                    (prov.lgsp, NDXP),
                    name="Đồng bộ sự kiện hộ tịch lên CSDL hộ tịch điện tử",
                    entities=("vn:entity/civil-status-event",),
                )
            continue
        prov = rng.choice(provinces)
        system = rng.choice(prov.dept_systems)
        if roll < 0.85 or len(provinces) == 1:
            source, entities = rng.choice(NATIONAL_FEEDS)
            draft.flow(
                source,
                system,
                (NDXP, prov.lgsp),
                name="Khai thác dữ liệu từ cơ sở dữ liệu quốc gia",
                entities=entities,
                mode="on_request",
            )
            continue
        other = rng.choice([q for q in provinces if q is not prov])
        draft.flow(
            system,
            _same_department(system, prov, other),
            (prov.lgsp, NDXP, other.lgsp),
            name="Liên thông dữ liệu chuyên ngành liên tỉnh",
        )


def _same_department(system: str, prov: ProvinceIds, other: ProvinceIds) -> str:
    """The system of the same department (same position) in another province."""
    return other.dept_systems[prov.dept_systems.index(system) % len(other.dept_systems)]


def _pick_weighted(rng: random.Random, cumulative: Sequence[int], total: int) -> int:
    target = rng.randrange(total)
    lo, hi = 0, len(cumulative) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if cumulative[mid] > target:
            hi = mid
        else:
            lo = mid + 1
    return lo
