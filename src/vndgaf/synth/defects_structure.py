"""Defect kinds of the two-tier structure (STR) and of governance (GOV).

Each kind adds or changes elements of one host so that exactly one finding of its rule follows.
"""

from collections.abc import Iterator

from vndgaf.synth.draft import Draft
from vndgaf.synth.hosts import Defect, Hosts, Kind

__all__ = ["KINDS"]

#: A ministry merged on 1/3/2025 (its successor lists it in ``successor_of``).
_MERGED_MINISTRY = "vn:agency/bo-thong-tin-va-truyen-thong"


def _dept_systems(draft: Draft) -> list[str]:
    return [s for p in draft.provinces for s in p.dept_systems]


def _district_agencies(draft: Draft, hosts: Hosts) -> Iterator[Defect]:
    while True:
        prov = hosts.province()
        number = hosts.next_number()
        ident = f"t{prov.code}-ubnd-huyen-{number:05d}"
        draft.agencies.append(
            {
                "id": ident,
                "name": f"Ủy ban nhân dân huyện (cũ) số {number}",
                "level": "district",
                "type": "district_peoples_committee",
                "parent": prov.committee,
            }
        )
        yield Defect(
            "STR001",
            ident,
            "district-agency",
            f"agency {ident} is a district People's Committee still listed as active",
        )


def _units_without_province(draft: Draft, hosts: Hosts) -> Iterator[Defect]:
    agencies = {a["id"]: a for a in draft.agencies}
    for committee in hosts.order([c for p in draft.provinces for c in p.communes]):
        agency = agencies[committee]
        name = agency["name"].removeprefix("Ủy ban nhân dân ")
        name = name[:1].upper() + name[1:]
        kind = "phuong" if name.startswith("Phường") else "xa"
        if name.startswith("Đặc khu"):
            kind = "dac_khu"
        ident = f"{committee.removesuffix('-ubnd')}-don-vi"
        draft.units.append(
            {"id": ident, "name": name, "kind": kind, "code": agency["unit"].rsplit("/", 1)[-1]}
        )
        yield Defect(
            "STR002",
            ident,
            "unit-without-province",
            f"commune unit {ident} is declared without its province as parent",
        )


def _unofficial_special_zones(draft: Draft, hosts: Hosts) -> Iterator[Defect]:
    """A commune proposed as a special zone, declared as one although the law made it none."""
    agencies = {a["id"]: a for a in draft.agencies}
    for committee in hosts.order([c for p in draft.provinces for c in p.communes], "zone"):
        prov = hosts.province_of(committee)
        name = agencies[committee]["name"].removeprefix("Ủy ban nhân dân ")
        place = name.split(" ", 1)[1] if name.startswith(("xã ", "phường ")) else name
        ident = f"{committee.removesuffix('-ubnd')}-dac-khu"
        draft.units.append(
            {
                "id": ident,
                "name": f"Đặc khu {place}",
                "kind": "dac_khu",
                "parent": f"vn:province/{prov.code}",
            }
        )
        yield Defect(
            "STR007",
            ident,
            "unofficial-special-zone",
            f"unit {ident} is declared a special zone but is not one of the 13",
        )


def _merged_tenants(draft: Draft, hosts: Hosts) -> Iterator[Defect]:
    systems = {s["id"]: s for s in draft.systems}
    for ident in hosts.order(_dept_systems(draft)):
        system = systems[ident]
        system["tenants"] = [*system.get("tenants", ()), _MERGED_MINISTRY]
        yield Defect(
            "STR004",
            ident,
            "merged-tenant",
            f"system {ident} still lists the merged {_MERGED_MINISTRY} as a tenant",
        )


def _bound_to_commune(draft: Draft, hosts: Hosts) -> Iterator[Defect]:
    for ident in hosts.order(hosts.online_services()):
        hosts.service(ident)["cross_boundary_within_province"] = False
        yield Defect(
            "STR008",
            ident,
            "bound-to-commune",
            f"service {ident} is accepted only in its own commune",
        )


def _without_owner(draft: Draft, hosts: Hosts) -> Iterator[Defect]:
    while True:
        prov = hosts.province()
        ident = f"t{prov.code}-ht-khong-chu-{hosts.next_number():05d}"
        draft.systems.append(
            {
                "id": ident,
                "name": "Phần mềm dùng chung chưa xác định cơ quan chủ quản",
                "layer": "application",
                "scope": "provincial",
                "tenants": [hosts.rng.choice(prov.departments)],
            }
        )
        yield Defect("GOV001", ident, "no-owner", f"system {ident} has no owner")


def _inactive_owners(draft: Draft, hosts: Hosts) -> Iterator[Defect]:
    while True:
        prov = hosts.province()
        number = hosts.next_number()
        board, ident = f"t{prov.code}-bqlda-{number:05d}", f"t{prov.code}-ht-bqlda-{number:05d}"
        draft.agencies.append(
            {
                "id": board,
                "name": f"Ban quản lý dự án công nghệ thông tin (đã giải thể) số {number}",
                "level": "provincial",
                "type": "public_service_unit",
                "unit": f"vn:province/{prov.code}",
                "parent": prov.committee,
                "active": False,
            }
        )
        draft.systems.append(
            {
                "id": ident,
                "name": f"Phần mềm quản lý dự án số {number}",
                "owner": board,
                "layer": "application",
                "scope": "provincial",
                "tenants": [hosts.rng.choice(prov.departments)],
            }
        )
        yield Defect(
            "GOV002", ident, "inactive-owner", f"system {ident} is owned by the dissolved {board}"
        )


def _hierarchy_cycles(draft: Draft, hosts: Hosts) -> Iterator[Defect]:
    while True:
        prov = hosts.province()
        number = hosts.next_number()
        first, second = (f"t{prov.code}-trung-tam-{number:05d}-{k}" for k in ("a", "b"))
        for ident, parent in ((first, second), (second, first)):
            draft.agencies.append(
                {
                    "id": ident,
                    "name": f"Trung tâm trực thuộc số {number}{ident[-1]}",
                    "level": "provincial",
                    "type": "public_service_unit",
                    "unit": f"vn:province/{prov.code}",
                    "parent": parent,
                }
            )
        yield Defect(
            "GOV003",
            first,
            "hierarchy-cycle",
            f"agencies {first} and {second} are each other's parent",
        )


def _self_flows(draft: Draft, hosts: Hosts) -> Iterator[Defect]:
    for system in hosts.order(_dept_systems(draft)):
        flow = draft.flow(system, system, (), name="Đồng bộ nội bộ giữa các phân hệ", prefix="fd")
        yield Defect(
            "GOV004", flow["id"], "self-flow", f"flow {flow['id']} goes from {system} to itself"
        )


#: The kinds of this module, in the order they are taken.
KINDS: tuple[Kind, ...] = (
    ("district-agency", _district_agencies),
    ("unit-without-province", _units_without_province),
    ("unofficial-special-zone", _unofficial_special_zones),
    ("merged-tenant", _merged_tenants),
    ("bound-to-commune", _bound_to_commune),
    ("no-owner", _without_owner),
    ("inactive-owner", _inactive_owners),
    ("hierarchy-cycle", _hierarchy_cycles),
    ("self-flow", _self_flows),
)
