"""Build a clean synthetic architecture (plain submission-format data) from the real units.

Every province gets its People's Committee, departments, an LGSP linked to NDXP, a procedure
system linked to NPSP, a document system on VDXP, databases that sync to the national aggregate
database, and public services that take their inputs from shared data; every commune gets its
People's Committee (tenant of the provincial platforms) and small systems reaching the nation
through the provincial LGSP. The remaining flows are drawn at random, routed as real ones are.
"""

import random
from collections.abc import Sequence
from typing import Any

import attrs

from vndgaf.model import AdministrativeUnit
from vndgaf.reference import Catalogue
from vndgaf.reference.wellknown import (
    AGGREGATE_DB,
    INTEGRATION_TEMPLATE,
    NDOP,
    NDXP,
    NPSP,
    PROCEDURE_TEMPLATE,
    VDXP,
)
from vndgaf.synth.scale import Scale
from vndgaf.synth.vocabulary import (
    DEPARTMENTS,
    ENTITY_SOURCES,
    NATIONAL_FEEDS,
    SUBMITTER,
    Department,
)

__all__ = ["AS_OF", "Draft", "ProvinceIds", "build", "structural_flow_count"]

#: The date every synthetic submission describes (after the two-tier reform, before 2027).
AS_OF = "2025-11-15"

_Doc = dict[str, Any]


@attrs.frozen
class ProvinceIds:
    """Ids of one synthetic province's main elements (used again to inject defects)."""

    code: str
    committee: str
    lgsp: str
    tthc: str
    departments: tuple[str, ...]
    dept_systems: tuple[str, ...]
    databases: tuple[str, ...]
    communes: tuple[str, ...]
    commune_systems: tuple[str, ...]


@attrs.define
class Draft:
    """The element lists being built, plus the ids the defect injector needs."""

    submitter: str
    agencies: list[_Doc] = attrs.Factory(list)
    systems: list[_Doc] = attrs.Factory(list)
    platforms: list[_Doc] = attrs.Factory(list)
    databases: list[_Doc] = attrs.Factory(list)
    entities: list[_Doc] = attrs.Factory(list)
    flows: list[_Doc] = attrs.Factory(list)
    services: list[_Doc] = attrs.Factory(list)
    provinces: list[ProvinceIds] = attrs.Factory(list)
    serial: int = 0

    def flow(
        self,
        source: str,
        target: str,
        via: Sequence[str],
        *,
        name: str,
        entities: Sequence[str] = (),
        mode: str = "default_share",
        api: str | None = None,
        mandatory: bool = False,
        official_signature: bool = False,
        prefix: str = "f",
    ) -> _Doc:
        """Append one flow with the next serial id and return it."""
        self.serial += 1
        doc: _Doc = {"id": f"{prefix}{self.serial:07d}", "name": name, "source": source}
        doc["target"] = target
        if entities:
            doc["entities"] = list(entities)
        if via:
            doc["via"] = list(via)
        if mode != "default_share":  # defaults are omitted, as the converter dumps them
            doc["mode"] = mode
        doc["api_id"] = api or f"VAPEX-{self.serial:07d}"
        if mandatory:
            doc["mandatory"] = True
        if official_signature:
            doc["official_signature"] = True
        self.flows.append(doc)
        return doc

    def document(self, title: str) -> _Doc:
        """The submission document, every element list sorted by id."""
        doc: _Doc = {
            "format_version": 1,
            "submission": {
                "submitter": self.submitter,
                "framework_version": "4.0",
                "as_of": AS_OF,
                "title": title,
            },
        }
        for name in ("agencies", "systems", "platforms", "databases", "entities"):
            doc[name] = sorted(getattr(self, name), key=lambda e: e["id"])
        doc["flows"] = sorted(self.flows, key=lambda e: e["id"])
        doc["services"] = sorted(self.services, key=lambda e: e["id"])
        return doc


def _quality() -> _Doc:
    return {
        "dung": True,
        "du": True,
        "sach": True,
        "song": True,
        "thong_nhat": True,
        "dung_chung": True,
        "update_frequency": "daily",
        "last_sync": AS_OF,
        "evidence": "Báo cáo đánh giá chất lượng dữ liệu năm 2025 (tổng hợp)",
    }


def _system(
    ident: str,
    name: str,
    owner: str,
    layer: str,
    scope: str,
    *,
    tenants: Sequence[str] = (),
    capabilities: Sequence[str] = (),
    operator: str | None = None,
) -> _Doc:
    doc: _Doc = {"id": ident, "name": name, "owner": owner}
    if operator:
        doc["operator"] = operator
    doc["layer"] = layer
    if capabilities:
        doc["capabilities"] = list(capabilities)
    doc["scope"] = scope
    doc["hosting"] = "gov_cloud"
    doc["security_level"] = 2 if scope == "commune" else 3
    if tenants:
        doc["tenants"] = list(tenants)
    return doc


def _database(
    ident: str,
    name: str,
    owner: str,
    *,
    authoritative: Sequence[str] = (),
    copies: Sequence[str] = (),
) -> _Doc:
    doc = _system(ident, name, owner, "data", "provincial")
    doc["db_class"] = "provincial_shared"
    if authoritative:
        doc["authoritative_for"] = list(authoritative)
    if copies:
        doc["copies"] = list(copies)
    doc["quality"] = _quality()
    return doc


def _suffix(k: int) -> str:
    return "" if k == 0 else f"-{k + 1}"


def _mid(name: str) -> str:
    """A unit name as written mid-sentence: "Phường Ba Đình" -> "phường Ba Đình"."""
    return f"{name[:1].lower()}{name[1:]}"


def _province(
    draft: Draft, province: AdministrativeUnit, communes: Sequence[AdministrativeUnit], factor: int
) -> None:
    """All elements and structural flows of one province and its communes."""
    code = province.code or province.id.rsplit("/", 1)[-1]
    p = f"t{code}"
    pname = _mid(province.name)
    committee = f"{p}-ubnd"
    lgsp, tthc, qlvb = f"{p}-lgsp", f"{p}-tthc", f"{p}-qlvb"
    kho, land_db, plan_db = f"{p}-kho", f"{p}-csdl-dat-dai", f"{p}-csdl-quy-hoach"
    plan_entity = f"{p}-quy-hoach"
    centre, khcn = f"{p}-ttphcc", f"{p}-so-khcn"
    unit = province.id

    draft.agencies.append(
        {
            "id": committee,
            "name": f"Ủy ban nhân dân {pname}",
            "level": "provincial",
            "type": "provincial_peoples_committee",
            "unit": unit,
        }
    )
    departments = [f"{p}-{d.key}" for d in DEPARTMENTS]
    for dept, ident in zip(DEPARTMENTS, departments, strict=True):
        draft.agencies.append(
            {
                "id": ident,
                "name": f"{dept.name} {pname}",
                "level": "provincial",
                "type": "department",
                "unit": unit,
                "parent": committee,
                "name_en": dept.name_en,
            }
        )
    draft.agencies.append(
        {
            "id": centre,
            "name": f"Trung tâm Phục vụ hành chính công {pname}",
            "level": "provincial",
            "type": "public_admin_service_center",
            "unit": unit,
            "parent": committee,
        }
    )
    commune_ids = [f"x{c.code}-ubnd" for c in communes]
    for commune, ident in zip(communes, commune_ids, strict=True):
        draft.agencies.append(
            {
                "id": ident,
                "name": f"Ủy ban nhân dân {_mid(commune.name)}",
                "level": "commune",
                "type": "commune_peoples_committee",
                "unit": commune.id,
                "parent": committee,
            }
        )
    provincial_bodies = [*departments, centre]
    users = [*provincial_bodies, *commune_ids]

    # Platforms: the LGSP (linked to NDXP) and the procedure system (linked to NPSP).
    platform = _system(
        lgsp,
        f"Nền tảng tích hợp, chia sẻ dữ liệu {pname} (LGSP)",
        committee,
        "integration",
        "provincial",
        tenants=users,
        capabilities=("data_integration",),
        operator=khcn,
    )
    platform["instance_of"] = INTEGRATION_TEMPLATE
    draft.platforms.append(platform)
    platform = _system(
        tthc,
        f"Hệ thống thông tin giải quyết thủ tục hành chính {pname}",
        committee,
        "portal_service",
        "provincial",
        tenants=users,
        capabilities=("procedure_case_handling",),
        operator=centre,
    )
    platform["instance_of"] = PROCEDURE_TEMPLATE
    draft.platforms.append(platform)

    # Provincial systems: documents, citizen channel, data centre, security monitoring.
    draft.systems.append(
        _system(
            qlvb,
            f"Hệ thống quản lý văn bản và điều hành {pname}",
            committee,
            "application",
            "provincial",
            tenants=users,
            operator=khcn,
        )
    )
    app, dc, soc = f"{p}-app-cong-dan", f"{p}-ttdl", f"{p}-giam-sat-attt"
    draft.systems.append(
        _system(app, f"Ứng dụng phản ánh, kiến nghị {pname}", committee, "channel", "provincial")
    )
    draft.systems.append(
        _system(dc, f"Trung tâm dữ liệu {pname}", khcn, "infrastructure", "provincial")
    )
    draft.systems.append(
        _system(soc, f"Hệ thống giám sát an toàn thông tin {pname}", khcn, "security", "provincial")
    )

    # Databases with quality profiles; each syncs to the national aggregate database.
    draft.entities.append(
        {
            "id": plan_entity,
            "name": f"Thông tin quy hoạch xây dựng {pname}",
            "data_layer": "danh_muc",
            "identifier_key": "ma_quy_hoach",
        }
    )
    draft.databases.append(
        _database(kho, f"Kho dữ liệu dùng chung {pname}", committee, copies=("vn:entity/person",))
    )
    draft.databases.append(
        _database(
            land_db,
            f"Cơ sở dữ liệu đất đai {pname}",
            f"{p}-so-nnmt",
            copies=("vn:entity/land-parcel",),
        )
    )
    draft.databases.append(
        _database(
            plan_db,
            f"Cơ sở dữ liệu quy hoạch xây dựng {pname}",
            f"{p}-so-xd",
            authoritative=(plan_entity,),
        )
    )

    # Line-of-business systems of the departments (``factor`` of each).
    dept_systems: list[str] = []
    for dept, dept_id in zip(DEPARTMENTS, departments, strict=True):
        if dept.system is None:
            continue
        for k in range(factor):
            ident = f"{dept_id}-ht{_suffix(k)}"
            dept_systems.append(ident)
            draft.systems.append(
                _system(ident, f"{dept.system} {pname}", dept_id, "application", "provincial")
            )
            _department_flows(draft, dept, ident, lgsp, tthc)

    # Structural flows of the province.
    draft.flow(lgsp, NDXP, (), name=f"Kết nối LGSP {pname} với NDXP")
    draft.flow(tthc, NPSP, (NDXP,), name="Đồng bộ hồ sơ TTHC lên Cổng Dịch vụ công quốc gia")
    draft.flow(
        qlvb,
        VDXP,
        (),
        name="Gửi nhận văn bản điện tử qua Trục liên thông văn bản quốc gia",
        mode="document_exchange",
        official_signature=True,
    )
    draft.flow(app, tthc, (lgsp,), name="Chuyển phản ánh, kiến nghị vào hệ thống TTHC")
    draft.flow(dc, soc, (lgsp,), name="Gửi nhật ký hệ thống về giám sát an toàn thông tin")
    for source, entities in ENTITY_SOURCES:
        draft.flow(
            source,
            tthc,
            (NDXP, lgsp),
            name="Khai thác dữ liệu phục vụ giải quyết TTHC",
            entities=entities,
            mode="on_request",
        )
    draft.flow(
        "vn:db/population",
        kho,
        (NDXP, lgsp),
        name="Đồng bộ dữ liệu công dân từ CSDLQG về dân cư",
        entities=("vn:entity/person",),
        mode="sync_master",
    )
    draft.flow(
        "vn:db/land",
        land_db,
        (NDXP, lgsp),
        name="Đồng bộ dữ liệu thửa đất từ CSDLQG về đất đai",
        entities=("vn:entity/land-parcel",),
        mode="sync_master",
    )
    for database, entities in (
        (kho, ("vn:entity/person",)),
        (land_db, ("vn:entity/land-parcel",)),
        (plan_db, (plan_entity,)),
    ):
        draft.flow(
            database,
            tthc,
            (lgsp,),
            name="Cung cấp dữ liệu cho giải quyết TTHC",
            entities=entities,
            mode="on_request",
        )
        draft.flow(
            database,
            AGGREGATE_DB,
            (lgsp, NDOP),
            name="Đồng bộ dữ liệu về CSDL tổng hợp quốc gia",
            entities=entities,
            mode="sync_master",
            mandatory=True,
        )

    # Public services of the province.
    draft.services.append(
        {
            "id": f"{p}-dv-cap-phep-xay-dung",
            "name": "Cấp giấy phép xây dựng nhà ở riêng lẻ",
            "owner": f"{p}-so-xd",
            "procedure_code": "1.009994",
            "competent_level": "provincial",
            "online_level": "toan_trinh",
            "channels": ["npsp", "vneid", "counter"],
            "handled_by": tthc,
            "required_inputs": [
                {"entity": "vn:entity/person", "obtained_from": "shared_data"},
                {"entity": "vn:entity/land-parcel", "obtained_from": "shared_data"},
                {"entity": plan_entity, "obtained_from": "shared_data"},
            ],
        }
    )

    # Communes: a committee (tenant of the provincial platforms), systems and two services.
    commune_systems: list[str] = []
    for commune, committee_id in zip(communes, commune_ids, strict=True):
        x = f"x{commune.code}"
        for k in range(factor):
            ident = f"{x}-ht{_suffix(k)}"
            commune_systems.append(ident)
            draft.systems.append(
                _system(
                    ident,
                    f"Hệ thống thông tin quản lý địa bàn {_mid(commune.name)}",
                    committee_id,
                    "application",
                    "commune",
                )
            )
            draft.flow(
                ident,
                tthc,
                (lgsp,),
                name="Gửi hồ sơ TTHC tiếp nhận tại xã",
                entities=("vn:entity/procedure-case",),
            )
            draft.flow(
                kho,
                ident,
                (lgsp,),
                name="Khai thác dữ liệu công dân từ kho dữ liệu tỉnh",
                entities=("vn:entity/person",),
                mode="on_request",
            )
        draft.services.append(
            _commune_service(
                f"{x}-dv-khai-sinh",
                "Đăng ký khai sinh",
                "1.001193",
                committee_id,
                tthc,
                ("vn:entity/person", "vn:entity/residence"),
            )
        )
        draft.services.append(
            _commune_service(
                f"{x}-dv-chung-thuc",
                "Chứng thực bản sao từ bản chính",
                "2.000815",
                committee_id,
                tthc,
                ("vn:entity/person",),
            )
        )
    draft.provinces.append(
        ProvinceIds(
            code=code,
            committee=committee,
            lgsp=lgsp,
            tthc=tthc,
            departments=tuple(departments),
            dept_systems=tuple(dept_systems),
            databases=(kho, land_db, plan_db),
            communes=tuple(commune_ids),
            commune_systems=tuple(commune_systems),
        )
    )


def _department_flows(draft: Draft, dept: Department, system: str, lgsp: str, tthc: str) -> None:
    draft.flow(
        "vn:db/population",
        system,
        (NDXP, lgsp),
        name="Xác thực thông tin công dân",
        entities=("vn:entity/person",),
        mode="on_request",
    )
    draft.flow(system, tthc, (lgsp,), name="Cập nhật kết quả giải quyết TTHC")
    if dept.national_db is not None:
        draft.flow(
            system,
            dept.national_db,
            (lgsp, NDXP),
            name="Báo cáo, đồng bộ dữ liệu chuyên ngành lên cơ sở dữ liệu quốc gia",
            entities=dept.entities,
        )


def _commune_service(
    ident: str, name: str, code: str, owner: str, handler: str, inputs: Sequence[str]
) -> _Doc:
    return {
        "id": ident,
        "name": name,
        "owner": owner,
        "procedure_code": code,
        "competent_level": "commune",
        "online_level": "toan_trinh",
        "channels": ["npsp", "vneid", "counter"],
        "handled_by": handler,
        "required_inputs": [{"entity": e, "obtained_from": "shared_data"} for e in inputs],
    }


def _submitter_platform(draft: Draft) -> None:
    """The national submitter's ministry (MOST, over the digital-transformation authority) runs
    its own LGSP linked to NDXP, like every ministry (NĐ 194/2025 Art. 20)."""
    ident = "bo-khcn-lgsp"
    draft.platforms.append(
        {
            "id": ident,
            "name": "Nền tảng tích hợp, chia sẻ dữ liệu Bộ Khoa học và Công nghệ",
            "owner": "vn:agency/bo-khoa-hoc-va-cong-nghe",
            "operator": SUBMITTER,
            "layer": "integration",
            "capabilities": ["data_integration"],
            "scope": "ministry",
            "hosting": "gov_cloud",
            "security_level": 3,
            "instance_of": INTEGRATION_TEMPLATE,
        }
    )
    draft.flow(ident, NDXP, (), name="Kết nối LGSP Bộ Khoa học và Công nghệ với NDXP")


def structural_flow_count(cat: Catalogue, scale: Scale) -> int:
    """How many flows the clean structure itself needs (the minimum for ``flows``)."""
    provinces = _provinces(cat, scale)
    communes = sum(len(cat.communes_of(p.code or "")) for p in provinces)
    with_db = sum(1 for d in DEPARTMENTS if d.system and d.national_db)
    with_system = sum(1 for d in DEPARTMENTS if d.system)
    per_province = 5 + len(ENTITY_SOURCES) + 2 + 6 + scale.factor * (2 * with_system + with_db)
    national = 1 if scale.province is None else 0  # the submitter's ministry LGSP
    return national + len(provinces) * per_province + 2 * communes * scale.factor


def _provinces(cat: Catalogue, scale: Scale) -> tuple[AdministrativeUnit, ...]:
    if scale.province is None:
        return cat.provinces
    province = cat.province(scale.province)
    if province is None:
        raise ValueError(f"no province with code {scale.province!r} in the catalogue")
    return (province,)


def _bulk(draft: Draft, rng: random.Random, count: int) -> None:
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


def build(cat: Catalogue, scale: Scale, flows: int, rng: random.Random) -> Draft:
    """The clean architecture for ``scale`` with exactly ``flows`` flows."""
    minimum = structural_flow_count(cat, scale)
    if flows < minimum:
        raise ValueError(
            f"{scale} needs at least {minimum} flows for its structure; asked for {flows}"
        )
    provinces = _provinces(cat, scale)
    submitter = SUBMITTER if scale.province is None else f"t{provinces[0].code}-ubnd"
    draft = Draft(submitter=submitter)
    if scale.province is None:
        _submitter_platform(draft)
    for province in provinces:
        _province(draft, province, cat.communes_of(province.code or ""), scale.factor)
    if len(draft.flows) != minimum:
        raise AssertionError(f"structural flows {len(draft.flows)} != {minimum}")
    _bulk(draft, rng, flows - minimum)
    return draft
