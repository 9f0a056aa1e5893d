"""Properties over arbitrary user text: every format shows it literally and harmlessly."""

import json
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from vndgaf.diagnostics import Finding, Location, Report, Severity, Text
from vndgaf.report import render
from vndgaf.textsafe import markdown_text, printable

# Hypothesis examples by the hundred: `make quick` leaves it out, `make test` runs it.
pytestmark = pytest.mark.slow

# Any text, with the awkward characters made likely.
TEXTS = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(list("|`*_[]()<>&\\#!~$-+.:\"' \n\r\t\x1b\x9b\u202e\u2028ăđơưỹ")),
    ),
    max_size=40,
)


# What must never reach an output raw: C0, DEL, C1, the bidi and separator characters, surrogates.
UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
# What GitHub links or notifies in plain text.
LINKING = re.compile(r"@\w|#\d|://|www\.|GH-\d", re.IGNORECASE)

_WS = "".join(chr(c) for c in range(0x3100) if chr(c).isspace()) + "\ufeff"


def _report(text: str) -> Report:
    f = Finding(
        "REF001",
        "dangling-reference",
        Severity.ERROR,
        Text(text, text),
        location=Location(f"{text}.yaml", 1, 1),
        subject=text,
        legal_basis=Text(text, text),
        fix=Text(text, text),
        submitter=text,
    )
    return Report(findings=(f,), inputs=(f"{text}.yaml",), metrics={text: 1.0})


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_printable_output_has_no_unsafe_character(text: str) -> None:
    """Whatever the input, printable() output has no control, separator or bidi character."""
    assert UNSAFE.search(printable(text)) is None


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_markdown_cell_shows_text_literally(text: str) -> None:
    """In a table cell, escaped text renders to the printable text, in one cell, linking nothing
    (zero-width spaces break mentions, issue references and URLs)."""
    table = f"| a | b |\n|---|---|\n| {markdown_text(text)} | x |\n"
    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(table)
    cells = re.findall(r"<td>(.*?)</td>", html, flags=re.DOTALL)
    assert len(cells) == 2 and cells[1] == "x"
    shown = re.sub(r"&(amp|lt|gt|quot);", lambda m: {"amp": "&", "lt": "<", "gt": ">",
                   "quot": '"'}[m.group(1)], cells[0])  # fmt: skip
    # Only leading and trailing (Unicode) white space may be trimmed by the cell.
    assert LINKING.search(shown) is None
    zwsp = "\u200b"
    assert shown.replace(zwsp, "").strip(_WS) == printable(text).replace(zwsp, "").strip(_WS)


class _Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.cells: list[str] = []
        self._open = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "td" and ("class", "message") in attrs:
            self._open = True
            self.cells.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "td":
            self._open = False

    def handle_data(self, data: str) -> None:
        if self._open:
            self.cells[-1] += data


@settings(max_examples=100, deadline=None)
@given(TEXTS)
def test_html_and_text_and_json_show_text_literally(text: str) -> None:
    """HTML cells and text lines show the printable text; JSON decodes to the exact text."""
    parser = _Cells()
    parser.feed(render(_report(text), "html"))
    assert parser.cells == [printable(text)]
    first = render(_report(text), "text").splitlines()[0]
    assert first.endswith(f": REF001 [error] {printable(text)}")
    assert json.loads(render(_report(text), "json"))["findings"][0]["message"] == text
    sarif = json.loads(render(_report(text), "sarif", tool_version="0.1.0"))
    assert sarif["runs"][0]["results"][0]["message"]["text"] == text
