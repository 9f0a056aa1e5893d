"""The national review: 34 provinces and three ministries, written independently, checked together.

See :mod:`tests.multi.corpus` for how the submissions are written (three id styles, so that
``lgsp``, ``tthc``, ``f1``, ``f-lgsp-ndxp`` … repeat; qualified references and external
declarations between them; planted defects).
"""

import random
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.multi.corpus import write_corpus

from vndgaf.cli import main
from vndgaf.diagnostics import Finding, Report
from vndgaf.engine import check_loaded
from vndgaf.load import load
from vndgaf.report import render

#: Rules that compare submissions with each other: they find only what several submissions show.
ACROSS_SUBMISSIONS = {"RED002"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return write_corpus(tmp_path_factory.mktemp("national"))


@pytest.fixture(scope="module")
def together(corpus: list[Path]) -> Report:
    return check_loaded(load(corpus))


def _key(f: Finding) -> tuple[object, ...]:
    return (f.code, f.severity, str(f.location), f.message, f.subject, f.related, f.submitter)


def test_the_corpus_repeats_local_ids_across_submissions(corpus: list[Path]) -> None:
    """The premise: most local ids of one submission are ids of others too."""
    result = load(corpus)
    local = Counter(
        element.id.partition("::")[2]
        for name in ("platforms", "systems", "flows")
        for element in getattr(result.architecture, name)
    )
    assert len(result.submissions) == len(corpus) >= 37
    for repeated in ("lgsp", "tthc", "f1", "f2", "f-lgsp-ndxp", "LGSP", "F01", "qlvb"):
        assert local[repeated] >= 10, repeated
    assert sum(n for n in local.values() if n > 1) > 0.75 * sum(local.values())


def test_each_submission_gets_together_what_it_gets_alone(
    corpus: list[Path], together: Report
) -> None:
    """Checked together, each submission's findings are those it gets alone with its external
    declarations, plus those of the rules that compare submissions; none about ids."""
    by_submitter: dict[str, set[tuple[object, ...]]] = {}
    for f in together.findings:
        by_submitter.setdefault(f.submitter, set()).add(_key(f))
    assert "" not in by_submitter  # every finding is some submission's
    assert not [f for f in together.findings if f.code in ("REF001", "REF002", "REF009")]
    for folder in corpus:
        alone = check_loaded(load([folder]))
        (submitter,) = alone.submitters
        mine = by_submitter.get(submitter, set())
        alone_keys = {_key(f) for f in alone.findings}
        assert alone_keys <= mine, folder.name
        assert {k[0] for k in mine - alone_keys} <= ACROSS_SUBMISSIONS, folder.name
    planted = Counter(f.code for f in together.findings)
    assert planted["IOP001"] == 5  # the direct flows to the ministry, each in its province
    assert planted["RED001"] == 7
    assert planted["RED002"] >= 1


def test_cross_submission_finding_names_both_provinces_qualified(together: Report) -> None:
    [video] = [f for f in together.findings if f.code == "RED002" and "video" in f.message.en]
    assert video.subject == "ubnd-bac-ninh::dt-hntt"
    assert video.related == ("ubnd-lai-chau::dt-hntt",)
    assert video.submitter == "ubnd-bac-ninh"
    # The message names both investments by their labels, one in each province.
    named = "('Hội nghị truyền hình Thành phố Bắc Ninh', 'Hội nghị truyền hình Tỉnh Lai Châu')"
    assert named in video.message.en


def test_by_submitter_table_sums_to_the_totals(together: Report) -> None:
    text = render(together, "text")
    table = text.split("By submitter:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert len(table) == len(together.submitters) == 37
    sums = [0, 0, 0]
    for row in table:
        counts = row.split(": ", 1)[1].split(", ")
        for i, cell in enumerate(counts):
            sums[i] += int(cell.split()[0])
    severities = Counter(f.severity.value for f in together.findings if not f.suppressed)
    assert sums == [severities["error"], severities["warning"], severities["note"]]


def test_results_are_byte_identical_in_any_input_order(corpus: list[Path]) -> None:
    orders = [corpus, corpus[::-1], random.Random(14).sample(corpus, len(corpus))]
    outputs = set()
    for order in orders:
        report = check_loaded(load(order))
        outputs.add(tuple(render(report, fmt) for fmt in ("text", "json", "sarif")))
    assert len(outputs) == 1


def test_merged_export_rechecks_to_the_same_findings(
    corpus: list[Path], together: Report, tmp_path: Path
) -> None:
    """`vndgaf export … --to yaml -o DIR` keeps every submission (one subfolder each, as
    written); checking DIR gives the same findings and per-submitter table."""
    out = tmp_path / "national"
    run = CliRunner().invoke(main, ["export", "--to", "yaml", "-o", str(out), *map(str, corpus)])
    assert run.exit_code == 0, run.output
    assert len([p for p in out.iterdir() if p.is_dir()]) == len(corpus)
    again = check_loaded(load([out]))

    def seen(report: Report) -> list[tuple[object, ...]]:
        return sorted(
            (f.code, f.severity, f.subject, f.related, f.message, f.submitter)
            for f in report.findings
        )

    assert seen(again) == seen(together)
    assert again.submitters == together.submitters
    table = render(together, "text").split("By submitter:\n", 1)[1].split("\n\n", 1)[0]
    assert table in render(again, "text")
    alone = CliRunner().invoke(main, ["export", "--to", "yaml", *map(str, corpus)])
    assert alone.exit_code == 2 and "give -o DIR" in alone.output
