"""Progress messages for long (many-submission) runs: stderr on a terminal only."""

import io
from pathlib import Path

from vndgaf.cli._progress import Progress

ROOT = Path(__file__).resolve().parents[2]


class FakeTerminal(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


class Clock:
    """A clock that advances 1.25 s per reading."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        self.now += 1.25
        return self.now


def test_terminal_gets_phase_messages() -> None:
    """On a terminal, parsing counts the files the loader will read, then rules, then time."""
    stream = FakeTerminal()
    progress = Progress(stream, clock=Clock())
    progress.parsing([ROOT / "examples" / "tuyen-quang", ROOT / "examples" / "bo-tu-phap"])
    progress.checking(52)
    progress.phase("rendering html…")
    progress.done()
    assert stream.getvalue() == (
        "vndgaf: parsing 7 files…\n"
        "vndgaf: checking 52 rules…\n"
        "vndgaf: rendering html…\n"
        "vndgaf: done in 1.2 s\n"
    )


def test_singular_counts() -> None:
    """One file and one rule are not pluralised."""
    stream = FakeTerminal()
    progress = Progress(stream)
    progress.parsing([ROOT / "examples" / "bo-tu-phap" / "architecture.yaml"])
    progress.checking(1)
    assert stream.getvalue() == "vndgaf: parsing 1 file…\nvndgaf: checking 1 rule…\n"


def test_not_a_terminal_prints_nothing() -> None:
    """A pipe, file or CI log (isatty false) receives nothing at all."""
    stream = io.StringIO()
    progress = Progress(stream)
    assert progress.enabled is False
    progress.parsing([ROOT / "examples"])
    progress.checking(52)
    progress.done()
    assert stream.getvalue() == ""


def test_missing_path_is_left_to_the_loader() -> None:
    """A path that does not exist gives no progress line (the loader reports the error)."""
    stream = FakeTerminal()
    Progress(stream).parsing([ROOT / "examples" / "no-such-dir"])
    assert stream.getvalue() == ""


def test_closed_stream_is_not_a_terminal() -> None:
    """A closed stream (isatty raises ValueError) disables progress instead of crashing."""
    stream = io.StringIO()
    stream.close()
    progress = Progress(stream)
    assert progress.enabled is False
    progress.checking(3)  # must not write to the closed stream
