"""``vndgaf units resolve``: legacy or current unit names and codes -> today's units."""

import json
import sys
from pathlib import Path
from typing import Any

import click

from vndgaf.cli._common import EXIT_CLEAN, EXIT_FINDINGS
from vndgaf.model import AdministrativeUnit, Level
from vndgaf.reference import (
    Candidate,
    LineageLink,
    Resolution,
    ResolutionStatus,
    UnitRef,
    resolve_units,
)
from vndgaf.textsafe import harden_json, printable

__all__ = ["units_group"]

_LEVEL_WORD = {Level.PROVINCIAL: "province", Level.DISTRICT: "district", Level.COMMUNE: "commune"}


def _ref_label(ref: UnitRef) -> str:
    """``Phường Ba Đình (vn:commune/00004), Thành phố Hà Nội`` or, for a legacy unit,
    ``Quận Ba Đình (district 001, before 1/7/2025), Thành phố Hà Nội``."""
    where = "" if ref.level is Level.PROVINCIAL else f", {ref.province_name}"
    if ref.current:
        return f"{ref.name} ({ref.id}){where}"
    return f"{ref.name} ({_LEVEL_WORD[ref.level]} {ref.code}, before 1/7/2025){where}"


def _unit_label(unit: AdministrativeUnit) -> str:
    return f"{unit.name} ({unit.id})"


def _headline(result: Resolution) -> str:
    units = ", ".join(_unit_label(u) for u in result.units)
    status = result.status
    if status is ResolutionStatus.CURRENT:
        return f"current: {units}"
    if status is ResolutionStatus.MERGED:
        return f"merged into {units}"
    if status is ResolutionStatus.RENAMED:
        return f"renamed: now {units}"
    if status is ResolutionStatus.SPLIT:
        return f"split among {units}"
    if status is ResolutionStatus.LEVEL_ABOLISHED:
        provinces = sorted({ref.province_name for ref in _new_refs(result)})
        names = ", ".join(u.name for u in result.units)
        return (
            "district level abolished; its communes are now part of "
            f"{names} ({'; '.join(provinces)})"
        )
    if status is ResolutionStatus.AMBIGUOUS:
        return f"ambiguous: {len(result.candidates)} units have this name"
    if result.suggestions:
        return "unknown; did you mean " + " or ".join(f"'{s}'" for s in result.suggestions) + "?"
    return "unknown"


def _new_refs(result: Resolution) -> list[UnitRef]:
    return [link.new for link in result.lineage]


def _candidate_line(candidate: Candidate) -> str:
    line = f"  - {_ref_label(candidate.unit)}: {candidate.status.value}"
    if candidate.current and not candidate.unit.current:
        line += " -> " + ", ".join(f"{ref.name} ({ref.id})" for ref in candidate.current)
    return line


def _lineage_line(link: LineageLink) -> str:
    note = f" [{link.note}]" if link.note else ""
    return f"    {_ref_label(link.old)} -> {link.new.name} ({link.new.id}){note}"


def format_text(results: tuple[Resolution, ...], *, lineage: bool) -> str:
    """The human-readable answer: a headline per query, then details."""
    blocks = []
    for result in results:
        lines = [f"{printable(result.query)}: {_headline(result)}"]  # the query is user text
        if result.matched is not None and result.status is not ResolutionStatus.CURRENT:
            lines.append(f"  was: {_ref_label(result.matched)}")
        if result.status is ResolutionStatus.LEVEL_ABOLISHED:
            lines.extend(f"  now: {_unit_label(u)}" for u in result.units)
        lines.extend(_candidate_line(c) for c in result.candidates)
        if result.note:
            lines.append(f"  note: {result.note}")
        if lineage and result.lineage:
            lines.append("  lineage:")
            lines.extend(_lineage_line(link) for link in result.lineage)
        blocks.append("\n".join(lines))
    return "\n".join(blocks)


def _ref_dict(ref: UnitRef) -> dict[str, Any]:
    return {
        "id": ref.id,
        "code": ref.code,
        "name": ref.name,
        "kind": ref.kind.value,
        "level": ref.level.value,
        "current": ref.current,
        "province_code": ref.province_code,
        "province_name": ref.province_name,
    }


def _unit_dict(unit: AdministrativeUnit) -> dict[str, Any]:
    return {
        "id": unit.id,
        "code": unit.code,
        "name": unit.name,
        "kind": unit.kind.value,
        "parent": unit.parent,
    }


def resolution_dict(result: Resolution) -> dict[str, Any]:
    """The JSON form of one resolution: codes, ids, lineage, candidates and suggestions."""
    return {
        "query": result.query,
        "status": result.status.value,
        "matched": _ref_dict(result.matched) if result.matched else None,
        "units": [_unit_dict(u) for u in result.units],
        "lineage": [
            {"old": _ref_dict(link.old), "new": _ref_dict(link.new), "note": link.note}
            for link in result.lineage
        ],
        "candidates": [
            {
                "unit": _ref_dict(c.unit),
                "status": c.status.value,
                "current": [_ref_dict(ref) for ref in c.current],
            }
            for c in result.candidates
        ],
        "suggestions": list(result.suggestions),
        "note": result.note,
    }


@click.group("units")
def units_group() -> None:
    """Administrative units: resolve legacy (pre-1/7/2025) names and codes."""


@units_group.command("resolve")
@click.argument("queries", nargs=-1, required=True, metavar="NAME_OR_CODE...")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format (JSON always carries the lineage).",
)
@click.option("--lineage", is_flag=True, help="Also print the lineage in text output.")
def resolve_command(queries: tuple[str, ...], fmt: str, lineage: bool) -> None:
    """Resolve unit names or official codes (2-digit province, 3-digit district, 5-digit
    commune), legacy or current, with or without diacritics, to the units in force since
    1/7/2025. Exit 1 if any name is unknown."""
    results = resolve_units(queries)
    if fmt == "json":
        payload = [resolution_dict(r) for r in results]
        click.echo(harden_json(json.dumps(payload, ensure_ascii=False, sort_keys=True, indent=2)))
    else:
        click.echo(format_text(results, lineage=lineage))
    unknown = any(r.status is ResolutionStatus.UNKNOWN for r in results)
    sys.exit(EXIT_FINDINGS if unknown else EXIT_CLEAN)


@units_group.command("build-data", hidden=True)
@click.argument("source", type=click.Path(exists=True, file_okay=False))
@click.option(
    "--output",
    type=click.Path(exists=True, file_okay=False),
    default=None,
    help="Directory to write to (default: the package's reference data directory).",
)
def build_data_command(source: str, output: str | None) -> None:
    """Maintainers: regenerate the packaged unit files from the official CSV lists in SOURCE."""
    from vndgaf.reference.build_units import DATA_DIR, write_data

    for path in write_data(Path(source), Path(output) if output else DATA_DIR):
        click.echo(f"wrote {path}")
