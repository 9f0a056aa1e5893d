"""The doctests in ``src/vndgaf`` read the bundled examples as the README does, by a path relative
to the repository root, wherever pytest is started from."""

from pathlib import Path

import pytest

ROOT = Path(__file__).parent


@pytest.fixture(autouse=True)
def _doctests_run_at_the_root(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    if isinstance(request.node, pytest.DoctestItem):
        monkeypatch.chdir(ROOT)
