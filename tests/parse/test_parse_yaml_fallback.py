"""The pure-Python PyYAML parser (used when libyaml is missing) gives the same results."""

import pytest
import yaml

from vndgaf.load import Limits, SourceMap
from vndgaf.load.problems import Fatal
from vndgaf.load.yaml_reader import LIBYAML, parse_yaml

CASES = [
    b"a: 1\nb:\n  c: 2\n  c: 3\na: 4\n",
    b"a: yes\nb: 2025-07-01\nc: 0x1F\nd: ~\ne: !!str 5\n",
    b"a: !!python/object/apply:os.system ['true']\n",
    b"a: [1, .nan]\n",
    b"a: &x [1]\nb: *x\nc: *nope\n",
    b"a: 1\r\nb:\r  - x\r\n  - y\n",
    b"[" * 10_000,
    b"a: 1\n---\nb: 2\n",
    b"a: [1, 2\n",
]


def outcome(raw, loader):
    """Data, problems and every recorded position of one parse with this event parser."""
    try:
        data, source, found = parse_yaml(raw.decode(), Limits(), loader=loader)
    except Fatal as fatal:
        data, source, found = None, SourceMap({}, {}), [*fatal.earlier, fatal.problem]
    problems = [(p.code, p.line, p.column, p.pointer) for p in found]
    where = [source.locate(p) for p in ("", "/a", "/b", "/b/1", "/c")]
    return data, problems, where


@pytest.mark.skipif(not hasattr(yaml, "CSafeLoader"), reason="libyaml not available")
@pytest.mark.parametrize("raw", CASES)
def test_python_parser_matches_libyaml(raw):
    """Same data, problem codes, positions and pointers with yaml.SafeLoader as with libyaml."""
    assert LIBYAML is yaml.CSafeLoader
    fast = outcome(raw, LIBYAML)
    slow = outcome(raw, yaml.SafeLoader)
    assert slow[0] == fast[0]
    assert slow[2] == fast[2]
    if raw.startswith(b"[["):  # each parser stops where its own scanner noticed the depth
        assert [p[0] for p in slow[1]] == [p[0] for p in fast[1]] == ["SCH004"]
    elif raw == b"a: [1, 2\n":  # the two parsers word and place syntax errors differently
        assert [p[0] for p in slow[1]] == [p[0] for p in fast[1]] == ["SCH001"]
    else:
        assert slow[1] == fast[1]
