"""Build a clean synthetic architecture (plain submission-format data) from the real units.

Every province gets its People's Committee, departments, an LGSP linked to NDXP, a procedure
system linked to NPSP, a document system on VDXP, databases that sync to the national aggregate
database, and public services that take their inputs from shared data; every commune gets its
People's Committee (tenant of the provincial platforms) and small systems reaching the nation
through the provincial LGSP. The remaining flows are drawn at random, routed as real ones are.
"""

import random

from vndgaf.model import AdministrativeUnit
from vndgaf.reference import Catalogue
from vndgaf.reference.wellknown import INTEGRATION_TEMPLATE, NDXP
from vndgaf.synth.draft import AS_OF, Draft, ProvinceIds
from vndgaf.synth.province import add_province
from vndgaf.synth.scale import Scale
from vndgaf.synth.traffic import add_random_flows
from vndgaf.synth.vocabulary import DEPARTMENTS, ENTITY_SOURCES, SUBMITTER

__all__ = ["AS_OF", "Draft", "ProvinceIds", "build", "structural_flow_count"]


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
        add_province(draft, province, cat.communes_of(province.code or ""), scale.factor)
    if len(draft.flows) != minimum:
        raise AssertionError(f"structural flows {len(draft.flows)} != {minimum}")
    add_random_flows(draft, rng, flows - minimum)
    return draft
