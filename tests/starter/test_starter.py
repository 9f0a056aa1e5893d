"""`vndgaf init` / vndgaf.starter: starter submissions that validate and check clean."""

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from vndgaf.cli import main
from vndgaf.diagnostics import Severity
from vndgaf.engine import check_loaded
from vndgaf.load import LoadResult, load
from vndgaf.model import AgencyType
from vndgaf.reference import catalogue
from vndgaf.schema import schema_json
from vndgaf.starter import SCHEMA_PATH, StarterError, starter

AS_OF = dt.date(2026, 1, 15)
SCHEMA_LINE = f"# yaml-language-server: $schema={SCHEMA_PATH}"


def _init(tmp_path: Path, *args: str) -> tuple[int, str, Path]:
    out = tmp_path / "submission"
    result = CliRunner().invoke(main, ["init", *args, "-o", str(out), "--as-of", AS_OF.isoformat()])
    return result.exit_code, result.output, out


def _load_clean(folder: Path) -> LoadResult:
    result = load([folder])
    assert [f"{f.location} {f.code} {f.message.en}" for f in result.findings] == []
    return result


@pytest.mark.parametrize("code", ["01", "08", "79"])
def test_province_starter_validates_and_checks_without_errors(tmp_path: Path, code: str) -> None:
    """`init --province` output loads with no finding and `check` reports no error."""
    exit_code, output, out = _init(tmp_path, "--province", code)
    assert exit_code == 0, output
    assert f"to {out}" in output
    result = _load_clean(out)
    errors = [
        f"{f.code} {f.message.en}"
        for f in check_loaded(result).findings
        if f.severity is Severity.ERROR
    ]
    assert errors == []
    run = CliRunner().invoke(main, ["check", str(out)])
    assert run.exit_code == 0, run.output


def test_ministry_starter_validates_and_checks_without_errors(tmp_path: Path) -> None:
    """`init --ministry bo-tu-phap` refers to the catalogue ministry and checks with no error."""
    exit_code, output, out = _init(tmp_path, "--ministry", "bo-tu-phap")
    assert exit_code == 0, output
    result = _load_clean(out)
    arch = result.architecture
    assert arch.submission is not None
    assert arch.submission.submitter == "vn:agency/bo-tu-phap"
    assert arch.submission.as_of == AS_OF
    owners = {p.id: p.owner for p in arch.platforms}
    assert owners == {
        "lgsp-bo-tu-phap": "vn:agency/bo-tu-phap",
        "tthc-bo-tu-phap": "vn:agency/bo-tu-phap",
    }
    assert [(a.id, a.parent) for a in arch.agencies] == [
        ("don-vi-cntt-bo-tu-phap", "vn:agency/bo-tu-phap")
    ]
    assert arch.agencies[0].name.startswith("TODO: ")
    assert [f.code for f in check_loaded(result).findings if f.severity is Severity.ERROR] == []


def test_province_starter_holds_every_commune_as_tenant(tmp_path: Path) -> None:
    """All communes of the catalogue get a People's Committee, tenant of the LGSP and TTHC."""
    files = starter("08", as_of=AS_OF)
    _write(tmp_path, files)
    arch = _load_clean(tmp_path).architecture
    communes = {c.id for c in catalogue().communes_of("08")}
    assert len(communes) == 124
    commune_pcs = [a for a in arch.agencies if a.type is AgencyType.COMMUNE_PEOPLES_COMMITTEE]
    assert {a.unit for a in commune_pcs} == communes
    assert {a.parent for a in commune_pcs} == {"ubnd-tuyen-quang"}
    pcs = {a.id for a in commune_pcs}
    platforms = {p.id: p for p in arch.platforms}
    assert platforms["lgsp-tuyen-quang"].instance_of == "vn:platform/lgsp"
    assert platforms["tthc-tuyen-quang"].instance_of == "vn:platform/tthc-system"
    assert pcs <= set(platforms["lgsp-tuyen-quang"].tenants)
    assert pcs == set(platforms["tthc-tuyen-quang"].tenants)
    provincial = {
        a.id: a for a in arch.agencies if a.type is not AgencyType.COMMUNE_PEOPLES_COMMITTEE
    }
    assert provincial["ubnd-tuyen-quang"].unit == "vn:province/08"
    assert provincial["ubnd-tuyen-quang"].name == "Ủy ban nhân dân tỉnh Tuyên Quang"
    assert provincial["so-khcn-tuyen-quang"].name == "Sở Khoa học và Công nghệ tỉnh Tuyên Quang"
    routes = {(f.source, f.via, f.target) for f in arch.flows}
    assert routes == {
        ("lgsp-tuyen-quang", (), "vn:platform/ndxp"),
        ("tthc-tuyen-quang", ("lgsp-tuyen-quang",), "vn:platform/npsp"),
        ("qlvb-tuyen-quang", (), "vn:platform/vdxp"),
    }


def test_commune_ids_are_unique_nationally() -> None:
    """Communes of the same name (Xã Tân Thạnh: twice in 80, twice in 82) get distinct ids."""
    ids: list[str] = []
    for code in ("80", "82"):
        text = starter(code, as_of=AS_OF)["agencies.yaml"]
        ids += [
            line.split(": ", 1)[1]
            for line in text.splitlines()
            if "- id: ubnd-xa-tan-thanh" in line
        ]
    assert ids == [
        "ubnd-xa-tan-thanh-25534",
        "ubnd-xa-tan-thanh-27826",
        "ubnd-xa-tan-thanh-29938",
        "ubnd-xa-tan-thanh-30157",
    ]
    assert all(i.rsplit("-", 1)[1].isdigit() for i in ids)


def test_every_file_points_at_the_written_schema(tmp_path: Path) -> None:
    """Each YAML file starts with the schema pointer and format_version 1; the schema is there."""
    files = starter("08", as_of=AS_OF)
    assert files[SCHEMA_PATH] == schema_json()
    json.loads(files[SCHEMA_PATH])
    yaml_files = [name for name in files if name.endswith(".yaml")]
    assert sorted(yaml_files) == [
        "agencies.yaml",
        "data.yaml",
        "flows.yaml",
        "platforms.yaml",
        "services.yaml",
        "submission.yaml",
    ]
    for name in yaml_files:
        lines = files[name].splitlines()
        assert lines[0] == SCHEMA_LINE, name
        assert "format_version: 1" in lines[:4], name
    _write(tmp_path, files)
    assert (tmp_path / SCHEMA_PATH).read_text(encoding="utf-8") == schema_json()
    assert load([tmp_path]).files == tuple(sorted((tmp_path / n).as_posix() for n in yaml_files))


def test_placeholders_are_marked_todo() -> None:
    """What only the author knows is marked TODO (as_of, hosting, api ids, more agencies)."""
    files = starter("08", as_of=AS_OF)
    assert (
        "  as_of: 2026-01-15  # TODO: the date the architecture describes"
        in files["submission.yaml"].splitlines()
    )
    assert "# TODO: hosting" in files["platforms.yaml"]
    assert "# TODO: api_id" in files["flows.yaml"]
    assert "# TODO: add the other departments" in files["agencies.yaml"]
    assert files["services.yaml"].count("\n# ") > 5  # the example is commented out


def test_starter_is_deterministic_and_dated_by_argument() -> None:
    """Same arguments, same bytes; the date comes from the argument, not the clock."""
    assert starter("79", as_of=AS_OF) == starter("79", as_of=AS_OF)
    other = starter("79", as_of=dt.date(2027, 2, 3))["submission.yaml"]
    assert "as_of: 2027-02-03" in other
    assert starter(" 8 ", as_of=AS_OF) == starter("08", as_of=AS_OF)
    assert starter(ministry="vn:agency/bo-y-te", as_of=AS_OF) == starter(
        ministry="bo-y-te", as_of=AS_OF
    )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"province": "99"}, "no province with code or name '99'"),
        ({"ministry": "bo-ke-hoach-va-dau-tu"}, "is no longer active"),
        ({"ministry": "bo-khong-co"}, "no central agency 'vn:agency/bo-khong-co'"),
        ({}, "exactly one"),
        ({"province": "08", "ministry": "bo-y-te"}, "exactly one"),
    ],
)
def test_unknown_or_ambiguous_targets_are_refused(kwargs: dict[str, str], message: str) -> None:
    """Unknown codes, merged ministries and missing/double targets raise StarterError."""
    with pytest.raises(StarterError, match=message):
        starter(**kwargs, as_of=AS_OF)


def test_cli_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    """A second init into the same directory exits 2 and names the files; --force overwrites."""
    assert _init(tmp_path, "--province", "08")[0] == 0
    (tmp_path / "submission" / "flows.yaml").write_text("edited by hand\n", encoding="utf-8")
    exit_code, output, out = _init(tmp_path, "--province", "08")
    assert exit_code == 2
    assert "would overwrite" in output and "flows.yaml" in output and "--force" in output
    assert (out / "flows.yaml").read_text(encoding="utf-8") == "edited by hand\n"
    exit_code, _output, out = _init(tmp_path, "--province", "08", "--force")
    assert exit_code == 0
    assert (out / "flows.yaml").read_text(encoding="utf-8") == starter("08", as_of=AS_OF)[
        "flows.yaml"
    ]


def test_cli_usage_errors_exit_2(tmp_path: Path) -> None:
    """No target, or an unknown province, is a one-line error with exit code 2."""
    exit_code, output, out = _init(tmp_path)
    assert exit_code == 2 and "exactly one of --province CODE or --ministry ID" in output
    exit_code, output, out = _init(tmp_path, "--province", "99")
    assert exit_code == 2 and "no province with code or name '99'" in output
    assert not out.exists()


@pytest.mark.slow
def test_every_province_and_ministry_starter_checks_without_errors(tmp_path: Path) -> None:
    """All 34 provinces and every active ministry-level agency give an error-free starter."""
    cat = catalogue()
    kinds = (AgencyType.MINISTRY, AgencyType.MINISTERIAL_AGENCY, AgencyType.GOVERNMENT_AGENCY)
    targets = [{"province": p.code or ""} for p in cat.provinces] + [
        {"ministry": a.id} for a in cat.agencies if a.active and a.type in kinds
    ]
    assert len(targets) > 34
    failures = []
    for index, target in enumerate(targets):
        folder = tmp_path / str(index)
        _write(folder, starter(**target, as_of=AS_OF))
        result = load([folder])
        bad = [f.code for f in result.findings] + [
            f.code for f in check_loaded(result).findings if f.severity is Severity.ERROR
        ]
        if bad:
            failures.append((target, bad))
    assert failures == []


def _write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _uncomment(text: str) -> str:
    """The file with its commented-out example turned into YAML (what an author would do).

    Example lines are the ``# `` comments that are indented or hold a key; the schema pointer,
    the title and the TODO lines stay comments.
    """
    out = []
    for line in text.splitlines():
        body = line[2:]
        example = line.startswith("# ") and not body.startswith(("TODO", "yaml-language"))
        out.append(body if example and (body.startswith(" ") or ":" in body) else line)
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("kwargs", [{"province": "08"}, {"ministry": "bo-y-te"}])
def test_commented_examples_are_valid_when_uncommented(
    tmp_path: Path, kwargs: dict[str, str]
) -> None:
    """The example services, investments, databases and flows load and check with no error."""
    files = starter(**kwargs, as_of=AS_OF)
    for name in ("data.yaml", "services.yaml"):
        files[name] = _uncomment(files[name])
    _write(tmp_path, files)
    arch = _load_clean(tmp_path).architecture
    assert [s.id for s in arch.services] == ["dv-dang-ky-khai-sinh"]
    assert [i.id for i in arch.investments] == ["dt-vi-du"]
    assert [d.id for d in arch.databases] == ["kho-du-lieu"]
    assert "f-dan-cu-kho" in {f.id for f in arch.flows}
    errors = [
        f"{f.code} {f.message.en}"
        for f in check_loaded(load([tmp_path])).findings
        if f.severity is Severity.ERROR
    ]
    assert errors == []
