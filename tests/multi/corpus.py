"""A national review corpus: every province and a few ministries, each written independently.

The 34 provincial submissions are written in three id styles, as three architects would write
them without talking to each other, so that most local ids (``lgsp``, ``tthc``, ``f1``,
``f-lgsp-ndxp`` …) repeat across submissions:

- *short*: ``ubnd-<slug>`` submits; ``lgsp``, ``tthc``, ``qlvb``, ``hotich``, flows ``f1`` …;
- *suffixed* (the README's style): ``lgsp-<slug>``, flows ``f-lgsp-ndxp``, ``f-tthc-npsp`` …;
- *upper*: ``LGSP``, ``TTHC``, ``QLVB``, flows ``F01`` …, in JSON.

Every third province sends civil-status events to the Ministry of Justice's system by its
qualified id (``vn:agency/bo-tu-phap::hotich``) and declares it under ``externals``; the
Ministry of Health receives from two provinces' systems the same way. Each submission carries a
few planted defects of its own (a direct flow, a missing VDXP link, a redundant single sign-on),
and two provinces fund the same video-conferencing system (RED002 only shows together).
"""

import json
import unicodedata
from pathlib import Path
from typing import Any

import yaml

from vndgaf.reference import catalogue

__all__ = ["write_corpus"]

_STYLES = ("short", "suffixed", "upper")

_BTP = "vn:agency/bo-tu-phap"
_BYT = "vn:agency/bo-y-te"
_BCA = "vn:agency/bo-cong-an"


def _slug(name: str) -> str:
    """An ASCII id part from a province name ("Tỉnh Cao Bằng" -> "cao-bang")."""
    bare = name.removeprefix("Tỉnh ").removeprefix("Thành phố ").replace("đ", "d").replace("Đ", "D")
    ascii_name = unicodedata.normalize("NFKD", bare).encode("ascii", "ignore").decode()
    return "-".join(ascii_name.lower().split())


def _ids(style: str, slug: str) -> dict[str, str]:
    if style == "short":
        return {
            "ubnd": f"ubnd-{slug}",
            "khcn": "so-khcn",
            "tp": "so-tu-phap",
            "lgsp": "lgsp",
            "tthc": "tthc",
            "qlvb": "qlvb",
            "hotich": "hotich",
            "sso": "sso",
            "f_ndxp": "f1",
            "f_npsp": "f2",
            "f_vdxp": "f3",
            "f_btp": "f4",
            "f_direct": "f5",
            "hntt": "dt-hntt",
        }
    if style == "suffixed":
        return {
            "ubnd": f"ubnd-{slug}",
            "khcn": f"so-khcn-{slug}",
            "tp": f"so-tp-{slug}",
            "lgsp": f"lgsp-{slug}",
            "tthc": f"tthc-{slug}",
            "qlvb": f"qlvb-{slug}",
            "hotich": f"hotich-{slug}",
            "sso": f"sso-{slug}",
            "f_ndxp": "f-lgsp-ndxp",
            "f_npsp": "f-tthc-npsp",
            "f_vdxp": "f-qlvb-vdxp",
            "f_btp": "f-hotich-btp",
            "f_direct": "f-truc-tiep",
            "hntt": "dt-hntt",
        }
    return {
        "ubnd": f"UBND.{slug}",
        "khcn": "SKHCN",
        "tp": "STP",
        "lgsp": "LGSP",
        "tthc": "TTHC",
        "qlvb": "QLVB",
        "hotich": "HOTICH",
        "sso": "SSO",
        "f_ndxp": "F01",
        "f_npsp": "F02",
        "f_vdxp": "F03",
        "f_btp": "F04",
        "f_direct": "F05",
        "hntt": "DT.HNTT",
    }


def _province(index: int, code: str, name: str) -> tuple[str, dict[str, Any]]:
    """One provincial submission: its folder name and its document."""
    slug = _slug(name)
    style = _STYLES[index % 3]
    i = _ids(style, slug)
    unit = f"vn:province/{code}"
    agencies = [
        {
            "id": i["ubnd"],
            "name": f"Ủy ban nhân dân {name}",
            "level": "provincial",
            "type": "provincial_peoples_committee",
            "unit": unit,
        },
        {
            "id": i["khcn"],
            "name": f"Sở Khoa học và Công nghệ {name}",
            "level": "provincial",
            "type": "department",
            "unit": unit,
            "parent": i["ubnd"],
        },
        {
            "id": i["tp"],
            "name": f"Sở Tư pháp {name}",
            "level": "provincial",
            "type": "department",
            "unit": unit,
            "parent": i["ubnd"],
        },
    ]
    platforms = [
        {
            "id": i["lgsp"],
            "name": f"Nền tảng tích hợp, chia sẻ dữ liệu {name}",
            "instance_of": "vn:platform/lgsp",
            "owner": i["ubnd"],
            "operator": i["khcn"],
            "layer": "integration",
            "scope": "provincial",
            "capabilities": ["data_integration"],
            "tenants": [i["khcn"], i["tp"]],
        },
        {
            "id": i["tthc"],
            "name": f"Hệ thống thông tin giải quyết thủ tục hành chính {name}",
            "instance_of": "vn:platform/tthc-system",
            "owner": i["ubnd"],
            "layer": "portal_service",
            "scope": "provincial",
            "capabilities": ["procedure_case_handling"],
        },
    ]
    systems = [
        {
            "id": i["qlvb"],
            "name": f"Hệ thống quản lý văn bản {name}",
            "owner": i["ubnd"],
            "layer": "application",
            "scope": "provincial",
            "capabilities": ["document_management"],
            "tenants": [i["khcn"], i["tp"]],
        },
        {
            "id": i["hotich"],
            "name": f"Phần mềm hộ tịch {name}",
            "owner": i["tp"],
            "layer": "application",
            "scope": "provincial",
            "capabilities": ["civil_status_registration"],
        },
    ]
    flows: list[dict[str, Any]] = [
        {
            "id": i["f_ndxp"],
            "name": "LGSP - NDXP",
            "source": i["lgsp"],
            "target": "vn:platform/ndxp",
        },
        {
            "id": i["f_npsp"],
            "name": "Đồng bộ hồ sơ lên Cổng Dịch vụ công quốc gia",
            "source": i["tthc"],
            "target": "vn:platform/npsp",
            "via": [i["lgsp"], "vn:platform/ndxp"],
            "api_id": f"vapex-{code}-tthc",
        },
    ]
    if index % 4 != 1:  # the others forget the document axis: IOP007 on their qlvb
        flows.append(
            {
                "id": i["f_vdxp"],
                "name": "Liên thông văn bản",
                "source": i["qlvb"],
                "target": "vn:platform/vdxp",
                "mode": "document_exchange",
                "official_signature": True,
            }
        )
    externals: dict[str, list[dict[str, Any]]] = {}
    if index % 3 == 0:  # civil-status events to the ministry's system, declared
        flows.append(
            {
                "id": i["f_btp"],
                "name": "Gửi dữ liệu hộ tịch lên Bộ Tư pháp",
                "source": i["hotich"],
                "target": f"{_BTP}::hotich",
                "via": [i["lgsp"], "vn:platform/ndxp"],
                "api_id": f"vapex-{code}-hotich",
            }
        )
        externals["systems"] = [
            {
                "id": f"{_BTP}::hotich",
                "name": "Hệ thống thông tin đăng ký và quản lý hộ tịch",
                "owner": _BTP,
                "layer": "application",
                "scope": "national",
            }
        ]
    if index % 7 == 2:  # planted: straight to the ministry's system, no platform (IOP001)
        flows.append(
            {
                "id": i["f_direct"],
                "name": "Gửi thẳng hộ tịch lên Bộ",
                "source": i["hotich"],
                "target": f"{_BTP}::hotich",
                "network": "internet",
            }
        )
        externals["systems"] = [
            {
                "id": f"{_BTP}::hotich",
                "name": "Hệ thống thông tin đăng ký và quản lý hộ tịch",
                "owner": _BTP,
            }
        ]
    if index == 6:  # reports to the Ministry of Public Security's document system, declared
        flows.append(
            {
                "id": f"{i['f_vdxp']}-bca",
                "name": "Báo cáo an ninh trật tự",
                "source": i["qlvb"],
                "target": f"{_BCA}::qlvb",
                "via": ["vn:platform/vdxp"],
                "mode": "document_exchange",
                "official_signature": True,
            }
        )
        externals.setdefault("systems", []).append(
            {"id": f"{_BCA}::qlvb", "name": "Hệ thống quản lý văn bản Bộ Công an", "owner": _BCA}
        )
    if index % 5 == 3:  # planted: a provincial single sign-on without justification (RED001)
        platforms.append(
            {
                "id": i["sso"],
                "name": f"Hệ thống xác thực tập trung {name}",
                "owner": i["khcn"],
                "layer": "shared_platform",
                "scope": "provincial",
                "capabilities": ["identity_authentication"],
                "tenants": [i["tp"]],
            }
        )
    document: dict[str, Any] = {
        "format_version": 1,
        "submission": {
            "submitter": i["ubnd"],
            "framework_version": "4.0",
            "as_of": f"2025-{9 + index % 4:02d}-{1 + index % 28:02d}",
        },
        "agencies": agencies,
        "platforms": platforms,
        "systems": systems,
        "flows": flows,
    }
    if index in (4, 10):  # two provinces fund the same video-conferencing system (RED002)
        document["investments"] = [
            {
                "id": i["hntt"],
                "name": f"Hội nghị truyền hình {name}",
                "owner": i["ubnd"],
                "capability": "video_conferencing",
                "budget_vnd": 12_000_000_000,
                "justification": "Chưa có nền tảng quốc gia dùng chung cho hội nghị truyền hình.",
            }
        ]
    if externals:
        document["externals"] = externals
    return f"{code}-{slug}", document


def _justice() -> dict[str, Any]:
    """The Ministry of Justice: the civil-status system provinces send to."""
    return {
        "format_version": 1,
        "submission": {"submitter": _BTP, "framework_version": "4.0", "as_of": "2025-12-01"},
        "agencies": [
            {
                "id": "cuc-cntt",
                "name": "Cục Công nghệ thông tin, Bộ Tư pháp",
                "level": "central",
                "type": "public_service_unit",
                "parent": _BTP,
            }
        ],
        "platforms": [
            {
                "id": "lgsp",
                "name": "Nền tảng tích hợp, chia sẻ dữ liệu Bộ Tư pháp",
                "instance_of": "vn:platform/lgsp",
                "owner": _BTP,
                "operator": "cuc-cntt",
                "layer": "integration",
                "scope": "ministry",
                "capabilities": ["data_integration"],
            }
        ],
        "systems": [
            {
                "id": "hotich",
                "name": "Hệ thống thông tin đăng ký và quản lý hộ tịch",
                "owner": _BTP,
                "operator": "cuc-cntt",
                "layer": "application",
                "scope": "national",
                "capabilities": ["civil_status_registration"],
            }
        ],
        "flows": [
            {"id": "f1", "name": "LGSP Bộ - NDXP", "source": "lgsp", "target": "vn:platform/ndxp"},
            {
                "id": "f2",
                "name": "Hộ tịch lên CSDL hộ tịch",
                "source": "hotich",
                "target": "vn:db/civil-status",
                "via": ["lgsp"],
            },
        ],
    }


def _health(provinces: list[tuple[str, str]]) -> dict[str, Any]:
    """The Ministry of Health: receives from two provinces' document systems, declared with
    their owner (each province's submitter, its People's Committee)."""
    sources = [(f"{submitter}::{qlvb}", submitter) for submitter, qlvb in provinces]
    return {
        "format_version": 1,
        "submission": {"submitter": _BYT, "framework_version": "4.0", "as_of": "2025-11-01"},
        "platforms": [
            {
                "id": "lgsp",
                "name": "Nền tảng tích hợp, chia sẻ dữ liệu Bộ Y tế",
                "instance_of": "vn:platform/lgsp",
                "owner": _BYT,
                "layer": "integration",
                "scope": "ministry",
            }
        ],
        "systems": [
            {
                "id": "qlvb",
                "name": "Hệ thống quản lý văn bản Bộ Y tế",
                "owner": _BYT,
                "layer": "application",
                "scope": "ministry",
                "capabilities": ["document_management"],
            }
        ],
        "flows": [
            {"id": "f1", "name": "LGSP Bộ - NDXP", "source": "lgsp", "target": "vn:platform/ndxp"},
            {
                "id": "f2",
                "name": "Liên thông văn bản",
                "source": "qlvb",
                "target": "vn:platform/vdxp",
                "mode": "document_exchange",
                "official_signature": True,
            },
            *(
                {
                    "id": f"f-bc-{n}",
                    "name": "Báo cáo y tế của tỉnh",
                    "source": source,
                    "target": "qlvb",
                    "via": ["vn:platform/vdxp"],
                    "mode": "document_exchange",
                    "official_signature": True,
                }
                for n, (source, _submitter) in enumerate(sources, start=1)
            ),
        ],
        "externals": {
            "systems": [
                {
                    "id": source,
                    "name": "Hệ thống quản lý văn bản của tỉnh",
                    "owner": f"{submitter}::{submitter}",
                }
                for source, submitter in sources
            ],
            "agencies": [
                {
                    "id": f"{submitter}::{submitter}",
                    "name": "Ủy ban nhân dân tỉnh",
                    "level": "provincial",
                    "type": "provincial_peoples_committee",
                }
                for _source, submitter in sources
            ],
        },
    }


def _security() -> dict[str, Any]:
    """The Ministry of Public Security: a document system one province reports to."""
    return {
        "format_version": 1,
        "submission": {"submitter": _BCA, "framework_version": "4.0", "as_of": "2025-10-15"},
        "platforms": [
            {
                "id": "lgsp",
                "name": "Nền tảng tích hợp, chia sẻ dữ liệu Bộ Công an",
                "instance_of": "vn:platform/lgsp",
                "owner": _BCA,
                "layer": "integration",
                "scope": "ministry",
            }
        ],
        "systems": [
            {
                "id": "qlvb",
                "name": "Hệ thống quản lý văn bản Bộ Công an",
                "owner": _BCA,
                "layer": "application",
                "scope": "ministry",
                "capabilities": ["document_management"],
            }
        ],
        "flows": [
            {"id": "f1", "name": "LGSP Bộ - NDXP", "source": "lgsp", "target": "vn:platform/ndxp"},
            {
                "id": "f2",
                "name": "Liên thông văn bản",
                "source": "qlvb",
                "target": "vn:platform/vdxp",
                "mode": "document_exchange",
                "official_signature": True,
            },
        ],
    }


def write_corpus(root: Path) -> list[Path]:
    """Write the corpus under ``root``, one folder per submission; give the folders, sorted."""
    folders: list[Path] = []
    health_sources: list[tuple[str, str]] = []
    for index, province in enumerate(catalogue().provinces):
        name, document = _province(index, province.code or "", province.name)
        folder = root / name
        folder.mkdir()
        style = _STYLES[index % 3]
        if style == "upper":
            (folder / "kien-truc.json").write_text(
                json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8"
            )
        else:  # several files, as architects split them
            head = {k: document[k] for k in ("format_version", "submission", "agencies")}
            rest = {k: v for k, v in document.items() if k not in ("submission", "agencies")}
            (folder / "submission.yaml").write_text(
                yaml.safe_dump(head, allow_unicode=True, sort_keys=False), encoding="utf-8"
            )
            (folder / "systems.yaml").write_text(
                yaml.safe_dump(rest, allow_unicode=True, sort_keys=False), encoding="utf-8"
            )
        if index in (2, 3):  # both link their document system to VDXP themselves
            health_sources.append(
                (document["submission"]["submitter"], _ids(style, _slug(province.name))["qlvb"])
            )
        folders.append(folder)
    ministries = (
        ("bo-tu-phap", _justice()),
        ("bo-y-te", _health(health_sources)),
        ("bo-cong-an", _security()),
    )
    for name, document in ministries:
        folder = root / name
        folder.mkdir()
        (folder / "architecture.yaml").write_text(
            yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
        folders.append(folder)
    return sorted(folders)
