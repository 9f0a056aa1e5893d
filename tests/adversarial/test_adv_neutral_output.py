"""Neutral output in every format: control, bidirectional and separator characters and lone
surrogates in names never reach any output raw, every output is valid UTF-8, data formats keep
the names exactly, Markdown links and mentions nothing, and look-alike ids never merge.

The hostile name holds every character class the text module neutralises (C0, DEL, C1, the
Arabic letter mark, directional marks, line and paragraph separators, embeddings, overrides and
isolates) and the text GitHub would turn into links and notifications. It goes through the
real command line in every format, to standard output and to files.
"""

import io
import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from advkit import Run, agency, document, run_cli, write_json
from markdown_it import MarkdownIt

from vndgaf.converter import dumps
from vndgaf.diagnostics import Finding, Location, Report, Severity, Text
from vndgaf.exchange import from_archimate, to_archimate, to_graphml, to_mermaid
from vndgaf.graph import build_graph
from vndgaf.load import load
from vndgaf.model import Agency, Architecture, DataFlow, InformationSystem, Level
from vndgaf.reference import catalogue
from vndgaf.render import render
from vndgaf.report import render as report_render
from vndgaf.textsafe import id_token, xml_text

# Runs the command line in subprocesses: `make quick` leaves it out, `make test` runs it.
pytestmark = pytest.mark.slow

CONTROLS = (
    "\x01\x07\x1b[31m\t\r\x7f\x80\x85\x9b\x9f\u061c\u200e\u200f\u2028\u2029"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
LINKING = "@admin https://evil.example www.evil.example #123 GH-45 thu@evil.example"
HOSTILE = f"Sở {CONTROLS} {LINKING}\nhai"
# Never raw in any output: everything above except the newline (C0 other than \n, DEL, C1,
# U+061C, U+200E/F, U+2028/9, U+202A-E, U+2066-9). Surrogates cannot survive strict decoding.
RAW = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
# What GitHub turns into a link or a notification in rendered text.
LINKS = re.compile(r"@\w|#\d|://|www\.|GH-\d", re.IGNORECASE)


def _neutral(data: bytes, what: str) -> str:
    text = data.decode("utf-8")  # strict: invalid UTF-8 fails here
    found = RAW.search(text)
    assert found is None, f"{what}: raw {found.group()!r} at {found.start()}"
    return text


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A valid submission naming everything hostilely, and a second version that also echoes
    the hostile text in finding messages (an unknown key, a dangling reference)."""
    base = tmp_path_factory.mktemp("neutral")
    doc = document(
        agencies=[agency("ag-1", HOSTILE, name_en=HOSTILE)],
        systems=[
            {"id": "s-1", "name": HOSTILE, "owner": "ag-1", "properties": {HOSTILE: HOSTILE}},
            {"id": "s-2", "name": "Hệ thống hai", "owner": "ag-1"},
        ],
        flows=[{"id": "f-1", "name": HOSTILE, "source": "s-1", "target": "s-2"}],
    )
    doc["submission"]["title"] = HOSTILE
    (base / "v1").mkdir()
    (base / "v2").mkdir()
    valid = write_json(base / "v1" / "sub.json", doc)
    broken = json.loads(json.dumps(doc))
    broken["flows"].append({"id": "f-2", "source": HOSTILE, "target": "s-1"})
    broken["systems"][1][HOSTILE] = 1
    return valid, write_json(base / "v2" / "sub.json", broken)


REPORTS = ["text", "json", "sarif", "markdown", "html"]


@pytest.mark.slow
@pytest.mark.parametrize("fmt", REPORTS)
def test_check_reports_are_neutral_on_stdout_and_in_files(
    inputs: tuple[Path, Path], tmp_path: Path, fmt: str
) -> None:
    """check, every report format, valid and broken input, to standard output and to -o."""
    for path in inputs:
        out = run_cli(["check", "--format", fmt, str(path)])
        assert out.code in (0, 1), out.err
        _neutral(out.out, f"check --format {fmt}")
        target = tmp_path / f"report.{fmt}"
        to_file = run_cli(["check", "--format", fmt, "-o", str(target), str(path)])
        assert to_file.code == out.code, to_file.err
        assert target.read_bytes() == out.out


@pytest.mark.slow
def test_validate_and_diff_are_neutral(inputs: tuple[Path, Path]) -> None:
    """validate (text, JSON) on the broken version, diff (text, JSON) between the two."""
    valid, broken = inputs
    for args in (
        ["validate", str(broken)],
        ["validate", "--format", "json", str(broken)],
        ["diff", str(valid), str(broken)],
        ["diff", "--format", "json", str(valid), str(broken)],
    ):
        run = run_cli(args)
        assert run.code == 1, (args, run.err)
        _neutral(run.out, " ".join(args[:3]))


@pytest.mark.slow
@pytest.mark.parametrize("suffix", ["dot", "svg"])
def test_diagrams_are_neutral(inputs: tuple[Path, Path], tmp_path: Path, suffix: str) -> None:
    """render to DOT and SVG: no raw control; the SVG shows the bidi override as its escape."""
    out = tmp_path / f"d.{suffix}"
    run = run_cli(["render", "--view", "agency:ag-1", "-o", str(out), str(inputs[0])])
    assert run.code == 0, run.err
    text = _neutral(out.read_bytes(), f"render .{suffix}")
    assert "\\u202e" in text and "\\x9b" in text
    if suffix == "svg":
        ET.fromstring(out.read_bytes())


@pytest.mark.slow
def test_html_report_inlines_a_neutral_diagram(inputs: tuple[Path, Path]) -> None:
    """The HTML report's inline SVG diagram is as neutral as the rest of the report."""
    run = run_cli(["check", "--format", "html", str(inputs[0])])
    html = _neutral(run.out, "check --format html")
    assert "<svg" in html


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["yaml", "json", "archimate", "mermaid", "graphml"])
def test_exports_are_neutral_and_data_formats_keep_names(
    inputs: tuple[Path, Path], tmp_path: Path, fmt: str
) -> None:
    """Every export is neutral; YAML and JSON read back exactly, ArchiMate and GraphML exactly
    but for the C0 controls XML cannot hold (pictures), Mermaid shows escapes."""
    run = run_cli(["export", "--to", fmt, str(inputs[0])])
    assert run.code == 0, run.err
    text = _neutral(run.out, f"export --to {fmt}")
    target = tmp_path / f"x.{fmt}"
    assert run_cli(["export", "--to", fmt, "-o", str(target), str(inputs[0])]).code == 0
    assert target.read_bytes() == run.out
    if fmt in ("yaml", "json"):
        again = tmp_path / f"again.{fmt}"
        again.write_bytes(run.out)
        back = load([str(again)]).architecture
        assert back.agencies[0].name == back.agencies[0].name_en == HOSTILE
        assert back.systems[0].properties == {HOSTILE: HOSTILE}
        assert back.flows[0].name == HOSTILE
        assert back.submission is not None and back.submission.title == HOSTILE
    elif fmt == "archimate":
        back = from_archimate(text).architecture
        assert back.flows[0].name == xml_text(HOSTILE)
        assert "\u202e" in xml_text(HOSTILE) and "&#x202e;" in text
        imported = run_cli(["import", "archimate", str(target)])  # back to YAML, summary
        assert imported.code == 0, imported.err
        _neutral(imported.out, "import archimate")
        _neutral(imported.err.encode("utf-8"), "import archimate (standard error)")
    elif fmt == "graphml":
        graph = nx.read_graphml(io.BytesIO(run.out))
        labels = {d["vid"]: d["label"] for _, d in graph.nodes(data=True)}
        assert labels["ag-1"] == xml_text(HOSTILE)
    else:
        assert "#92;u202e" in text


@pytest.mark.slow
def test_markdown_links_and_mentions_nothing_a_name_says(inputs: tuple[Path, Path]) -> None:
    """Rendered, the Markdown report of the broken version holds no link element and no text
    GitHub would link or notify (mention, issue reference, URL, www.), though names and messages
    carry all of them."""
    run = run_cli(["check", "--format", "markdown", str(inputs[1])])
    markdown = _neutral(run.out, "check --format markdown")
    assert "evil" in markdown and "admin" in markdown
    tokens = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(markdown)
    inline = [c for t in tokens for c in (t.children or [])]
    assert not [c for c in inline if c.type in ("link_open", "html_inline")]
    shown = "".join(c.content for c in inline if c.type == "text")
    assert "evil.example" in shown
    assert LINKS.search(shown) is None, LINKS.search(shown)


# -- ids that differ only by a trailing newline or an invisible character -----------------

TWINS = {"so-tp": "Sở thật", "so-tp\n": "Sở song sinh xuống dòng", "so-tp\u200b": "Sở vô hình"}


def _twins() -> Architecture:
    """Three agencies whose ids differ only by a trailing newline or a zero-width space, each
    owning a system, and flows between the systems."""
    agencies = tuple(
        Agency(id=ident, name=name, level=Level.CENTRAL, parent="vn:agency/bo-tu-phap")
        for ident, name in TWINS.items()
    )
    systems = tuple(
        InformationSystem(id=f"ht-{n}", name=f"Hệ thống {n}", owner=ident)
        for n, ident in enumerate(TWINS)
    )
    flows = (DataFlow(id="f", source="ht-0", target="ht-1", via=("so-tp\u200b",)),)
    return Architecture(format_version=1, agencies=agencies, systems=systems, flows=flows)


def _dot_nodes(dot: str) -> dict[str, str]:
    """Node name -> its attribute text, for every node statement of vndgaf's DOT (one a line)."""
    return dict(re.findall(r"^([A-Za-z_]\w*) \[(.*)\];$", dot, flags=re.M))


def test_twin_ids_are_three_dot_nodes() -> None:
    """In DOT each twin is its own node with its own label (no label replaces another)."""
    graph = build_graph(_twins(), catalogue(), None)
    labels = _dot_nodes(render(graph, view="overview", expand=True).to_string())
    owners = {name: [n for n, label in labels.items() if name in label] for name in TWINS.values()}
    assert all(len(nodes) == 1 for nodes in owners.values()), owners
    assert len({nodes[0] for nodes in owners.values()}) == 3
    assert {"n_so_tp", "n__so_2d_tp_a_", "n__so_2d_tp_200b_"} <= set(labels)
    assert "— so-tp⧵n" in labels["n__so_2d_tp_a_"]  # the tooltip's id shows the newline


def test_twin_ids_are_three_mermaid_nodes() -> None:
    """In Mermaid each twin has its own node id and keeps its own label."""
    text = to_mermaid(_twins())
    nodes = dict(re.findall(r'^\s*(n_\w+)\(\["([^"]*)"\]\)$', text, flags=re.M))
    assert sorted(nodes.values()) == sorted(TWINS.values())
    assert sorted(nodes) == sorted("n_" + id_token(i) for i in TWINS)


def test_twin_ids_are_three_graphml_nodes() -> None:
    """networkx reads three nodes with the three exact ids, each with its own name."""
    graph = nx.read_graphml(io.BytesIO(to_graphml(_twins()).encode("utf-8")))
    by_vid = {d["vid"]: (n, d["label"]) for n, d in graph.nodes(data=True)}
    assert {v: label for v, (_, label) in by_vid.items() if v in TWINS} == TWINS
    assert len({by_vid[v][0] for v in TWINS}) == 3


def test_twin_ids_are_three_archimate_elements() -> None:
    """ArchiMate gives each twin its own element identifier, and import keeps them apart."""
    text = to_archimate(_twins())
    root = ET.fromstring(text)
    ns = "{http://www.opengroup.org/xsd/archimate/3.0/}"
    names = {
        e.get("identifier"): e.findtext(f"{ns}name")
        for e in root.iter(f"{ns}element")
        if e.findtext(f"{ns}name") in TWINS.values()
    }
    assert sorted(names.values()) == sorted(TWINS.values())
    assert len(names) == 3


def test_twin_ids_in_a_submission_never_merge_in_a_diagram(tmp_path: Path) -> None:
    """Through the command line: however the loader judges the twin's id, the real agency's
    node keeps its own label, and the twin, when drawn, is a node of its own."""
    doc = document(
        agencies=[agency("so-tp", "Sở thật"), agency("so-tp\n", "Sở song sinh")],
        systems=[{"id": "ht-1", "name": "Hệ thống", "owner": "so-tp"}],
    )
    path = write_json(tmp_path / "twins.json", doc)
    out = tmp_path / "twins.dot"
    run: Run = run_cli(["render", "--expand", "-o", str(out), str(path)])
    assert out.exists(), run.err
    labels = _dot_nodes(out.read_text(encoding="utf-8"))
    assert "Sở thật" in labels["n_so_tp"] and "song sinh" not in labels["n_so_tp"]
    twins = [n for n, label in labels.items() if "Sở song sinh" in label]
    assert twins in ([], ["n__so_2d_tp_a_"])
    if twins:
        assert ">so-tp\\n</font>" in labels[twins[0]]


# -- lone surrogates: no writer crashes, every byte is UTF-8 --------------------------------

LONE = "Sở \ud800 \udfff \udc80 tư pháp"


def _lone() -> Architecture:
    return Architecture(
        format_version=1,
        agencies=(Agency(id="ag", name=LONE, level=Level.CENTRAL, name_en=LONE),),
        systems=(InformationSystem(id="ht", name=LONE, owner="ag", properties={LONE: LONE}),),
        flows=(DataFlow(id="f", source="ht", target="ht\udfff", name=LONE),),
    )


def test_every_writer_encodes_lone_surrogates() -> None:
    """Reports, diagram, exports and the YAML/JSON dump of names holding lone surrogates all
    encode as UTF-8 (strictly) and hold no raw control."""
    finding = Finding(
        "REF001",
        "dangling-reference",
        Severity.ERROR,
        Text(LONE, LONE),
        location=Location(f"dir/{LONE}.json", 2, 3, "/flows/0/target"),
        subject=LONE,
        related=(LONE,),
        fix=Text(LONE, LONE),
        submitter=LONE,
    )
    report = Report(findings=(finding,), inputs=(f"dir/{LONE}.json",))
    outputs = {fmt: report_render(report, fmt) for fmt in REPORTS}
    arch = _lone()
    graph = build_graph(arch, catalogue(), None)
    outputs["dot"] = render(graph, view="overview", expand=True).to_string()
    outputs |= {f"export-{fmt}": dumps(arch, fmt) for fmt in ("yaml", "json")}
    outputs |= {"archimate": to_archimate(arch), "mermaid": to_mermaid(arch)}
    outputs["graphml"] = to_graphml(arch)
    for fmt, text in outputs.items():
        _neutral(text.encode("utf-8"), fmt)
    assert json.loads(outputs["json"])["findings"][0]["message"] == LONE  # kept exactly
    assert "\\ud800" in outputs["text"] and "\ufffd" in outputs["archimate"]


@pytest.mark.slow
def test_cli_never_crashes_on_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    """A file whose name is not UTF-8 (byte 0xFF, a lone surrogate to Python) reaches every
    report through its path: each format answers with valid UTF-8, never a traceback; SARIF
    gives the name's real bytes percent-encoded."""
    directory = tmp_path / "in"
    directory.mkdir()
    doc = document(
        agencies=[agency("ag-1", "Sở")],
        systems=[{"id": "s-1", "name": "Hệ thống", "owner": "ag-missing"}],
    )
    (directory / os.fsdecode(b"s\xffb.json")).write_text(json.dumps(doc), encoding="utf-8")
    for fmt in REPORTS:
        run = run_cli(["check", "--format", fmt, str(directory)])
        assert run.code == 1, (fmt, run.err)
        text = _neutral(run.out, f"check --format {fmt}")
        if fmt == "sarif":
            assert "s%FFb.json" in text
        elif fmt in ("text", "markdown", "html"):
            assert "s\\udcffb.json" in text.replace("\\\\", "\\")
    for args in (["validate", str(directory)], ["diff", str(directory), str(directory)]):
        _neutral(run_cli(args).out, args[0])
