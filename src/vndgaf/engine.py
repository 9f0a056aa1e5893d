"""Run the rules: load, build the graph, select rules, stamp and suppress findings, report.

``check`` returns a :class:`~vndgaf.diagnostics.Report` and never prints.
"""

import datetime as dt
import os
from collections.abc import Callable, Iterable, Mapping, Sequence

import attrs

from vndgaf.diagnostics import Finding, Report, RuleInfo, Severity, Text, Violation
from vndgaf.errors import InternalError
from vndgaf.gcpause import paused_gc
from vndgaf.graph import ArchGraph, build_graph
from vndgaf.load import INPUT_CHECKS, LoadResult, load, load_models
from vndgaf.model import Architecture, InputSource, Level, OnlineLevel
from vndgaf.model.namespaces import text_written_in
from vndgaf.reference import Catalogue
from vndgaf.reference import catalogue as national_catalogue
from vndgaf.rules import ALL_RULES, Context, Rule
from vndgaf.suppressions import UNKNOWN_RULE, apply_suppressions, unknown_rule_findings

__all__ = [
    "all_rule_infos",
    "check",
    "check_loaded",
    "check_models",
    "find_rule",
    "matches",
    "select_rules",
]


def matches(info: RuleInfo | Rule, pattern: str) -> bool:
    """True when ``pattern`` names the rule: its code, a code prefix (IOP, IOP0), its name,
    or ALL."""
    pattern = pattern.strip()
    return (
        pattern.upper() == "ALL"
        or info.code.startswith(pattern.upper())
        or info.name == pattern.lower()
    )


def select_rules(
    rules: Sequence[Rule], select: Sequence[str] = (), ignore: Sequence[str] = ()
) -> tuple[Rule, ...]:
    """Rules picked by ``select`` (all when empty) minus those named by ``ignore``."""
    return tuple(
        r
        for r in rules
        if (not select or any(matches(r, p) for p in select))
        and not any(matches(r, p) for p in ignore)
    )


def all_rule_infos() -> tuple[RuleInfo, ...]:
    """Documentation of every check: the loader's SCH/REF checks and the graph rules."""
    return (*INPUT_CHECKS, UNKNOWN_RULE, *(r.info() for r in ALL_RULES))


def find_rule(code_or_name: str) -> RuleInfo | None:
    """The rule with this code or name, or None."""
    key = code_or_name.strip()
    for info in all_rule_infos():
        if info.code == key.upper() or info.name == key.lower():
            return info
    return None


def _as_of(result: LoadResult, explicit: dt.date | None) -> dt.date:
    if explicit is not None:
        return explicit
    dates = [s.as_of for s in result.submissions]
    return max(dates) if dates else dt.date.today()


def _stamp(
    rule: Rule, info: RuleInfo, severity: Severity, violation: Violation, result: LoadResult
) -> Finding:
    """The finding of a violation: located, its ids qualified, attributed to the submission
    that defines its subject (or, failing that, to the one of the file it points at); its legal
    basis as of the check's date (``info``)."""
    location = result.locate(violation.subject, violation.field)
    submitter = result.submitter_of(violation.subject)
    if not submitter and location is not None:
        submitter = result.submitters.get(location.path, "")
    fix = violation.fix or rule.fix
    return Finding(
        code=rule.code,
        name=rule.name,
        severity=severity,
        message=_written_in(submitter, violation.message),
        location=location,
        subject=result.qualified(violation.subject),
        related=tuple(map(result.qualified, violation.related)),
        legal_basis=info.legal_basis,
        fix=_written_in(submitter, fix) if fix is not None else None,
        submitter=submitter,
    )


def _written_in(namespace: str, text: Text) -> Text:
    """A message as the submission it is about writes ids: checked alone or with others, a
    submission reads the same message about its own elements (``'f1'``, not
    ``'ubnd-x::f1'``)."""
    return Text(text_written_in(namespace, text.en), text_written_in(namespace, text.vi))


def _run(rule: Rule, ctx: Context) -> list[Violation]:
    try:
        return list(rule.check(ctx))
    except Exception as exc:  # a rule that breaks is a bug: never swallow it
        raise InternalError(f"rule {rule.code} ({rule.name}) failed: {exc!r}") from exc


def _metrics(
    graph: ArchGraph, findings: Sequence[Finding], qualified: Callable[[str], str]
) -> dict[str, float]:
    arch = graph.architecture
    metrics: dict[str, float] = {
        "elements.agencies": len(arch.agencies),
        "elements.systems": len(arch.systems),
        "elements.platforms": len(arch.platforms),
        "elements.databases": len(arch.databases),
        "elements.entities": len(arch.entities),
        "elements.flows": len(arch.flows),
        "elements.services": len(arch.services),
        "elements.investments": len(arch.investments),
    }
    for level in (Level.CENTRAL, Level.PROVINCIAL, Level.COMMUNE):
        metrics[f"agencies.{level.value}"] = sum(1 for a in arch.agencies if a.level is level)
    services = arch.services
    metrics["services.fully_online_share"] = (
        sum(1 for s in services if s.online_level is OnlineLevel.TOAN_TRINH) / len(services)
        if services
        else 0.0
    )
    inputs = [i for s in services for i in s.required_inputs]
    metrics["inputs.once_only_coverage"] = (
        sum(1 for i in inputs if i.obtained_from is InputSource.SHARED_DATA) / len(inputs)
        if inputs
        else 0.0
    )
    dbs = arch.databases
    metrics["databases.shared_share"] = (
        sum(1 for d in dbs if graph.flows_from(d.id)) / len(dbs) if dbs else 0.0
    )
    flagged = {
        i
        for f in findings
        if f.family == "RED" and not f.suppressed
        for i in (f.subject, *f.related)
    }
    metrics["investments.redundant_budget_vnd"] = float(
        sum(i.budget_vnd or 0 for i in arch.investments if qualified(i.id) in flagged)
    )
    reach: dict[str, bool] = {a.id: False for a in arch.agencies}
    for system in graph.own_systems:
        if graph.reaches_national_exchange(system.id):
            for agency_id in (system.owner, system.operator, *system.tenants):
                if agency_id in reach:
                    reach[agency_id] = True
    metrics["agencies.unreachable_from_ndxp"] = sum(1 for ok in reach.values() if not ok)
    commune_ok: dict[str, bool] = {}
    for agency in arch.agencies:
        if agency.level is Level.COMMUNE and agency.unit:
            commune_ok[agency.unit] = commune_ok.get(agency.unit, False) or reach[agency.id]
    metrics["elements.communes"] = len(commune_ok)
    metrics["communes.unreachable_from_ndxp"] = sum(1 for ok in commune_ok.values() if not ok)
    return metrics


def check_loaded(
    result: LoadResult,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    severity_overrides: Mapping[str, Severity] | None = None,
    as_of: dt.date | None = None,
    rules: Sequence[Rule] | None = None,
    catalogue: Catalogue | None = None,
) -> Report:
    """Run the selected rules on an already loaded submission.

    ``rules`` defaults to every rule (:data:`vndgaf.rules.ALL_RULES`), ``catalogue`` to the
    national catalogue (:func:`vndgaf.reference.catalogue`; with a user's overlays, see
    :func:`vndgaf.load.overlays.catalogue_with`): the checks see the facts in force on the
    as-of date (``catalogue.at(as_of)``).
    """
    with paused_gc():  # the graph of a national model is large: see vndgaf.gcpause
        return _check_loaded(
            result,
            select,
            ignore,
            severity_overrides,
            as_of,
            ALL_RULES if rules is None else rules,
            national_catalogue() if catalogue is None else catalogue,
        )


def _check_loaded(
    result: LoadResult,
    select: Sequence[str],
    ignore: Sequence[str],
    severity_overrides: Mapping[str, Severity] | None,
    as_of: dt.date | None,
    rules: Sequence[Rule],
    catalogue: Catalogue,
) -> Report:
    date = _as_of(result, as_of)
    reference = catalogue.at(date)  # the facts in force on the as-of date
    graph = build_graph(result.architecture, reference, date)
    submissions = tuple(
        attrs.evolve(s, submitter=result.element_id(s.submitter, s.submitter))
        for s in result.submissions
    )
    ctx = Context(graph=graph, catalogue=reference, as_of=date, submissions=submissions)
    overrides = {k.upper(): v for k, v in (severity_overrides or {}).items()}
    chosen = select_rules(rules, select, ignore)
    findings: list[Finding] = []
    unknown = unknown_rule_findings(result, all_rule_infos())
    input_findings = (*result.findings, *unknown)
    for info in (*INPUT_CHECKS, UNKNOWN_RULE):
        if (not select or any(matches(info, p) for p in select)) and not any(
            matches(info, p) for p in ignore
        ):
            severity = overrides.get(info.code, info.severity)
            findings.extend(
                attrs.evolve(f, severity=severity) for f in input_findings if f.code == info.code
            )
    infos = {rule.code: rule.info(reference) for rule in chosen}  # the basis as of the date
    for rule in chosen:
        override = overrides.get(rule.code, overrides.get(rule.name.upper()))
        for violation in _run(rule, ctx):
            severity = override or violation.severity or rule.severity
            stamped = _stamp(rule, infos[rule.code], severity, violation, result)
            entries = graph.suppressions(violation.subject)  # an element's or a flow's
            findings.append(apply_suppressions(stamped, entries, date))
    unique = {(f.identity, f.location, f.message.en): f for f in findings}
    ordered = tuple(sorted(unique.values(), key=Finding.sort_key))
    documented = tuple(sorted({*INPUT_CHECKS, UNKNOWN_RULE, *infos.values()}, key=lambda i: i.code))
    return Report(
        findings=ordered,
        metrics=_metrics(graph, ordered, result.qualified),
        rules=documented,
        inputs=result.files,
        as_of=date,
        submitters=tuple(s.submitter for s in result.submissions),
        reference=tuple(o.label for o in reference.user_overlays),
        frameworks=tuple(dict.fromkeys(s.framework_version.value for s in result.submissions)),
        catalogue=reference.version,
        catalogue_date=reference.date,
    )


def check_models(
    models: Iterable[Architecture],
    *,
    paths: Sequence[str] | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    severity_overrides: Mapping[str, Severity] | None = None,
    as_of: dt.date | None = None,
) -> Report:
    """Check architectures built in code exactly as files are checked: the schema, ids,
    references (a dangling one is REF001), submissions and external declarations
    (:func:`vndgaf.load.load_models`), then the rules (:func:`check_loaded`).

    Each model is one document; a finding about it is located by the JSON pointer of what it is
    about (``<model 1>#/flows/0/target``), in the file named by ``paths`` when the model stands
    for one (one path per model).

    >>> from vndgaf.model import Architecture, DataFlow
    >>> flow = DataFlow(id="f1", source="vn:platform/ndxp", target="missing")
    >>> report = check_models([Architecture(format_version=1, flows=[flow])])
    >>> [(f.code, str(f.location)) for f in report.findings if f.code == "REF001"]
    [('REF001', '<model 1>#/flows/0/target')]
    """
    with paused_gc():
        return check_loaded(
            load_models(models, paths=paths),
            select=select,
            ignore=ignore,
            severity_overrides=severity_overrides,
            as_of=as_of,
        )


def check(
    paths: Iterable[str | os.PathLike[str]],
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    severity_overrides: Mapping[str, Severity] | None = None,
    as_of: dt.date | None = None,
    catalogue: Catalogue | None = None,
) -> Report:
    """Load ``paths`` and check them: ``vndgaf.check(["examples/tuyen-quang"])``.

    The options are those of :func:`check_loaded`; ``catalogue`` (for example
    ``vndgaf.load.overlays.catalogue_with(["my-overlay.yaml"])``) also resolves references.
    """
    with paused_gc():  # one pause for both steps: see vndgaf.gcpause
        return check_loaded(
            load(paths, catalogue=catalogue),
            select=select,
            ignore=ignore,
            severity_overrides=severity_overrides,
            as_of=as_of,
            catalogue=catalogue,
        )
