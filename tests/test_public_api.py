"""The names an integrator imports from ``vndgaf`` and ``vndgaf.load`` keep working."""

import json
from pathlib import Path

import vndgaf
from vndgaf.load import INPUT_CHECKS, LoadResult, ids, load, pipeline
from vndgaf.schema import SCHEMA_ID

ROOT = Path(__file__).resolve().parent.parent


def test_load_dump_and_schema_from_the_top_level() -> None:
    """vndgaf.load gives a LoadResult; dumps and normalise write it; the schema is published."""
    result = vndgaf.load([ROOT / "examples" / "tuyen-quang"])
    assert isinstance(result, vndgaf.LoadResult)
    assert vndgaf.LoadResult is LoadResult and vndgaf.load is load
    assert not [f for f in result.findings if f.severity is vndgaf.Severity.ERROR]
    flows = result.architecture.flows
    assert flows and result.locate(flows[0].id) is not None
    text = vndgaf.dumps(vndgaf.normalise(result.architecture), "json")
    assert json.loads(text)["flows"][0]["id"] == min(f.id for f in flows)
    assert vndgaf.submission_schema()["$id"] == SCHEMA_ID
    assert set(vndgaf.__all__) <= set(dir(vndgaf))


def test_the_load_package_and_its_modules() -> None:
    """vndgaf.load names the function on ``vndgaf`` (docs/design.md: the package's modules are
    imported with ``from vndgaf.load import …``); every loader check is listed once, SCH
    before REF."""
    assert callable(vndgaf.load)
    assert vndgaf.load.__module__ == pipeline.__name__ == "vndgaf.load.pipeline"
    assert ids.Origins.__module__ == "vndgaf.load.ids"
    codes = [check.code for check in INPUT_CHECKS]
    assert len(codes) == len(set(codes))
    assert codes == sorted(codes, key=lambda code: (not code.startswith("SCH"), code))
    assert {"SCH001", "SCH010", "SCH015", "REF001", "REF002", "REF006"} <= set(codes)


def test_every_public_name_resolves_to_the_object_of_its_home_module() -> None:
    """``vndgaf.X`` is imported on first use; it is the very object its module defines (an
    unknown name is an AttributeError)."""
    import importlib

    assert set(vndgaf.__all__) <= set(dir(vndgaf))
    for name in sorted(set(vndgaf.__all__) - {"__version__"}):
        value = getattr(vndgaf, name)
        home = importlib.import_module(value.__module__)
        assert getattr(home, value.__name__) is value, name
    try:
        vndgaf.no_such_name  # noqa: B018
    except AttributeError as exc:
        assert "no_such_name" in str(exc)
    else:
        raise AssertionError("an unknown name must raise AttributeError")
