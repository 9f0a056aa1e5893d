"""Inject known defects into a clean synthetic architecture, and record each one exactly.

Each defect adds or changes elements so that ``vndgaf check`` reports one finding, whose code
and subject are recorded. The kinds are taken in turn: the five of this module (bypass,
duplicated platform, once-only, shadow copy, orphan), then those of the structure, interop and
data modules, one for each rule a single element can break on its own; each picks a fresh host
at random so no two defects interact. ``UNCOVERED`` says why the other rules have none.
"""

import random
from collections.abc import Iterator

from vndgaf.synth import defects_data, defects_interop, defects_structure
from vndgaf.synth.draft import Draft, ProvinceIds
from vndgaf.synth.hosts import Defect, Hosts, Kind

__all__ = ["DEFECT_KINDS", "UNCOVERED", "Defect", "inject"]


#: National capabilities a province may wrongly rebuild, one per injected duplicate (so that
#: no two duplicates share a capability and form a cross-province cluster).
_DUPLICABLE = (
    ("identity_authentication", "Hệ thống xác thực tập trung"),
    ("payment", "Cổng thanh toán trực tuyến"),
    ("digital_signature", "Hệ thống chữ ký số"),
    ("open_data", "Cổng dữ liệu mở"),
    ("email", "Hệ thống thư điện tử"),
    ("asset_auction", "Hệ thống đấu giá tài sản"),
    ("data_marketplace", "Sàn giao dịch dữ liệu"),
    ("blockchain", "Nền tảng chuỗi khối"),
    ("virtual_assistant", "Trợ lý ảo"),
    ("high_performance_computing", "Hệ thống tính toán hiệu năng cao"),
    ("data_dictionary", "Hệ thống từ điển dữ liệu"),
    ("cyber_defence", "Hệ thống phòng vệ mạng"),
)

#: National master entities a provincial database may copy without syncing from the source.
_SHADOWABLE = ("vn:entity/enterprise", "vn:entity/administrative-procedure")


def _province_of(provinces: dict[str, ProvinceIds], element_id: str) -> ProvinceIds:
    return provinces[element_id.split("-", 1)[0][1:]]


def _bypasses(draft: Draft, hosts: Hosts) -> Iterator[Defect]:
    provinces = draft.provinces
    systems = [s for p in provinces for s in p.dept_systems]
    by_code = {p.code: p for p in provinces}
    for system in hosts.order(systems):
        prov = _province_of(by_code, system)
        target = "vn:db/population"
        flow = draft.flow(
            system,
            target,
            (),
            name="Kết nối trực tiếp tới CSDLQG về dân cư (không qua LGSP, NDXP)",
            entities=("vn:entity/person",),
            mode="on_request",
            prefix="fd",
        )
        yield Defect(
            "IOP001",
            flow["id"],
            "bypass",
            f"flow {flow['id']} goes straight from {system} ({prov.code}) to {target}, "
            "bypassing the provincial LGSP and NDXP",
        )


def _duplicates(draft: Draft, hosts: Hosts) -> Iterator[Defect]:
    capabilities = list(_DUPLICABLE)
    hosts.rng.shuffle(capabilities)
    for capability, name in capabilities:
        prov = hosts.rng.choice(draft.provinces)
        owner = hosts.rng.choice(prov.departments)
        ident = f"t{prov.code}-nt-{capability.replace('_', '-')}"
        draft.platforms.append(
            {
                "id": ident,
                "name": f"{name} của tỉnh",
                "owner": owner,
                "layer": "shared_platform",
                "capabilities": [capability],
                "scope": "provincial",
                "hosting": "gov_cloud",
                "security_level": 3,
                "tenants": [owner],
            }
        )
        draft.flow(ident, prov.tthc, (prov.lgsp,), name="Cung cấp dịch vụ dùng chung cho TTHC")
        yield Defect(
            "RED001",
            ident,
            "duplicated-platform",
            f"provincial platform {ident} rebuilds the national capability '{capability}' "
            "without a justification",
        )


def _once_only(draft: Draft, hosts: Hosts) -> Iterator[Defect]:
    services = sorted(s["id"] for s in draft.services)
    for ident in hosts.order(services):
        service = hosts.service(ident)
        service["online_level"] = "mot_phan"
        service["required_inputs"][0]["obtained_from"] = "citizen"
        entity = service["required_inputs"][0]["entity"]
        yield Defect(
            "DAT001",
            ident,
            "once-only",
            f"service {ident} asks the citizen for {entity}, which its procedure system can "
            "fetch from the authoritative database",
        )


def _shadows(draft: Draft, hosts: Hosts) -> Iterator[Defect]:
    databases = [d for p in draft.provinces for d in p.databases]
    for ident in hosts.order(databases, "authority"):
        database = hosts.database(ident)
        entity = hosts.rng.choice(_SHADOWABLE)
        database["copies"] = sorted({*database.get("copies", ()), entity})
        yield Defect(
            "RED004",
            ident,
            "shadow-copy",
            f"database {ident} keeps a copy of {entity} without a sync flow from its "
            "authoritative database",
        )


def _orphans(draft: Draft, hosts: Hosts) -> Iterator[Defect]:
    number = 0
    while True:
        prov = hosts.rng.choice(draft.provinces)
        owner = hosts.rng.choice(prov.departments)
        number += 1
        ident = f"t{prov.code}-ht-cu-{number:05d}"
        draft.systems.append(
            {
                "id": ident,
                "name": f"Hệ thống cũ không còn kết nối số {number}",
                "owner": owner,
                "layer": "application",
                "scope": "provincial",
                "hosting": "agency_dc",
                "security_level": 2,
            }
        )
        yield Defect(
            "IOP008",
            ident,
            "orphan",
            f"system {ident} is operating but has no flows and no tenants",
        )


#: The kinds of defect, in the order they are taken.
DEFECT_KINDS: tuple[Kind, ...] = (
    ("bypass", _bypasses),
    ("duplicated-platform", _duplicates),
    ("once-only", _once_only),
    ("shadow-copy", _shadows),
    ("orphan", _orphans),
    *defects_structure.KINDS,
    *defects_interop.KINDS,
    *defects_data.KINDS,
)

#: The graph rules no defect kind injects, and why: a finding that cannot stand alone on one
#: element of one synthetic submission.
UNCOVERED: dict[str, str] = {
    "STR003": "needs the name of a unit the reform ended, from a list the synthesis does not read",
    "STR005": "a commune platform of that kind is also RED001, IOP002 or RED006 (two findings)",
    "STR006": "one per submission (its framework version), not per element",
    "IOP009": "a single point of failure depends on the whole exchange graph, not one element",
    "IOP011": "a note; synthetic checks count errors and warnings",
    "RED002": "needs one capability built in two provinces: one finding for two elements",
    "DAT004": "an authoritative database that shares nothing has no aggregate flow either (DAT007)",
    "GOV005": "one finding for all agencies of unknown tier, not per element",
}


def inject(draft: Draft, count: int, rng: random.Random) -> tuple[Defect, ...]:
    """Inject ``count`` defects (kinds in turn; a kind that runs out of hosts is skipped)."""
    hosts = Hosts(draft, rng)
    sources = [factory(draft, hosts) for _name, factory in DEFECT_KINDS]
    out: list[Defect] = []
    while len(out) < count and sources:
        for source in list(sources):
            if len(out) >= count:
                break
            defect = next(source, None)
            if defect is None:
                sources.remove(source)
            else:
                out.append(defect)
    return tuple(sorted(out))
