"""Public models written by Archi, The Open Group's exchange plug-in and Visual Paradigm: what
the import keeps, derives and keeps aside, counted by type (tests/data/archimate-samples/README.md
says where each file comes from)."""

from collections import Counter
from pathlib import Path

import pytest
from exchange_xsd import schema_errors

from vndgaf.converter import dumps
from vndgaf.engine import check_loaded
from vndgaf.exchange.archimate_import import ImportResult, from_archimate
from vndgaf.exchange.archimate_read import document_text, read_model
from vndgaf.exchange.archimate_summary import import_counts
from vndgaf.load import load
from vndgaf.model import Level

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "archimate-samples"
REAL = [
    "opengroup_archisurance_3.1.xml",
    "opengroup_archisurance_2.1.xml",
    "archi_Archisurance.archimate",
    "arktect_visual_paradigm_3.1.xml",
    "arktect_archi_5.0.2_3.1.xml",
]
#: Relationship types that can say that data moves or is used (the acceptance of issue 18).
DATA_TYPES = ("Flow", "Triggering", "Serving", "Access")


def _import(name: str) -> ImportResult:
    path = SAMPLES / name
    return from_archimate(path.read_text(encoding="utf-8"), path=str(path))


def _flows(result: ImportResult) -> list[object]:
    return sorted(result.architecture.flows, key=lambda f: f.id)


def _states(result: ImportResult, part: str) -> dict[str, tuple[int, int, int]]:
    table = getattr(import_counts(result), part)
    return {t: (c["imported"], c["derived"], c["kept_aside"]) for t, c in table.items()}


@pytest.mark.parametrize("name", REAL)
def test_every_relationship_is_imported_derived_or_kept_with_a_reason(name: str) -> None:
    """Each element and relationship of the file is in exactly one state; every kept-aside one
    has a reason and a group; the counts add up to the file's own counts."""
    result = _import(name)
    base = result.base
    assert base is not None
    counts = import_counts(result)
    assert counts.total("elements") == len(base.findall(".//{*}elements/{*}element"))
    assert counts.total("relationships") == len(base.findall(".//{*}relationships/{*}relationship"))
    kept = {k.source_id for k in result.kept_aside if k.reason and k.group}
    for rel in base.findall(".//{*}relationships/{*}relationship"):
        rid = rel.get("identifier", "")
        used = any(rid in (m.source_id, *m.derived_from) for m in result.mapped)
        assert used or rid in kept, rid


def test_archisurance_31_counts_by_type() -> None:
    """ArchiSurance (exchange 3.1): 7 component-to-component Serving relationships are flows,
    2 flows are derived through application services, 3 write accesses make databases, 4
    technology Serving and 2 Realization relationships are hosting — no relationship is lost."""
    result = _import("opengroup_archisurance_3.1.xml")
    assert _states(result, "relationships") == {
        "Access": (3, 0, 11),
        "Aggregation": (0, 0, 11),
        "Assignment": (0, 0, 6),
        "Association": (0, 0, 28),
        "Composition": (0, 0, 5),
        "Flow": (0, 0, 33),
        "Realization": (5, 2, 24),
        "Serving": (11, 2, 19),
        "Specialization": (0, 0, 5),
        "Triggering": (0, 0, 13),
    }
    arch = result.architecture
    assert (len(arch.agencies), len(arch.systems), len(arch.databases)) == (17, 7, 3)
    assert (len(arch.entities), len(arch.services), len(arch.flows)) == (14, 6, 9)
    assert arch.platforms == ()  # servers and technology services are hosting, not platforms
    assert {a.level for a in arch.agencies} == {Level.UNKNOWN}
    derived = {f.id: f for f in arch.flows if f.provenance is not None}
    assert sorted((f.source, f.target, f.name) for f in derived.values()) == [
        ("id-1393", "id-861", "CIS"),
        ("id-861", "id-1399", "Claim InfoServ"),
    ]
    cis = derived["id-1393-to-id-861"].provenance
    assert cis is not None and cis.confidence.value == "inference"
    assert cis.source == "derived on ArchiMate import from id-1422, id-1426"
    assert cis.note == (
        "ArchiMate 3.1 derivation (Appendix B.2): CRM System -Realization-> CIS; "
        "CIS -Serving-> Policy Data Management"
    )
    assert {d.id: d.authoritative_for for d in arch.databases} == {
        "id-861": ("id-838",),
        "id-855": ("id-837",),
        "id-867": ("id-839",),
    }
    bank = next(s for s in arch.systems if s.id == "id-1813")
    assert bank.properties["hosted_on"] == "BIBIT Server (Device)"
    flows = {(f.source, f.target) for f in arch.flows}
    hosts = {k.source_id for k in result.mapped if k.kind == "hosting"}
    assert not any(h in {f.id for f in arch.flows} for h in hosts)
    assert ("id-1128", "id-861") not in flows  # a technology service does not send data


def test_archisurance_21_reads_the_21_names() -> None:
    """The 2.1 file (UsedByRelationship, RealisationRelationship, InfrastructureService …)
    gives the same flows as the 3.1 file; its accesses have no direction in 2.1 and are kept
    aside with that reason instead of being guessed."""
    old = _import("opengroup_archisurance_2.1.xml")
    new = _import("opengroup_archisurance_3.1.xml")
    assert old.source_format == "ArchiMate 2.1 exchange"
    assert _flows(old) == _flows(new)
    states = _states(old, "relationships")
    assert states["Serving"] == (11, 2, 19)
    assert states["Access"] == (0, 0, 14)
    reasons = {k.reason for k in old.kept_aside if k.archimate_type == "Access"}
    assert "access without read or write direction" in reasons
    assert old.architecture.databases == ()


def test_archi_native_model_maps_like_its_export() -> None:
    """Archi's .archimate ArchiSurance (folders, bounds, sourceConnection) maps like the
    exchange file of the same model: same systems, flows and derived flows."""
    native = _import("archi_Archisurance.archimate")
    exchange = _import("opengroup_archisurance_3.1.xml")
    assert native.source_format == "Archi (.archimate)"
    assert _flows(native) == _flows(exchange)
    assert sorted(s.id for s in native.architecture.systems) == sorted(
        s.id for s in exchange.architecture.systems
    )
    assert _states(native, "relationships")["Serving"] == (11, 2, 19)


@pytest.mark.parametrize(
    ("name", "flows", "derived"),
    [("arktect_visual_paradigm_3.1.xml", 2, 2), ("arktect_archi_5.0.2_3.1.xml", 2, 2)],
)
def test_other_tools_exports(name: str, flows: int, derived: int) -> None:
    """An export from Visual Paradigm and one from Archi 5: flows between components through an
    application service are derived, and data use makes a database."""
    result = _import(name)
    arch = result.architecture
    assert len(arch.flows) == flows
    assert sum(1 for f in arch.flows if f.provenance is not None) == derived
    assert sorted((bool(d.authoritative_for), bool(d.copies)) for d in arch.databases) == [
        (False, True),
        (True, False),
    ]


@pytest.mark.parametrize("name", [n for n in REAL if n.endswith(".xml")])
def test_real_exchange_files_are_valid(name: str) -> None:
    """The kept files validate against their official XSD (3.1 or 2.1)."""
    text = (SAMPLES / name).read_text(encoding="utf-8")
    version = "2.1" if "_2.1" in name else "3.1"
    assert schema_errors(text, version) == []


@pytest.mark.parametrize("name", REAL)
def test_normalised_source_is_valid_31(name: str) -> None:
    """Whatever the format, the document read (2.1 and .archimate rewritten) is valid 3.1 with
    every element, relationship and view of the source."""
    source = read_model((SAMPLES / name).read_text(encoding="utf-8"), path=name)
    text = document_text(source.root)
    assert schema_errors(text) == []
    expected = {
        "opengroup_archisurance_3.1.xml": (120, 178, 17),
        "opengroup_archisurance_2.1.xml": (120, 178, 17),
        "archi_Archisurance.archimate": (120, 176, 17),
        "arktect_visual_paradigm_3.1.xml": (97, 46, 4),
        "arktect_archi_5.0.2_3.1.xml": (92, 42, 4),
    }[name]
    root = source.root
    assert (
        len(root.findall("{*}elements/{*}element")),
        len(root.findall("{*}relationships/{*}relationship")),
        len(root.findall("{*}views/{*}diagrams/{*}view")),
    ) == expected


@pytest.mark.parametrize("name", REAL)
def test_checking_an_imported_model_summarises_what_it_does_not_say(
    name: str, tmp_path: Path
) -> None:
    """The imported model is checked like any submission: owners and tiers the model does not
    state are one GOV001 and one GOV005 finding, not one per element."""
    result = _import(name)
    path = tmp_path / "imported.yaml"
    path.write_text(dumps(result.architecture), encoding="utf-8")
    report = check_loaded(load([path]))
    codes = Counter(f.code for f in report.findings)
    assert codes["GOV005"] == 1
    assert codes["GOV001"] <= 1
    owned = result.architecture.systems + result.architecture.databases
    if len(owned) >= 5:
        assert codes["GOV001"] == 1
        finding = next(f for f in report.findings if f.code == "GOV001")
        assert finding.message.en.endswith(
            "have no owner: the submission does not say who owns what"
        )
