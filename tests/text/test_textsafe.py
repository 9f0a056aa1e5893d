"""The one text module: every output kind shows user text harmlessly, keeps data exactly where
the format is a data format, never fails to encode, and maps distinct ids to distinct tokens."""

import doctest
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from vndgaf import textsafe
from vndgaf.textsafe import (
    StreamedElement,
    digest,
    dot_label,
    html_text,
    id_token,
    json_text,
    markdown_text,
    mermaid_text,
    printable,
    printable_lines,
    uri_path,
    xml_document,
    xml_document_chunks,
    xml_text,
    yaml_text,
)

# Every character that must never reach an output raw (C0 and line breaks aside where a format
# uses them as its own syntax): DEL, C1, the Arabic letter mark, directional marks, line and
# paragraph separators, bidi embeddings, overrides and isolates, and surrogates.
ACTING = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
SURROGATE = re.compile("[\ud800-\udfff]")
C0 = re.compile("[\x00-\x1f]")
HOSTILE_CHARS = (
    "\x00\x01\x07\x1b\t\r\n\x7f\x85\x9b\u061c\u200e\u200f\u2028\u2029\u202a\u202e\u2066\u2069"
)

# Any text, the awkward characters likely, lone surrogates included.
TEXTS = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(list(HOSTILE_CHARS + "\ud800\udfff\udc80&<>\"'#@:/._-[]|`*\\ăđ")),
    ),
    max_size=30,
)


def test_doctests() -> None:
    """The examples in the module's docstrings hold."""
    result = doctest.testmod(textsafe)
    assert result.attempted >= 15 and result.failed == 0


def _decode(token: str, *, xml: bool) -> str:
    """The id a token was made from (an independent reading of id_token's documented rule)."""
    if not token.startswith("_"):
        return token if xml else token.replace("_", "-")
    out, i = [], 1
    while i < len(token):
        if token[i] == "_":
            end = token.index("_", i + 1)
            out.append(chr(int(token[i + 1 : end], 16)))
            i = end + 1
        else:
            out.append(token[i])
            i += 1
    return "".join(out)


@settings(max_examples=300)
@given(TEXTS, st.booleans())
def test_id_token_decodes_back_so_distinct_ids_are_distinct_tokens(ident: str, xml: bool) -> None:
    """Every token reads back as its id (so no two ids share one), in a safe alphabet."""
    token = id_token(ident, xml=xml)
    assert re.fullmatch(r"[A-Za-z0-9_.-]+" if xml else r"[A-Za-z0-9_]+", token)
    assert _decode(token, xml=xml) == ident


@pytest.mark.parametrize("xml", [False, True])
def test_id_token_keeps_look_alike_ids_apart(xml: bool) -> None:
    """Ids that differ by a trailing newline, an invisible character or punctuation a token
    cannot hold get different tokens; the usual ids read as themselves."""
    ids = ["so-tp", "so-tp\n", "so-tp\r\n", "so-tp\u200b", "so\u2060-tp", "so_tp", "so:tp"]
    ids += ["so/tp", "so.tp", "so--tp", "-so-tp", "SO-TP", "", "_", "_so_2d_tp", "so-tp "]
    tokens = [id_token(i, xml=xml) for i in ids]
    assert len(set(tokens)) == len(ids)
    assert id_token("so-tp", xml=xml) == ("so-tp" if xml else "so_tp")


@settings(max_examples=300)
@given(TEXTS)
def test_display_kinds_hold_no_raw_control_and_always_encode(text: str) -> None:
    """printable, lines, HTML, Markdown, DOT and Mermaid output: nothing acting, nothing that
    cannot be written as UTF-8; printable has no control at all, the others only newlines."""
    assert not (ACTING.search(printable(text)) or C0.search(printable(text)))
    for shown in (
        *printable_lines(text),
        html_text(text),
        markdown_text(text),
        dot_label(text, [text]),
        mermaid_text(text),
    ):
        assert ACTING.search(shown) is None and SURROGATE.search(shown) is None
        assert C0.search(shown.replace("\n", "")) is None
        shown.encode("utf-8")  # strict: raises on anything unencodable


@pytest.mark.slow
@settings(max_examples=300)
@given(TEXTS)
def test_json_keeps_data_exactly_and_never_raw(text: str) -> None:
    """JSON decodes to the exact text and its bytes are valid UTF-8 without raw controls."""
    dumped = json_text({"k": text, text: [text]})
    assert ACTING.search(dumped) is None and SURROGATE.search(dumped) is None
    dumped.encode("utf-8")
    if not re.search("[\ud800-\udbff][\udc00-\udfff]", text):  # a split pair would re-pair
        assert json.loads(dumped) == {"k": text, text: [text]}


@pytest.mark.slow
@settings(max_examples=300)
@given(TEXTS)
def test_yaml_keeps_data_exactly_and_never_raw(text: str) -> None:
    """YAML reads back as the exact text; unsafe characters are escapes in double quotes."""
    dumped = yaml_text({"name": text, "properties": {text: text}})
    assert ACTING.search(dumped) is None and SURROGATE.search(dumped) is None
    assert C0.search(dumped.replace("\n", "")) is None
    assert yaml.safe_load(dumped) == {"name": text, "properties": {text: text}}


@pytest.mark.slow
@settings(max_examples=300)
@given(TEXTS)
def test_xml_reads_back_exactly_what_xml_can_hold(text: str) -> None:
    """A parser gets xml_text(text) back from text and attributes: exact for everything but
    C0 controls (pictures) and lone surrogates (U+FFFD); no raw control in the bytes."""
    root = ET.Element("model", {"name": text})
    ET.SubElement(root, "name").text = text
    document = xml_document(root)
    assert ACTING.search(document) is None and SURROGATE.search(document) is None
    assert "\r" not in document
    parsed = ET.fromstring(document.encode("utf-8"))
    assert parsed.get("name") == xml_text(text)
    assert parsed.findtext("name") == xml_text(text)
    if not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]", text):
        assert parsed.findtext("name") == text


# An element to build: (tag, attributes, text, children, streamed or built).
Spec = tuple[str, dict[str, str], str | None, list[Any], bool]

SPECS: st.SearchStrategy[Spec] = st.recursive(
    st.tuples(
        st.sampled_from(["a", "name", "y:Node"]),
        st.dictionaries(st.sampled_from(["id", "xml:lang", "xsi:type"]), TEXTS, max_size=2),
        st.none() | TEXTS,
        st.just([]),
        st.booleans(),
    ),
    lambda inner: st.tuples(
        st.sampled_from(["b", "item"]),
        st.dictionaries(st.sampled_from(["ref", "x"]), TEXTS, max_size=2),
        st.none() | st.sampled_from(["", " \n ", "t"]),
        st.lists(inner, max_size=6),
        st.booleans(),
    ),
    max_leaves=40,
)


def _tree(spec: Spec) -> ET.Element:
    tag, attrib, text, children, _ = spec
    node = ET.Element(tag, attrib)
    node.text = text
    node.extend(_tree(child) for child in children)
    return node


def _streamed(spec: Spec) -> "ET.Element | StreamedElement":
    tag, attrib, text, children, streamed = spec
    if streamed and not text:  # a streamed element has no text

        def made() -> Iterator[ET.Element | StreamedElement]:
            yield from (_streamed(child) for child in children)

        return StreamedElement(tag, attrib, made())
    node = ET.Element(tag, attrib)
    node.text = text
    node.extend(_tree(child) for child in children)
    return node


@settings(max_examples=400)
@given(SPECS, st.integers(1, 4))
def test_xml_document_chunks_give_the_document_of_the_tree(spec: Spec, batch: int) -> None:
    """Any tree, any text, any mix of streamed and built elements, any batch size: the pieces
    join to exactly the bytes of xml_document of the whole tree."""
    textsafe_batch = textsafe._XML_BATCH
    textsafe._XML_BATCH = batch  # small batches, so that one list spans several
    try:
        chunks = list(xml_document_chunks(_streamed(spec)))
    finally:
        textsafe._XML_BATCH = textsafe_batch
    assert "".join(chunks) == xml_document(_tree(spec))


def test_xml_document_chunks_hold_one_batch_at_a_time() -> None:
    """A streamed list is written while it is made: the first piece of a long list is out
    before its last element exists."""
    made: list[int] = []

    def items() -> Iterator[ET.Element]:
        for n in range(10 * textsafe._XML_BATCH):
            made.append(n)
            yield ET.Element("item", {"n": str(n)})

    chunks = xml_document_chunks(StreamedElement("list", {}, items()))
    first_items = next(c for c in chunks if "<item" in c)
    assert '<item n="0" />' in first_items and len(made) <= textsafe._XML_BATCH + 1


def test_xml_document_chunks_refuse_a_child_with_a_tail() -> None:
    """A tail would sit between the streamed children: refused, not written misplaced."""
    child = ET.Element("item")
    child.tail = "x"
    with pytest.raises(ValueError, match="tail"):
        "".join(xml_document_chunks(StreamedElement("list", {}, [child])))


def test_xml_keeps_bidi_and_c1_as_references() -> None:
    """U+202E, U+0085, DEL, CR and tab are character references; a C0 control its picture."""
    root = ET.Element("name")
    root.text = "a\u202eb\x85c\x7fd\re\x01\tf"
    line = "<name>a&#x202e;b&#x85;c&#x7f;d&#xd;e␁&#x9;f</name>"
    assert xml_document(root).splitlines()[1] == line


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("mời @admin xem", "mời @&#8203;admin xem"),
        ("sửa #123 và GH-45", "sửa #&#8203;123 và GH-&#8203;45"),
        ("https://evil.example/x", "https:&#8203;//evil.example/x"),
        ("WWW.evil.example", "WWW&#8203;.evil.example"),
        ("thư a@b.vn", "thư a@&#8203;b.vn"),
        ("#hashtag, C# và số 5", "#hashtag, C# và số 5"),
    ],
)
def test_markdown_breaks_mentions_references_and_links(raw: str, shown: str) -> None:
    """A zero-width space (as an entity) breaks every GitHub link and mention pattern."""
    assert markdown_text(raw) == shown


def test_markdown_escapes_syntax_and_controls() -> None:
    """Markdown syntax is shown literally; controls and bidi characters as escapes."""
    assert markdown_text("*a* | <b> \u202e\x1b") == "\\*a\\* \\| &lt;b&gt; \\\\u202e\\\\x1b"


def test_surrogates_never_crash_and_never_reach_bytes() -> None:
    """A lone surrogate is an escape in every display kind, a \\u escape in JSON and YAML,
    U+FFFD in XML, hashable, and percent-encoded in a URI."""
    lone = "a\ud800b\udfff"
    assert printable(lone) == "a\\ud800b\\udfff"
    assert json_text(lone, indent=None) == '"a\\ud800b\\udfff"\n'
    assert yaml_text(lone) == '"a\\uD800b\\uDFFF"\n'
    assert xml_text(lone) == "a\ufffdb\ufffd"
    assert len(digest(lone)) == 64 and digest(lone, 8) == digest(lone)[:8]
    assert uri_path("dir/t\u00ean\udcff.yaml") == "dir/t%C3%AAn%FF.yaml"
    assert uri_path("x\ud800") == "x%ED%A0%80"


def test_dot_label_details_are_one_line_each() -> None:
    """A title's line break starts a new line; a detail's (an id's) is shown as \\n."""
    assert dot_label("Sở\nhai", ["so-tp\n"], detail_colour="#555") == (
        '<Sở<br/>hai<br/><font point-size="8" color="#555">so-tp\\n</font>>'
    )


def test_mermaid_labels_show_line_breaks_and_escapes() -> None:
    """A newline stays a line break (#10;); a bidi override is shown as text."""
    assert mermaid_text("a\nb\u202e") == "a#10;b#92;u202e"
