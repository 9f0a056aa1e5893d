"""A strict line-by-line check of the Mermaid flowcharts vndgaf writes (test helper)."""

import re

_NODE_LINE = re.compile(
    r'^\s*(n_[A-Za-z0-9_]+)(\(\[|\[\(|\[/|\[\\|\{\{|\[)"([^"\n<>]*)"(\]\)|\)\]|/\]|\\\]|\}\}|\])$'
)
_EDGE_LINE = re.compile(r'^\s*(n_[A-Za-z0-9_]+) -->(\|"[^"\n<>]*"\|)? (n_[A-Za-z0-9_]+)$')


def unescape(label: str) -> str:
    """The text a quoted Mermaid label shows; fails on a '#' that starts no entity code."""
    assert "#" not in re.sub(r"#(quot|lt|gt|amp|[0-9]+);", "", label), label
    named = {"quot": '"', "lt": "<", "gt": ">", "amp": "&"}
    return re.sub(r"#(\w+);", lambda m: named.get(m.group(1)) or chr(int(m.group(1))), label)


def check_lines(text: str) -> dict[str, str]:
    """Every line is a header, subgraph, end, node or edge; returns node id -> label."""
    labels: dict[str, str] = {}
    lines = text.split("\n")
    assert lines[0] == "flowchart LR" and lines[-1] == ""
    lines = lines[:-1]
    depth = 0
    for line in lines[1:]:
        stripped = line.strip()
        if stripped.startswith("subgraph "):
            assert re.fullmatch(r'subgraph sg_[A-Za-z0-9_]+\["[^"\n<>]*"\]', stripped)
            depth += 1
        elif stripped == "end":
            depth -= 1
        elif m := _NODE_LINE.match(line):
            labels[m.group(1)] = unescape(m.group(3))
        else:
            assert _EDGE_LINE.match(line), line
    assert depth == 0
    return labels
