"""One synthetic province as the two-tier structure asks: its People's Committee, departments,
LGSP, procedure and document systems, databases and services, and its communes as tenants of the
provincial platforms; every structural flow routed as a real one is.
"""

from collections.abc import Sequence

from vndgaf.model import AdministrativeUnit
from vndgaf.reference.wellknown import (
    AGGREGATE_DB,
    INTEGRATION_TEMPLATE,
    NDOP,
    NDXP,
    NPSP,
    PROCEDURE_TEMPLATE,
    VDXP,
)
from vndgaf.synth.draft import Doc, Draft, ProvinceIds, database_doc, system_doc
from vndgaf.synth.vocabulary import DEPARTMENTS, ENTITY_SOURCES, Department

__all__ = ["add_province"]


def _suffix(k: int) -> str:
    return "" if k == 0 else f"-{k + 1}"


def _mid(name: str) -> str:
    """A unit name as written mid-sentence: "Phường Ba Đình" -> "phường Ba Đình"."""
    return f"{name[:1].lower()}{name[1:]}"


def add_province(
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
    platform = system_doc(
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
    platform = system_doc(
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
        system_doc(
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
        system_doc(app, f"Ứng dụng phản ánh, kiến nghị {pname}", committee, "channel", "provincial")
    )
    draft.systems.append(
        system_doc(dc, f"Trung tâm dữ liệu {pname}", khcn, "infrastructure", "provincial")
    )
    draft.systems.append(
        system_doc(
            soc, f"Hệ thống giám sát an toàn thông tin {pname}", khcn, "security", "provincial"
        )
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
        database_doc(
            kho, f"Kho dữ liệu dùng chung {pname}", committee, copies=("vn:entity/person",)
        )
    )
    draft.databases.append(
        database_doc(
            land_db,
            f"Cơ sở dữ liệu đất đai {pname}",
            f"{p}-so-nnmt",
            copies=("vn:entity/land-parcel",),
        )
    )
    draft.databases.append(
        database_doc(
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
                system_doc(ident, f"{dept.system} {pname}", dept_id, "application", "provincial")
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
                system_doc(
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
) -> Doc:
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
