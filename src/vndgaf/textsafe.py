"""Making user text harmless before any output shows it (reports, diffs, CLI messages).

Submissions are written by many agencies and read in terminals, browsers and code-review tools,
so a name or message may carry terminal escape sequences, control characters or bidirectional
overrides that would recolour a terminal, hide text or reorder what a reviewer sees. Every
reporter passes user text through :func:`printable` (and JSON output through
:func:`harden_json`) so such characters are shown as visible escapes instead of acting.
"""

import re

__all__ = ["harden_json", "printable"]

# C0 controls, DEL, C1 controls, the line/paragraph separators and the bidirectional controls
# (the "Trojan Source" characters). Everything else, including Vietnamese letters, passes as is.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

# What json.dumps(ensure_ascii=False) leaves raw: the above minus C0 (which it escapes itself, and
# whose newline the indentation uses outside strings).
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    r"""``text`` with every control, separator and bidi character written as a visible escape.

    >>> printable("red \x1b[31m\nnext")
    'red \\x1b[31m\\nnext'
    """
    return _UNSAFE.sub(_escape, text)


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def harden_json(dumped: str) -> str:
    """JSON text with the unsafe characters ``json.dumps`` leaves raw written as ``\\uXXXX``.

    ``json.dumps(ensure_ascii=False)`` already escapes C0 controls; DEL, C1 controls, line
    separators and bidi controls stay raw. Escaping them keeps the decoded data identical.
    """
    return _UNSAFE_IN_JSON.sub(_json_escape, dumped)
