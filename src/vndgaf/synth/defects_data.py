"""Defect kinds of data (DAT) and of reuse (RED003, RED005): quality profiles, authority,
once-only inputs, state secrets and investments.

Each kind adds or changes elements of one host so that exactly one finding of its rule follows.
"""

from collections.abc import Iterator

from vndgaf.reference.wellknown import AGGREGATE_DB, NDXP
from vndgaf.synth.draft import Draft, database_doc
from vndgaf.synth.hosts import Defect, Hosts, Kind

__all__ = ["KINDS"]

#: Capabilities a national platform provides, one per injected investment (two investments of
#: one capability in two provinces would also be RED002).
_PROVIDED = (
    "payment",
    "digital_signature",
    "open_data",
    "email",
    "asset_auction",
    "data_marketplace",
    "blockchain",
    "virtual_assistant",
    "high_performance_computing",
    "data_dictionary",
    "cyber_defence",
    "identity_authentication",
)

#: National master data with no authoritative database in the catalogue: asked of the citizen
#: by a fully online service it is DAT003 alone (DAT001 needs a database to fetch it from).
_MASTER_WITHOUT_DATABASE = "vn:entity/administrative-unit"
#: Shared data no database is authoritative for: a procedure cannot fetch it (DAT002).
_WITHOUT_DATABASE = "vn:entity/vehicle"


def _databases(draft: Draft) -> list[str]:
    return [d for p in draft.provinces for d in p.databases]


def _second_authorities(draft: Draft, hosts: Hosts) -> Iterator[Defect]:
    for ident in hosts.order(_databases(draft), "authority"):
        database = hosts.database(ident)
        database["authoritative_for"] = [
            *database.get("authoritative_for", ()),
            "vn:entity/enterprise",
        ]
        yield Defect(
            "RED003",
            ident,
            "second-authority",
            f"database {ident} claims authority for enterprises, which the national business "
            "registration database holds",
        )


def _investments_without_reuse(draft: Draft, hosts: Hosts) -> Iterator[Defect]:
    capabilities = list(_PROVIDED)
    hosts.rng.shuffle(capabilities)
    for capability in capabilities:
        prov = hosts.province()
        ident = f"t{prov.code}-da-{capability.replace('_', '-')}"
        draft.investments.append(
            {
                "id": ident,
                "name": f"Dự án xây dựng {capability.replace('_', ' ')} của tỉnh",
                "owner": hosts.rng.choice(prov.departments),
                "capability": capability,
                "budget_vnd": 1_000_000_000 * hosts.rng.randint(2, 40),
                "status": "planned",
            }
        )
        yield Defect(
            "RED005",
            ident,
            "investment-without-reuse",
            f"investment {ident} builds {capability}, which a national platform provides, "
            "with no reuse and no justification",
        )


def _unreachable_inputs(draft: Draft, hosts: Hosts) -> Iterator[Defect]:
    for ident in hosts.order(hosts.online_services()):
        service = hosts.service(ident)
        service["required_inputs"].append(
            {"entity": _WITHOUT_DATABASE, "obtained_from": "shared_data"}
        )
        yield Defect(
            "DAT002",
            ident,
            "unreachable-shared-input",
            f"service {ident} takes {_WITHOUT_DATABASE} from shared data, which no database holds",
        )


def _fully_online_asks_citizen(draft: Draft, hosts: Hosts) -> Iterator[Defect]:
    online = [
        i for i in hosts.online_services() if hosts.service(i)["online_level"] == "toan_trinh"
    ]
    for ident in hosts.order(online):
        service = hosts.service(ident)
        service["required_inputs"].append(
            {"entity": _MASTER_WITHOUT_DATABASE, "obtained_from": "citizen"}
        )
        yield Defect(
            "DAT003",
            ident,
            "full-online-asks-citizen",
            f"fully online service {ident} asks the citizen for national master data "
            f"{_MASTER_WITHOUT_DATABASE}",
        )


def _missing_quality_profiles(draft: Draft, hosts: Hosts) -> Iterator[Defect]:
    authoritative = [d for d in _databases(draft) if hosts.database(d).get("authoritative_for")]
    for ident in hosts.order(authoritative, "quality"):
        del hosts.database(ident)["quality"]
        yield Defect(
            "DAT005",
            ident,
            "missing-quality-profile",
            f"authoritative database {ident} declares no data-quality profile",
        )


def _state_secrets_on_ndxp(draft: Draft, hosts: Hosts) -> Iterator[Defect]:
    for owner in hosts.order([d for p in draft.provinces for d in p.departments]):
        prov = hosts.province_of(owner)
        ident = f"{owner}-csdl-mat"
        database = database_doc(ident, "Cơ sở dữ liệu hồ sơ mật", owner)
        database["db_class"] = "local"
        database["state_secret"] = True
        draft.databases.append(database)
        flow = draft.flow(
            ident,
            "vn:db/cadres-civil-servants",
            (prov.lgsp, NDXP),
            name="Gửi hồ sơ mật lên CSDL quốc gia qua NDXP",
            entities=("vn:entity/civil-servant",),
            prefix="fd",
        )
        yield Defect(
            "DAT006",
            flow["id"],
            "state-secret-on-ndxp",
            f"flow {flow['id']} carries the state-secret database {ident} over NDXP",
        )


def _retired_aggregate_links(draft: Draft, hosts: Hosts) -> Iterator[Defect]:
    """An authoritative database whose sync to the national aggregate database was retired:
    DAT007 (it still shares with the procedure system, so not DAT004). The flow is the host,
    so IOP010 never picks the same one."""
    authoritative = {d for d in _databases(draft) if hosts.database(d).get("authoritative_for")}
    syncs = hosts.flows_where(
        lambda f: f["source"] in authoritative and f["target"] == AGGREGATE_DB
    )
    for ident in hosts.order(syncs):
        flow = hosts.flow(ident)
        flow["status"] = "retired"
        yield Defect(
            "DAT007",
            flow["source"],
            "master-not-synced-to-aggregate",
            f"the sync {ident} of authoritative database {flow['source']} to {AGGREGATE_DB} "
            "is retired",
        )


def _entities_without_key(draft: Draft, hosts: Hosts) -> Iterator[Defect]:
    while True:
        prov = hosts.province()
        ident = f"t{prov.code}-du-lieu-chu-{hosts.next_number():05d}"
        draft.entities.append(
            {"id": ident, "name": "Danh mục dữ liệu chủ của tỉnh", "data_layer": "chu"}
        )
        yield Defect(
            "DAT008",
            ident,
            "master-entity-without-key",
            f"master entity {ident} declares no identifier key",
        )


def _unsigned_document_exchanges(draft: Draft, hosts: Hosts) -> Iterator[Defect]:
    exchanges = hosts.flows_where(lambda f: f.get("mode") == "document_exchange")
    for ident in hosts.order(exchanges):
        hosts.flow(ident).pop("official_signature", None)
        yield Defect(
            "DAT009",
            ident,
            "unsigned-document-exchange",
            f"document exchange {ident} over VDXP is not signed with the official signature",
        )


def _failing_quality(draft: Draft, hosts: Hosts) -> Iterator[Defect]:
    for ident in hosts.order(_databases(draft), "quality"):
        hosts.database(ident)["quality"]["song"] = False
        yield Defect(
            "DAT010",
            ident,
            "quality-attribute-failing",
            f"database {ident} declares its data not live (sống)",
        )


#: The kinds of this module, in the order they are taken.
KINDS: tuple[Kind, ...] = (
    ("second-authority", _second_authorities),
    ("investment-without-reuse", _investments_without_reuse),
    ("unreachable-shared-input", _unreachable_inputs),
    ("full-online-asks-citizen", _fully_online_asks_citizen),
    ("missing-quality-profile", _missing_quality_profiles),
    ("state-secret-on-ndxp", _state_secrets_on_ndxp),
    ("master-not-synced-to-aggregate", _retired_aggregate_links),
    ("master-entity-without-key", _entities_without_key),
    ("unsigned-document-exchange", _unsigned_document_exchanges),
    ("quality-attribute-failing", _failing_quality),
)
