"""``vndgaf reference PART``: list the national reference catalogue as of a date."""

import csv
import datetime as dt
import io
from collections.abc import Callable, Sequence
from typing import Any

import attrs
import click

from vndgaf.cli._common import fail, lang_option, reference_catalogue, reference_option
from vndgaf.model import Provenance
from vndgaf.reference import Capability, Catalogue, Instrument, InstrumentStatus
from vndgaf.rules import rules_by_instrument
from vndgaf.textsafe import json_text

__all__ = ["reference_command"]

Row = tuple[str, ...]
Part = Callable[[Catalogue, str | None, str], tuple[Row, list[Row], list[Any]]]


def _join(values: Sequence[str]) -> str:
    return " ".join(values)


def _confidence(provenance: Provenance | None) -> str:
    return provenance.confidence.value if provenance else ""


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _period(provenance: Provenance | None) -> tuple[str, str]:
    if provenance is None:
        return "", ""
    return _date(provenance.valid_from), _date(provenance.valid_to)


def _province_rows(cat: Catalogue, province: str | None, _lang: str) -> Any:
    units = [p for p in cat.provinces if province is None or p.code == province]
    rows: list[Row] = [
        (
            p.id,
            p.code or "",
            p.name,
            p.kind.value,
            str(len(cat.communes_of(p.code or ""))),
            _period(p.provenance)[0],
            _join(p.predecessor_codes),
        )
        for p in units
    ]
    header = ("id", "code", "name", "kind", "communes", "valid_from", "predecessor_codes")
    return header, rows, units


def _commune_rows(cat: Catalogue, province: str | None, _lang: str) -> Any:
    units = list(cat.communes_of(province) if province else cat.communes)
    rows: list[Row] = [
        (c.id, c.code or "", c.name, c.kind.value, (c.parent or "").rpartition("/")[2])
        for c in units
    ]
    return ("id", "code", "name", "kind", "province_code"), rows, units


def _agency_rows(cat: Catalogue, _province: str | None, _lang: str) -> Any:
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


def _platform_rows(cat: Catalogue, _province: str | None, _lang: str) -> Any:
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


def _database_rows(cat: Catalogue, _province: str | None, _lang: str) -> Any:
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


def _entity_rows(cat: Catalogue, _province: str | None, _lang: str) -> Any:
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


def _capability_rows(cat: Catalogue, _province: str | None, _lang: str) -> Any:
    caps: list[Capability] = list(cat.capabilities)
    rows: list[Row] = [(c.code, c.name_en, c.name, _confidence(c.provenance)) for c in caps]
    return ("code", "name_en", "name", "confidence"), rows, caps


def _list_rows(cat: Catalogue, _province: str | None, lang: str) -> Any:
    rows: list[Row] = [
        (
            x.id,
            cat.cite(x.instrument, lang),
            x.kind,
            f"{x.known}/{x.expected if x.expected is not None else '?'}",
            *_period(x.provenance),
            _confidence(x.provenance),
        )
        for x in cat.lists
    ]
    header = ("id", "instrument", "kind", "known", "valid_from", "valid_to", "confidence")
    return header, rows, list(cat.lists)


def _framework_rows(cat: Catalogue, _province: str | None, lang: str) -> Any:
    rows: list[Row] = [
        (
            f.id,
            f.version,
            cat.cite(f.instrument, lang),
            *_period(f.provenance),
            _confidence(f.provenance),
        )
        for f in cat.frameworks
    ]
    header = ("id", "version", "instrument", "valid_from", "valid_to", "confidence")
    return header, rows, list(cat.frameworks)


def _status_confidence(status: InstrumentStatus) -> str:
    """How sure the status is (the effect that ended the instrument, else the latest one): a
    repeal known from a press note only is not as sure as the decree it ends."""
    ending = [e for e in status.effects if e.kind.ends] or list(status.effects)
    return _confidence(ending[-1].provenance) if ending else ""


def _instrument_rows(cat: Catalogue, _province: str | None, lang: str) -> Any:
    rows: list[Row] = []
    citing = rules_by_instrument()
    for instrument in cat.instruments:
        status = cat.instrument_status(instrument.id)
        assert status is not None  # the instrument is in the catalogue
        rows.append(
            (
                instrument.id,
                instrument.label(lang),
                instrument.type.value,
                _date(instrument.issued),
                _date(instrument.effective),
                status.state.value,
                _date(status.since),
                status.successor.id if status.successor else "",
                _status_confidence(status),
                _confidence(instrument.provenance),
                " ".join(citing.get(instrument.id, ())),
            )
        )
    header = (
        "id",
        "label",
        "type",
        "issued",
        "effective",
        "status",
        "since",
        "successor",
        "status_confidence",
        "confidence",
        "rules",
    )
    return header, rows, list(cat.instruments)


_PARTS: dict[str, Part] = {
    "provinces": _province_rows,
    "communes": _commune_rows,
    "agencies": _agency_rows,
    "platforms": _platform_rows,
    "databases": _database_rows,
    "entities": _entity_rows,
    "capabilities": _capability_rows,
    "lists": _list_rows,
    "frameworks": _framework_rows,
    "instruments": _instrument_rows,
}


def _serialize(_inst: object, _field: object, value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _json_item(cat: Catalogue, element: Any) -> dict[str, Any]:
    data: dict[str, Any] = attrs.asdict(element, value_serializer=_serialize)
    if isinstance(element, Instrument):
        status = cat.instrument_status(element.id)
        assert status is not None
        data["status"] = {
            "on": status.on.isoformat(),
            "state": status.state.value,
            "since": _date(status.since) or None,
            "successor": status.successor.id if status.successor else None,
            "effects": [attrs.asdict(e, value_serializer=_serialize) for e in status.effects],
        }
        data["rules"] = list(rules_by_instrument().get(element.id, ()))
    return data


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
    "--as-of",
    "as_of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="List what is in force on this date (default: today).",
)
@reference_option()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "csv"]),
    default="text",
    show_default=True,
    help="Output format (JSON holds every field, with provenance).",
)
@lang_option("Language of instrument names.")
def reference_command(
    part: str,
    province: str | None,
    as_of: dt.datetime | None,
    references: tuple[str, ...],
    fmt: str,
    lang: str,
) -> None:
    """List one PART of the national reference catalogue as in force on a date (provenance,
    sources and how to extend it with --reference: docs/reference.md). 'instruments' gives the
    status of each legal instrument on that date, its successor and the rules that cite it."""
    cat = reference_catalogue(references, as_of.date() if as_of else None, lang)
    if province is not None and part not in ("provinces", "communes"):
        fail("--province applies to 'provinces' and 'communes' only")
    if province is not None and cat.province(province) is None:
        fail(
            f"no province-level unit has the code {province!r} on {cat.as_of.isoformat()} "
            "(see: vndgaf reference provinces)"
        )
    header, rows, elements = _PARTS[part](cat, province, lang)
    if fmt == "json":
        payload = {
            "catalogue_version": cat.version,
            "catalogue_date": cat.date.isoformat(),
            "as_of": cat.as_of.isoformat(),
            "overlays": [o.label for o in cat.user_overlays],
            part: [_json_item(cat, e) for e in elements],
        }
        click.echo(json_text(payload), nl=False)
    elif fmt == "csv":
        click.echo(_csv(header, rows))
    else:
        click.echo(_text(header, rows))
