"""``python -m vndgaf``."""

from vndgaf.cli import run

run()
