"""Did you mean …: the index answers like difflib where it looks, and looks in bounded work."""

import difflib
import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from vndgaf.load import load
from vndgaf.suggest import CUTOFF, MAX_LENGTH, SMALL, Suggestions, closest, edits

_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789-./:"
_IDS = st.text(_ALPHABET, min_size=1, max_size=24)


def _difflib(word: str, pool: list[str]) -> str | None:
    """difflib's best ratio; of the candidates that share it, the fewest edits away, then the
    greatest string (difflib's own tie-break)."""
    scored = [(_ratio(word, c), c) for c in pool]
    top = max((r for r, _ in scored if r >= CUTOFF), default=None)
    if top is None:
        assert not difflib.get_close_matches(word, sorted(pool), n=1, cutoff=CUTOFF)
        return None
    tied = sorted((c for r, c in scored if r == top), reverse=True)
    return min(tied, key=lambda c: edits(word, c))


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, b, a).ratio()


@settings(max_examples=200, deadline=None)
@given(pool=st.lists(_IDS, max_size=SMALL, unique=True), word=_IDS)
def test_a_small_pool_gives_exactly_difflibs_answer(pool: list[str], word: str) -> None:
    assert Suggestions(pool).closest(word) == _difflib(word, pool)
    assert closest(word, pool) == _difflib(word, pool)


def _edits(ident: str) -> st.SearchStrategy[str]:
    """Every text one edit away from ``ident``: replaced, added, removed or swapped."""
    at = st.integers(0, len(ident) - 1)
    char = st.sampled_from(_ALPHABET)
    return st.one_of(
        st.builds(lambda i, c: ident[:i] + c + ident[i + 1 :], at, char),
        st.builds(lambda i, c: ident[:i] + c + ident[i:], st.integers(0, len(ident)), char),
        st.builds(lambda i: ident[:i] + ident[i + 1 :], at),
        st.builds(
            lambda i: ident[:i] + ident[i + 1 : i + 2] + ident[i : i + 1] + ident[i + 2 :], at
        ),
    )


@settings(max_examples=200, deadline=None)
@given(data=st.data(), pool=st.lists(_IDS, min_size=SMALL + 1, max_size=400, unique=True))
def test_index_finds_every_id_one_edit_away(data: st.DataObject, pool: list[str]) -> None:
    """A miss one edit away from an id gets that id or one at least as close (difflib's
    order), so a large pool never loses the suggestion a typo deserves."""
    ident = data.draw(st.sampled_from([p for p in pool if len(p) >= 4] or ["abcd"]))
    if ident not in pool:
        pool = [*pool, ident]
    word = data.draw(_edits(ident))
    if word in pool or _ratio(word, ident) < CUTOFF:
        return
    got = Suggestions(pool).closest(word)
    assert got is not None
    assert _ratio(word, got) == max(_ratio(word, p) for p in pool)
    assert _ratio(word, got) > _ratio(word, ident) or edits(word, got) <= edits(word, ident)


def test_of_equally_close_ids_the_one_fewest_edits_away_comes_first() -> None:
    """difflib rates 21583 and 23839 alike for 23583; one replaced digit beats two edits."""
    pool = ["vn:commune/23839", "vn:commune/21583"]
    assert closest("vn:commune/23583", pool) == "vn:commune/21583"
    assert Suggestions(pool).ranked("vn:commune/23583") == ("vn:commune/21583", "vn:commune/23839")
    assert edits("vn:commune/23583", "vn:commune/23839") == 2


def test_a_misspelt_commune_code_suggests_the_unit_the_agency_is_named_after(
    tmp_path: Path,
) -> None:
    """Many codes are one digit off 23583; the agency's name says which one was meant."""
    path = tmp_path / "gl.yaml"
    path.write_text(
        "format_version: 1\n"
        "submission: {submitter: ubnd-gl, framework_version: '4.0', as_of: 2025-12-01}\n"
        "agencies:\n"
        "  - {id: ubnd-gl, name: UBND tỉnh Gia Lai, type: provincial_peoples_committee,"
        " level: provincial, unit: vn:province/52}\n"
        "  - {id: ubnd-quy-nhon, name: UBND phường Quy Nhơn, type: commune_peoples_committee,"
        " level: commune, parent: ubnd-gl, unit: vn:commune/23583}\n",
        encoding="utf-8",
    )
    [finding] = [f for f in load([path]).findings if f.code == "REF003"]
    assert finding.message.en.endswith("(did you mean 'vn:commune/21583' (Phường Quy Nhơn)?)"), (
        finding.message.en
    )
    assert finding.location is not None and finding.location.pointer == "/agencies/1/unit"


def test_a_large_pool_suggests_the_id_with_a_typo_anywhere() -> None:
    """At the 20,000 ids of the old difflib cap, typos at the start, the middle and the end
    get difflib's own answer (for a missing digit: the greatest of the ids one digit away)."""
    pool = [f"he-thong-quan-ly-{i:05d}" for i in range(20_000)]
    ids = Suggestions(pool)
    assert ids.closest("he-thong-quan-ly-12345x") == "he-thong-quan-ly-12345"
    assert ids.closest("xhe-thong-quan-ly-12345") == "he-thong-quan-ly-12345"
    assert ids.closest("he-thong-qaun-ly-12345") == "he-thong-quan-ly-12345"
    assert ids.closest("he-thong-quan-ly-1234") == "he-thong-quan-ly-19234"
    assert _difflib("he-thong-quan-ly-1234", pool) == "he-thong-quan-ly-19234"
    assert ids.closest("tong-hop") is None


def test_long_values_are_neither_suggested_nor_given_a_suggestion() -> None:
    """An aliased 8 MiB value costs nothing: it is not compared at all."""
    huge = "provincial" + "x" * (8 * 1024 * 1024)
    assert closest(huge, ["central", "provincial"]) is None
    too_long = "x" * (MAX_LENGTH + 1)
    assert Suggestions(["provincial", too_long]).closest(too_long) is None
    assert Suggestions(["a" * (MAX_LENGTH + 1)]).closest("a" * MAX_LENGTH) is None


def test_the_answers_on_a_near_miss_document_are_the_typo_fixed(tmp_path: Path) -> None:
    """A document of 3,000 systems and as many flows, each source a typo of a system id:
    every REF001 suggests the id the typo came from."""
    n = 3_000
    doc = {
        "format_version": 1,
        "agencies": [{"id": "so-tp", "name": "Sở", "level": "provincial"}],
        "systems": [
            {"id": f"ht-{i:05d}-quan-ly", "name": f"HT {i}", "owner": "so-tp"} for i in range(n)
        ],
        "flows": [
            {"id": f"f{i}", "source": f"ht-{i:05d}-qaun-ly", "target": f"ht-{i:05d}-quan-ly"}
            for i in range(n)
        ],
    }
    path = tmp_path / "near.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    found = [f for f in load([path]).findings if f.code == "REF001"]
    assert len(found) == n
    for f in found:
        assert f.location is not None
        i = int(f.location.pointer.split("/")[2])
        assert f.message.en.endswith(f"(did you mean 'ht-{i:05d}-quan-ly'?)"), f.message.en
