"""Models built in code are checked like files: same findings, located by JSON pointer, and
field values converted or rejected at construction."""

import datetime as dt
from pathlib import Path

import pytest

import vndgaf
from vndgaf.model import Agency, Architecture, DataFlow, InformationSystem, Level, Submission

YAML = """format_version: 1
submission: {submitter: ubnd-x, framework_version: "4.0", as_of: 2025-12-01}
agencies:
  - {id: ubnd-x, name: UBND tỉnh X, level: provincial, type: provincial_peoples_committee,
     unit: vn:province/08}
  - {id: huyen-x, name: UBND huyện X, level: district, parent: ubnd-x}
systems:
  - {id: hs, name: Hồ sơ, owner: ubnd-x, tenants: [huyen-x, ubnd-x]}
flows:
  - {id: f1, source: hs, target: khong-co, via: [vn:platform/ndxp]}
"""


def _model() -> Architecture:
    """The YAML above, built in code the way an integrator writes it: enum values as strings,
    lists where the model holds tuples."""
    return Architecture(
        format_version=1,
        submission=Submission(
            submitter="ubnd-x",
            framework_version="4.0",  # type: ignore[arg-type]
            as_of="2025-12-01",  # type: ignore[arg-type]
        ),
        agencies=[  # type: ignore[arg-type]
            Agency(
                id="ubnd-x",
                name="UBND tỉnh X",
                level="provincial",  # type: ignore[arg-type]
                type="provincial_peoples_committee",  # type: ignore[arg-type]
                unit="vn:province/08",
            ),
            Agency(id="huyen-x", name="UBND huyện X", level="district", parent="ubnd-x"),  # type: ignore[arg-type]
        ],
        systems=[  # type: ignore[arg-type]
            InformationSystem(id="hs", name="Hồ sơ", owner="ubnd-x", tenants=["huyen-x", "ubnd-x"])  # type: ignore[arg-type]
        ],
        flows=[DataFlow(id="f1", source="hs", target="khong-co", via=["vn:platform/ndxp"])],  # type: ignore[arg-type,list-item]
    )


def _seen(report: vndgaf.Report) -> list[tuple[str, str, str, str, str]]:
    return [
        (f.code, f.location.pointer if f.location else "", f.message.en, f.subject, f.submitter)
        for f in report.findings
    ]


def test_in_code_model_gets_the_findings_of_the_same_yaml(tmp_path: Path) -> None:
    path = tmp_path / "x" / "architecture.yaml"
    path.parent.mkdir()
    path.write_text(YAML, encoding="utf-8")
    from_file = vndgaf.check([path])
    model = _model()
    assert model.agencies[1].level is Level.DISTRICT and model.systems[0].tenants == (
        "huyen-x",
        "ubnd-x",
    )
    in_code = vndgaf.check_models([model])
    assert sorted(_seen(in_code)) == sorted(_seen(from_file))
    codes = {f.code for f in in_code.findings}
    assert {"REF001", "STR001"} <= codes  # the dangling target; the district agency
    [dangling] = [f for f in in_code.findings if f.code == "REF001"]
    assert str(dangling.location) == "<model 1>#/flows/0/target"
    assert dangling.subject == "ubnd-x::f1"
    # standing for the file, the same model is located in it (by pointer: a model has no lines)
    located = vndgaf.check_models([model], paths=[str(path)])
    assert sorted(
        (f.location.path, f.location.pointer) for f in located.findings if f.location
    ) == sorted((f.location.path, f.location.pointer) for f in from_file.findings if f.location)
    assert vndgaf.dumps(model).startswith("format_version: 1\nsubmission:")


def test_invalid_values_are_rejected_at_construction_naming_field_and_choices() -> None:
    with pytest.raises(ValueError, match=r"Agency\.level: 'tinh' is not one of central, "):
        Agency(id="a", name="A", level="tinh")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"DataFlow\.via: expects a list, not str"):
        DataFlow(id="f", source="a", target="b", via="lgsp")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"Submission\.as_of: '1/12/2025' is not a date"):
        Submission(submitter="a", framework_version="4.0", as_of="1/12/2025")  # type: ignore[arg-type]
    flow = DataFlow(id="f", source="a", target="b", via=["p"], mode="sync_master")  # type: ignore[arg-type]
    assert flow.via == ("p",) and hash(flow) == hash(attrs_copy(flow))
    assert Submission("a", "4.0", "2025-12-01").as_of == dt.date(2025, 12, 1)  # type: ignore[arg-type]


def attrs_copy(flow: DataFlow) -> DataFlow:
    return DataFlow(
        id=flow.id, source=flow.source, target=flow.target, via=list(flow.via), mode=flow.mode
    )  # type: ignore[arg-type]


def test_help_of_the_public_functions_is_readable() -> None:
    for function in (vndgaf.check, vndgaf.check_loaded, vndgaf.check_models, vndgaf.load):
        text = pydoc_text(function)
        assert len(text) < 4000, function.__name__
        assert "Rule(" not in text and "<function" not in text


def pydoc_text(obj: object) -> str:
    import pydoc

    return pydoc.plain(pydoc.render_doc(obj))
