"""SARIF 2.1.0, so findings appear in code-scanning tools and pull-request annotations.

One run: the driver lists every rule of the report (short and full description, help with legal
basis and fix, a ``helpUri`` to the rule's page, default level); each result points at the
YAML/JSON line and column relative to ``%SRCROOT%`` (the repository root, declared in
``originalUriBaseIds``), carries a partial fingerprint of the finding's identity (code, subject,
related) so that tools track it across edits, and an in-source suppression when a submission
accepts it. There is no invocation, no timestamp and no absolute path of the machine: the same
report gives the same bytes wherever the repository is checked out.
"""

import importlib.metadata
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from vndgaf.diagnostics import Finding, Location, Report, RuleInfo
from vndgaf.project import HOMEPAGE, rule_doc_url
from vndgaf.report._facts import fingerprint, rules_for
from vndgaf.report.i18n import label
from vndgaf.textsafe import json_text, uri_path

__all__ = [
    "AUTOMATION_ID",
    "FINGERPRINT_KEY",
    "SARIF_SCHEMA",
    "SARIF_VERSION",
    "render_sarif",
    "source_root",
]

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
FINGERPRINT_KEY = "vndgaf/v1"
SRCROOT = "%SRCROOT%"
#: ``runAutomationDetails.id``: category "vndgaf", no run id (code scanning keeps one analysis per
#: category and replaces it on the next upload; the upload step may set its own category).
AUTOMATION_ID = "vndgaf/"

_SEMVER = re.compile(r"^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$")
_SECTION = re.compile(
    r"^[\s#*_]*(what it checks|why it matters|example|use instead)[*_]*\s*[:.]?[*_]*\s*",
    re.IGNORECASE,
)


def _installed_version() -> str:
    try:
        return importlib.metadata.version("vndgaf")
    except importlib.metadata.PackageNotFoundError:
        return "0.0.0"


def first_paragraph(doc: str) -> str:
    """The first paragraph of a rule's documentation, without a leading section heading."""
    for para in re.split(r"\n\s*\n", doc.strip()):
        text = " ".join(line.strip() for line in para.splitlines() if line.strip())
        text = _SECTION.sub("", text, count=1).strip()
        if text:
            return text
    return ""


def _absolute(path: Path) -> Path:
    """``path`` made absolute and normalised (``..`` removed) without following any symbolic
    link: a link's name, never its target, is what a report may show."""
    return Path(os.path.abspath(path))


def source_root(paths: Iterable[str | os.PathLike[str]], cwd: str | Path | None = None) -> Path:
    """The directory SARIF paths are relative to, by default: the top of the Git work tree holding
    the inputs (the nearest directory above their common folder that has a ``.git`` entry), else
    the current directory. Only the file system is read; Git need not be installed."""
    here = Path(cwd) if cwd is not None else Path.cwd()
    absolute = [_absolute(here / Path(p)) for p in paths]
    if absolute:
        common = Path(os.path.commonpath(absolute))
        start = common if common.is_dir() else common.parent
        for folder in (start, *start.parents):
            if (folder / ".git").exists():
                return folder
    return _absolute(here)


def artifact_uri(path: str, root: Path | None = None) -> tuple[str, bool]:
    """(URI, relative?) for a file path: forward slashes, percent-encoded, relative when possible.

    Without ``root`` a relative path stays as it is (relative to ``%SRCROOT%``) and an absolute one
    becomes a ``file://`` URI. With ``root``, the path (relative ones taken from the current
    directory) is made relative to ``root``; a file outside ``root`` keeps its absolute URI.
    """
    if root is not None and not re.match(r"^[A-Za-z]:[/\\]", path):
        absolute = _absolute(Path(path))
        try:
            path = absolute.relative_to(_absolute(root)).as_posix()
        except ValueError:
            path = absolute.as_posix()
    posix = path.replace("\\", "/")
    while posix.startswith("./"):
        posix = posix[2:]
    if re.match(r"^[A-Za-z]:/", posix):
        return "file:///" + uri_path(posix, safe="/:"), False
    if posix.startswith("/"):
        return "file://" + uri_path(posix), False
    return uri_path(posix), True


def _artifact_location(path: str, index: dict[str, int], root: Path | None) -> dict[str, Any]:
    uri, relative = artifact_uri(path, root)
    out: dict[str, Any] = {"uri": uri}
    if relative:
        out["uriBaseId"] = SRCROOT
    if path in index:
        out["index"] = index[path]
    return out


def _rule(r: RuleInfo, lang: str) -> dict[str, Any]:
    title = r.title.get(lang)
    full = first_paragraph(r.doc) or title
    basis = r.legal_basis.get(lang)
    legal = f"{label('legal_basis', lang)}: {basis}" if basis else ""
    fix = f"{label('fix', lang)}: {r.fix.get(lang)}" if r.fix else ""
    help_text = "\n\n".join(p for p in (title, r.doc.strip(), legal, fix) if p)
    md_parts = [f"**{title}**", r.doc.strip()]
    if basis:
        md_parts.append(f"**{label('legal_basis', lang)}:** {basis}")
    if r.fix:
        md_parts.append(f"**{label('fix', lang)}:** {r.fix.get(lang)}")
    return {
        "id": r.code,
        "name": r.name,
        "shortDescription": {"text": title},
        "fullDescription": {"text": full},
        "help": {"text": help_text, "markdown": "\n\n".join(p for p in md_parts if p)},
        "helpUri": rule_doc_url(r.code),
        "defaultConfiguration": {"level": r.severity.value},
        "properties": {
            "legalBasis": basis,
            "instruments": list(r.instruments),
            "sourced": r.sourced,
            "tags": [r.family.code],
        },
    }


def _location(
    f: Finding, loc: Location | None, index: dict[str, int], root: Path | None
) -> dict[str, Any] | None:
    out: dict[str, Any] = {}
    if loc is not None and loc.path:
        physical: dict[str, Any] = {"artifactLocation": _artifact_location(loc.path, index, root)}
        if loc.line > 0:
            region: dict[str, Any] = {"startLine": loc.line}
            if loc.column > 0:
                region["startColumn"] = loc.column
            physical["region"] = region
        out["physicalLocation"] = physical
    if f.subject:
        out["logicalLocations"] = [{"fullyQualifiedName": f.subject, "kind": "element"}]
    return out or None


def _result(
    f: Finding, rule_index: dict[str, int], files: dict[str, int], lang: str, root: Path | None
) -> Any:
    result: dict[str, Any] = {
        "ruleId": f.code,
        "ruleIndex": rule_index[f.code],
        "level": f.severity.value,
        "message": {"text": f.message.get(lang)},
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(f)},
        "properties": {
            "subject": f.subject,
            "related": list(f.related),
            "legalBasis": f.legal_basis.get(lang),
        },
    }
    location = _location(f, f.location, files, root)
    if location is not None:
        result["locations"] = [location]
    if f.fix is not None:
        result["properties"]["fix"] = f.fix.get(lang)
    if f.submitter:
        result["properties"]["submitter"] = f.submitter
    if f.suppressed_by is not None:
        s = f.suppressed_by
        suppression: dict[str, Any] = {
            "kind": "inSource",
            "status": "accepted",
            "justification": s.reason,
        }
        props = {"rule": s.rule}
        if s.expires is not None:
            props["expires"] = s.expires.isoformat()
        if s.owner:
            props["owner"] = s.owner
        suppression["properties"] = props
        result["suppressions"] = [suppression]
    return result


def render_sarif(
    report: Report,
    *,
    lang: str = "en",
    tool_version: str | None = None,
    information_uri: str | None = HOMEPAGE,
    root: str | os.PathLike[str] | None = None,
    automation_id: str = AUTOMATION_ID,
) -> str:
    """The report as a SARIF 2.1.0 log (indented JSON, sorted keys, trailing newline).

    ``root`` is the directory artifact URIs are relative to (``%SRCROOT%``), normally the
    repository root (see :func:`source_root`); without it, paths are written as the report holds
    them. ``tool_version`` defaults to the installed vndgaf version; ``information_uri`` (the
    tool's home page) is left out when None; ``automation_id`` is ``runAutomationDetails.id``.
    """
    version = tool_version or _installed_version()
    base = Path(root) if root is not None else None
    rules = rules_for(report)
    rule_index = {r.code: i for i, r in enumerate(rules)}

    paths = list(dict.fromkeys(report.inputs))
    extra = sorted({f.location.path for f in report.findings if f.location and f.location.path})
    known = set(paths)
    paths += [p for p in extra if p not in known]
    files = {p: i for i, p in enumerate(paths)}

    driver: dict[str, Any] = {
        "name": "vndgaf",
        "version": version,
        "rules": [_rule(r, lang) for r in rules],
    }
    if _SEMVER.match(version):
        driver["semanticVersion"] = version
    if information_uri:
        driver["informationUri"] = information_uri

    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "automationDetails": {"id": automation_id},
        "originalUriBaseIds": {
            SRCROOT: {
                "description": {
                    "text": "The root of the repository that holds the submission: every "
                    "relative artifact URI is relative to it. Its absolute location is left "
                    "out so that the log is the same on every machine."
                }
            }
        },
        "language": lang,
        "columnKind": "unicodeCodePoints",
        "artifacts": [{"location": _artifact_location(p, {}, base)} for p in paths],
        "results": [_result(f, rule_index, files, lang, base) for f in report.findings],
    }
    properties: dict[str, Any] = {}
    if report.as_of is not None:
        properties["asOf"] = report.as_of.isoformat()
    if report.reference:
        properties["catalogueOverlays"] = list(report.reference)
    if report.frameworks:
        properties["frameworkVersions"] = list(report.frameworks)
    if report.catalogue:
        properties["catalogueVersion"] = report.catalogue
    if report.catalogue_date is not None:
        properties["catalogueDate"] = report.catalogue_date.isoformat()
    if properties:
        run["properties"] = properties
    log = {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}
    return json_text(log)
