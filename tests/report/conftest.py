"""Fixtures for the reporter tests: the realistic and the hostile report, and Chromium (from the
system package manager, installed with apt-get when missing and running as root; the browser tests
skip only when neither works)."""

import os
import shutil
import subprocess

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


def _find() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _install() -> str:
    """Try apt-get as root; return why it could not be done (empty when it was)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("apt-get") is None:
        return "not root or no apt-get"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "-q", "chromium"]
    done = subprocess.run(install, env=env, capture_output=True, timeout=1200, check=False)
    if done.returncode != 0:
        subprocess.run(["apt-get", "update", "-q"], env=env, capture_output=True, timeout=600,
                       check=False)  # fmt: skip
        done = subprocess.run(install, env=env, capture_output=True, timeout=1200, check=False)
    return "" if done.returncode == 0 else done.stderr.decode(errors="replace")[-300:]


@pytest.fixture(scope="module")
def chromium() -> str:
    """The chromium executable, installed from the system package manager when missing."""
    found = _find()
    if found is None:
        why = _install()
        found = _find()
        if found is None:
            pytest.skip(f"chromium is not installed and could not be installed ({why})")
    return found
