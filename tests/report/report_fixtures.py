"""Reports built by hand for the reporter tests (the rule engine is not needed to test reporters).

``national_report`` looks like a check of two provincial submissions: several rule families,
a suppressed finding, a finding without location, Vietnamese text with diacritics and metrics of
every known kind. ``hostile_report`` carries text that tries to break each output format.
"""

import datetime as dt
import os
from pathlib import Path

import attrs

from vndgaf.diagnostics import Finding, Location, Report, RuleInfo, Severity, Text
from vndgaf.model import Suppression

GOLDEN = Path(__file__).parent / "golden"
SCHEMA = Path(__file__).parent.parent / "data" / "sarif" / "sarif-schema-2.1.0.json"
HOSTILE = 'x"<b>|`\x1b[31m\nnext'

ND47 = "Nghị định 47/2020/NĐ-CP, Điều 9 khoản 3"
ND194 = "Nghị định 194/2025/NĐ-CP, Điều 20"

RULES = (
    RuleInfo(
        code="IOP001",
        name="flow-bypasses-integration-platform",
        severity=Severity.ERROR,
        title=Text(
            "Inter-agency data flow does not go through an integration platform",
            "Luồng dữ liệu liên cơ quan không đi qua nền tảng tích hợp, chia sẻ dữ liệu",
        ),
        legal_basis=ND194,
        sourced=True,
        fix=Text(
            "Route the flow through the provincial LGSP and the NDXP.",
            "Định tuyến luồng dữ liệu qua LGSP của tỉnh và NDXP.",
        ),
        doc=(
            "What it checks\n\nA data flow between two agencies that names no integration "
            "platform in `via`.\n\nWhy it matters\n\nThe intermediary system connects agencies."
        ),
    ),
    RuleInfo(
        code="DAT002",
        name="input-requested-from-citizen-despite-shared-data",
        severity=Severity.WARNING,
        title=Text(
            "A service asks citizens for data a shared database already holds",
            "Dịch vụ công yêu cầu người dân cung cấp dữ liệu đã có trong cơ sở dữ liệu dùng chung",
        ),
        legal_basis=ND47,
        sourced=True,
        fix=Text(
            "Obtain the input from the shared database through the NDXP.",
            "Khai thác thông tin từ cơ sở dữ liệu dùng chung qua NDXP.",
        ),
        doc="*What it checks*: a required input obtained from the citizen.",
    ),
    RuleInfo(
        code="RED001",
        name="duplicated-investment-across-agencies",
        severity=Severity.WARNING,
        title=Text(
            "Two agencies invest in the same capability",
            "Hai cơ quan cùng đầu tư cho một năng lực",
        ),
        legal_basis="Quyết định 292/QĐ-BKHCN (Khung kiến trúc Chính phủ số 4.0)",
        sourced=True,
    ),
    RuleInfo(
        code="GOV003",
        name="system-without-owner",
        severity=Severity.NOTE,
        title=Text("Information system has no owner", "Hệ thống thông tin chưa có đơn vị chủ quản"),
        legal_basis="",
        sourced=False,
    ),
)


def _finding(rule: RuleInfo, message: Text, **kwargs: object) -> Finding:
    return Finding(
        code=rule.code,
        name=rule.name,
        severity=rule.severity,
        message=message,
        legal_basis=rule.legal_basis,
        fix=rule.fix,
        **kwargs,  # type: ignore[arg-type]
    )


def build_national_report() -> Report:
    """Two provincial submissions checked together (the shared realistic fixture)."""
    iop, dat, red, gov = RULES
    hn = "submissions/ha-noi/architecture.yaml"
    hcm = "submissions/ho-chi-minh/kiến-trúc.yaml"
    findings = [
        _finding(
            iop,
            Text(
                "Flow 'hn-ho-tich-to-bo-tu-phap' goes from Sở Tư pháp Hà Nội to Bộ Tư pháp "
                "without an integration platform",
                "Luồng 'hn-ho-tich-to-bo-tu-phap' từ Sở Tư pháp Hà Nội đến Bộ Tư pháp không "
                "đi qua nền tảng tích hợp",
            ),
            location=Location(hn, 42, 7, "/flows/3"),
            subject="hn-ho-tich-to-bo-tu-phap",
            related=("vn:agency/bo-tu-phap", "vn:platform/ndxp"),
            submitter="UBND Thành phố Hà Nội",
        ),
        _finding(
            dat,
            Text(
                "Service 'đăng ký khai sinh' asks the citizen for the personal identification "
                "number held by the National Population Database",
                "Dịch vụ 'đăng ký khai sinh' yêu cầu người dân cung cấp số định danh cá nhân "
                "đã có trong CSDL quốc gia về dân cư",
            ),
            location=Location(hn, 88, 9, "/services/0/inputs/1"),
            subject="hn-dang-ky-khai-sinh",
            related=("vn:db/population",),
            submitter="UBND Thành phố Hà Nội",
        ),
        _finding(
            gov,
            Text("System 'hn-mot-cua' has no owner", "Hệ thống 'hn-mot-cua' chưa có chủ quản"),
            location=Location(hn, 120, 5, "/systems/2"),
            subject="hn-mot-cua",
            suppressed_by=Suppression(
                rule="GOV003",
                reason="Chủ quản đang được xác định sau sáp nhập",
                expires=dt.date(2026, 12, 31),
                owner="Sở Khoa học và Công nghệ Hà Nội",
            ),
            submitter="UBND Thành phố Hà Nội",
        ),
        _finding(
            iop,
            Text(
                "Flow 'hcm-dat-dai-to-bo-nnmt' goes from Sở Nông nghiệp và Môi trường to "
                "Bộ Nông nghiệp và Môi trường without an integration platform",
                "Luồng 'hcm-dat-dai-to-bo-nnmt' từ Sở Nông nghiệp và Môi trường đến Bộ Nông "
                "nghiệp và Môi trường không đi qua nền tảng tích hợp",
            ),
            location=Location(hcm, 17, 3, "/flows/0"),
            subject="hcm-dat-dai-to-bo-nnmt",
            related=("vn:agency/bo-nong-nghiep-va-moi-truong",),
            submitter="UBND Thành phố Hồ Chí Minh",
        ),
        _finding(
            gov,
            Text(
                "System 'hcm-kho-du-lieu' has no owner",
                "Hệ thống 'hcm-kho-du-lieu' chưa có chủ quản",
            ),
            location=Location(hcm, 0, 0, "/systems/4"),
            subject="hcm-kho-du-lieu",
            submitter="UBND Thành phố Hồ Chí Minh",
        ),
        _finding(
            red,
            Text(
                "Hà Nội and Hồ Chí Minh both invest in an electronic one-stop system "
                "(12,500,000,000 VND in total)",
                "Hà Nội và Hồ Chí Minh cùng đầu tư hệ thống một cửa điện tử "
                "(tổng 12.500.000.000 đồng)",
            ),
            location=None,
            subject="hn-inv-mot-cua",
            related=("hcm-inv-mot-cua",),
        ),
    ]
    return Report(
        findings=tuple(sorted(findings, key=Finding.sort_key)),
        metrics={
            "elements.agencies": 48.0,
            "elements.systems": 17.0,
            "elements.flows": 23.0,
            "elements.communes": 294.0,
            "services.fully_online_share": 0.625,
            "inputs.once_only_coverage": 0.4,
            "databases.shared_share": 1.0,
            "investments.redundant_budget_vnd": 12_500_000_000.0,
            "agencies.unreachable_from_ndxp": 2.0,
            "custom.metric": 3.25,
        },
        rules=RULES,
        inputs=(hn, hcm),
        as_of=dt.date(2026, 1, 15),
        submitters=("UBND Thành phố Hà Nội", "UBND Thành phố Hồ Chí Minh"),
    )


def build_hostile_report() -> Report:
    """Every user-controlled text carries quotes, tags, pipes, backticks, ESC and newlines."""
    rule = RuleInfo(
        code="REF001",
        name="dangling-reference",
        severity=Severity.ERROR,
        title=Text("Reference to an unknown element", "Tham chiếu đến thành phần không tồn tại"),
        legal_basis="",
        sourced=False,
    )
    finding = Finding(
        code="REF001",
        name="dangling-reference",
        severity=Severity.ERROR,
        message=Text(f"msg {HOSTILE}", f"thông báo {HOSTILE}"),
        location=Location(f"dir/{HOSTILE}.yaml", 3, 5, "/a"),
        subject=f"subj {HOSTILE}",
        related=(f"rel {HOSTILE}",),
        legal_basis=f"law {HOSTILE}",
        fix=Text(f"fix {HOSTILE}", f"sửa {HOSTILE}"),
        suppressed_by=Suppression(rule="REF001", reason=f"why {HOSTILE}", owner=f"me {HOSTILE}"),
        submitter=f"sub {HOSTILE}",
    )
    active = attrs.evolve(finding, suppressed_by=None, subject=f"other {HOSTILE}")
    return Report(
        findings=tuple(sorted([finding, active], key=Finding.sort_key)),
        metrics={f"weird.{HOSTILE}": 1.0, "bad.nan": float("nan")},
        rules=(rule,),
        inputs=(f"dir/{HOSTILE}.yaml",),
        submitters=(f"sub {HOSTILE}", "other"),
    )


def check_golden(name: str, actual: str) -> None:
    """Compare ``actual`` with golden file ``name``; rewrite it when VNDGAF_UPDATE_GOLDEN=1."""
    path = GOLDEN / name
    if os.environ.get("VNDGAF_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="")
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{name} differs from its golden file (VNDGAF_UPDATE_GOLDEN=1)"
