"""``vndgaf units``: resolve the unit names and codes people write; publish the resolution table."""

import csv
import datetime as dt
import io
import sys
from pathlib import Path
from typing import Any

import click

from vndgaf.cli._common import EXIT_CLEAN, EXIT_FINDINGS, fail
from vndgaf.cli._output import target, write
from vndgaf.model import AdministrativeUnit, Level
from vndgaf.reference import (
    Candidate,
    ConversionRow,
    LineageLink,
    Resolution,
    ResolutionStatus,
    UnitRef,
    conversion_table,
    resolve_units,
)
from vndgaf.textsafe import json_text, printable

__all__ = ["units_group"]

_LEVEL_WORD = {Level.PROVINCIAL: "province", Level.DISTRICT: "district", Level.COMMUNE: "commune"}


def _day(date: dt.date) -> str:
    return f"{date.day}/{date.month}/{date.year}"


def _ref_label(ref: UnitRef) -> str:
    """``Phường Ba Đình (vn:commune/00004), Thành phố Hà Nội``; for a legacy unit
    ``Phường 14 (commune 26929, before 1/7/2025), Quận Bình Thạnh, Thành phố Hồ Chí Minh``; for
    a unit that ended earlier ``Quận 2 (district until 31/12/2020), Thành phố Hồ Chí Minh``."""
    where = ""
    if ref.level is not Level.PROVINCIAL:
        district = f", {ref.district_name}" if ref.district_name else ""
        where = f"{district}, {ref.province_name}"
    if ref.current:
        period = ""
        if ref.valid_to is not None:
            period = f", until {_day(ref.valid_to - dt.timedelta(days=1))}"
        elif ref.valid_from is not None and ref.valid_from > dt.date(2025, 7, 1):
            period = f", from {_day(ref.valid_from)}"
        return f"{ref.name} ({ref.id}{period}){where}"
    word = _LEVEL_WORD[ref.level]
    if not ref.code and ref.valid_to is not None:
        return f"{ref.name} ({word} before {_day(ref.valid_to)}){where}"
    return f"{ref.name} ({word} {ref.code}, before 1/7/2025){where}"


def _unit_label(unit: AdministrativeUnit) -> str:
    return f"{unit.name} ({unit.id})"


def _headline(result: Resolution) -> str:
    units = ", ".join(_unit_label(u) for u in result.units)
    first = result.lineage[0] if result.lineage else None
    if first is not None and first.old == result.matched and not first.new.current:
        # a unit that ended before 2025 went into a unit of the old list first
        units = f"{_ref_label(first.new)}; since 1/7/2025: {units or 'no current unit'}"
    status = result.status
    if status is ResolutionStatus.CURRENT:
        if result.matched is not None and not result.matched.current:
            return f"in force on {result.as_of}: {_ref_label(result.matched)}"
        return f"current: {units}"
    if status is ResolutionStatus.MERGED:
        return f"merged into {units}"
    if status is ResolutionStatus.RENAMED:
        return f"renamed: now {units}"
    if status is ResolutionStatus.SPLIT:
        return f"split among {units}"
    if status is ResolutionStatus.NOT_YET:
        return f"not yet in force on {result.as_of}: {units}"
    if status is ResolutionStatus.LEVEL_ABOLISHED:
        provinces = sorted({link.new.province_name for link in result.lineage})
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


def _candidate_line(candidate: Candidate) -> str:
    line = f"  - {_ref_label(candidate.unit)}: {candidate.status.value}"
    if candidate.current and not candidate.unit.current:
        line += " -> " + ", ".join(f"{ref.name} ({ref.id})" for ref in candidate.current)
    if candidate.query:
        line += f"  [ask: {candidate.query!r}]"
    return line


def _lineage_line(link: LineageLink) -> str:
    note = f" [{link.note}]" if link.note else ""
    return f"    {_ref_label(link.old)} -> {link.new.name} ({link.new.id}){note}"


def format_text(results: tuple[Resolution, ...], *, lineage: bool) -> str:
    """The human-readable answer: a headline per query, then details."""
    blocks = []
    for result in results:
        lines = [f"{printable(result.query)}: {_headline(result)}"]  # the query is user text
        shown_in_headline = result.status is ResolutionStatus.CURRENT
        if result.matched is not None and not shown_in_headline:
            lines.append(f"  was: {_ref_label(result.matched)}")
        if result.status is ResolutionStatus.LEVEL_ABOLISHED:
            lines.extend(f"  now: {_unit_label(u)}" for u in result.units)
        lines.extend(_candidate_line(c) for c in result.candidates)
        if result.other_dates:
            lines.append("  at other dates:")
            lines.extend("  " + _candidate_line(c) for c in result.other_dates)
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
        "district_code": ref.district_code,
        "district_name": ref.district_name,
        "valid_from": ref.valid_from.isoformat() if ref.valid_from else None,
        "valid_to": ref.valid_to.isoformat() if ref.valid_to else None,
    }


def _unit_dict(unit: AdministrativeUnit) -> dict[str, Any]:
    return {
        "id": unit.id,
        "code": unit.code,
        "name": unit.name,
        "kind": unit.kind.value,
        "parent": unit.parent,
    }


def _candidate_dict(candidate: Candidate) -> dict[str, Any]:
    return {
        "unit": _ref_dict(candidate.unit),
        "status": candidate.status.value,
        "current": [_ref_dict(ref) for ref in candidate.current],
        "query": candidate.query,
    }


def resolution_dict(result: Resolution) -> dict[str, Any]:
    """The JSON form of one resolution: codes, ids, lineage, candidates and suggestions."""
    return {
        "query": result.query,
        "as_of": result.as_of.isoformat() if result.as_of else None,
        "status": result.status.value,
        "matched": _ref_dict(result.matched) if result.matched else None,
        "units": [_unit_dict(u) for u in result.units],
        "lineage": [
            {"old": _ref_dict(link.old), "new": _ref_dict(link.new), "note": link.note}
            for link in result.lineage
        ],
        "candidates": [_candidate_dict(c) for c in result.candidates],
        "other_dates": [_candidate_dict(c) for c in result.other_dates],
        "suggestions": list(result.suggestions),
        "note": result.note,
    }


#: Columns of the published resolution table (CSV header and JSON keys), in order.
TABLE_COLUMNS = (
    "old_level",
    "old_code",
    "old_name",
    "old_kind",
    "old_district_code",
    "old_district_name",
    "old_province_code",
    "old_province_name",
    "new_id",
    "new_code",
    "new_name",
    "new_kind",
    "new_province_code",
    "new_province_name",
    "share",
    "successors",
    "derived",
    "note",
)


def table_record(row: ConversionRow) -> dict[str, Any]:
    """One row of the resolution table as a flat record (the CSV and JSON columns)."""
    old, new = row.old, row.new
    return {
        "old_level": old.level.value,
        "old_code": old.code,
        "old_name": old.name,
        "old_kind": old.kind.value,
        "old_district_code": old.district_code,
        "old_district_name": old.district_name,
        "old_province_code": old.province_code,
        "old_province_name": old.province_name,
        "new_id": new.id,
        "new_code": new.code,
        "new_name": new.name,
        "new_kind": new.kind.value,
        "new_province_code": new.province_code,
        "new_province_name": new.province_name,
        "share": row.share.value,
        "successors": row.successors,
        "derived": row.derived,
        "note": row.note,
    }


def format_table(rows: tuple[ConversionRow, ...], fmt: str) -> str:
    """The resolution table as CSV (one header line, then one line per row) or JSON."""
    records = [table_record(row) for row in rows]
    if fmt == "json":
        return json_text(records, sort_keys=False, indent=1)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=TABLE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({k: "" if v is None else v for k, v in record.items()})
    return out.getvalue()


_DATE = click.DateTime(formats=["%Y-%m-%d"])


@click.group("units")
def units_group() -> None:
    """Administrative units: resolve the names and codes people write (old or new, any
    spelling) and publish the old-to-new resolution table."""


#: Columns of ``units resolve --format csv``: one row per query, for a spreadsheet.
RESOLVE_COLUMNS = (
    "query",
    "as_of",
    "status",
    "matched_code",
    "matched_name",
    "matched_district",
    "matched_province",
    "unit_ids",
    "unit_names",
    "candidates",
    "note",
)


def resolution_record(result: Resolution) -> dict[str, str]:
    """One answer as a flat record (the CSV columns); lists are joined with "; "."""
    matched = result.matched
    return {
        "query": _cell(result.query),
        "as_of": result.as_of.isoformat() if result.as_of else "",
        "status": result.status.value,
        "matched_code": matched.code if matched else "",
        "matched_name": matched.name if matched else "",
        "matched_district": (matched.district_name or "") if matched else "",
        "matched_province": matched.province_name if matched else "",
        "unit_ids": "; ".join(u.id for u in result.units),
        "unit_names": "; ".join(u.name for u in result.units),
        "candidates": "; ".join(c.query for c in result.candidates),
        "note": result.note or "",
    }


def _cell(text: str) -> str:
    """User text in a spreadsheet cell: shown, never acted on (escapes for controls; a leading
    ``=``, ``+``, ``-`` or ``@`` is quoted with an apostrophe so no formula runs)."""
    shown = printable(text)
    return "'" + shown if shown[:1] in ("=", "+", "-", "@") else shown


def format_csv(results: tuple[Resolution, ...]) -> str:
    """The answers as CSV: a header, then one line per query, in the order asked."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=RESOLVE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(resolution_record(r) for r in results)
    return out.getvalue()


def _read_queries(source: str) -> list[str]:
    """One query per non-blank line of a file, or of standard input for ``-``."""
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        fail(f"{source}: not UTF-8 text")
    except OSError as exc:
        fail(f"{source}: cannot read: {(exc.strerror or str(exc)).lower()}")
    return [line.strip() for line in text.splitlines() if line.strip()]


@units_group.command("resolve")
@click.argument("queries", nargs=-1, metavar="NAME_OR_CODE...")
@click.option(
    "--from",
    "source",
    metavar="FILE",
    default=None,
    help="Also resolve each non-blank line of FILE (UTF-8; '-' for standard input), e.g. a "
    "column of unit names copied from an inventory.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "csv"]),
    default="text",
    show_default=True,
    help="Output format (JSON always carries the lineage; CSV is one row per query).",
)
@click.option("--lineage", is_flag=True, help="Also print the lineage in text output.")
@click.option(
    "--as-of",
    "as_of",
    type=_DATE,
    default=None,
    help="Answer as of this date, YYYY-MM-DD (default: today): names that denoted different "
    "units at different dates answer with the one of that date.",
)
def resolve_command(
    queries: tuple[str, ...],
    source: str | None,
    fmt: str,
    lineage: bool,
    as_of: dt.datetime | None,
) -> None:
    """Resolve unit names or official codes (2-digit province, 3-digit district, 5-digit
    commune, or vn:province/CODE), old or new, as people write them: with or without
    diacritics, in English ("Hanoi", "HCMC", "District 1"), abbreviated ("TP.HCM", "Q.1"),
    narrowed by old district and province ("Phường 14, Quận Bình Thạnh"). Exit 1 if any name
    is unknown."""
    asked = [*queries, *(_read_queries(source) if source else ())]
    if not asked:
        fail(
            "missing argument 'NAME_OR_CODE...' (or --from FILE; see 'vndgaf units resolve --help')"
        )
    results = resolve_units(asked, as_of=as_of.date() if as_of else None)
    if fmt == "json":
        payload = [resolution_dict(r) for r in results]
        click.echo(json_text(payload), nl=False)
    elif fmt == "csv":
        click.echo(format_csv(results), nl=False)
    else:
        click.echo(format_text(results, lineage=lineage))
    unknown = any(r.status is ResolutionStatus.UNKNOWN for r in results)
    sys.exit(EXIT_FINDINGS if unknown else EXIT_CLEAN)


@units_group.command("table")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "json"]),
    default="csv",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--level",
    type=click.Choice(["province", "district", "commune"]),
    default=None,
    help="Only the old units of this level (default: all three).",
)
@click.option(
    "--as-of",
    "as_of",
    type=_DATE,
    default=None,
    help="Name the new units as on this date, YYYY-MM-DD (default: today).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write to this file instead of standard output.",
)
def table_command(
    fmt: str, level: str | None, as_of: dt.datetime | None, output: str | None
) -> None:
    """Write the resolution table: every unit of the list of 2025-01-04 and the unit(s) it went
    into on 1/7/2025, one row per pair, with the share the official conversion table states
    (whole, part, part of the area …; the table gives no numeric proportions). Province and
    district rows are derived from the commune rows (column `derived`)."""
    destination = target(output)
    levels = {"province": Level.PROVINCIAL, "district": Level.DISTRICT, "commune": Level.COMMUNE}
    rows = conversion_table(
        level=levels[level] if level else None, as_of=as_of.date() if as_of else None
    )
    write(destination, format_table(rows, fmt))


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
        click.echo(f"wrote {printable(str(path))}")
