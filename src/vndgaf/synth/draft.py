"""The synthetic architecture while it is built: element lists, ids kept for the defect injector,
and the records of the elements every province repeats (systems, databases).
"""

from collections.abc import Sequence
from typing import Any

import attrs

__all__ = ["AS_OF", "Doc", "Draft", "ProvinceIds", "database_doc", "system_doc"]

#: The date every synthetic submission describes (after the two-tier reform, before 2027).
AS_OF = "2025-11-15"

#: One element or the whole submission, as plain submission-format data.
Doc = dict[str, Any]


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
    units: list[Doc] = attrs.Factory(list)
    agencies: list[Doc] = attrs.Factory(list)
    systems: list[Doc] = attrs.Factory(list)
    platforms: list[Doc] = attrs.Factory(list)
    databases: list[Doc] = attrs.Factory(list)
    entities: list[Doc] = attrs.Factory(list)
    flows: list[Doc] = attrs.Factory(list)
    services: list[Doc] = attrs.Factory(list)
    investments: list[Doc] = attrs.Factory(list)
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
    ) -> Doc:
        """Append one flow with the next serial id and return it."""
        self.serial += 1
        doc: Doc = {"id": f"{prefix}{self.serial:07d}", "name": name, "source": source}
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

    def document(self, title: str) -> Doc:
        """The submission document, every element list sorted by id (units and investments
        only when a defect added some, so a clean document keeps its bytes)."""
        doc: Doc = {
            "format_version": 1,
            "submission": {
                "submitter": self.submitter,
                "framework_version": "4.0",
                "as_of": AS_OF,
                "title": title,
            },
        }
        if self.units:
            doc["units"] = sorted(self.units, key=lambda e: e["id"])
        for name in ("agencies", "systems", "platforms", "databases", "entities"):
            doc[name] = sorted(getattr(self, name), key=lambda e: e["id"])
        doc["flows"] = sorted(self.flows, key=lambda e: e["id"])
        doc["services"] = sorted(self.services, key=lambda e: e["id"])
        if self.investments:
            doc["investments"] = sorted(self.investments, key=lambda e: e["id"])
        return doc


def _quality() -> Doc:
    """A data-quality profile that meets all six attributes (clean data raises no DAT010)."""
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


def system_doc(
    ident: str,
    name: str,
    owner: str,
    layer: str,
    scope: str,
    *,
    tenants: Sequence[str] = (),
    capabilities: Sequence[str] = (),
    operator: str | None = None,
) -> Doc:
    """A system or platform record; optional fields appear only when given."""
    doc: Doc = {"id": ident, "name": name, "owner": owner}
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


def database_doc(
    ident: str,
    name: str,
    owner: str,
    *,
    authoritative: Sequence[str] = (),
    copies: Sequence[str] = (),
) -> Doc:
    """A provincial shared database with its quality profile."""
    doc = system_doc(ident, name, owner, "data", "provincial")
    doc["db_class"] = "provincial_shared"
    if authoritative:
        doc["authoritative_for"] = list(authoritative)
    if copies:
        doc["copies"] = list(copies)
    doc["quality"] = _quality()
    return doc
