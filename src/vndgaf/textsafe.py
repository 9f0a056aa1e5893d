r"""Text for every output, shown and never acted on: one function per output kind.

Names, ids and messages come from submissions written by many agencies and are read in
terminals, browsers, diagram viewers, modelling tools and code-review comments. A name may hold
terminal escapes, bidirectional overrides ("Trojan Source"), line separators, markup, link
syntax or a lone surrogate. Every writer passes user text through the function of its output
kind here, and no writer escapes on its own, so one name reads the same everywhere:

- **Unsafe characters** are the C0 controls, DEL, the C1 controls, U+061C, U+200E/U+200F,
  U+2028/U+2029, U+202A–U+202E, U+2066–U+2069 and lone surrogates (U+D800–U+DFFF). Display
  outputs show them as the escape one would type in a string (``\x1b``, ``\u202e``); data
  outputs keep them exactly but never raw (JSON ``\u202e``, YAML ``"\u202E"``, XML
  ``&#x202e;``), except what a format cannot hold at all (C0 controls and lone surrogates in
  XML), which is replaced visibly.
- **Encodable**: no function returns a lone surrogate, so every result encodes as UTF-8.
- **Ids become tokens** injectively: :func:`id_token` maps distinct ids to distinct tokens, so
  two ids never become one node in any diagram or exchange file.

>>> printable("red \x1b[31m\u202e")
'red \\x1b[31m\\u202e'
>>> id_token("so-tu-phap"), id_token("vn:db/x")
('so_tu_phap', '_vn_3a_db_2f_x')
"""

import hashlib
import html
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, NamedTuple
from urllib.parse import quote

import yaml

from vndgaf.yaml_emitter import FastEmitter

__all__ = [
    "StreamedElement",
    "digest",
    "dot_html",
    "dot_label",
    "dot_quoted",
    "html_text",
    "id_token",
    "json_text",
    "markdown_text",
    "mermaid_text",
    "printable",
    "printable_lines",
    "uri_path",
    "wrap",
    "xml_document",
    "xml_document_chunks",
    "xml_text",
    "yaml_text",
]

# C0 controls; DEL, C1 controls, the Arabic letter mark, the directional marks, the line and
# paragraph separators and the bidirectional embeddings, overrides and isolates; surrogates.
_C0 = "\x00-\x1f"
_ACTING = "\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_SURROGATES = "\ud800-\udfff"
_UNSAFE = re.compile(f"[{_C0}{_ACTING}{_SURROGATES}]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_LINE_BREAK = re.compile("\r\n|\r|\n")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


# --- terminal and plain text ---------------------------------------------------------------


def printable(text: str) -> str:
    r"""``text`` with every unsafe character written as a visible escape: one harmless line.

    For terminal reports, error lines, diffs and every display format built on it.

    >>> printable("a\tb\ncd\x9b\udfff")
    'a\\tb\\ncd\\x9b\\udfff'
    """
    return _UNSAFE.sub(_escape, text)


def printable_lines(text: str) -> list[str]:
    r"""The lines of ``text`` (split at ``\r\n``, ``\r`` or ``\n``), each :func:`printable`.

    For labels that may span several lines (diagrams).

    >>> printable_lines("one\r\ntwo\u2028\x07")
    ['one', 'two\\u2028\\x07']
    """
    return [printable(line) for line in _LINE_BREAK.split(text)]


def digest(text: str, length: int = 64) -> str:
    """The first ``length`` hex digits of the SHA-256 of ``text`` (any string, surrogates too).

    For stable, short keys (relationship ids, fingerprints); not a security measure, and not
    unique: callers that need uniqueness check for clashes or use :func:`id_token`.

    >>> digest("tq/motcua", 8)
    '06391743'
    """
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:length]


# --- ids as tokens -------------------------------------------------------------------------

_PLAIN_ID = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")
_PLAIN_XML_ID = re.compile(r"[A-Za-z0-9.-]+")
_NOT_ALNUM = re.compile(r"[^A-Za-z0-9]")
_NOT_XML_NAME = re.compile(r"[^A-Za-z0-9.-]")


def _code(match: re.Match[str]) -> str:
    return f"_{ord(match.group()):x}_"


def id_token(ident: str, *, xml: bool = False) -> str:
    """A token for ``ident`` that is injective: distinct ids, distinct tokens (and nodes).

    Made of ``[A-Za-z0-9_]`` (DOT, Mermaid), or with ``xml`` of ``[A-Za-z0-9._-]`` (XML names
    in ArchiMate and GraphML). The usual id (letters and digits in groups joined by single
    ``-``) reads as itself, with ``_`` for ``-`` unless ``xml``. Any other id, whatever it
    holds (``:``, ``/``, a trailing newline, an invisible character), starts with ``_`` and
    writes every other character as ``_`` + its hexadecimal code + ``_``: such a token decodes
    back to its id, and the two families cannot meet (a usual token never starts with ``_``,
    and with ``xml`` never holds one). Writers prefix it (``n_``, ``id-``) where their syntax
    needs a letter first.

    >>> id_token("so-tp"), id_token("so-tp\\n"), id_token("so_tp")
    ('so_tp', '_so_2d_tp_a_', '_so_5f_tp')
    >>> id_token("so-tp", xml=True), id_token("vn:db/x", xml=True)
    ('so-tp', '_vn_3a_db_2f_x')
    """
    if xml:
        if _PLAIN_XML_ID.fullmatch(ident):
            return ident
        return "_" + _NOT_XML_NAME.sub(_code, ident)
    if _PLAIN_ID.fullmatch(ident):
        return ident.replace("-", "_")
    return "_" + _NOT_ALNUM.sub(_code, ident)


# --- JSON and YAML (data: kept exactly, never raw) -----------------------------------------

# What json.dumps(ensure_ascii=False) leaves raw: the unsafe characters minus C0 (which it
# escapes itself, and whose newline the indentation uses outside strings).
_UNSAFE_IN_JSON = re.compile(f"[{_ACTING}{_SURROGATES}]")


def json_text(value: Any, *, sort_keys: bool = True, indent: int | None = 2) -> str:
    r"""``value`` as JSON text ending with a newline: readable UTF-8, the data kept exactly.

    Unsafe characters are ``\uXXXX`` escapes (``json.dumps`` leaves DEL, C1, bidi controls and
    lone surrogates raw), so the bytes are valid UTF-8 and the decoded data is unchanged.

    >>> json_text({"name": "Sở\u202e\udfff"}, indent=None)
    '{"name": "Sở\\u202e\\udfff"}\n'
    """
    dumped = json.dumps(value, ensure_ascii=False, sort_keys=sort_keys, indent=indent)
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped) + "\n"


class _YamlDumper(FastEmitter, yaml.SafeDumper):
    """Safe dumper that never emits aliases and keeps mapping order; PyYAML's output, written
    in time proportional to the lines of a long string (see :mod:`vndgaf.yaml_emitter`)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


_AMBIGUOUS = re.compile(r"^(?:[-+.~0-9].*|(?:y|n|yes|no|on|off|true|false|null)|)$", re.IGNORECASE)


def _yaml_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    """Double quotes for text with unsafe characters (written as escapes below) and for anything
    a YAML 1.1 or 1.2 reader could take for a number, boolean or null; block style for other
    multi-line text. So dumped text always reads back as the same string."""
    if _UNSAFE.search(value.replace("\n", "")):
        style: str | None = '"'
    elif "\n" in value:
        style = "|"
    else:
        style = '"' if _AMBIGUOUS.match(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_YamlDumper.add_representer(str, _yaml_str)


def yaml_text(data: Any) -> str:
    r"""``data`` as YAML text: readable UTF-8, every string read back exactly as it was.

    A string with an unsafe character is double-quoted and the character is an escape
    (PyYAML writes ``\e``, ``\x9B``, ``\uD800`` itself; bidi controls become ``\u202E`` here).

    >>> yaml_text({"name": "a\u202eb", "id": "1"})
    'name: "a\\u202Eb"\nid: "1"\n'
    """
    text: str = yaml.dump(data, Dumper=_YamlDumper, allow_unicode=True, sort_keys=False, width=100)
    # Left raw only inside double-quoted scalars (see _yaml_str), where the escape is valid.
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04X}", text)


# --- XML (ArchiMate, GraphML; data: kept exactly where XML can hold it) --------------------

# XML 1.0 cannot hold these at all, not even as character references.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# XML can hold these, but not raw: a parser turns a raw CR into LF, a tab is the one other
# control a reader would not see, the rest would act on a reader of the file. Written as
# character references, they read back exactly.
_XML_REFERENCE = re.compile(f"[\t\r{_ACTING}]")


def _xml_picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    return chr(0x2400 + code) if code < 0x20 else "\ufffd"


def xml_text(text: str) -> str:
    r"""``text`` with what XML 1.0 cannot hold replaced visibly: C0 controls (other than tab,
    newline and carriage return) by their control picture, lone surrogates and U+FFFE/U+FFFF
    by U+FFFD. This is the text a parser reads back from :func:`xml_document`.

    >>> xml_text("a\x01b\tc\r\ud800\u202e")
    'a␁b\tc\r\ufffd\u202e'
    """
    return _NOT_XML.sub(_xml_picture, text)


_XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
_XML_INDENT = "  "


def _xml_reference(match: re.Match[str]) -> str:
    return f"&#x{ord(match.group()):x};"


def _xml_neutral(serialized: str) -> str:
    """Serialized XML with :func:`xml_text` applied and the controls XML can hold as
    references. Both act on single characters, so a document may be treated in pieces."""
    return _XML_REFERENCE.sub(_xml_reference, xml_text(serialized))


def xml_document(root: ET.Element) -> str:
    r"""The indented XML document of ``root`` with its declaration, neutral and well-formed.

    Every text and attribute goes through :func:`xml_text`; tabs, carriage returns, DEL, C1
    and bidi controls and line separators are character references (``&#x202e;``), so no raw
    control but the newline reaches a reader of the file and a parser gets the text back
    exactly.

    >>> node = ET.Element("name")
    >>> node.text = "a\u202eb\x01"
    >>> xml_document(node)
    '<?xml version="1.0" encoding="UTF-8"?>\n<name>a&#x202e;b␁</name>\n'
    """
    ET.indent(root, space=_XML_INDENT)
    return _XML_DECLARATION + _xml_neutral(ET.tostring(root, encoding="unicode")) + "\n"


class StreamedElement(NamedTuple):
    """An XML element whose children are made one at a time, for :func:`xml_document_chunks`:
    an export's list of 100,000 relationships is written without holding them all.

    ``children`` are elements (built, without ``tail``) or streamed elements themselves; a
    streamed element has no text, and is written ``<tag />`` when ``children`` is empty.
    """

    tag: str
    attrib: Mapping[str, str]
    children: Iterable["ET.Element | StreamedElement"]


#: Children serialized together: one ElementTree call per batch, not per element.
_XML_BATCH = 256
_HOLDER = "_"


def xml_document_chunks(root: "ET.Element | StreamedElement") -> Iterator[str]:
    r""":func:`xml_document` in pieces: the same text, once joined, as the document of the tree
    in which every :class:`StreamedElement` is an element holding its children.

    Only one batch of children is held at a time; they are serialized by ElementTree itself,
    so text, attributes and indentation are written exactly as :func:`xml_document` writes
    them.

    >>> items = (ET.Element("item", {"n": str(n)}) for n in range(2))
    >>> print("".join(xml_document_chunks(StreamedElement("list", {"a": "<"}, items))), end="")
    <?xml version="1.0" encoding="UTF-8"?>
    <list a="&lt;">
      <item n="0" />
      <item n="1" />
    </list>
    """
    yield _XML_DECLARATION
    for chunk in _xml_chunks(root, 0):
        yield _xml_neutral(chunk)
    yield "\n"


def _xml_chunks(node: "ET.Element | StreamedElement", level: int) -> Iterator[str]:
    if isinstance(node, ET.Element):
        ET.indent(node, space=_XML_INDENT, level=level)
        yield ET.tostring(node, encoding="unicode")
        return
    start = ET.tostring(ET.Element(node.tag, dict(node.attrib)), encoding="unicode")
    inner, outer = "\n" + _XML_INDENT * (level + 1), "\n" + _XML_INDENT * level
    opened = False
    batch: list[ET.Element] = []

    def open_tag() -> str:
        nonlocal opened
        opened = True
        return start[: -len(" />")] + ">"

    def flush() -> str:
        # The batch inside a holder, indented as the children of this element, without the
        # holder's tags, its leading indentation and the dedent after its last child.
        holder = ET.Element(_HOLDER)
        holder.extend(batch)
        batch.clear()
        ET.indent(holder, space=_XML_INDENT, level=level)
        text = ET.tostring(holder, encoding="unicode")
        body = text[len(f"<{_HOLDER}>") + len(inner) : -len(f"</{_HOLDER}>") - len(outer)]
        return (inner if opened else open_tag() + inner) + body

    for child in node.children:
        if isinstance(child, ET.Element):
            if child.tail:
                raise ValueError(f"a streamed child has a tail: <{child.tag}>")
            batch.append(child)
            if len(batch) == _XML_BATCH:
                yield flush()
            continue
        if batch:
            yield flush()
        yield inner if opened else open_tag() + inner
        yield from _xml_chunks(child, level + 1)
    if batch:
        yield flush()
    yield outer + f"</{node.tag}>" if opened else start


# --- HTML, Markdown, URIs ------------------------------------------------------------------


def html_text(text: str) -> str:
    """``text`` for HTML content or a quoted attribute: :func:`printable`, then escaped.

    >>> html_text('<b title="x">\u202e')
    '&lt;b title=&quot;x&quot;&gt;\\\\u202e'
    """
    return html.escape(printable(text))


_MD_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# Everything that can start inline formatting, a link, math, strikethrough or a cell border.
_MD_SPECIAL = r"[\\`*_\[\]|~$&<>]"
# What GitHub turns into a link or a notification inside plain text: an @mention or e-mail
# address, an issue reference (#12, GH-12), a URL scheme (https://) and a www. autolink. A
# zero-width space (written as an entity, so the source shows it) breaks each of them.
_MD_LINKING = r"@|#(?=\d)|(?<=GH)-(?=\d)|:(?=//)|(?<=ww)w(?=\.)"
_MD = re.compile(f"({_MD_SPECIAL})|({_MD_LINKING})", re.IGNORECASE)
_ZWSP = "&#8203;"


def _markdown_escape(match: re.Match[str]) -> str:
    special, linking = match.groups()
    if special is not None:
        return _MD_ENTITIES.get(special, "\\" + special)
    return linking + _ZWSP


def markdown_text(text: str) -> str:
    r"""``text`` shown literally in a Markdown paragraph or table cell, linking nothing.

    :func:`printable` first; then ``& < >`` as entities, Markdown punctuation with a backslash,
    and a zero-width space inside every mention, issue reference, URL scheme and ``www.``, so
    a pull-request comment neither links nor notifies anyone a name mentions.

    >>> markdown_text("a | `b` <i>\n")
    'a \\| \\`b\\` &lt;i&gt;\\\\n'
    >>> markdown_text("@dev #12 https://x www.y")
    '@&#8203;dev #&#8203;12 https:&#8203;//x www&#8203;.y'
    """
    return _MD.sub(_markdown_escape, printable(text))


def uri_path(path: str, safe: str = "/") -> str:
    """``path`` percent-encoded for a URI (SARIF artifact locations); never fails.

    A file name that is not valid UTF-8 (held as surrogate escapes) gives its original bytes.

    >>> uri_path("Sở tp/a b.yaml"), uri_path("x\\udcff.yaml")
    ('S%E1%BB%9F%20tp/a%20b.yaml', 'x%FF.yaml')
    """
    try:
        raw = path.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raw = path.encode("utf-8", "surrogatepass")
    return quote(raw, safe=safe)


# --- diagrams: Graphviz DOT and Mermaid ----------------------------------------------------

_HTML_LABEL_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}


def _label_escape(text: str) -> str:
    return "".join(_HTML_LABEL_ENTITIES.get(ch, ch) for ch in text)


def dot_html(text: str) -> str:
    r"""``text`` as one line inside a Graphviz HTML-like label (a table cell, a font run).

    >>> dot_html("A & <b>\n")
    'A &amp; &lt;b&gt;\\n'
    """
    return _label_escape(printable(text))


_BACKSLASH_SHOWN = "\u29f5"  # REVERSE SOLIDUS OPERATOR, drawn like a backslash


def dot_quoted(text: str) -> str:
    r"""``text`` for a quoted DOT attribute shown as text (a tooltip): its printable lines
    joined by ``&#10;`` (a line break in the SVG), markup characters as entities, and every
    backslash drawn as ``⧵``.

    Graphviz expands backslash escapes in these attributes (``\N`` becomes the node's name),
    some versions twice, so no doubling of backslashes reads the same everywhere; a lookalike
    does. Entities are decoded by Graphviz: the SVG shows the text as typed.

    >>> dot_quoted('Sở "A" \\N <b>\nline 2')
    'Sở &quot;A&quot; ⧵N &lt;b&gt;&#10;line 2'
    """
    lines = printable_lines(text)
    return "&#10;".join(_label_escape(line.replace("\\", _BACKSLASH_SHOWN)) for line in lines)


def wrap(text: str, width: int = 32) -> list[str]:
    """The :func:`printable_lines` of ``text``, broken at single spaces to ``width`` characters.

    Words are never broken; joining the lines of one input line with single spaces gives that
    (printable) line back.

    >>> wrap("Ủy ban nhân dân tỉnh", 10)
    ['Ủy ban', 'nhân dân', 'tỉnh']
    """
    lines: list[str] = []
    for raw in printable_lines(text):
        current: list[str] = []
        length = 0
        for word in raw.split(" "):
            extra = len(word) + (1 if current else 0)
            if current and length + extra > width:
                lines.append(" ".join(current))
                current, length = [word], len(word)
            else:
                current.append(word)
                length += extra
        lines.append(" ".join(current))
    return lines


def dot_label(
    title: str, details: Iterable[str] = (), *, width: int = 32, detail_colour: str = "#555555"
) -> str:
    """A Graphviz HTML-like label: the wrapped, escaped title, then smaller grey detail lines.

    Every character is drawn as typed: markup, quotes, braces and backslashes cannot end the
    label or add tags; line breaks in the title start new lines; unsafe characters show as
    escapes, so the SVG Graphviz makes from it holds none of them either. A detail (an id, a
    count) is one line of text: a line break in it shows as ``\\n``, so an id with a trailing
    newline reads differently from the id without.

    >>> dot_label("A <x>", ["id-1"])
    '<A &lt;x&gt;<br/><font point-size="8" color="#555555">id-1</font>>'
    """
    parts = [_label_escape(line) for line in wrap(title, width)]
    for detail in details:
        for line in wrap(printable(detail), width + 8):
            shown = _label_escape(line)
            parts.append(f'<font point-size="8" color="{detail_colour}">{shown}</font>')
    return "<" + "<br/>".join(parts) + ">"


_MERMAID_NAMED = {'"': "#quot;", "<": "#lt;", ">": "#gt;", "&": "#amp;"}
# Characters that could end a label, open markup or start an entity: written as Mermaid entity
# codes. Parentheses, common in names ("(cũ)", "(LGSP)"), are safe inside a quoted label.
_MERMAID_SPECIAL = re.compile('["<>&#\\[\\]{}|\\\\`\n]')


def _mermaid_code(match: re.Match[str]) -> str:
    char = match.group()
    return _MERMAID_NAMED.get(char, f"#{ord(char)};")


def mermaid_text(text: str) -> str:
    """``text`` inside a quoted Mermaid label: printable lines, special characters as codes.

    >>> mermaid_text('Sở "A" [x]\\n\\u202e')
    'Sở #quot;A#quot; #91;x#93;#10;#92;u202e'
    """
    shown = "\n".join(printable_lines(text))
    return _MERMAID_SPECIAL.sub(_mermaid_code, shown)
