"""Regenerate the packaged unit data from the raw CSV lists (a maintainer tool, not run at import).

Usage: ``vndgaf units build-data DIR`` (hidden command) where DIR holds ``provinces-2025.csv``,
``communes-2025.csv``, ``legacy-communes-2025-01.csv`` and ``conversion-2025-07.csv``. It writes
``units-2025.json`` and ``legacy-2025-01.json`` into ``data/`` next to this module. The conversion
table is messy (province header rows, stray spaces and newlines, a few wrong old-province codes),
so the old province of a row is taken from the legacy list through the old district code.
"""

import csv
import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from vndgaf.reference.names import fold

__all__ = ["DATA_DIR", "build", "write_data"]

_CODE_IN_PARENS = re.compile(r"^(.*?)\s*\((\d+)\)\s*$")
_SPACES = re.compile(r"\s+")

_PROVINCE_KINDS = {"thành phố trung ương": "thanh_pho_truc_thuoc_tw", "tỉnh": "tinh"}
_COMMUNE_KINDS = {"xã": "xa", "phường": "phuong", "đặc khu": "dac_khu", "thị trấn": "thi_tran"}
_DISTRICT_PREFIXES = (
    ("quận ", "quan"),
    ("huyện ", "huyen"),
    ("thị xã ", "thi_xa"),
    ("thành phố ", "thanh_pho_thuoc_tinh"),
)

DATA_DIR = Path(__file__).parent / "data"

#: Columns of the unit table of the units overlay (see vndgaf.reference.overlay).
_UNIT_COLUMNS = ("id", "name", "kind", "code", "parent", "predecessor_codes")

_META_COMMON = {
    "source": (
        "Official list of administrative units and codes (General Statistics Office list attached "
        "to the Prime Minister's decision on codes of administrative units, 2025), as compiled in "
        "the public VietnamProvinces dataset"
    ),
    "retrieved": "2026-02-21",
}


def _clean(text: str) -> str:
    """Collapse runs of whitespace (the raw table has stray newlines and double spaces)."""
    return _SPACES.sub(" ", text).strip()


def _read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def _district_kind(name: str) -> str:
    lowered = name.lower()
    for prefix, kind in _DISTRICT_PREFIXES:
        if lowered.startswith(prefix):
            return kind
    raise ValueError(f"unknown district kind: {name!r}")


def _province_kind(name: str) -> str:
    return "thanh_pho_truc_thuoc_tw" if name.lower().startswith("thành phố") else "tinh"


def _other_names(names: dict[str, set[str]], official: dict[str, str]) -> dict[str, list[str]]:
    """Names the conversion table gives a unit besides its name in the list of 2025-01-04, when
    they differ by more than case or tone-mark placement ("Quí"/"Quý", "N.T"/"Nông trường")."""
    out: dict[str, list[str]] = {}
    for code, seen in sorted(names.items()):
        own = fold(official[code])
        other = sorted({n for n in seen if fold(n) != own}, key=lambda n: (fold(n), n))
        unique = list({fold(n): n for n in other}.values())
        if unique:
            out[code] = unique
    return out


def build(source: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """Read the four CSVs in ``source``; return the units overlay and the legacy document."""
    provinces = _read(source / "provinces-2025.csv")[1:]
    communes = _read(source / "communes-2025.csv")[1:]
    legacy = _read(source / "legacy-communes-2025-01.csv")[1:]
    conversion = _read(source / "conversion-2025-07.csv")[2:]

    legacy_provinces: dict[str, str] = {}
    legacy_districts: dict[str, tuple[str, str]] = {}
    legacy_communes: dict[str, tuple[str, str, str]] = {}
    for p_name, p_code, d_name, d_code, c_name, c_code, level, _en in legacy:
        legacy_provinces[p_code] = _clean(p_name)
        legacy_districts[d_code] = (_clean(d_name), p_code)
        if c_code:
            legacy_communes[c_code] = (_clean(c_name), _COMMUNE_KINDS[level.lower()], d_code)

    notes: list[str] = []
    note_index: dict[str, int] = {}
    successors: dict[str, list[tuple[str, int]]] = defaultdict(list)
    district_successors: dict[str, list[tuple[str, int]]] = defaultdict(list)
    province_successors: dict[str, set[str]] = defaultdict(set)
    predecessors: dict[str, set[str]] = defaultdict(set)
    extra_communes: dict[str, tuple[str, str, str]] = {}
    by_name: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    commune_names: dict[str, set[str]] = defaultdict(set)
    district_names: dict[str, set[str]] = defaultdict(set)
    for row in conversion:
        new_code = row[2].strip()
        if not new_code:
            continue  # a province header row
        new_province = _CODE_IN_PARENS.match(row[0])
        district = _CODE_IN_PARENS.match(row[6])
        if new_province is None or district is None:
            raise ValueError(f"unparsable conversion row: {row!r}")
        d_code = district.group(2)
        district_names[d_code].add(_clean(district.group(1)))
        province_successors[legacy_districts[d_code][1]].add(new_province.group(2))
        note = _clean(row[5])
        idx = note_index.setdefault(note, len(notes))
        if idx == len(notes):
            notes.append(note)
        old_code = row[4].strip()
        if not old_code:
            district_successors[d_code].append((new_code, idx))
            continue
        old_name = _clean(row[3])
        if old_code in legacy_communes:
            commune_names[old_code].add(old_name)
        elif old_code not in extra_communes:
            kind = _COMMUNE_KINDS[old_name.split(" ")[0].lower()] if old_name else "xa"
            for prefix, prefix_kind in _COMMUNE_KINDS.items():
                if old_name.lower().startswith(prefix + " "):
                    kind = prefix_kind
            extra_communes[old_code] = (old_name, kind, d_code)
        if (new_code, idx) not in successors[old_code]:
            successors[old_code].append((new_code, idx))
        if (new_code, idx) not in by_name[(d_code, old_name.lower())]:
            by_name[(d_code, old_name.lower())].append((new_code, idx))
        predecessors[new_code].add(old_code)

    # The 2025-01 list has a few communes under a code the conversion table does not use; the table
    # lists them by name within the same old district (for example Phường 14, Quận Bình Thạnh).
    for code, (name, _kind, d_code) in legacy_communes.items():
        if code not in successors and (d_code, name.lower()) in by_name:
            successors[code] = list(by_name[(d_code, name.lower())])
            for new_code, _idx in successors[code]:
                predecessors[new_code].add(code)

    # A code of the table that the 2025-01 list does not hold is either the same unit as a commune
    # of the list (same name, same district: a phantom, dropped) or a unit created between the two
    # lists (kept apart, as "interim").
    listed = {(d_code, name.lower()) for name, _kind, d_code in legacy_communes.values()}
    phantoms = {
        code
        for code, (name, _kind, d_code) in extra_communes.items()
        if (d_code, name.lower()) in listed
    }
    for codes in predecessors.values():
        codes -= phantoms
    interim = {code: unit for code, unit in extra_communes.items() if code not in phantoms}

    province_preds: dict[str, set[str]] = defaultdict(set)
    for old, news in province_successors.items():
        for new in news:
            province_preds[new].add(old)

    rows: list[list[Any]] = [
        [
            f"vn:province/{code}",
            _clean(name),
            _PROVINCE_KINDS[kind],
            code,
            None,
            sorted(province_preds[code]),
        ]
        for code, name, kind in provinces
    ]
    rows += [
        [
            f"vn:commune/{code}",
            _clean(name),
            _COMMUNE_KINDS[kind],
            code,
            f"vn:province/{p_code}",
            sorted(predecessors[code]),
        ]
        for code, name, kind, p_code in communes
    ]
    units: dict[str, Any] = {
        "vndgaf_overlay": 1,
        "name": "units-2025",
        "title": "Administrative units in force from 1/7/2025 (34 provincial, 3,321 commune-level)",
        "date": "2025-07-01",
        "version": "2025-07-01",
        "sources": [f"{_META_COMMON['source']}, retrieved {_META_COMMON['retrieved']}"],
        "defaults": {
            "provenance": {
                "source": f"{_META_COMMON['source']} (retrieved {_META_COMMON['retrieved']})",
                "confidence": "sourced",
                "valid_from": "2025-07-01",
                "basis": [
                    {"instrument": "nq-202-2025-qh15"},
                    {"instrument": "nq-ubtvqh15-2025-cap-xa"},
                    {"instrument": "qd-19-2025-ttg"},
                ],
            }
        },
        "units": {"columns": list(_UNIT_COLUMNS), "rows": rows},
    }
    legacy_doc: dict[str, Any] = {
        "meta": {
            **_META_COMMON,
            "version": "2025-01-04",
            "valid_to": "2025-06-30",
            "conversion": (
                "Official old-to-new conversion table of commune-level units (1/7/2025), same "
                "compilation"
            ),
            "columns": {
                "provinces": ["code", "name", "kind", "successor_codes"],
                "districts": ["code", "name", "kind", "province_code", "successors"],
                "communes": ["code", "name", "kind", "district_code", "successors"],
                "successors": [["new_commune_code", "note_index"]],
                "other_names": "code -> other official spellings (conversion table)",
                "interim_communes": "units of the conversion table the 2025-01-04 list lacks",
            },
        },
        "notes": notes,
        "provinces": [
            [code, name, _province_kind(name), sorted(province_successors[code])]
            for code, name in sorted(legacy_provinces.items())
        ],
        "districts": [
            [code, name, _district_kind(name), p_code, [list(s) for s in district_successors[code]]]
            for code, (name, p_code) in sorted(legacy_districts.items())
        ],
        "communes": [
            [code, name, kind, d_code, [list(s) for s in successors.get(code, [])]]
            for code, (name, kind, d_code) in sorted(legacy_communes.items())
        ],
        "interim_communes": [
            [code, name, kind, d_code, [list(s) for s in successors.get(code, [])]]
            for code, (name, kind, d_code) in sorted(interim.items())
        ],
        "other_names": {
            "districts": _other_names(
                {c: n for c, n in district_names.items() if c in legacy_districts},
                {c: name for c, (name, _p) in legacy_districts.items()},
            ),
            "communes": _other_names(
                commune_names, {c: name for c, (name, _k, _d) in legacy_communes.items()}
            ),
        },
    }
    return units, legacy_doc


def _dump(doc: dict[str, Any], path: Path) -> None:
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    # One record per line keeps diffs of a data update readable.
    text = text.replace("],[", "],\n[")
    path.write_text(text + "\n", encoding="utf-8")


def write_data(source: Path, target: Path = DATA_DIR) -> tuple[Path, Path]:
    """Build from the CSVs in ``source`` and write the two data files into ``target``."""
    units, legacy = build(source)
    paths = (target / "units-2025.json", target / "legacy-2025-01.json")
    _dump(units, paths[0])
    _dump(legacy, paths[1])
    return paths
