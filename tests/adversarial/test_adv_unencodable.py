"""Text no encoding can write: a lone surrogate (a ``\\uD800``-``\\uDFFF`` escape that is not
half of a pair) anywhere in a submission is one located finding on load, in every command and
output format, to standard output and to files; never a crash, never a byte that is not UTF-8.

It was the one root cause of the 64 crashes of the mutation fuzzer in issue 21
(``printf '{"format_version": 1, "\\udfff": 1}' > k.json; vndgaf validate k.json``).
"""

import json
from pathlib import Path

import pytest
import yaml
from advkit import agency, document, run_cli

from vndgaf.load import parse_bytes
from vndgaf.load.problems import Limits
from vndgaf.load.yaml_reader import parse_yaml

SURROGATE = "The text holds a lone surrogate \\u{} (the escape of half a pair)"


def _json(doc: object) -> bytes:
    """JSON with the lone surrogates as ``\\uXXXX`` escapes (json.dumps writes them so)."""
    return json.dumps(doc, indent=1).encode("ascii")


@pytest.mark.parametrize(
    ("doc", "line", "column", "pointer", "code_point"),
    [
        ({"format_version": 1, "\udfff": 1}, 3, 2, "/\udfff", "dfff"),
        (document(agencies=[agency("ag", "Sở \ud800")]), 11, 12, "/agencies/0/name", "d800"),
        (document(agencies=[agency("ag\udc80", "Sở")]), 10, 10, "/agencies/0/id", "dc80"),
        (
            document(
                agencies=[agency("ag", "Sở")],
                systems=[{"id": "ht", "name": "n", "owner": "ag", "properties": {"k\ud800": "v"}}],
            ),
            23,
            5,
            "/systems/0/properties/k\ud800",
            "d800",
        ),
        # A pair is one character and loads; a pair in the wrong order is two lone halves.
        (document(agencies=[agency("ag", "a \udc00\ud800")]), 11, 12, "/agencies/0/name", "dc00"),
    ],
)
def test_a_lone_surrogate_in_json_is_sch005_where_it_is(
    doc: object, line: int, column: int, pointer: str, code_point: str
) -> None:
    result = parse_bytes(_json(doc), "k.json")
    assert result.data is None
    [problem] = result.problems
    assert (problem.code, problem.line, problem.column, problem.pointer) == (
        "SCH005",
        line,
        column,
        pointer,
    )
    assert problem.message.en.startswith(SURROGATE.format(code_point))


def test_a_surrogate_pair_written_as_escapes_is_one_character() -> None:
    result = parse_bytes(b'{"format_version": 1, "title": "\\ud83d\\ude00"}', "pair.json")
    assert result.problems == ()
    assert result.data == {"format_version": 1, "title": "\U0001f600"}


def test_the_first_lone_surrogate_in_document_order_is_reported() -> None:
    raw = b'{"format_version": 1, "a": ["ok", "\\udfff"], "b": "\\ud800"}'
    [problem] = parse_bytes(raw, "k.json").problems
    assert (problem.pointer, problem.column) == ("/a/1", 35)


def test_a_lone_surrogate_in_yaml_is_located_by_either_parser() -> None:
    """libyaml refuses the escape itself (SCH001 at the escape); the pure-Python parser lets it
    through and the loader makes it SCH005 at its scalar. Neither loads the file."""
    raw = 'format_version: 1\ntitle: "S\\udfff"\n'
    via_libyaml = parse_bytes(raw.encode(), "k.yaml")
    assert via_libyaml.data is None
    [first] = via_libyaml.problems
    assert (first.code, first.line) == ("SCH001", 2)
    assert "invalid Unicode character escape" in first.message.en
    with pytest.raises(Exception) as stopped:
        parse_yaml(raw, Limits(), loader=yaml.SafeLoader)
    fatal = stopped.value.problem  # type: ignore[attr-defined]
    assert (fatal.code, fatal.line, fatal.column, fatal.pointer) == ("SCH005", 2, 8, "/title")


REPORTS = ["text", "json", "sarif", "markdown", "html"]


@pytest.fixture(scope="module")
def lone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("lone")
    doc = document(agencies=[agency("ag", "Sở \ud800 tư pháp")])
    (base / "k.json").write_bytes(_json(doc))
    (base / "ok.json").write_bytes(_json(document(agencies=[agency("ag", "Sở tư pháp")])))
    return base


def _located(text: str) -> None:
    """The finding is in ``text`` with its line, column or pointer, whatever the format."""
    assert "SCH005" in text
    assert any(w in text for w in ("k.json:11:12", '"line": 11', "startLine", "11:12")), text


@pytest.mark.slow
@pytest.mark.parametrize("fmt", REPORTS)
def test_check_reports_it_in_every_format(lone: Path, fmt: str) -> None:
    """Exit 1, the finding located, strictly valid UTF-8, on standard output and in a file."""
    run = run_cli(["check", "k.json", "--format", fmt], cwd=lone)
    assert run.code == 1, run.err
    _located(run.out.decode("utf-8"))
    out = lone / f"report.{fmt}"
    run = run_cli(["check", "k.json", "--format", fmt, "-o", out.name], cwd=lone)
    assert run.code == 1, run.err
    _located(out.read_bytes().decode("utf-8"))
    if fmt in ("json", "sarif"):
        json.loads(out.read_bytes())


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_validate_reports_it(lone: Path, fmt: str) -> None:
    run = run_cli(["validate", "k.json", "--format", fmt], cwd=lone)
    assert run.code == 1, run.err
    _located(run.out.decode("utf-8"))


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["yaml", "json", "archimate", "mermaid", "graphml"])
def test_export_refuses_with_the_located_finding(lone: Path, fmt: str) -> None:
    """An export of input with errors is refused on one line naming the first one; nothing is
    written."""
    run = run_cli(["export", "k.json", "--to", fmt, "-o", f"out.{fmt}"], cwd=lone)
    assert run.code == 2
    assert "k.json:11:12: SCH005" in run.err
    assert not (lone / f"out.{fmt}").exists()
    assert run.out == b""


@pytest.mark.slow
def test_render_and_diff_report_it(lone: Path) -> None:
    run = run_cli(["render", "k.json", "-o", "k.svg"], cwd=lone)
    assert run.code == 1
    assert "k.json:11:12: SCH005" in run.err
    (lone / "k.svg").read_bytes().decode("utf-8")
    run = run_cli(["diff", "ok.json", "k.json"], cwd=lone)
    assert run.code == 1
    assert "+ k.json:11:12: SCH005" in run.out.decode("utf-8")
    run = run_cli(["diff", "ok.json", "k.json", "--format", "json"], cwd=lone)
    assert "SCH005" in json.loads(run.out)["findings"]["introduced"][0]["code"]
