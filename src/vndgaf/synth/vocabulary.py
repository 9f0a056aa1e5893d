"""The fixed vocabulary of a synthetic architecture: departments, their systems, services.

Names are real Vietnamese titles of provincial bodies and systems; procedure codes are the ones
already used in the bundled examples. Which department runs which system is a plausible design
[I], not a statement about any real province.
"""

import attrs

from vndgaf.reference.wellknown import POPULATION_DB

__all__ = [
    "CIVIL_STATUS_DB",
    "DEPARTMENTS",
    "ENTITY_SOURCES",
    "NATIONAL_FEEDS",
    "SUBMITTER",
    "Department",
]

#: Who submits a merged national model (the national digital-transformation authority).
SUBMITTER = "vn:agency/cuc-chuyen-doi-so-quoc-gia"

CIVIL_STATUS_DB = "vn:db/civil-status"


@attrs.frozen
class Department:
    """A provincial department and the line-of-business system it runs (if any)."""

    key: str
    name: str
    name_en: str
    system: str | None = None
    """Name of its system (``None``: the department runs no system of its own)."""
    national_db: str | None = None
    """National database its system reports to."""
    entities: tuple[str, ...] = ()
    """Entities its system sends to that database."""


DEPARTMENTS: tuple[Department, ...] = (
    Department("so-khcn", "Sở Khoa học và Công nghệ", "Department of Science and Technology"),
    Department(
        "so-tp",
        "Sở Tư pháp",
        "Department of Justice",
        "Hệ thống quản lý hộ tịch",
        CIVIL_STATUS_DB,
        ("vn:entity/civil-status-event",),
    ),
    Department(
        "so-xd",
        "Sở Xây dựng",
        "Department of Construction",
        "Hệ thống cấp phép xây dựng",
        "vn:db/construction-activities",
        ("vn:entity/construction-permit",),
    ),
    Department(
        "so-tc",
        "Sở Tài chính",
        "Department of Finance",
        "Hệ thống quản lý tài chính, ngân sách",
        "vn:db/finance",
    ),
    Department(
        "so-nv",
        "Sở Nội vụ",
        "Department of Home Affairs",
        "Hệ thống quản lý cán bộ, công chức, viên chức",
        "vn:db/cadres-civil-servants",
        ("vn:entity/civil-servant",),
    ),
    Department("so-yt", "Sở Y tế", "Department of Health", "Hệ thống quản lý y tế", "vn:db/health"),
    Department(
        "so-gddt",
        "Sở Giáo dục và Đào tạo",
        "Department of Education and Training",
        "Hệ thống quản lý giáo dục",
        "vn:db/education-training",
    ),
    Department(
        "so-nnmt",
        "Sở Nông nghiệp và Môi trường",
        "Department of Agriculture and Environment",
        "Hệ thống quản lý nông nghiệp, môi trường",
        "vn:db/agriculture",
    ),
)

#: Catalogue databases each provincial procedure system fetches from, with the entities.
ENTITY_SOURCES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (POPULATION_DB, ("vn:entity/person",)),
    ("vn:db/residence", ("vn:entity/residence",)),
    ("vn:db/land", ("vn:entity/land-parcel",)),
)

#: Catalogue databases that feed commune systems in bulk flows, with the entities carried.
NATIONAL_FEEDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (POPULATION_DB, ("vn:entity/person",)),
    ("vn:db/residence", ("vn:entity/residence",)),
    ("vn:db/land", ("vn:entity/land-parcel",)),
    (CIVIL_STATUS_DB, ("vn:entity/civil-status-event",)),
)
