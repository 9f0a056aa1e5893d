"""The country overview: the provinces placed like the map of Vietnam, the national hubs and the
central agencies beside it, and one link per pair of boxes with the number of flows it carries.

What a reviewer asks first is answered by each province's fill (does its integration platform
reach NDXP?) and, when findings are given, by its outline (the worst finding about it) and its
counts. The map is built once per route of the graph (linear in the model), and its size does not
depend on the model: at most 34 province tiles, the six hubs, :data:`MAX_AGENCIES` central
agencies and one "N more" box, at fixed positions (:mod:`vndgaf.reference.tiles`).

The ``hub:ID`` view is the same map focused on one hub: only that hub's links, and each province's
number of flows with it.
"""

import itertools
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

import attrs

from vndgaf.diagnostics import Finding, Severity
from vndgaf.graph import ArchGraph
from vndgaf.model import Agency
from vndgaf.reference.tiles import province_tiles
from vndgaf.reference.wellknown import NDXP
from vndgaf.render.placement import MAP_HUBS, display_name, tier_of
from vndgaf.render.theme import counted, number, text

__all__ = [
    "MAX_AGENCIES",
    "STATUSES",
    "CountryScene",
    "MapLink",
    "Place",
    "build_country",
    "hub_ids",
    "spans_country",
]

#: Central agencies drawn one by one; the others are counted in one "N more" box.
MAX_AGENCIES = 19
#: A province's status (its fill), best first.
STATUSES = ("connected", "isolated", "no-platform", "absent")

# Geometry in points (Graphviz's y axis points up). Tiles on a 165 × 70 pitch; the hubs in the
# sea east of the centre, NDXP in the middle and the others around it, so that the lines from
# NDXP to each of them are short and cross no other box; the central agencies in two columns
# further east.
_PITCH_X, _PITCH_Y = 165, 70
_LEFT, _TOP = 80, 1050
_HUB_POS = {
    "vn:platform/ndxp": (870, 620),
    "vn:platform/ndop": (870, 760),
    "vn:platform/npsp": (1030, 735),
    "vn:db/population": (1065, 620),
    "vn:platform/vneid": (1030, 505),
    "vn:platform/vdxp": (870, 480),
}
_AGENCY_X = (1265, 1440)
_AGENCY_ROWS = 10
#: Where the map's headings and legend go (centres, points).
HEADINGS = {"national-hubs": (960, 820), "central-agencies": (1352, 1110)}
LEGEND_POS = (170, 420)


@attrs.frozen
class Place:
    """One box on the map: a province tile, a hub, a central agency, or a summary box."""

    key: str
    kind: str  # province, hub, agency, more, unplaced
    title: str
    name: str  # the full display name (tooltips)
    ident: str  # the qualified id it stands for ("" for summary boxes)
    details: tuple[str, ...]
    pos: tuple[int, int]  # centre, in points
    status: str = ""  # provinces only: one of STATUSES
    severity: Severity | None = None
    view: str | None = None  # the drill-down view it links to
    dimmed: bool = False  # hub view: no flow with the hub
    note: str = ""  # tooltip line under name, kind and id


@attrs.frozen
class MapLink:
    """One line between two places (keys in order), with the flows it stands for."""

    a: str
    b: str
    flows: int
    severity: Severity | None = None

    @property
    def width(self) -> float:
        """Line width: 1 for one flow, one more for each factor of ten, at most 5."""
        return round(min(5.0, 1.0 + math.log10(max(1, self.flows))), 1)


@attrs.frozen
class CountryScene:
    """The map ready to emit: places and links sorted by key, title and notes."""

    title: str
    notes: tuple[str, ...]
    places: tuple[Place, ...]
    links: tuple[MapLink, ...]
    statuses: tuple[str, ...]  # the province statuses present (legend)
    highlight: bool
    focus: str | None = None


def spans_country(graph: ArchGraph) -> bool:
    """Whether the model's own agencies sit in two places of the map or more (two provinces, a
    province and a ministry, two ministries): a national review, whose overview is the map.
    One province's or one ministry's submission keeps the overview by tiers, which shows its
    own architecture.

    Linear in the agencies, and stops at the second place.
    """
    mapper = _Mapper(graph)
    first: str | None = None
    for agency in graph.architecture.agencies:
        key = mapper.key(agency.id)
        if key is None or key.startswith("h:"):
            continue
        if first is None:
            first = key
        elif key != first:
            return True
    return False


def hub_ids(graph: ArchGraph) -> tuple[str, ...]:
    """The hubs of the map that the graph knows (valid arguments of the ``hub:`` view)."""
    return tuple(h for h in MAP_HUBS if graph.kind(h) is not None)


def _worse(a: Severity | None, b: Severity | None) -> Severity | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if a.rank >= b.rank else b


def _short_province(name: str) -> str:
    """``Tỉnh Tuyên Quang`` -> ``Tuyên Quang``; ``Thành phố Huế`` -> ``Huế``."""
    for prefix in ("Thành phố ", "Tỉnh "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


class _Mapper:
    """Which place an element belongs to (memoised: many flows share their ends)."""

    def __init__(self, graph: ArchGraph) -> None:
        self.graph = graph
        self.tiles = province_tiles()
        self._cache: dict[str, str | None] = {}
        self._flows: dict[str, str] | None = None

    def key(self, ident: str) -> str | None:
        found = self._cache.get(ident, "")
        if found != "":
            return found
        result = self._key(ident)
        self._cache[ident] = result
        return result

    def _key(self, ident: str) -> str | None:
        graph = self.graph
        if ident in MAP_HUBS and graph.kind(ident) is not None:
            return "h:" + ident
        tier = tier_of(graph, ident)
        if tier in ("provincial", "district", "commune"):
            code = graph.province_of(ident)
            return f"p:{code}" if code in self.tiles else "unplaced"
        if tier == "central":
            top = graph.organisation_of(ident)
            return "a:" + top if top else None
        return None

    def subject(self, ident: str) -> str | None:
        """The place of a finding's subject: an element, or a flow (by its source)."""
        if self.graph.kind(ident) is not None:
            return self.key(ident)
        if self._flows is None:
            self._flows = {f.id: f.source for f in self.graph.architecture.flows}
        source = self._flows.get(ident)
        return self.key(source) if source is not None else None


@attrs.define
class _Tally:
    agencies: int = 0
    systems: int = 0
    flows: int = 0
    hub_flows: int = 0
    counts: dict[Severity, int] = attrs.field(factory=lambda: defaultdict(int))
    platforms: int = 0
    connected: bool = False


def _flow_severities(findings: Sequence[Finding]) -> dict[str, Severity]:
    worst: dict[str, Severity] = {}
    for finding in findings:
        if finding.suppressed or not finding.subject:
            continue
        worst[finding.subject] = _worse(worst.get(finding.subject), finding.severity)  # type: ignore[assignment]
    return worst


def _counted(tally: _Tally, lang: str, highlight: bool) -> list[str]:
    out: list[str] = []
    if highlight:
        parts = [
            counted(f"count:{s.value}", tally.counts[s], lang)
            for s in (Severity.ERROR, Severity.WARNING)
            if tally.counts[s]
        ]
        out.append(" · ".join(parts) if parts else text("no-findings", lang))
    return out


def _pos(row: float, col: float) -> tuple[int, int]:
    return (round(_LEFT + col * _PITCH_X), round(_TOP - row * _PITCH_Y))


def build_country(
    graph: ArchGraph,
    *,
    findings: Sequence[Finding] = (),
    highlight: bool = False,
    lang: str = "vi",
    focus: str | None = None,
) -> CountryScene:
    """The map of ``graph``; with ``focus`` (a hub id), only that hub's links."""
    mapper = _Mapper(graph)
    tallies: dict[str, _Tally] = defaultdict(_Tally)
    focus_key = "h:" + focus if focus else None
    arch = graph.architecture
    for agency in arch.agencies:
        key = mapper.key(agency.id)
        if key is not None:
            tallies[key].agencies += 1
    for system in graph.own_systems:
        key = mapper.key(system.id)
        if key is not None:
            tallies[key].systems += 1
    for platform in arch.platforms:
        key = mapper.key(platform.id)
        if key is None or not key.startswith("p:") or platform.id in MAP_HUBS:
            continue
        if graph.is_integration_platform(platform.id):
            tallies[key].platforms += 1
            if not tallies[key].connected and graph.connected(platform.id, NDXP):
                tallies[key].connected = True

    severities = _flow_severities(findings) if highlight else {}
    pair_flows: dict[tuple[str, str], int] = defaultdict(int)
    pair_worst: dict[tuple[str, str], Severity | None] = {}
    for route, flows in graph.routes.items():
        keys: list[str] = []
        for hop in route:
            key = mapper.key(hop)
            if key is not None and (not keys or keys[-1] != key):
                keys.append(key)
        count = len(flows)
        worst: Severity | None = None
        for flow in flows if severities else ():
            worst = _worse(worst, severities.get(flow.id))
        touched = set(keys)
        for key in touched:
            tallies[key].flows += count
        if focus_key in touched:
            for key in touched:
                tallies[key].hub_flows += count
        for a, b in itertools.pairwise(keys):
            if focus_key is not None and focus_key not in (a, b):
                continue
            pair = (a, b) if a < b else (b, a)
            pair_flows[pair] += count
            pair_worst[pair] = _worse(pair_worst.get(pair), worst)

    if highlight:
        for finding in findings:
            if finding.suppressed or not finding.subject:
                continue
            key = mapper.subject(finding.subject)
            if key is not None:
                tallies[key].counts[finding.severity] += 1

    places = _provinces(graph, tallies, lang, highlight, focus_key)
    places += _hubs(graph, tallies, lang, highlight, focus_key)
    places += _agencies(graph, tallies, lang, highlight, focus_key)
    if "unplaced" in tallies:
        tally = tallies["unplaced"]
        places.append(
            Place(
                key="unplaced",
                kind="unplaced",
                title=text("unplaced", lang),
                name=text("unplaced", lang),
                ident="",
                details=(
                    counted("count:agency", tally.agencies, lang),
                    *_counted(tally, lang, highlight),
                ),
                pos=_pos(14, 3),
                severity=_severity(tally) if highlight else None,
            )
        )
    shown = {p.key for p in places}
    links = tuple(
        MapLink(a, b, flows, pair_worst.get((a, b)))
        for (a, b), flows in sorted(pair_flows.items())
        if a in shown and b in shown
    )
    return CountryScene(
        title=_title(graph, lang, focus),
        notes=(_summary(graph, tallies, lang, focus_key),),
        places=tuple(sorted(places, key=lambda p: p.key)),
        links=links,
        statuses=tuple(s for s in STATUSES if any(p.status == s for p in places)),
        highlight=highlight,
        focus=focus,
    )


def _severity(tally: _Tally) -> Severity | None:
    worst: Severity | None = None
    for severity, n in tally.counts.items():
        if n:
            worst = _worse(worst, severity)
    return worst


def _status(tally: _Tally | None) -> str:
    if tally is None or not (tally.agencies or tally.systems):
        return "absent"
    if tally.connected:
        return "connected"
    return "isolated" if tally.platforms else "no-platform"


def _provinces(
    graph: ArchGraph,
    tallies: Mapping[str, _Tally],
    lang: str,
    highlight: bool,
    focus_key: str | None,
) -> list[Place]:
    places = []
    for code, tile in sorted(province_tiles().items()):
        key = f"p:{code}"
        tally = tallies.get(key)
        status = _status(tally)
        unit = graph.unit(f"vn:province/{code}")
        name = display_name(unit, lang) if unit is not None else code
        details: list[str] = []
        if tally is not None and status != "absent":
            details += _counted(tally, lang, highlight)
            details.append(
                counted("count:agency", tally.agencies, lang)
                + " · "
                + counted("count:system", tally.systems, lang)
            )
            flows = tally.hub_flows if focus_key else tally.flows
            details.append(counted("flows", flows, lang))
        places.append(
            Place(
                key=key,
                kind="province",
                title=_short_province(name),
                name=name,
                ident=f"vn:province/{code}",
                details=tuple(details),
                pos=_pos(tile.row, tile.col),
                status=status,
                severity=_severity(tally) if tally is not None and highlight else None,
                view=f"province:{code}" if status != "absent" else None,
                dimmed=focus_key is not None and (tally is None or not tally.hub_flows),
                note=text(f"status:{status}", lang),
            )
        )
    return places


def _hubs(
    graph: ArchGraph,
    tallies: Mapping[str, _Tally],
    lang: str,
    highlight: bool,
    focus_key: str | None,
) -> list[Place]:
    places = []
    for index, hub in enumerate(MAP_HUBS):
        element = graph.element(hub)
        if element is None:
            continue
        key = "h:" + hub
        tally = tallies.get(key) or _Tally()
        short = getattr(element, "properties", {}).get("short_name")
        name = display_name(element, lang)
        places.append(
            Place(
                key=key,
                kind="hub",
                title=str(short) if short else name,
                name=name,
                ident=hub,
                details=(counted("flows", tally.flows, lang),),
                pos=_HUB_POS.get(hub, (870, 340 - 70 * index)),
                severity=_severity(tally) if highlight else None,
                view=f"hub:{hub}" if key != focus_key else "overview",
                dimmed=focus_key is not None and key != focus_key,
            )
        )
    return places


def _agencies(
    graph: ArchGraph,
    tallies: Mapping[str, _Tally],
    lang: str,
    highlight: bool,
    focus_key: str | None,
) -> list[Place]:
    found = []
    for key, tally in tallies.items():
        if not key.startswith("a:"):
            continue
        if focus_key is not None and not tally.hub_flows:
            continue
        found.append((key, tally))
    found.sort(key=lambda kv: (-(kv[1].hub_flows if focus_key else kv[1].flows), kv[0]))
    keep = found if len(found) <= MAX_AGENCIES + 1 else found[:MAX_AGENCIES]
    places = []
    for index, (key, tally) in enumerate(keep):
        ident = key[2:]
        agency = graph.agency(ident)
        name = display_name(agency, lang) if agency is not None else ident
        short = agency.short_name if isinstance(agency, Agency) else None
        flows = tally.hub_flows if focus_key else tally.flows
        row, col = index % _AGENCY_ROWS, index // _AGENCY_ROWS
        places.append(
            Place(
                key=key,
                kind="agency",
                title=name,
                name=name + (f" ({short})" if short else ""),
                ident=ident,
                details=(
                    *_counted(tally, lang, highlight),
                    counted("flows", flows, lang),
                ),
                pos=(_AGENCY_X[col], _pos(row, 0)[1]),
                severity=_severity(tally) if highlight else None,
                view=f"agency:{ident}",
            )
        )
    rest = found[len(keep) :]
    if rest:
        names = []
        for key, _ in rest:
            agency = graph.agency(key[2:])
            names.append(display_name(agency, lang) if agency is not None else key[2:])
        places.append(
            Place(
                key="more",
                kind="more",
                title=counted("more-agencies", len(rest), lang),
                name=counted("more-agencies", len(rest), lang),
                ident="",
                details=(counted("flows", sum(t.flows for _, t in rest), lang),),
                pos=(_AGENCY_X[1], _pos(_AGENCY_ROWS - 1, 0)[1]),
                severity=_worst_of(t for _, t in rest) if highlight else None,
                note=_listing(names),
            )
        )
    return places


def _worst_of(tallies: Iterable[_Tally]) -> Severity | None:
    worst: Severity | None = None
    for tally in tallies:
        worst = _worse(worst, _severity(tally))
    return worst


def _listing(names: Sequence[str], limit: int = 30) -> str:
    shown = ", ".join(names[:limit])
    return shown + (f", … (+{len(names) - limit})" if len(names) > limit else "")


def _title(graph: ArchGraph, lang: str, focus: str | None) -> str:
    if focus is not None:
        element = graph.element(focus)
        name = display_name(element, lang) if element is not None else focus
        heading = text("title:hub", lang, name=name)
    else:
        heading = text("title:country", lang)
    submission = graph.architecture.submission
    if submission is not None and submission.title:
        return f"{heading} — {submission.title}"
    return heading


def _summary(
    graph: ArchGraph, tallies: Mapping[str, _Tally], lang: str, focus_key: str | None
) -> str:
    codes = province_tiles()
    present = [c for c in codes if _status(tallies.get(f"p:{c}")) != "absent"]
    connected = [c for c in codes if _status(tallies.get(f"p:{c}")) == "connected"]
    if focus_key is not None:
        reached = [c for c in codes if (t := tallies.get(f"p:{c}")) and t.hub_flows]
        flows = tallies[focus_key].flows if focus_key in tallies else 0
        return text(
            "summary:hub",
            lang,
            reached=len(reached),
            total=len(codes),
            flows=counted("flows", flows, lang),
        )
    return text(
        "summary:country",
        lang,
        present=len(present),
        total=len(codes),
        connected=len(connected),
        flows=number(len(graph.active_flows), lang),
    )
