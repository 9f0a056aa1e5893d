"""``vndgaf reference PART``: list the built-in national reference catalogue."""

import csv
import datetime as dt
import io
from collections.abc import Callable, Sequence
from typing import Any

import attrs
import click

from vndgaf.cli._common import fail
from vndgaf.model import Provenance
from vndgaf.reference import Capability, Catalogue, catalogue
from vndgaf.textsafe import json_text

__all__ = ["reference_command"]

Row = tuple[str, ...]


def _join(values: Sequence[str]) -> str:
    return " ".join(values)


def _confidence(provenance: Provenance | None) -> str:
    return provenance.confidence.value if provenance else ""


def _province_rows(cat: Catalogue, province: str | None) -> tuple[Row, list[Row], list[Any]]:
    units = [p for p in cat.provinces if province is None or p.code == province]
    rows: list[Row] = [
        (
            p.id,
            p.code or "",
            p.name,
            p.kind.value,
            str(len(cat.communes_of(p.code or ""))),
            _join(p.predecessor_codes),
        )
        for p in units
    ]
    return ("id", "code", "name", "kind", "communes", "predecessor_codes"), rows, units


def _commune_rows(cat: Catalogue, province: str | None) -> tuple[Row, list[Row], list[Any]]:
    units = list(cat.communes_of(province) if province else cat.communes)
    rows: list[Row] = [
        (c.id, c.code or "", c.name, c.kind.value, (c.parent or "").rpartition("/")[2])
        for c in units
    ]
    return ("id", "code", "name", "kind", "province_code"), rows, units


def _agency_rows(cat: Catalogue, _province: str | None) -> tuple[Row, list[Row], list[Any]]:
    rows: list[Row] = [
        (
            a.id,
            a.name,
            a.type.value,
            a.branch.value,
            "yes" if a.active else "no",
            _join(a.successor_of),
            _confidence(a.provenance),
        )
        for a in cat.agencies
    ]
    header = ("id", "name", "type", "branch", "active", "successor_of", "confidence")
    return header, rows, list(cat.agencies)


def _platform_rows(cat: Catalogue, _province: str | None) -> tuple[Row, list[Row], list[Any]]:
    rows: list[Row] = [
        (
            p.id,
            p.name,
            p.properties.get("catalogue_role", ""),
            p.owner or "",
            p.layer.value if p.layer else "",
            _join(p.capabilities),
            _confidence(p.provenance),
        )
        for p in cat.platforms
    ]
    header = ("id", "name", "role", "owner", "layer", "capabilities", "confidence")
    return header, rows, list(cat.platforms)


def _database_rows(cat: Catalogue, _province: str | None) -> tuple[Row, list[Row], list[Any]]:
    rows: list[Row] = [
        (
            d.id,
            d.name,
            d.db_class.value,
            d.owner or "",
            _join(d.authoritative_for),
            _confidence(d.provenance),
        )
        for d in cat.databases
    ]
    header = ("id", "name", "db_class", "owner", "authoritative_for", "confidence")
    return header, rows, list(cat.databases)


def _entity_rows(cat: Catalogue, _province: str | None) -> tuple[Row, list[Row], list[Any]]:
    rows: list[Row] = [
        (
            e.id,
            e.name,
            e.data_layer.value if e.data_layer else "",
            e.identifier_key or "",
            "yes" if e.national_master else "no",
            _confidence(e.provenance),
        )
        for e in cat.entities
    ]
    header = ("id", "name", "data_layer", "identifier_key", "national_master", "confidence")
    return header, rows, list(cat.entities)


def _capability_rows(cat: Catalogue, _province: str | None) -> tuple[Row, list[Row], list[Any]]:
    caps: list[Capability] = list(cat.capabilities)
    rows: list[Row] = [(c.code, c.name_en, c.name, _confidence(c.provenance)) for c in caps]
    return ("code", "name_en", "name", "confidence"), rows, caps


_PARTS: dict[str, Callable[[Catalogue, str | None], tuple[Row, list[Row], list[Any]]]] = {
    "provinces": _province_rows,
    "communes": _commune_rows,
    "agencies": _agency_rows,
    "platforms": _platform_rows,
    "databases": _database_rows,
    "entities": _entity_rows,
    "capabilities": _capability_rows,
}


def _serialize(_inst: object, _field: object, value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _text(header: Row, rows: list[Row]) -> str:
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(len(header) - 1)]
    lines = []
    for row in (header, *rows):
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return "\n".join(lines)


def _csv(header: Row, rows: list[Row]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().rstrip("\n")


@click.command(
    "reference",
    short_help="List a part of the built-in national reference catalogue.",
)
@click.argument("part", type=click.Choice(list(_PARTS)))
@click.option("--province", metavar="CODE", help="Only this province (2-digit official code).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "csv"]),
    default="text",
    show_default=True,
    help="Output format (JSON holds every field, with provenance).",
)
def reference_command(part: str, province: str | None, fmt: str) -> None:
    """List one PART of the built-in national reference catalogue (version and sources in
    docs/reference.md)."""
    cat = catalogue()
    if province is not None and part not in ("provinces", "communes"):
        fail("--province applies to 'provinces' and 'communes' only")
    if province is not None and cat.province(province) is None:
        fail(f"no province-level unit has the code {province!r} (see: vndgaf reference provinces)")
    header, rows, elements = _PARTS[part](cat, province)
    if fmt == "json":
        payload = {
            "catalogue_version": cat.version,
            "catalogue_date": cat.date.isoformat(),
            part: [attrs.asdict(e, value_serializer=_serialize) for e in elements],
        }
        click.echo(json_text(payload), nl=False)
    elif fmt == "csv":
        click.echo(_csv(header, rows))
    else:
        click.echo(_text(header, rows))
