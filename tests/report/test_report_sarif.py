"""SARIF 2.1.0: valid against the OASIS schema, stable fingerprints, regions and suppressions."""

import datetime as dt
import json
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from report_fixtures import HOSTILE, SCHEMA, check_golden
from sarif_github import github_upload_problems

from vndgaf.diagnostics import Finding, Location, Report, Severity, Text
from vndgaf.project import HOMEPAGE
from vndgaf.report.sarif import (
    FINGERPRINT_KEY,
    artifact_uri,
    first_paragraph,
    render_sarif,
    source_root,
)


@pytest.fixture(scope="module")
def validators() -> list[jsonschema.protocols.Validator]:
    """Draft 7 (as the project uses) and Draft 4 (what the schema declares), offline."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return [jsonschema.Draft7Validator(schema), jsonschema.Draft4Validator(schema)]


def _sarif(report: Report, lang: str = "en") -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(render_sarif(report, lang=lang, tool_version="0.1.0"))
    return doc


def _errors(validators: list[jsonschema.protocols.Validator], doc: Any) -> list[str]:
    return [f"{e.json_path}: {e.message}" for v in validators for e in v.iter_errors(doc)]


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_sarif_validates_against_oasis_schema(
    validators: list[jsonschema.protocols.Validator],
    national_report: Report,
    hostile_report: Report,
    lang: str,
) -> None:
    """The national, hostile and empty reports give SARIF the OASIS 2.1.0 schema accepts."""
    for report in (national_report, hostile_report, Report(findings=())):
        assert _errors(validators, _sarif(report, lang)) == []


def test_schema_check_is_not_vacuous(validators: list[jsonschema.protocols.Validator]) -> None:
    """The schema rejects a result with an invalid level, so a pass above means something."""
    bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}},
           "results": [{"message": {"text": "m"}, "level": "fatal"}]}]}  # fmt: skip
    assert any("fatal" in e for e in _errors(validators, bad))


def test_sarif_matches_golden(national_report: Report) -> None:
    """The SARIF of the two-province fixture is exactly the reviewed snapshot."""
    check_golden("national.en.sarif", render_sarif(national_report, tool_version="0.1.0"))


def test_sarif_driver_rules(national_report: Report) -> None:
    """Rules carry descriptions, help with legal basis and fix, default level, tags."""
    driver = _sarif(national_report)["runs"][0]["tool"]["driver"]
    assert driver["name"] == "vndgaf" and driver["semanticVersion"] == "0.1.0"
    assert driver["informationUri"] == HOMEPAGE
    iop = next(r for r in driver["rules"] if r["id"] == "IOP001")
    assert iop["name"] == "flow-bypasses-integration-platform"
    assert iop["shortDescription"]["text"] == (
        "Inter-agency data flow does not go through an integration platform"
    )
    assert iop["fullDescription"]["text"] == (
        "A data flow between two agencies that names no integration platform in `via`."
    )
    assert "Legal basis: Decree 194/2025/NĐ-CP, Art. 20" in iop["help"]["text"]
    assert "Fix: Route the flow through the provincial LGSP and the NDXP." in iop["help"]["text"]
    assert "**Legal basis:** Decree 194/2025/NĐ-CP, Art. 20" in iop["help"]["markdown"]
    assert iop["defaultConfiguration"] == {"level": "error"}
    assert iop["properties"] == {
        "legalBasis": "Decree 194/2025/NĐ-CP, Art. 20", "instruments": [], "sourced": True,
        "tags": ["IOP"],
    }  # fmt: skip
    assert iop["helpUri"] == f"{HOMEPAGE}/blob/main/docs/rules/IOP001.md"
    uri = render_sarif(national_report, tool_version="0.1.0", information_uri="https://x.test/")
    assert json.loads(uri)["runs"][0]["tool"]["driver"]["informationUri"] == "https://x.test/"
    bare = render_sarif(national_report, tool_version="0.1.0", information_uri=None)
    assert "informationUri" not in json.loads(bare)["runs"][0]["tool"]["driver"]


def test_sarif_vietnamese_rule_texts(national_report: Report) -> None:
    """With lang=vi rule titles, help labels and messages are Vietnamese."""
    run = _sarif(national_report, "vi")["runs"][0]
    assert run["language"] == "vi"
    dat = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "DAT002")
    assert dat["shortDescription"]["text"].startswith("Dịch vụ công yêu cầu người dân")
    assert "Cơ sở pháp lý: khoản 3 Điều 9 Nghị định 47/2020/NĐ-CP" in dat["help"]["text"]
    assert "Cách khắc phục: Khai thác thông tin" in dat["help"]["text"]


def test_sarif_results_point_at_lines(national_report: Report) -> None:
    """Results reference their rule by id and index and carry region, uri and properties."""
    run = _sarif(national_report)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert [r["ruleId"] for r in results] == [f.code for f in national_report.findings]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)
    first_iop = results[1]
    physical = first_iop["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"] == {
        "uri": "submissions/ha-noi/architecture.yaml", "uriBaseId": "%SRCROOT%", "index": 0,
    }  # fmt: skip
    assert physical["region"] == {"startLine": 42, "startColumn": 7}
    assert first_iop["level"] == "error"
    assert first_iop["properties"]["related"] == ["vn:agency/bo-tu-phap", "vn:platform/ndxp"]
    assert first_iop["properties"]["legalBasis"] == "Decree 194/2025/NĐ-CP, Art. 20"
    # Line 0: the file is known but not the line, so there is no region.
    no_line = results[4]["locations"][0]["physicalLocation"]
    assert (
        no_line["artifactLocation"]["uri"] == "submissions/ho-chi-minh/ki%E1%BA%BFn-tr%C3%BAc.yaml"
    )
    assert "region" not in no_line
    # No location at all: only the logical location (the element) remains.
    assert results[0]["locations"] == [
        {"logicalLocations": [{"fullyQualifiedName": "hn-inv-mot-cua", "kind": "element"}]}
    ]
    assert [a["location"]["uri"] for a in run["artifacts"]] == [
        "submissions/ha-noi/architecture.yaml",
        "submissions/ho-chi-minh/ki%E1%BA%BFn-tr%C3%BAc.yaml",
    ]


def test_sarif_suppressions(national_report: Report) -> None:
    """Only the suppressed finding has an in-source suppression with its justification."""
    results = _sarif(national_report)["runs"][0]["results"]
    suppressed = [r for r in results if "suppressions" in r]
    assert len(suppressed) == 1
    assert suppressed[0]["suppressions"] == [
        {
            "kind": "inSource",
            "status": "accepted",
            "justification": "Chủ quản đang được xác định sau sáp nhập",
            "properties": {
                "rule": "GOV003", "expires": "2026-12-31",
                "owner": "Sở Khoa học và Công nghệ Hà Nội",
            },
        }
    ]  # fmt: skip


def test_fingerprints_stable_under_reordering_and_edits(national_report: Report) -> None:
    """Fingerprints depend on (code, subject, related) only: not order, message or location."""

    def prints(report: Report) -> dict[tuple[str, str], str]:
        return {
            (r["ruleId"], r["properties"]["subject"]): r["partialFingerprints"][FINGERPRINT_KEY]
            for r in _sarif(report)["runs"][0]["results"]
        }

    base = prints(national_report)
    reordered = attrs.evolve(national_report, findings=national_report.findings[::-1])
    assert prints(reordered) == base
    edited = attrs.evolve(
        national_report,
        findings=tuple(
            attrs.evolve(
                f, message=Text("changed", "đã đổi"), location=Location("moved.yaml", 1, 1)
            )
            for f in national_report.findings
        ),
    )
    assert prints(edited) == base
    assert len(set(base.values())) == len(base)
    assert all(len(v) == 64 and int(v, 16) >= 0 for v in base.values())


def test_fingerprint_separates_ambiguous_identities() -> None:
    """Identities that a naive join would merge get different fingerprints."""

    def one(subject: str, related: tuple[str, ...]) -> str:
        f = Finding("IOP001", "n", Severity.ERROR, Text("m", "m"), subject=subject, related=related)
        doc = _sarif(Report(findings=(f,)))
        return str(doc["runs"][0]["results"][0]["partialFingerprints"][FINGERPRINT_KEY])

    assert one("a,b", ()) != one("a", ("b",))
    assert one("a", ("b", "c")) != one("a", ("b,c",))
    assert one("a", ("b", "c")) != one("a", ("c", "b"))


def test_sarif_is_deterministic_and_invocation_free(national_report: Report) -> None:
    """Same report, same bytes; no invocation or timestamp in the log."""
    one = render_sarif(national_report, tool_version="0.1.0")
    assert one == render_sarif(national_report, tool_version="0.1.0")
    assert "invocations" not in one and "Time" not in one


def test_sarif_hostile_text_is_inert(hostile_report: Report) -> None:
    """Hostile strings survive as data and leave no raw control character in the file."""
    text = render_sarif(hostile_report, tool_version="0.1.0")
    assert "\x1b" not in text
    result = json.loads(text)["runs"][0]["results"][0]
    assert result["message"]["text"] == f"msg {HOSTILE}"


@pytest.mark.parametrize(
    ("path", "uri", "relative"),
    [
        ("examples/hà nội.yaml", "examples/h%C3%A0%20n%E1%BB%99i.yaml", True),
        ("./a/b.yaml", "a/b.yaml", True),
        ("sub\\dir\\x.json", "sub/dir/x.json", True),
        ("/abs/x.yaml", "file:///abs/x.yaml", False),
        ("C:\\work\\x.yaml", "file:///C:/work/x.yaml", False),
    ],
)
def test_artifact_uri(path: str, uri: str, relative: bool) -> None:
    """Paths become forward-slash, percent-encoded URIs, relative to %SRCROOT% when relative."""
    assert artifact_uri(path) == (uri, relative)


@pytest.mark.parametrize(
    ("doc", "para"),
    [
        ("What it checks\n\nFirst para\nwraps.\n\nWhy it matters\n\nx", "First para wraps."),
        ("## What it checks\nA flow without via.\n\nMore.", "A flow without via."),
        ("*What it checks*: inline form.", "inline form."),
        ("Plain first.\n\nSecond.", "Plain first."),
        ("", ""),
    ],
)
def test_first_paragraph(doc: str, para: str) -> None:
    """The full description is the rule doc's first paragraph without its section heading."""
    assert first_paragraph(doc) == para


def test_sarif_adds_rules_missing_from_the_report() -> None:
    """A finding whose rule is not documented (e.g. a loader finding) still gets a rule entry."""
    f = Finding(
        "SCH001", "schema-violation", Severity.ERROR, Text("bad", "sai"),
        location=Location("a.yaml", 2, 1),
    )  # fmt: skip
    run = _sarif(Report(findings=(f,), as_of=dt.date(2026, 2, 1)))["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["SCH001"]
    assert run["results"][0]["ruleIndex"] == 0
    assert run["properties"] == {"asOf": "2026-02-01"}


def test_every_rule_links_to_its_documentation_page(national_report: Report) -> None:
    """Each rule's helpUri is docs/rules/CODE.md at the project's address; the page exists."""
    docs = Path(__file__).resolve().parents[2] / "docs" / "rules"
    rules = _sarif(national_report)["runs"][0]["tool"]["driver"]["rules"]
    assert rules
    for rule in rules:
        assert rule["helpUri"] == f"{HOMEPAGE}/blob/main/docs/rules/{rule['id']}.md"
        assert (docs / f"{rule['id']}.md").is_file()


def test_run_declares_its_root_and_automation_id(national_report: Report) -> None:
    """%SRCROOT% is declared (with no machine path) and the run has a stable automation id."""
    run = _sarif(national_report)["runs"][0]
    assert run["automationDetails"] == {"id": "vndgaf/"}
    assert set(run["originalUriBaseIds"]) == {"%SRCROOT%"}
    assert "uri" not in run["originalUriBaseIds"]["%SRCROOT%"]
    own = json.loads(render_sarif(national_report, tool_version="0.1.0", automation_id="tq/1"))
    assert own["runs"][0]["automationDetails"] == {"id": "tq/1"}


def test_paths_are_relative_to_the_root_wherever_the_run_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Relative paths from a subfolder and absolute paths inside the root become root-relative;
    a file outside the root keeps its absolute URI."""
    repo = tmp_path / "repo"
    sub = repo / "architecture" / "tinh"
    sub.mkdir(parents=True)
    monkeypatch.chdir(sub)
    assert artifact_uri("so-tu-phap.yaml", repo) == ("architecture/tinh/so-tu-phap.yaml", True)
    assert artifact_uri(str(sub / "a b.yaml"), repo) == ("architecture/tinh/a%20b.yaml", True)
    assert artifact_uri("../../x.json", repo) == ("x.json", True)
    outside = (tmp_path / "elsewhere.yaml").as_posix()
    assert artifact_uri(outside, repo) == (f"file://{outside}", False)
    (sub / "creds.yaml").symlink_to(tmp_path / "secret")  # a link is named, never followed
    assert artifact_uri("creds.yaml", repo) == ("architecture/tinh/creds.yaml", True)


def test_source_root_is_the_git_top_level_else_the_current_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The nearest folder above the inputs with a .git entry (a folder, or a file as in work
    trees and submodules); without one, the current directory."""
    repo = tmp_path / "repo"
    (repo / "architecture" / "tinh").mkdir(parents=True)
    (repo / ".git").mkdir()
    monkeypatch.chdir(repo / "architecture")
    assert source_root(["tinh/a.yaml", "tinh/b.yaml"]) == repo.resolve()
    assert source_root([str(repo / "architecture")]) == repo.resolve()
    worktree = tmp_path / "wt"
    worktree.mkdir()
    (worktree / ".git").write_text("gitdir: /elsewhere\n", encoding="utf-8")
    assert source_root([str(worktree / "a.yaml")]) == worktree.resolve()
    plain = tmp_path / "plain"
    plain.mkdir()
    monkeypatch.chdir(plain)
    assert source_root(["x.yaml"], cwd=plain) == plain.resolve()


def test_github_check_is_not_vacuous(national_report: Report) -> None:
    """The GitHub checker finds an empty help text and a result without a fingerprint."""
    doc = _sarif(national_report)
    doc["runs"][0]["tool"]["driver"]["rules"][0]["help"]["text"] = ""
    del doc["runs"][0]["results"][0]["partialFingerprints"]
    assert github_upload_problems(doc) == [
        "runs[0].rules[0].help.text: missing or empty",
        "runs[0].results[0].partialFingerprints: missing or empty",
    ]


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_sarif_has_what_github_code_scanning_requires(
    national_report: Report, hostile_report: Report, lang: str
) -> None:
    """The national, hostile and empty reports carry every property code scanning requires."""
    for report in (national_report, hostile_report, Report(findings=())):
        assert github_upload_problems(_sarif(report, lang)) == []
