"""Defining ids: the bulk path for a list of new ids keeps exactly what defining them one by one
keeps (first definitions, REF002 for a repeat, REF005 for a vn: id, nothing for a non-string)."""

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from vndgaf.load import Origin, SourceMap
from vndgaf.load.ids import Origins, define_list

_IDS = ["a", "b", "c", "d", "e", "f", "vn:x", "vn:y"]
_ANY_ID = st.one_of(st.sampled_from(_IDS), st.none(), st.integers(0, 2))
_LISTS = st.one_of(
    st.lists(st.sampled_from(_IDS[:6]), unique=True, max_size=6),  # new distinct ids: bulk
    st.lists(_ANY_ID, max_size=6),  # repeats, catalogue ids, missing ids: one by one
)
_NAMES = [("agencies", "agency"), ("systems", "system"), ("flows", "flow")]


@given(st.lists(_LISTS, max_size=5))
def test_define_list_keeps_what_one_by_one_keeps(lists: list[list[Any]]) -> None:
    """Whatever the lists, each id is defined where it first occurs, and every later
    occurrence is reported at its own id."""
    origins = Origins()
    first_seen: dict[str, Origin] = {}
    for n, ids in enumerate(lists):
        name, kind = _NAMES[n % len(_NAMES)]
        path = f"f{n}.json"
        firsts, findings = define_list(origins, path, SourceMap({}, {}), name, kind, ids)
        expected_firsts, expected_findings = [], []
        for index, element_id in enumerate(ids):
            pointer = f"/{name}/{index}"
            if not isinstance(element_id, str):
                expected_firsts.append(False)
            elif element_id in first_seen:
                expected_firsts.append(False)
                expected_findings.append(("REF002", path, f"{pointer}/id", element_id))
            else:
                if element_id.startswith("vn:"):
                    expected_findings.append(("REF005", path, f"{pointer}/id", element_id))
                first_seen[element_id] = Origin(path, pointer, kind)
                expected_firsts.append(True)
        assert firsts == expected_firsts
        found = [(f.code, f.location.path, f.location.pointer, f.subject) for f in findings]
        assert found == expected_findings
    assert dict(origins) == first_seen
    assert list(origins) == list(first_seen)
    assert all(origins.kind_of(i) == o.kind for i, o in first_seen.items())
