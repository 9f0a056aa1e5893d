"""The fast YAML emitter writes exactly what PyYAML's own pure-Python emitter writes."""

import doctest
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from vndgaf import yaml_emitter
from vndgaf.yaml_emitter import FastEmitter


class _Reference(yaml.SafeDumper):
    """PyYAML's own emitter."""


class _Fast(FastEmitter, yaml.SafeDumper):
    """The same dumper with the fast emitter."""


# Characters that change a scalar's style or its line folding: spaces, every line break,
# indicators, quotes, escapes, a BOM, a lone surrogate, characters beyond the BMP.
_TRICKY = (
    " \n\r\t\x00\x07\x1b\x7f\x85\xa0\u2028\u2029\ufeff\ud800\U0001f600'\"\\#:-?,[]{}&*!|>%@`.~ăđ"
)
TEXTS = st.text(
    alphabet=st.one_of(st.sampled_from(list(_TRICKY)), st.sampled_from("abc "), st.characters()),
    max_size=400,
)
# Words and runs of spaces, so that long lines fold in many places.
WORDY = st.lists(
    st.one_of(st.sampled_from(["a", "bb", "ccc ", " ", "  ", "dddddddddd", "'", "é", "\n"]), TEXTS),
    max_size=120,
).map("".join)
SCALARS = st.one_of(TEXTS, WORDY, st.integers(), st.booleans(), st.none())
DOCUMENTS = st.dictionaries(
    st.one_of(TEXTS, WORDY),
    st.recursive(
        SCALARS,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXTS, inner, max_size=4),
        max_leaves=12,
    ),
    max_size=4,
)
STYLES = st.sampled_from([None, "'", '"', "|", ">"])


def _dump(dumper: type[yaml.SafeDumper], data: Any, **options: Any) -> str:
    text: str = yaml.dump(data, Dumper=dumper, sort_keys=False, **options)
    return text


@settings(max_examples=600)
@given(DOCUMENTS, st.booleans(), st.sampled_from([8, 20, 40, 100]))
def test_documents_are_written_as_pyyaml_writes_them(
    data: dict[str, Any], unicode: bool, width: int
) -> None:
    """Any document, with or without allow_unicode, at any width: the same text."""
    options = {"allow_unicode": unicode, "width": width}
    assert _dump(_Fast, data, **options) == _dump(_Reference, data, **options)


@settings(max_examples=600)
@given(st.one_of(TEXTS, WORDY), STYLES, st.booleans(), st.sampled_from([8, 20, 100]))
def test_scalars_in_every_style_are_written_as_pyyaml_writes_them(
    text: str, style: str | None, unicode: bool, width: int
) -> None:
    """A scalar asked for in each style (the emitter falls back where a style cannot hold
    it), as a value and in a list: the same text."""

    def represent(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    class Reference(_Reference):
        pass

    class Fast(_Fast):
        pass

    Reference.add_representer(str, represent)
    Fast.add_representer(str, represent)
    data = {"key": text, "list": [text, {"nested": text}]}
    options = {"allow_unicode": unicode, "width": width}
    assert _dump(Fast, data, **options) == _dump(Reference, data, **options)


def test_a_long_scalar_folds_as_pyyaml_folds_it() -> None:
    """Ten thousand words in each style: the same lines (a fixed case, besides Hypothesis)."""
    words = " ".join(f"w{n}" + ("'" if n % 7 == 0 else "") for n in range(10_000))
    for text in (words, words + "\u202e", words.replace(" ", "\n", 50)):
        data = {"a": text, "b": [text]}
        assert _dump(_Fast, data, allow_unicode=True, width=100) == _dump(
            _Reference, data, allow_unicode=True, width=100
        )


def test_doctests() -> None:
    assert doctest.testmod(yaml_emitter).failed == 0
