"""Hand-built architectures for the exchange tests (each exercises different fields)."""

import datetime as dt

from vndgaf.model import (
    AdministrativeUnit,
    Agency,
    AgencyType,
    Architecture,
    Channel,
    Database,
    DatabaseClass,
    DataEntity,
    DataFlow,
    DataLayer,
    DataQuality,
    FlowMode,
    FrameworkVersion,
    Hosting,
    InformationSystem,
    InputSource,
    Investment,
    Layer,
    Level,
    Network,
    OnlineLevel,
    Platform,
    Provenance,
    PublicService,
    RequiredInput,
    Status,
    Submission,
    Suppression,
    UnitKind,
)

#: A name that tries to break every syntax the exporters write.
HOSTILE = 'Sở "Tài chính" {x} <b>đậm</b> \\ a\nb ]]> -- \x01\x07\x1b & #quot; |[x]|'


def empty() -> Architecture:
    """No elements at all."""
    return Architecture(format_version=1)


def province() -> Architecture:
    """A provincial submission: agencies in two tiers, a flow through LGSP and NDXP."""
    return Architecture(
        format_version=1,
        submission=Submission(
            submitter="ubnd-tq",
            framework_version=FrameworkVersion.V4_0,
            as_of=dt.date(2025, 7, 1),
            title="Kiến trúc tỉnh Tuyên Quang",
        ),
        units=(
            AdministrativeUnit(
                id="tq",
                name="Tuyên Quang",
                kind=UnitKind.TINH,
                code="08",
                valid_from=dt.date(2025, 7, 1),
                predecessor_codes=("08", "02"),
                provenance=Provenance(source="NQ 202/2025/QH15"),
            ),
            AdministrativeUnit(id="tq-xa-1", name="Xã Minh Xuân", kind=UnitKind.XA, parent="tq"),
        ),
        agencies=(
            Agency(
                id="ubnd-tq",
                name="UBND tỉnh Tuyên Quang",
                level=Level.PROVINCIAL,
                type=AgencyType.PROVINCIAL_PEOPLES_COMMITTEE,
                unit="vn:province/08",
                name_en="Tuyen Quang PC",
                short_name="UBND tỉnh",
            ),
            Agency(
                id="stc-tq",
                name="Sở Tài chính",
                level=Level.PROVINCIAL,
                type=AgencyType.DEPARTMENT,
                parent="ubnd-tq",
                unit="tq",
            ),
            Agency(
                id="ubnd-xa-1",
                name="UBND xã Minh Xuân",
                level=Level.COMMUNE,
                parent="ubnd-tq",
                successor_of=("old-a", "old-b"),
            ),
            Agency(id="old-a", name="UBND xã cũ A", level=Level.COMMUNE, active=False),
            Agency(id="old-b", name="UBND xã cũ B", level=Level.COMMUNE, active=False),
        ),
        systems=(
            InformationSystem(
                id="tq/motcua",
                name="Hệ thống một cửa",
                owner="ubnd-tq",
                operator="stc-tq",
                layer=Layer.APPLICATION,
                capabilities=("procedure_handling", "e_payment"),
                status=Status.OPERATING,
                hosting=Hosting.GOV_CLOUD,
                security_level=3,
                tenants=("stc-tq", "ubnd-xa-1"),
                properties={"vendor": "VNPT", "ghi chú": "x"},
                suppress=(
                    Suppression(rule="IOP001", reason="đã duyệt", expires=dt.date(2026, 1, 1)),
                ),
            ),
            InformationSystem(id="tq:ketoan", name="Kế toán", owner="stc-tq"),
        ),
        platforms=(
            Platform(
                id="tq-lgsp",
                name="LGSP Tuyên Quang",
                owner="ubnd-tq",
                instance_of="vn:platform/lgsp",
                layer=Layer.INTEGRATION,
            ),
        ),
        databases=(
            Database(
                id="tq-db-dat",
                name="CSDL đất đai",
                owner="stc-tq",
                db_class=DatabaseClass.PROVINCIAL_SHARED,
                authoritative_for=("e-thua-dat",),
                copies=("vn:entity/person",),
                state_secret=False,
                quality=DataQuality(dung=True, song=False, last_sync=dt.date(2025, 6, 30)),
            ),
        ),
        entities=(
            DataEntity(
                id="e-thua-dat",
                name="Thửa đất",
                code="TD01",
                data_layer=DataLayer.CHU,
                national_master=True,
            ),
        ),
        flows=(
            DataFlow(
                id="f-dat-ndxp",
                source="tq-db-dat",
                target="vn:db/land",
                via=("tq-lgsp", "vn:platform/ndxp"),
                entities=("e-thua-dat", "vn:entity/person"),
                mode=FlowMode.SYNC_MASTER,
                network=Network.SPECIALISED_DATA_NETWORK,
                mandatory=True,
                official_signature=True,
                name="Đồng bộ đất đai",
            ),
            DataFlow(id="f-local", source="tq/motcua", target="tq:ketoan"),
            DataFlow(id="f-back", source="tq:ketoan", target="tq/motcua", via=("tq-lgsp",)),
        ),
        services=(
            PublicService(
                id="tthc-1",
                name="Cấp giấy chứng nhận",
                owner="stc-tq",
                procedure_code="1.001",
                online_level=OnlineLevel.TOAN_TRINH,
                channels=(Channel.NPSP, Channel.COUNTER),
                handled_by="tq/motcua",
                required_inputs=(
                    RequiredInput(entity="e-thua-dat", obtained_from=InputSource.SHARED_DATA),
                ),
                cross_boundary_within_province=False,
            ),
        ),
        investments=(
            Investment(
                id="inv-1",
                name="Nâng cấp LGSP",
                owner="ubnd-tq",
                capability="integration",
                budget_vnd=12_500_000_000,
                reuses=("tq-lgsp", "vn:platform/ndxp"),
                status=Status.PLANNED,
            ),
        ),
    )


def ministry() -> Architecture:
    """A ministry: central tier only, a flow to a catalogue system, an unowned system."""
    return Architecture(
        format_version=1,
        agencies=(
            Agency(id="btp", name="Bộ Tư pháp", level=Level.CENTRAL, type=AgencyType.MINISTRY),
        ),
        systems=(
            InformationSystem(id="btp-hotich", name="Hộ tịch điện tử", owner="btp"),
            InformationSystem(id="orphan", name="Hệ thống chưa rõ chủ quản"),
        ),
        flows=(
            DataFlow(
                id="f1",
                source="btp-hotich",
                target="vn:db/population",
                via=("vn:platform/ndxp",),
                status=Status.PLANNED,
            ),
        ),
    )


def hostile() -> Architecture:
    """Names and values built to break XML, Mermaid and GraphML syntax."""
    return Architecture(
        format_version=1,
        agencies=(Agency(id="a", name=HOSTILE, level=Level.CENTRAL, name_en=HOSTILE),),
        systems=(
            InformationSystem(id="s", name=HOSTILE, owner="a", properties={HOSTILE: HOSTILE}),
            InformationSystem(id="t", name="]]>", owner="a"),
        ),
        flows=(DataFlow(id="f", source="s", target="t", name=HOSTILE),),
    )


ALL = {"empty": empty, "province": province, "ministry": ministry, "hostile": hostile}
