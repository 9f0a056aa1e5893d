"""Fixtures for the reporter tests: the realistic and the hostile report."""

import pytest
from report_fixtures import build_hostile_report, build_national_report

from vndgaf.diagnostics import Report


@pytest.fixture
def national_report() -> Report:
    """The realistic two-province report."""
    return build_national_report()


@pytest.fixture
def hostile_report() -> Report:
    """The report full of hostile text."""
    return build_hostile_report()
