"""Finding messages name elements the way a reader knows them: by their display label.

Every family (STR, IOP, RED, DAT, GOV) writes ``graph.label(id)`` in quotes, never a bare id of
an element that has a name; the id is added when two elements share the name.
"""

import datetime as dt
import re
from pathlib import Path

import pytest

from vndgaf.engine import check_loaded
from vndgaf.graph import build_graph
from vndgaf.load import load
from vndgaf.model.namespaces import qualify
from vndgaf.reference import catalogue

EXAMPLES = Path(__file__).parents[2] / "examples"


@pytest.mark.parametrize("examples", [("tuyen-quang", "bo-tu-phap"), ("tuyen-quang-v2",)])
def test_no_message_quotes_the_id_of_a_named_element(examples: tuple[str, ...]) -> None:
    """No quoted text in any message, English or Vietnamese, is the id of an element whose
    label differs from its id; and each family's findings quote at least one label."""
    result = load([EXAMPLES / name for name in examples])
    report = check_loaded(result)
    graph = build_graph(result.architecture, catalogue(), report.as_of)
    # The graph holds one submission's ids as written, several submissions' ids qualified;
    # findings name elements by qualified id, and their messages write a submission's own ids
    # as the submission does.
    graph_id = {result.qualified(i): i for i in (*graph.kinds, *(f.id for f in graph.flows))}
    rule_findings = [f for f in report.findings if f.family not in ("SCH", "REF")]
    assert {f.family for f in rule_findings} >= {"IOP", "DAT", "RED"}
    labelled = 0
    for finding in rule_findings:
        for message in (finding.message.en, finding.message.vi):
            quoted = re.findall(r"'([^']+)'", message)
            ids = {q: graph_id.get(qualify(finding.submitter, q), q) for q in quoted}
            raw = [q for q, i in ids.items() if graph.label(i) != i]
            assert raw == [], f"{finding.code}: {message}"
            labelled += graph.label(graph_id.get(finding.subject, finding.subject)) in message
    assert labelled >= len(rule_findings)


def test_a_shared_name_carries_the_id(tmp_path: Path) -> None:
    """Two systems with one name are told apart in the message by their ids."""
    path = tmp_path / "s.yaml"
    path.write_text(
        """format_version: 1
submission: {submitter: ubnd, framework_version: "4.0", as_of: 2025-09-01}
agencies:
  - {id: ubnd, name: UBND tỉnh Tuyên Quang, level: provincial, unit: vn:province/08}
systems:
  - {id: hs-1, name: Hệ thống một cửa, owner: ubnd, status: operating}
  - {id: hs-2, name: Hệ thống một cửa, owner: ubnd, status: operating}
""",
        encoding="utf-8",
    )
    result = load([path])
    graph = build_graph(result.architecture, catalogue(), dt.date(2025, 9, 1))
    assert graph.label("hs-1") == "Hệ thống một cửa (hs-1)"
    assert graph.labels(["hs-1", "hs-2"]) == "'Hệ thống một cửa (hs-1)', 'Hệ thống một cửa (hs-2)'"
    assert graph.label("ubnd") == "UBND tỉnh Tuyên Quang"
    messages = [f.message.en for f in check_loaded(result, select=["IOP008"]).findings]
    assert "system 'Hệ thống một cửa (hs-1)' is operating" in " ".join(messages)
