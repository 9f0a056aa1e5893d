"""Line starts and positions: \\r\\n, \\r and \\n each end one line, whichever path counts them."""

import re

from hypothesis import given
from hypothesis import strategies as st

from vndgaf.load.positions import line_starts, position

_TEXT = st.text(alphabet=st.sampled_from("ab\n\r\té"), max_size=40)


@given(_TEXT)
def test_line_starts_as_the_newline_pattern(text: str) -> None:
    """Text without \\r takes the split-and-accumulate path, text with \\r the pattern; both give
    the offsets just past each line break."""
    expected = [0, *(m.end() for m in re.finditer(r"\r\n|\r|\n", text))]
    assert line_starts(text) == expected
    assert line_starts(text.replace("\r", "")) == [
        0,
        *(m.end() for m in re.finditer("\n", text.replace("\r", ""))),
    ]


@given(_TEXT, st.data())
def test_position_counts_lines_and_characters(text: str, data: st.DataObject) -> None:
    """The line of an offset is one more than the line breaks before it, its column one more
    than the characters since the last of them."""
    offset = data.draw(st.integers(0, len(text)))
    before = text[:offset]
    breaks = list(re.finditer(r"\r\n|\r|\n", before))
    last = breaks[-1] if breaks else None
    if last and last.group() == "\r" and last.end() == offset and text[offset : offset + 1] == "\n":
        breaks.pop()  # the offset splits a \r\n: it is still on the \r's line
    line_start = breaks[-1].end() if breaks else 0
    assert position(line_starts(text), offset) == (len(breaks) + 1, offset - line_start + 1)
