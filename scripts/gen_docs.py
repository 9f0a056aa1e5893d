"""Rewrite the documentation generated from code (`make docs`)."""

from pathlib import Path

from vndgaf.docgen import write_pages

if __name__ == "__main__":
    root = Path(__file__).resolve().parents[1]
    changed = write_pages(root)
    print("\n".join(f"updated {p}" for p in changed) or "generated docs are up to date")
