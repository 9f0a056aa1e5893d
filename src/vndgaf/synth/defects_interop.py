"""Defect kinds of interoperability (IOP): missing hubs, channels and connections.

Each kind adds or changes elements of one host so that exactly one finding of its rule follows.
"""

from collections.abc import Iterator

from vndgaf.reference.wellknown import (
    AGGREGATE_DB,
    INTEGRATION_TEMPLATE,
    NDOP,
    NDXP,
    NPSP,
    POPULATION_DB,
)
from vndgaf.synth.draft import Draft, system_doc
from vndgaf.synth.hosts import Defect, Hosts, Kind

__all__ = ["KINDS"]


def _second_integration_platforms(draft: Draft, hosts: Hosts) -> Iterator[Defect]:
    for prov in hosts.provinces("second-lgsp"):
        owner = hosts.rng.choice(prov.departments)
        ident = f"{owner}-lgsp-rieng"
        platform = system_doc(
            ident,
            "Nền tảng tích hợp dữ liệu riêng của sở",
            owner,
            "integration",
            "provincial",
            tenants=(owner,),
            capabilities=("data_integration",),
        )
        platform["instance_of"] = INTEGRATION_TEMPLATE
        draft.platforms.append(platform)
        draft.flow(ident, NDXP, (), name="Kết nối nền tảng tích hợp của sở với NDXP", prefix="fd")
        yield Defect(
            "IOP002",
            ident,
            "second-lgsp",
            f"department {owner} deploys a second LGSP of province {prov.code}",
        )


def _unconnected_commune_systems(draft: Draft, hosts: Hosts) -> Iterator[Defect]:
    for committee in hosts.order([c for p in draft.provinces for c in p.communes]):
        ident = f"{committee.removesuffix('-ubnd')}-camera"
        draft.systems.append(
            system_doc(
                ident,
                "Hệ thống camera giám sát an ninh trật tự của xã",
                committee,
                "application",
                "commune",
                tenants=(committee,),
            )
        )
        yield Defect(
            "IOP003",
            ident,
            "unconnected-commune-system",
            f"commune system {ident} reaches no integration platform of its province",
        )


def _services_off_npsp(draft: Draft, hosts: Hosts) -> Iterator[Defect]:
    for ident in hosts.order(hosts.online_services()):
        service = hosts.service(ident)
        service["channels"] = [c for c in service["channels"] if c != "npsp"]
        yield Defect(
            "IOP005", ident, "service-off-npsp", f"online service {ident} is not offered on NPSP"
        )


def _provincial_portal_channels(draft: Draft, hosts: Hosts) -> Iterator[Defect]:
    for ident in hosts.order(hosts.online_services()):
        service = hosts.service(ident)
        service["channels"] = [*service["channels"], "provincial_portal"]
        yield Defect(
            "IOP006",
            ident,
            "provincial-portal-channel",
            f"service {ident} still lists the provincial portal, closed on 1/7/2025",
        )


def _document_systems_off_vdxp(draft: Draft, hosts: Hosts) -> Iterator[Defect]:
    for owner in hosts.order([d for p in draft.provinces for d in p.departments]):
        ident = f"{owner}-qlvb-rieng"
        draft.systems.append(
            system_doc(
                ident,
                "Phần mềm quản lý văn bản riêng của sở",
                owner,
                "application",
                "provincial",
                tenants=(owner,),
                capabilities=("document_management",),
            )
        )
        yield Defect(
            "IOP007",
            ident,
            "document-system-off-vdxp",
            f"document system {ident} has no flow over VDXP",
        )


def _mandatory_sharing_via_ndxp(draft: Draft, hosts: Hosts) -> Iterator[Defect]:
    for ident in hosts.order(hosts.flows_where(lambda f: bool(f.get("mandatory")))):
        flow = hosts.flow(ident)
        flow["via"] = [NDXP if hop == NDOP else hop for hop in flow.get("via", ())]
        yield Defect(
            "IOP010",
            ident,
            "mandatory-sharing-via-ndxp",
            f"mandatory sharing flow {ident} to {AGGREGATE_DB} passes NDXP instead of NDOP",
        )


def _open_data_off_portal(draft: Draft, hosts: Hosts) -> Iterator[Defect]:
    for prov in hosts.provinces("open-data"):
        flow = draft.flow(
            prov.databases[-1],
            prov.tthc,
            (prov.lgsp,),
            name="Công bố dữ liệu mở quy hoạch trên hệ thống của tỉnh",
            mode="open_data",
            prefix="fd",
        )
        yield Defect(
            "IOP012",
            flow["id"],
            "open-data-off-portal",
            f"open-data flow {flow['id']} does not reach the National Data Portal",
        )


def _commune_flows_past_the_province(draft: Draft, hosts: Hosts) -> Iterator[Defect]:
    for system in hosts.order([s for p in draft.provinces for s in p.commune_systems]):
        flow = draft.flow(
            system,
            POPULATION_DB,
            (NDXP,),
            name="Gửi thông tin biến động dân cư thẳng lên NDXP (không qua LGSP tỉnh)",
            entities=("vn:entity/person",),
            prefix="fd",
        )
        yield Defect(
            "IOP013",
            flow["id"],
            "commune-flow-skips-province",
            f"flow {flow['id']} from commune system {system} reaches NDXP without the LGSP",
        )


def _retired_npsp_links(draft: Draft, hosts: Hosts) -> Iterator[Defect]:
    """The procedure system's link to NPSP was retired and not replaced: IOP004."""
    links = {f["source"]: f["id"] for f in draft.flows if f["target"] == NPSP}
    for prov in hosts.provinces("npsp-link"):
        ident = links[prov.tthc]
        hosts.flow(ident)["status"] = "retired"
        yield Defect(
            "IOP004",
            prov.tthc,
            "procedure-system-off-npsp",
            f"the link {ident} of procedure system {prov.tthc} to NPSP is retired",
        )


def _second_procedure_systems(draft: Draft, hosts: Hosts) -> Iterator[Defect]:
    """A department's own procedure system, synchronised with NPSP: RED006, not IOP004."""
    for owner in hosts.order([d for p in draft.provinces for d in p.departments]):
        prov = hosts.province_of(owner)
        ident = f"{owner}-mot-cua-rieng"
        draft.systems.append(
            system_doc(
                ident,
                "Phần mềm một cửa riêng của sở",
                owner,
                "portal_service",
                "provincial",
                tenants=(owner,),
                capabilities=("procedure_case_handling",),
            )
        )
        draft.flow(ident, NPSP, (prov.lgsp, NDXP), name="Đồng bộ hồ sơ lên NPSP", prefix="fd")
        yield Defect(
            "RED006",
            ident,
            "second-procedure-system",
            f"department {owner} runs its own procedure system beside {prov.tthc}",
        )


#: The kinds of this module, in the order they are taken.
KINDS: tuple[Kind, ...] = (
    ("second-lgsp", _second_integration_platforms),
    ("unconnected-commune-system", _unconnected_commune_systems),
    ("service-off-npsp", _services_off_npsp),
    ("provincial-portal-channel", _provincial_portal_channels),
    ("document-system-off-vdxp", _document_systems_off_vdxp),
    ("mandatory-sharing-via-ndxp", _mandatory_sharing_via_ndxp),
    ("open-data-off-portal", _open_data_off_portal),
    ("commune-flow-skips-province", _commune_flows_past_the_province),
    ("procedure-system-off-npsp", _retired_npsp_links),
    ("second-procedure-system", _second_procedure_systems),
)
