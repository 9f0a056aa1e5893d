"""PyYAML's emitter, with scalars analysed and written in time proportional to their lines.

PyYAML's pure-Python emitter looks at a scalar one character at a time, several times (to
choose a style, then to write it): about a microsecond per character, 9 s for one 10 MiB
string. libyaml's emitter is fast but writes some scalars differently (characters outside the
Basic Multilingual Plane as escapes, empty keys in another form) and cannot write a lone
surrogate at all, so the same submission would give other bytes on a machine with or without
it. :class:`FastEmitter` keeps PyYAML's output byte for byte and only changes how it is found:
the analysis is a handful of regular-expression searches, and the writers jump from one place
where something happens (a possible line fold, an escape, a quote, a line break) to the next.

A test (``tests/text/test_yaml_emitter.py``) holds the output equal to PyYAML's own emitter on
Hypothesis strings and documents; scalars whose rare shape the jumps do not cover (line breaks
in a plain or single-quoted scalar, which the emitter only writes when asked for those styles)
go to PyYAML's own code.
"""

import re
from typing import Any

from yaml.emitter import Emitter, ScalarAnalysis

__all__ = ["FastEmitter"]

_BREAKS = "\n\x85\u2028\u2029"
# What counts as white space around an indicator (PyYAML's choice: NUL and tab included).
_AROUND = "\0 \t\r\n\x85\u2028\u2029"
_ANY_BREAK = re.compile(f"[{_BREAKS}]")
_BREAK_SPACE = re.compile(f"[{_BREAKS}] ")
_SPACE_BREAK = re.compile(f" [{_BREAKS}]")
_FIRST_INDICATORS = "#,[]{}&*!|>'\"%@`"
_FLOW_INDICATOR = re.compile(r"[,?\[\]{}:]")
_COLON_BEFORE_SPACE = re.compile(f":(?:[{_AROUND}]|\\Z)")
_COMMENT = re.compile(f"[{_AROUND}]#")
# Characters the emitter never writes raw in a plain, single-quoted or block scalar.
_SPECIAL_ASCII = re.compile(r"[^\n\x20-\x7e]")
_SPECIAL_UNICODE = re.compile(
    r"[^\n\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010fffe]"
)
# Characters a double-quoted scalar writes as an escape (quote and backslash among them).
_ESCAPED_ASCII = re.compile(r"[^\x20-\x21\x23-\x5b\x5d-\x7e]")
_ESCAPED_UNICODE = re.compile(
    r"[^\x20-\x21\x23-\x5b\x5d-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]"
)
# Where a line may fold: in a plain or single-quoted scalar a space that is a whole run of
# spaces, in a double-quoted one any space.
_LONE_SPACE = re.compile("(?<! ) (?! )")
_SPACE = re.compile(" ")
_RUNS = re.compile(f"[{_BREAKS}]+|[^{_BREAKS}]+")
_OTHER_BREAK = re.compile("[\x85\u2028\u2029]")
_LINE_START = re.compile("^(?=[^\n])", re.MULTILINE)


class FastEmitter(Emitter):
    """:class:`yaml.emitter.Emitter` with fast scalar analysis and writers (same output)."""

    # The attributes below are set by Emitter.__init__; declared for the type checker.
    stream: Any
    encoding: str | None
    column: int
    line: int
    indent: int | None
    best_width: int
    whitespace: bool
    indention: bool
    open_ended: bool
    root_context: bool
    allow_unicode: bool

    def _put(self, data: str) -> None:
        """Write ``data`` on the current line."""
        self.column += len(data)
        self.stream.write(data.encode(self.encoding) if self.encoding else data)

    # -- analysis -------------------------------------------------------------------------

    def analyze_scalar(self, scalar: str) -> ScalarAnalysis:
        if not scalar:
            return super().analyze_scalar(scalar)
        first, last = scalar[0], scalar[-1]
        block = flow = scalar.startswith(("---", "..."))
        followed = len(scalar) == 1 or scalar[1] in _AROUND
        if first in _FIRST_INDICATORS or (first == "-" and followed):
            block = flow = True
        elif first in "?:":
            flow = True
            block = block or followed
        if _FLOW_INDICATOR.search(scalar, 1):
            flow = True
        if _COMMENT.search(scalar):
            block = flow = True
        if _COLON_BEFORE_SPACE.search(scalar, 1):
            block = True
        special = bool((_SPECIAL_UNICODE if self.allow_unicode else _SPECIAL_ASCII).search(scalar))
        line_breaks = bool(_ANY_BREAK.search(scalar))
        space_break = bool(_SPACE_BREAK.search(scalar))
        break_space = bool(_BREAK_SPACE.search(scalar))
        edge_white = first == " " or first in _BREAKS or last == " " or last in _BREAKS

        plain = not (edge_white or break_space or space_break or special or line_breaks)
        return ScalarAnalysis(
            scalar=scalar,
            empty=False,
            multiline=line_breaks,
            allow_flow_plain=plain and not flow,
            allow_block_plain=plain and not block,
            allow_single_quoted=not (break_space or space_break or special),
            allow_double_quoted=True,
            allow_block=not (last == " " or space_break or special),
        )

    # -- writers --------------------------------------------------------------------------

    def _fold_where(
        self, text: str, start: int, lo: int, hi: int, spaces: re.Pattern[str] = _LONE_SPACE
    ) -> int:
        """The first space of ``spaces`` in ``text[lo:hi]`` where the line is past the width,
        ``text`` being written from ``start`` on without a break; -1 when there is none."""
        lo = max(lo, start + self.best_width - self.column + 1)
        # The search ends one past hi, so that a lone space at hi - 1 is seen as one.
        found = spaces.search(text, lo, hi + 1) if lo < hi else None
        return -1 if found is None or found.start() >= hi else found.start()

    def write_plain(self, text: str, split: bool = True) -> None:
        if _ANY_BREAK.search(text):
            super().write_plain(text, split)
            return
        if self.root_context:
            self.open_ended = True
        if not text:
            return
        if not self.whitespace:
            self._put(" ")
        self.whitespace = self.indention = False
        start = 0
        while split:
            fold = self._fold_where(text, start, start, len(text))
            if fold < 0:
                break
            self._put(text[start:fold])
            self.write_indent()
            self.whitespace = self.indention = False
            start = fold + 1
        self._put(text[start:])

    def write_single_quoted(self, text: str, split: bool = True) -> None:
        if _ANY_BREAK.search(text):
            super().write_single_quoted(text, split)
            return
        self.write_indicator("'", True)
        # A quote is written twice and takes two columns; spaces and folds stay where they were.
        quoted = text.replace("'", "''")
        start = 0
        while split:
            # Never at the first or the last character of the scalar.
            fold = self._fold_where(quoted, start, max(start, 1), len(quoted) - 1)
            if fold < 0:
                break
            self._put(quoted[start:fold])
            self.write_indent()
            start = fold + 1
        self._put(quoted[start:])
        self.write_indicator("'", False)

    def _escape(self, ch: str) -> str:
        if ch in self.ESCAPE_REPLACEMENTS:
            return "\\" + self.ESCAPE_REPLACEMENTS[ch]
        code = ord(ch)
        if code <= 0xFF:
            return f"\\x{code:02X}"
        if code <= 0xFFFF:
            return f"\\u{code:04X}"
        return f"\\U{code:08X}"

    def write_double_quoted(self, text: str, split: bool = True) -> None:
        self.write_indicator('"', True)
        escaped = _ESCAPED_UNICODE if self.allow_unicode else _ESCAPED_ASCII
        n = len(text)
        start = end = 0
        target = -1  # the next character to escape at or after end (n: none)
        while end <= n:
            if start < end < n and not escaped.match(text, end):
                # Nothing happens until the next escape or a space past the width.
                if target < end:
                    found = escaped.search(text, end)
                    target = n if found is None else found.start()
                hi = min(target, n - 1)
                fold = self._fold_where(text, start, end, hi, _SPACE) if split else -1
                end = target if fold < 0 else fold
            ch = text[end] if end < n else None
            if ch is None or escaped.match(ch):
                self._put(text[start:end])
                if ch is not None:
                    self._put(self._escape(ch))
                    start = end + 1
            if (
                split
                and 0 < end < n - 1
                and (ch == " " or start >= end)
                and self.column + (end - start) > self.best_width
            ):
                data = text[start:end] + "\\"
                start = max(start, end)
                self._put(data)
                self.write_indent()
                self.whitespace = self.indention = False
                if text[start] == " ":
                    self._put("\\")
            end += 1
        self.write_indicator('"', False)

    def write_literal(self, text: str) -> None:
        hints = self.determine_block_hints(text)
        self.write_indicator("|" + hints, True)
        if hints[-1:] == "+":
            self.open_ended = True
        self.write_line_break()
        if text and not _OTHER_BREAK.search(text):
            # Lines broken by "\n" alone: each line that is not empty indented, in one piece.
            indent = " " * (self.indent or 0)
            body = _LINE_START.sub(indent, text) if indent else text
            body += "" if text.endswith("\n") else "\n"
            self.stream.write(body.encode(self.encoding) if self.encoding else body)
            self.line += body.count("\n")
            self.column, self.whitespace, self.indention = 0, True, True
            return
        for run in _RUNS.finditer(text):
            chunk = run.group()
            if chunk[0] in _BREAKS:
                for br in chunk:
                    self.write_line_break(None if br == "\n" else br)
                continue
            self.write_indent()  # a line's text is written as it is: the column is not kept
            self.stream.write(chunk.encode(self.encoding) if self.encoding else chunk)
            if run.end() == len(text):
                self.write_line_break()
