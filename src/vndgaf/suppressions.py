"""Suppressions: a reviewed decision, written next to an element, to accept one of its findings.

For each finding, the entries of its element that name its rule (by code or by name) decide:
an entry in force (no ``expires``, or not yet past it on the check's date) suppresses the
finding wherever it stands among them; when every such entry has expired, the finding counts
again and its message says since when (the latest expiry). An entry that names no known rule
or check is a finding of its own (REF010): a suppression that can never apply is a mistake, not
a silent no-op.
"""

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence

import attrs

from vndgaf.diagnostics import Finding, RuleInfo, Severity, Text
from vndgaf.load import LoadResult
from vndgaf.load.checks import finding, input_check
from vndgaf.model import ELEMENT_LISTS, Suppression
from vndgaf.suggest import closest

__all__ = ["UNKNOWN_RULE", "apply_suppressions", "unknown_rule_findings"]

UNKNOWN_RULE = input_check(
    "REF010",
    "suppression-of-unknown-rule",
    Severity.WARNING,
    Text(
        "A suppression names no rule or check",
        "Chấp nhận ngoại lệ ghi một quy tắc không tồn tại",
    ),
    Text(
        "Write the code (IOP001) or the name (flow-bypasses-integration-platform) of the rule"
        " whose finding is accepted; `vndgaf rules` lists them.",
        "Ghi mã (IOP001) hoặc tên (flow-bypasses-integration-platform) của quy tắc có phát hiện"
        " được chấp nhận; lệnh `vndgaf rules` liệt kê các quy tắc.",
    ),
    "A `suppress` entry accepts the findings of one rule on its element. An entry whose `rule`"
    " is neither the code nor the name of a rule or loader check can never apply: it is almost"
    " always a typing mistake (`IOP01`, `IP001`) or a rule that was renamed, and the finding"
    " it was meant to accept is reported as if the entry were not there.",
)


def _names(entry: Suppression, rule: RuleInfo | Finding) -> bool:
    return entry.rule.strip().upper() == rule.code or entry.rule.strip().lower() == rule.name


def apply_suppressions(found: Finding, entries: Sequence[Suppression], as_of: dt.date) -> Finding:
    """``found`` marked suppressed by the first entry in force that names its rule; or, when
    every such entry has expired, with a message that says since when."""
    naming = [e for e in entries if _names(e, found)]
    in_force = [e for e in naming if e.expires is None or e.expires >= as_of]
    if in_force:
        return attrs.evolve(found, suppressed_by=in_force[0])
    if not naming:
        return found
    since = max(e.expires for e in naming if e.expires is not None).isoformat()
    note = Text(
        f" (its suppression expired on {since})",
        f" (chấp nhận ngoại lệ đã hết hạn từ ngày {since})",
    )
    message = Text(found.message.en + note.en, found.message.vi + note.vi)
    return attrs.evolve(found, message=message)


def unknown_rule_findings(result: LoadResult, known: Iterable[RuleInfo]) -> Iterator[Finding]:
    """REF010 for every ``suppress`` entry of the loaded ``result`` that names no rule or check
    of ``known``: at the entry's ``rule``, about its element (qualified as every output shows
    it), attributed to the submission that defines the element, with the closest code or name
    when one is close enough."""
    infos = tuple(known)
    codes = {info.code for info in infos}
    names = {info.name for info in infos}
    for attribute, _kind in ELEMENT_LISTS:
        for element in getattr(result.architecture, attribute):
            for index, entry in enumerate(element.suppress):
                written = entry.rule.strip()
                if written.upper() in codes or written.lower() in names:
                    continue
                shown = getattr(element, "name", None) or element.id
                hint = closest(written.upper(), codes) or closest(written.lower(), names)
                tail = Text("", "")
                if hint is not None:
                    tail = Text(f" (did you mean '{hint}'?)", f" (có phải ý bạn là '{hint}'?)")
                found = finding(
                    UNKNOWN_RULE,
                    Text(
                        f"suppression on '{shown}' names '{written}', which is no rule or"
                        f" check; it accepts nothing{tail.en}",
                        f"chấp nhận ngoại lệ trên '{shown}' ghi '{written}', không phải mã"
                        f" hay tên của quy tắc nào; nó không có tác dụng{tail.vi}",
                    ),
                    result.locate(element.id, f"suppress/{index}/rule"),
                    subject=result.qualified(element.id),
                )
                yield attrs.evolve(found, submitter=result.submitter_of(element.id))
