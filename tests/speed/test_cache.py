"""The precompiled values (``vndgaf.cache``): the catalogue and the schema hold exactly what
the sources give, and a stale, damaged or foreign cache entry is rebuilt, never trusted."""

import datetime as dt
import os
import pickle
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

from vndgaf import cache
from vndgaf.reference.catalogue import build_bundled, bundled_sources
from vndgaf.reference.history import PlainHistory
from vndgaf.reference.overlay import Overlay

ROOT = Path(__file__).resolve().parents[2]
DATES = (dt.date(2024, 12, 31), dt.date(2025, 7, 1), dt.date(2026, 9, 20), dt.date(2031, 1, 1))


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("VNDGAF_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("VNDGAF_NO_CACHE", raising=False)
    return tmp_path / "cache"


def _overlay_fields(overlay: Overlay) -> tuple[object, ...]:
    return tuple(getattr(overlay, f.name) for f in attrs.fields(Overlay))


def _assert_same(read: PlainHistory, built: PlainHistory) -> None:
    assert read.versions == built.versions
    assert list(read.versions) == list(built.versions)  # the order facts were added in
    assert read.tables == built.tables
    assert read.instruments == built.instruments
    assert read.effects == built.effects
    pairs = ((read.overlays, built.overlays), (read.legal_overlays, built.legal_overlays))
    for mine, theirs in pairs:
        assert [_overlay_fields(o) for o in mine] == [_overlay_fields(o) for o in theirs]
    for on in DATES:
        assert read.history().at(on) == built.history().at(on)


def _catalogue(build: object = build_bundled) -> PlainHistory:
    return cache.cached("catalogue", bundled_sources(), build, PlainHistory)  # type: ignore[arg-type]


def test_the_precompiled_catalogue_equals_the_one_built_from_the_sources(cache_dir: Path) -> None:
    built = build_bundled()
    first = _catalogue()  # built and written
    (entry,) = cache_dir.glob("catalogue-*.pickle")
    read = _catalogue(build=lambda: pytest.fail("built again although the entry is fresh"))
    _assert_same(read, built)
    _assert_same(first, built)
    assert read.versions["vn:province/24"][0].record.name == "Tỉnh Bắc Giang"
    assert entry.stat().st_size > 100_000


def test_an_edited_source_names_another_entry(tmp_path: Path, cache_dir: Path) -> None:
    source = tmp_path / "units.json"
    source.write_text('{"a": 1}', encoding="utf-8")
    before = cache.entry_path("catalogue", [source])
    source.write_text('{"a": 2}', encoding="utf-8")  # same size, other content
    after = cache.entry_path("catalogue", [source])
    assert before is not None and after is not None
    assert before != after and before.parent == after.parent == cache_dir
    assert cache.entry_path("catalogue", [source]) == after


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # truncated (a run killed while writing elsewhere)
        lambda raw: raw[:-10] + b"x" * 10,  # changed bytes
        lambda raw: b"",
    ],
    ids=["truncated", "corrupted", "empty"],
)
def test_a_damaged_entry_is_rebuilt(cache_dir: Path, damage: object) -> None:
    _catalogue()
    (entry,) = cache_dir.glob("catalogue-*.pickle")
    entry.write_bytes(damage(entry.read_bytes()))  # type: ignore[operator]
    _assert_same(_catalogue(), build_bundled())
    _assert_same(_catalogue(build=lambda: pytest.fail("not rewritten")), build_bundled())


def test_an_entry_naming_a_foreign_function_is_never_unpickled(cache_dir: Path) -> None:
    """A well-formed entry whose pickle would call ``os.remove`` is rejected and rebuilt."""
    victim = cache_dir.parent / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")

    class Bomb:
        def __reduce__(self) -> tuple[object, ...]:
            return (os.remove, (str(victim),))

    path = cache.entry_path("catalogue", bundled_sources())
    assert path is not None
    cache._write(path, Bomb())
    _assert_same(_catalogue(), build_bundled())
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert pickle.loads(path.read_bytes()[len(cache._MAGIC) + 32 :]).versions  # rewritten


def test_an_entry_of_another_type_is_rebuilt(cache_dir: Path) -> None:
    path = cache.entry_path("catalogue", bundled_sources())
    assert path is not None
    cache._write(path, {"not": "a history"})
    _assert_same(_catalogue(), build_bundled())


def test_a_directory_that_cannot_be_written_only_means_no_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("VNDGAF_CACHE_DIR", str(blocker / "cache"))  # below a file: cannot exist
    _assert_same(_catalogue(), build_bundled())
    assert list(tmp_path.iterdir()) == [blocker]


def test_no_cache_when_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VNDGAF_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("VNDGAF_NO_CACHE", "1")
    assert cache.entry_path("catalogue", bundled_sources()) is None
    _assert_same(_catalogue(), build_bundled())
    assert not (tmp_path / "cache").exists()


def test_only_the_latest_entries_of_a_value_are_kept(tmp_path: Path, cache_dir: Path) -> None:
    source = tmp_path / "source.txt"
    names = []
    for n in range(6):
        source.write_text(str(n), encoding="utf-8")
        names.append(cache.cached("numbers", [source], lambda n=n: n, int))  # type: ignore[misc]
    assert names == list(range(6))
    assert len(list(cache_dir.glob("numbers-*.pickle"))) == cache._KEPT
    assert cache.cached("numbers", [source], lambda: pytest.fail("built"), int) == 5


@pytest.mark.slow
def test_the_command_reads_the_same_catalogue_from_the_cache(tmp_path: Path) -> None:
    """``vndgaf validate`` of a file citing catalogue ids: the same output when the catalogue
    is built (first run, writing the cache), read from the cache, or built without one."""
    env = {**os.environ, "VNDGAF_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("VNDGAF_NO_CACHE", None)
    command = [sys.executable, "-m", "vndgaf", "validate", "examples/tuyen-quang", "--format"]

    def run(**extra: str) -> bytes:
        proc = subprocess.run(
            [*command, "json"], capture_output=True, cwd=ROOT, env={**env, **extra}, check=False
        )
        assert proc.returncode in (0, 1), proc.stderr
        return proc.stdout

    written = run()
    assert len(list((tmp_path / "cache").glob("catalogue-*.pickle"))) == 1
    assert run() == written == run(VNDGAF_NO_CACHE="1")


def test_the_cached_schema_is_the_one_generated_from_the_model(cache_dir: Path) -> None:
    from vndgaf import schema

    generated = schema._generated_text()
    assert cache.cached("schema", schema._sources(), schema._generated_text, str) == generated
    assert len(list(cache_dir.glob("schema-*.pickle"))) == 1
    read = cache.cached("schema", schema._sources(), lambda: pytest.fail("generated again"), str)
    assert read == generated
    published = ROOT / "schemas" / schema.SCHEMA_FILENAME
    assert read == published.read_text(encoding="utf-8")
