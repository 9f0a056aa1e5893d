"""vndgaf.diff: field-level element changes and findings introduced or resolved."""

import json
from pathlib import Path

from click.testing import CliRunner

from vndgaf.cli import main
from vndgaf.diff import SubmissionDiff, diff, render_diff_json, render_diff_text
from vndgaf.engine import check_loaded
from vndgaf.load import load

HEAD = """format_version: 1
submission:
  submitter: ubnd
  framework_version: "4.0"
  as_of: 2026-01-15
agencies:
  - {id: ubnd, name: Ủy ban nhân dân tỉnh Tuyên Quang, level: provincial,
     type: provincial_peoples_committee, unit: vn:province/08}
  - {id: so-a, name: Sở A, level: provincial, type: department, unit: vn:province/08,
     parent: ubnd}
"""


def _diff(tmp_path: Path, old_body: str, new_body: str) -> SubmissionDiff:
    results = []
    for name, body in (("old", old_body), ("new", new_body)):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "architecture.yaml").write_text(HEAD + body, encoding="utf-8")
        result = load([folder])
        assert result.findings == ()
        results.append(result)
    old, new = results
    return diff(old, new, check_loaded(old), check_loaded(new))


DB = """databases:
  - id: kho
    name: Kho dữ liệu
    owner: ubnd
    layer: data
    tenants: [so-a]
    quality: {dung: true, song: true}
"""


def test_changed_fields_carry_old_and_new_values_in_field_order(tmp_path: Path) -> None:
    """Changed scalars, lists (as lists) and nested fields (dotted) are listed with both values."""
    new = (
        DB.replace("owner: ubnd", "owner: so-a")
        .replace("tenants: [so-a]", "tenants: [so-a, ubnd]")
        .replace("song: true", "song: false")
    )
    d = _diff(tmp_path, DB, new)
    [change] = d.kind("databases").changed
    assert change.id == "ubnd::kho"
    assert [(c.field, c.old, c.new) for c in change.fields] == [
        ("owner", "ubnd", "so-a"),
        ("tenants", ["so-a"], ["so-a", "ubnd"]),
        ("quality.song", True, False),
    ]
    assert d.names["ubnd::kho"] == "Kho dữ liệu"
    assert "      quality.song: true -> false" in render_diff_text(d).splitlines()


def test_writing_a_default_explicitly_is_not_a_change(tmp_path: Path) -> None:
    """`status: operating` spelled out equals the omitted default: nothing changed."""
    d = _diff(
        tmp_path, DB, DB.replace("    layer: data\n", "    layer: data\n    status: operating\n")
    )
    assert d.empty
    assert render_diff_text(d, "vi").endswith("\nKhông có thay đổi.\n")


def test_field_set_from_nothing_shows_not_set(tmp_path: Path) -> None:
    """A field added in the new version shows its old value as unset (null in JSON)."""
    d = _diff(
        tmp_path, DB, DB.replace("    layer: data\n", "    layer: data\n    hosting: gov_cloud\n")
    )
    [change] = d.kind("databases").changed
    assert [(c.field, c.old, c.new) for c in change.fields] == [("hosting", None, "gov_cloud")]
    assert '      hosting: (not set) -> "gov_cloud"' in render_diff_text(d)
    doc = json.loads(render_diff_json(d))
    assert doc["elements"]["databases"]["changed"][0]["fields"] == [
        {"field": "hosting", "old": None, "new": "gov_cloud"}
    ]


DISTRICT = """  - {id: huyen-x, name: Ủy ban nhân dân huyện X, level: district,
     type: district_peoples_committee, parent: ubnd}
"""


def test_removing_an_element_resolves_its_finding(tmp_path: Path) -> None:
    """Dropping a district agency removes it and resolves its STR001 finding."""
    d = _diff(tmp_path, DISTRICT, "")
    assert d.kind("agencies").removed == ("ubnd::huyen-x",)
    assert [(f.code, f.subject) for f in d.resolved if f.code == "STR001"] == [
        ("STR001", "ubnd::huyen-x")
    ]
    assert all(f.code != "STR001" for f in d.introduced)
    text = render_diff_text(d)
    assert "  - ubnd::huyen-x (Ủy ban nhân dân huyện X)" in text
    assert "STR001 [error] district-level agency" in text


def test_adding_an_element_introduces_its_finding(tmp_path: Path) -> None:
    """The reverse edit introduces the same finding, located in the new file."""
    d = _diff(tmp_path, "", DISTRICT)
    assert d.kind("agencies").added == ("ubnd::huyen-x",)
    [finding] = [f for f in d.introduced if f.code == "STR001"]
    assert finding.subject == "ubnd::huyen-x"
    assert finding.location is not None and finding.location.path.endswith("new/architecture.yaml")
    doc = json.loads(render_diff_json(d))
    assert doc["summary"]["introduced"]["error"] >= 1
    assert "STR001" in [f["code"] for f in doc["findings"]["introduced"]]


def test_moved_findings_are_neither_introduced_nor_resolved(tmp_path: Path) -> None:
    """Findings are matched by identity, not location: reordering lines changes nothing."""
    moved = "# a new comment block pushes every line down\n#\n#\n" + DISTRICT
    d = _diff(tmp_path, DISTRICT, moved)
    assert d.introduced == () and d.resolved == ()
    assert d.empty


def test_suppressing_a_finding_resolves_it(tmp_path: Path) -> None:
    """A finding accepted by a new suppression counts as resolved."""
    suppressed = DISTRICT.replace(
        "parent: ubnd}",
        "parent: ubnd,\n     suppress: [{rule: STR001, reason: dissolving in 2026}]}",
    )
    d = _diff(tmp_path, DISTRICT, suppressed)
    assert [(f.code, f.subject) for f in d.resolved] == [("STR001", "ubnd::huyen-x")]
    [change] = d.kind("agencies").changed
    assert change.fields[0].field == "suppress"
    assert change.fields[0].old == []
    assert change.fields[0].new == [{"rule": "STR001", "reason": "dissolving in 2026"}]


def test_json_is_versioned_sorted_and_deterministic(tmp_path: Path) -> None:
    """The JSON has version 1, sorted keys, raw UTF-8, and the same bytes every time."""
    d = _diff(tmp_path, DISTRICT, "")
    text = render_diff_json(d)
    assert text == render_diff_json(d)
    doc = json.loads(text)
    assert doc["version"] == 1
    assert list(doc) == sorted(doc)
    assert "Ủy ban nhân dân huyện X" in text
    assert list(doc["elements"]) == sorted(doc["elements"])
    assert doc["elements"]["agencies"]["removed"] == [
        {"id": "ubnd::huyen-x", "name": "Ủy ban nhân dân huyện X"}
    ]


def test_as_of_checks_both_versions_on_the_same_date(tmp_path: Path) -> None:
    """A suppression expiring between the two as_of dates reappears, unless --as-of aligns them."""
    body = DISTRICT.replace(
        "parent: ubnd}",
        "parent: ubnd,\n     suppress: [{rule: STR001, reason: dissolving, expires: 2026-02-01}]}",
    )
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    (tmp_path / "old" / "a.yaml").write_text(HEAD + body, encoding="utf-8")
    later = HEAD.replace("as_of: 2026-01-15", "as_of: 2026-03-01")
    (tmp_path / "new" / "a.yaml").write_text(later + body, encoding="utf-8")
    old, new = str(tmp_path / "old"), str(tmp_path / "new")
    run = CliRunner().invoke(main, ["diff", old, new, "--format", "json"])
    assert run.exit_code == 1
    doc = json.loads(run.output)
    assert [(f["code"], f["subject"]) for f in doc["findings"]["introduced"]] == [
        ("STR001", "ubnd::huyen-x")
    ]
    assert "suppression expired on 2026-02-01" in doc["findings"]["introduced"][0]["message"]["en"]
    run = CliRunner().invoke(main, ["diff", old, new, "--format", "json", "--as-of", "2026-01-20"])
    doc = json.loads(run.output)
    assert doc["findings"] == {"introduced": [], "resolved": []}
    assert [c["id"] for c in doc["elements"]["submissions"]["changed"]] == ["ubnd"]


def test_long_id_lists_show_only_the_items_added_and_removed(tmp_path: Path) -> None:
    """A tenant list of many communes prints what came and went, not the whole list twice."""
    many = [f"xa-{i}" for i in range(8)]
    agencies = "".join(
        f"  - {{id: {a}, name: Ủy ban nhân dân xã {a}, level: commune,"
        f" type: commune_peoples_committee, parent: ubnd}}\n"
        for a in [*many, "xa-moi"]
    )
    lgsp = """platforms:
  - id: lgsp
    name: LGSP
    owner: ubnd
    instance_of: vn:platform/lgsp
    tenants: [{tenants}]
"""
    old = agencies + lgsp.format(tenants=", ".join(many))
    new = agencies + lgsp.format(tenants=", ".join([*many[1:], "xa-moi"]))
    d = _diff(tmp_path, old, new)
    [change] = d.kind("platforms").changed
    assert [(c.field, c.old, c.new) for c in change.fields] == [
        ("tenants", many, [*many[1:], "xa-moi"])
    ]
    assert '      tenants: +["xa-moi"] -["xa-0"]' in render_diff_text(d).splitlines()
    shuffled = agencies + lgsp.format(tenants=", ".join(reversed(many)))
    (tmp_path / "again").mkdir()
    d = _diff(tmp_path / "again", old, shuffled)
    assert "      tenants: (same items, new order)" in render_diff_text(d).splitlines()


def test_the_inputs_line_counts_one_file_in_the_singular(tmp_path: Path) -> None:
    """A one-file submission is "(1 file)" in English; six files are "(6 files)"."""
    text = render_diff_text(_diff(tmp_path, "", DB))
    assert "old/architecture.yaml (1 file)" in text
    assert "(1 files)" not in text
