"""From a file's bytes to a parsed document: read within the size limit, decode UTF-8, and
parse as JSON or YAML, keeping positions.

Problems are returned, never raised (:class:`ParseResult`); only a file that cannot be read at
all raises :class:`~vndgaf.errors.InputError`. JSON exchanged between systems is UTF-8 (RFC 8259
section 8.1); YAML also allows UTF-16 and UTF-32 (YAML 1.2.2 section 5.2), which vndgaf refuses
with a message that says so (SCH005), so that one encoding holds for every submission. A UTF-8
byte-order mark is accepted.
"""

import os
from typing import Any, BinaryIO, Final

import attrs

from vndgaf.errors import InputError
from vndgaf.load.positions import SourceMap, line_starts, position
from vndgaf.load.problems import Fatal, Limits, ParseProblem, problem, too_big
from vndgaf.load.yaml_reader import parse_yaml

__all__ = ["ParseResult", "parse_bytes", "parse_file"]


@attrs.frozen
class ParseResult:
    """The parsed data (``None`` after a fatal problem), its positions and the problems found."""

    path: str
    data: Any | None
    source: SourceMap
    problems: tuple[ParseProblem, ...]


_UTF8_BOM: Final = b"\xef\xbb\xbf"
_OTHER_BOMS: Final = (
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\xfe\xff", "UTF-16"),
    (b"\xff\xfe", "UTF-16"),
)


def _decode(raw: bytes) -> str:
    """UTF-8 text without its BOM, or a fatal SCH005 at the first bad byte."""
    for bom, name in _OTHER_BOMS:
        if raw.startswith(bom):
            raise Fatal(
                problem(
                    "SCH005",
                    f"The file is encoded as {name}; save it as UTF-8.",
                    f"Tệp được mã hóa {name}; hãy lưu lại dưới dạng UTF-8.",
                    (1, 1),
                )
            )
    if raw.startswith(_UTF8_BOM):
        raw = raw[len(_UTF8_BOM) :]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start].decode("utf-8")
        pos = position(line_starts(before), len(before))
        bad = raw[exc.start]
        raise Fatal(
            problem(
                "SCH005",
                f"The file is not valid UTF-8 (byte 0x{bad:02X}); save it as UTF-8.",
                f"Tệp không phải UTF-8 hợp lệ (byte 0x{bad:02X}); hãy lưu lại dưới dạng UTF-8.",
                pos,
            )
        ) from None


def _is_json(path: str, text: str) -> bool:
    suffix = os.path.splitext(path)[1].lower()
    if suffix == ".json":
        return True
    if suffix in (".yaml", ".yml"):
        return False
    return text.lstrip()[:1] in ("{", "[")


def parse_bytes(raw: bytes, path: str, *, limits: Limits = Limits()) -> ParseResult:
    """Parse one YAML or JSON document; problems are returned, never raised.

    ``path`` labels the result and chooses the format by its extension (``.json``, ``.yaml``,
    ``.yml``); otherwise text starting with ``{`` or ``[`` is JSON and anything else YAML.

    >>> result = parse_bytes(b"a:\\n  - 1\\n  - x\\n", "f.yaml")
    >>> result.data, result.source.locate("/a/1"), result.problems
    ({'a': [1, 'x']}, (3, 5), ())
    """
    if len(raw) > limits.max_bytes:
        return ParseResult(path, None, SourceMap({}, {}), (too_big(limits.max_bytes),))
    try:
        text = _decode(raw)
        if _is_json(path, text):
            # imported here: the JSON reader and its locator are a tenth of a YAML run's own
            # imports (docs/performance.md)
            from vndgaf.load.json_reader import parse_json

            body = raw[len(_UTF8_BOM) :] if raw.startswith(_UTF8_BOM) else raw
            data, source, problems = parse_json(text, body, limits)
        else:
            data, source, problems = parse_yaml(text, limits)
    except Fatal as fatal:
        return ParseResult(path, None, SourceMap({}, {}), (*fatal.earlier, fatal.problem))
    return ParseResult(path, data, source, tuple(problems))


def read_bounded(handle: BinaryIO, size: int, limit: int) -> bytes:
    """At most ``limit + 1`` bytes, without allocating ``limit`` up front (``read(n)`` does);
    ``size`` is the size the file reports (0 when unknown, as for a pipe)."""
    chunks = [handle.read(size + 1)]
    total = len(chunks[0])
    while total <= limit and len(chunks[-1]) > 0 and total > size:
        chunks.append(handle.read(min(1 << 20, limit + 1 - total)))
        total += len(chunks[-1])
    return b"".join(chunks)


def parse_file(path: str | os.PathLike[str], *, limits: Limits = Limits()) -> ParseResult:
    """Read and parse a file; raises :class:`InputError` only when it cannot be read."""
    name = os.fspath(path)
    try:
        with open(name, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > limits.max_bytes:
                return ParseResult(name, None, SourceMap({}, {}), (too_big(limits.max_bytes),))
            raw = read_bounded(handle, size, limits.max_bytes)
    except IsADirectoryError:
        raise InputError(f"{name} is a directory, not a file") from None
    except OSError as exc:
        raise InputError(f"cannot read {name}: {exc.strerror or exc}") from None
    return parse_bytes(raw, name, limits=limits)
