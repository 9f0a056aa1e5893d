"""``python -m vndgaf``."""

from vndgaf.cli import main

main()
