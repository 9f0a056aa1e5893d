"""Rewrite the documentation generated from code (`make docs`)."""

from pathlib import Path

from vndgaf.cli._docs import cli_reference
from vndgaf.docgen import write_pages

if __name__ == "__main__":
    root = Path(__file__).resolve().parents[1]
    changed = write_pages(root)
    cli_page = root / "docs" / "cli.md"
    text = cli_reference()
    if not cli_page.exists() or cli_page.read_text(encoding="utf-8") != text:
        cli_page.write_text(text, encoding="utf-8")
        changed.append("docs/cli.md")
    print("\n".join(f"updated {p}" for p in changed) or "generated docs are up to date")
