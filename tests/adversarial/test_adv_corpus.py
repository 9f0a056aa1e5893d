"""The standing adversarial corpus: one small file per class of hostile input, each with the
result it must give, in ``corpus/expected.json``.

A submission file must give exactly its expected errors (code, line, column, JSON pointer),
and its report in every format and, when it loads cleanly, its export in every format must be
valid UTF-8 with no raw control or bidirectional character. An ArchiMate file must either be
refused with its expected one-line error or import the expected systems. When the fuzzer
(``make fuzz``) or anyone finds a new crash, the smallest input that shows it is added here
with the result it should have given; docs/security.md reports the corpus size.
"""

import json
from pathlib import Path

import pytest
from test_adv_neutral_output import RAW

from vndgaf import converter
from vndgaf.engine import check_loaded
from vndgaf.errors import InputError
from vndgaf.exchange import EXPORT_FORMATS, export, import_archimate
from vndgaf.load import load
from vndgaf.report import render

CORPUS = Path(__file__).parent / "corpus"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
CASES = sorted(p.name for p in CORPUS.iterdir() if p.name != "expected.json")


def test_every_case_has_an_expected_result_and_every_result_a_case() -> None:
    assert sorted(EXPECTED) == CASES
    assert len(CASES) >= 15


def _neutral(text: str, what: str) -> None:
    text.encode("utf-8")  # strict: a lone surrogate fails here
    found = RAW.search(text)
    assert found is None, f"{what}: raw {found.group()!r}"


@pytest.mark.parametrize("name", [n for n in CASES if not n.endswith(".xml")])
def test_a_submission_case_gives_its_expected_errors_and_neutral_outputs(name: str) -> None:
    result = load([CORPUS / name])
    errors = [
        [f.code, f.location.line, f.location.column, f.location.pointer]
        for f in result.findings
        if f.severity.value == "error" and f.location is not None
    ]
    assert errors == EXPECTED[name]["errors"]
    assert all(f.location is not None for f in result.findings if f.severity.value == "error")
    report = check_loaded(result)
    for fmt in ("text", "json", "sarif", "markdown", "html"):
        _neutral(render(report, fmt), f"{name} {fmt}")
    if not errors:
        arch = converter.normalise(result.architecture)
        for fmt in ("yaml", "json"):
            _neutral(converter.dumps(arch, fmt), f"{name} {fmt}")
        for fmt in EXPORT_FORMATS:
            _neutral(export(arch, fmt), f"{name} {fmt}")


@pytest.mark.parametrize("name", [n for n in CASES if n.endswith(".xml")])
def test_an_archimate_case_is_refused_or_imported_as_expected(name: str) -> None:
    text = (CORPUS / name).read_text(encoding="utf-8")
    expected = EXPECTED[name]
    if "refused" in expected:
        with pytest.raises(InputError) as refused:
            import_archimate(text, path=name)
        assert str(refused.value) == expected["refused"]
        return
    arch = import_archimate(text, path=name).architecture
    assert sorted(s.id for s in arch.systems) == expected["systems"]
