"""What a view folds of its own accord, so that it stays readable at national scale.

A province or an agency of a national model exchanges data with thousands of systems all over
the country. A view keeps its own elements and folds the rest:

- the other ends of its flows that belong to another province become one box per province
  (at most :data:`MAX_PROVINCES`, the smallest together in one "N more provinces" box), and
  central ones one box per ministry, once there are more than :data:`MAX_ELSEWHERE` of them;
- in a province, the commune-level agencies beyond the first :data:`MAX_COMMUNES` (those with
  findings first) go into one box per province that counts them.

Each box counts what it stands for and opens the view of that province or ministry.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping

from vndgaf.diagnostics import Severity
from vndgaf.graph import ArchGraph
from vndgaf.render.placement import (
    MAP_HUBS,
    display_name,
    place,
    province_name,
    province_ref,
    tier_of,
    tier_ref,
)
from vndgaf.render.scene import Group
from vndgaf.render.theme import counted
from vndgaf.textsafe import id_token

__all__ = [
    "MAX_COMMUNES",
    "MAX_ELSEWHERE",
    "MAX_PROVINCES",
    "MAX_PROVINCES_BESIDE",
    "communes_beyond",
    "elsewhere",
]

#: Elements of other organisations drawn one by one; beyond, they fold by province or ministry
#: (one province's or ministry's submission stays unfolded: its views have fewer).
MAX_ELSEWHERE = 40
#: Other provinces drawn as their own box; beyond, the smallest share one box. A province's view
#: shows fewer: its own agencies matter there.
MAX_PROVINCES = 12
MAX_PROVINCES_BESIDE = 4
#: Commune-level agencies of a province drawn one by one in its view (one row).
MAX_COMMUNES = 8

_LOCAL = ("provincial", "district", "commune")


def _ranked(
    keys: Iterable[str], members: Mapping[str, list[str]], severities: Mapping[str, Severity]
) -> list[str]:
    """Keys with findings first (worst first), then by number of members, then by key."""

    def worst(key: str) -> int:
        found = [severities[m].rank for m in members[key] if m in severities]
        return max(found, default=-1)

    return sorted(keys, key=lambda k: (-worst(k), -len(members[k]), k))


def elsewhere(
    graph: ArchGraph,
    members: Iterable[str],
    is_home: Callable[[str], bool],
    lang: str,
    severities: Mapping[str, Severity],
    *,
    provinces: int = MAX_PROVINCES,
) -> dict[str, Group]:
    """Groups for the members that are not the view's own (``is_home`` false) nor a hub, when
    there are more than :data:`MAX_ELSEWHERE` of them: by province (at most ``provinces``
    boxes), by ministry."""
    away = sorted(m for m in members if m not in MAP_HUBS and not is_home(m))
    if len(away) <= MAX_ELSEWHERE:
        return {}
    by_province: dict[str, list[str]] = defaultdict(list)
    groups: dict[str, Group] = {}
    for member in away:
        tier = tier_of(graph, member)
        if tier in _LOCAL:
            by_province[graph.province_of(member) or ""].append(member)
        elif tier == "central":
            top = graph.organisation_of(member)
            agency = graph.agency(top)
            if top is None or agency is None:
                continue
            groups[member] = Group(
                key="n_" + id_token(top),
                title=display_name(agency, lang),
                path=place(graph, top, lang),
                link=f"agency:{top}",
                kind="agency",
                anchor=top,
            )
    ranked = _ranked(by_province, by_province, severities)
    shown, rest = ranked[:provinces], ranked[provinces:]
    if len(rest) == 1:
        shown, rest = ranked, []
    provincial = (tier_ref("provincial", lang),)
    for code in shown:
        group = Group(
            key="g_province_" + id_token(code or "unknown"),
            title=province_name(graph, code or None, lang),
            path=provincial,
            link=f"province:{code}" if code else None,
        )
        groups.update(dict.fromkeys(by_province[code], group))
    if rest:
        more = Group(
            key="g_more_provinces",
            title=counted("more-provinces", len(rest), lang),
            path=provincial,
            link="overview",
        )
        for code in rest:
            groups.update(dict.fromkeys(by_province[code], more))
    return groups


def communes_beyond(
    graph: ArchGraph,
    members: Iterable[str],
    code: str,
    lang: str,
    severities: Mapping[str, Severity],
) -> dict[str, Group]:
    """Groups for the commune-level elements of province ``code`` beyond the first
    :data:`MAX_COMMUNES` agencies (with findings first): one box that counts them."""
    by_agency: dict[str, list[str]] = defaultdict(list)
    for member in members:
        if tier_of(graph, member) != "commune" or graph.province_of(member) != code:
            continue
        element = graph.agency(member)
        owner = member if element is not None else getattr(graph.owner(member), "id", member)
        by_agency[owner].append(member)
    if len(by_agency) <= MAX_COMMUNES:
        return {}
    ranked = _ranked(by_agency, by_agency, severities)
    rest = ranked[MAX_COMMUNES:]
    group = Group(
        key="g_communes_" + id_token(code),
        title=counted("more-communes", len(rest), lang),
        path=(tier_ref("commune", lang), province_ref(graph, "commune", code, lang)),
    )
    out: dict[str, Group] = {}
    for agency in rest:
        out.update(dict.fromkeys(by_agency[agency], group))
    return out
