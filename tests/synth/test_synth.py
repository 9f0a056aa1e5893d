"""Synthetic architectures: valid, deterministic, and checked to exactly their injected defects."""

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.written import all_as_written
from vndgaf.cli import main
from vndgaf.engine import check_loaded
from vndgaf.load import load
from vndgaf.rules import ALL_RULES
from vndgaf.synth import (
    DEFECT_KINDS,
    UNCOVERED,
    Scale,
    defect_count,
    minimum_flows,
    parse_scale,
    synthesize,
)

SMALL = "province:46"  # 40 communes: the second smallest province


def _load(tmp_path: Path, document: dict[str, object], name: str = "synth.json"):  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return load([path])


def _reported(result) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    report = check_loaded(result)
    return {
        (f.code, f.subject)
        for f in all_as_written(report.findings)
        if f.severity.value in ("error", "warning")
    }


def test_clean_synthesis_validates_and_checks_clean(tmp_path: Path) -> None:
    """Without defects the synthesis loads cleanly and check reports no error or warning."""
    synthesis = synthesize(scale=SMALL, flows=minimum_flows(SMALL) + 150, seed=4)
    result = _load(tmp_path, synthesis.document)
    assert result.findings == ()
    assert synthesis.defects == ()
    assert _reported(result) == set()


@pytest.mark.parametrize("seed", [0, 1, 7])
def test_check_reports_exactly_the_injected_defects(tmp_path: Path, seed: int) -> None:
    """One defect of every kind and a second round of the kinds with hosts left (a kind of one
    per province runs out in one province): check reports exactly the injected (code,
    subject) pairs, no more and no fewer."""
    count = len(DEFECT_KINDS) + 20
    synthesis = synthesize(scale=SMALL, flows=minimum_flows(SMALL) + 200, seed=seed, defects=count)
    result = _load(tmp_path, synthesis.document)
    assert result.findings == ()
    assert len(synthesis.defects) == count
    kinds = Counter(d.kind for d in synthesis.defects)
    assert set(kinds) == {name for name, _ in DEFECT_KINDS}
    assert kinds["bypass"] == kinds["orphan"] == 2
    assert _reported(result) == synthesis.expected()


def test_defect_kinds_cover_every_rule_that_one_element_can_break() -> None:
    """Every graph rule has a defect kind, or UNCOVERED says why a single element cannot carry
    its finding alone; a kind's rule is never also listed as uncovered."""
    synthesis = synthesize(
        scale=SMALL, flows=minimum_flows(SMALL), seed=0, defects=len(DEFECT_KINDS)
    )
    injected = {d.code for d in synthesis.defects}
    assert len({d.kind for d in synthesis.defects}) == len(DEFECT_KINDS)
    assert not injected & set(UNCOVERED)
    assert injected | set(UNCOVERED) == {rule.code for rule in ALL_RULES}
    assert all(reason.strip() for reason in UNCOVERED.values())


def test_only_defects_add_units_and_investments() -> None:
    """A clean document has no units and no investments lists (so its bytes are those it had
    before the kinds that add them); the defects that need them add them."""
    clean = synthesize(scale=SMALL, flows=minimum_flows(SMALL) + 50, seed=3).document
    assert "units" not in clean and "investments" not in clean
    defective = synthesize(scale=SMALL, flows=minimum_flows(SMALL) + 50, seed=3, defects=34)
    assert defective.document["units"] and defective.document["investments"]


def test_defects_as_a_fraction_of_flows(tmp_path: Path) -> None:
    """A fractional --defects rate is that share of the flows, and each one is still reported."""
    flows = minimum_flows(SMALL) + 87
    synthesis = synthesize(scale=SMALL, flows=flows, seed=2, defects=0.02)
    assert len(synthesis.defects) == round(0.02 * flows)
    assert _reported(_load(tmp_path, synthesis.document)) == synthesis.expected()


def test_same_seed_gives_same_bytes_and_other_seed_differs(tmp_path: Path) -> None:
    """The CLI writes byte-identical files for one seed, and different flows for another seed."""
    runner = CliRunner()
    outputs = []
    for seed, name in ((5, "a.yaml"), (5, "b.yaml"), (6, "c.yaml")):
        path = tmp_path / name
        args = ["synth", "--scale", SMALL, "--flows", "400", "--seed", str(seed)]
        result = runner.invoke(main, [*args, "--defects", "6", "-o", str(path)])
        assert result.exit_code == 0, result.output
        outputs.append((path.read_bytes(), Path(f"{path}.defects.json").read_bytes()))
    assert outputs[0] == outputs[1]
    assert outputs[0][0] != outputs[2][0]


def test_cli_yaml_and_json_hold_the_same_document(tmp_path: Path) -> None:
    """YAML and JSON outputs of one seed load to the same architecture; the defect list is JSON."""
    runner = CliRunner()
    for name in ("s.yaml", "s.json"):
        args = ["synth", "--scale", SMALL, "--flows", "300", "--seed", "9", "--defects", "4"]
        result = runner.invoke(main, [*args, "-o", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
        assert "4 injected defects" in result.output
    from_yaml = load([tmp_path / "s.yaml"])
    from_json = load([tmp_path / "s.json"])
    assert from_yaml.findings == from_json.findings == ()
    assert from_yaml.architecture == from_json.architecture
    listed = json.loads((tmp_path / "s.json.defects.json").read_text(encoding="utf-8"))
    assert listed["seed"] == 9
    assert [d["code"] for d in listed["defects"]] == sorted(d["code"] for d in listed["defects"])
    assert {(d["code"], d["subject"]) for d in listed["defects"]} == _reported(from_json)


def test_cli_rejects_unknown_scale_and_bad_suffix(tmp_path: Path) -> None:
    """An unknown scale or output suffix is a usage error (exit 2) with one clear line."""
    runner = CliRunner()
    bad = runner.invoke(main, ["synth", "--scale", "planet", "-o", str(tmp_path / "x.json")])
    assert bad.exit_code == 2
    assert "unknown scale 'planet'" in bad.output
    suffix = runner.invoke(main, ["synth", "--scale", SMALL, "-o", str(tmp_path / "x.txt")])
    assert suffix.exit_code == 2
    assert "must end in .json, .yaml or .yml" in suffix.output
    assert not (tmp_path / "x.json").exists()


def test_national_structure_uses_every_real_unit() -> None:
    """The national synthesis has one committee per real commune and one LGSP per province."""
    synthesis = synthesize(scale="national", flows=minimum_flows("national"), seed=0)
    doc = synthesis.document
    committees = [a for a in doc["agencies"] if a["type"] == "commune_peoples_committee"]
    assert len(committees) == 3321
    assert len({a["unit"] for a in committees}) == 3321
    lgsps = [p for p in doc["platforms"] if p.get("instance_of") == "vn:platform/lgsp"]
    owners = sorted(p["owner"] for p in lgsps)
    assert len(lgsps) == 35  # one per province, and the submitter's ministry (MOST)
    assert owners[-1] == "vn:agency/bo-khoa-hoc-va-cong-nghe"
    assert len({o for o in owners if o.endswith("-ubnd")}) == 34
    assert len(doc["flows"]) == minimum_flows("national")
    defined = [
        e["id"] for name in ("agencies", "systems", "platforms", "databases") for e in doc[name]
    ]
    assert not [i for i in defined if i.startswith("vn:")]
    assert doc["submission"]["submitter"] == "vn:agency/cuc-chuyen-doi-so-quoc-gia"
    hanoi = next(a for a in doc["agencies"] if a["id"] == "t01-ubnd")
    assert hanoi["name"] == "Ủy ban nhân dân thành phố Hà Nội"


def test_scale_factor_multiplies_systems_not_units() -> None:
    """A scale factor gives that many systems per commune, with the same committees."""
    one = synthesize(scale=SMALL, flows=minimum_flows(SMALL), seed=0).document
    three = synthesize(scale=f"{SMALL}*3", flows=minimum_flows(f"{SMALL}*3"), seed=0).document
    assert len(three["agencies"]) == len(one["agencies"])
    commune_systems = [s for s in three["systems"] if s["id"].startswith("x")]
    assert len(commune_systems) == 3 * 40
    assert minimum_flows(f"{SMALL}*3") > 2 * minimum_flows(SMALL)


def test_parse_scale_and_defect_count() -> None:
    """Scales parse to province and factor; counts stay counts and fractions scale the flows."""
    assert parse_scale("national") == Scale(None, 1)
    assert parse_scale("province:08*10") == Scale("08", 10)
    assert str(parse_scale("NATIONAL*3")) == "national*3"
    with pytest.raises(ValueError, match="unknown scale"):
        parse_scale("province:8")
    assert defect_count(12, 1000) == 12
    assert defect_count(0.005, 1000) == 5
    with pytest.raises(ValueError, match="whole count"):
        defect_count(2.5, 1000)


def test_too_few_flows_and_unknown_province_are_value_errors() -> None:
    """Asking for fewer flows than the structure needs, or a missing province, raises ValueError."""
    with pytest.raises(ValueError, match=f"at least {minimum_flows(SMALL)} flows"):
        synthesize(scale=SMALL, flows=10)
    with pytest.raises(ValueError, match="no province with code '99'"):
        synthesize(scale="province:99", flows=1000)
