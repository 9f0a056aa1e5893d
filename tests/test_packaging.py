"""The package's promises about itself: dependency floors documented, metadata complete."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _floors() -> dict[str, str]:
    out = {}
    for requirement in PYPROJECT["project"]["dependencies"]:
        match = re.fullmatch(r"([A-Za-z0-9._-]+)>=([0-9][0-9A-Za-z.]*)", requirement)
        assert match, f"{requirement!r}: every runtime dependency has a plain '>=' floor"
        out[match.group(1)] = match.group(2)
    return out


def test_every_floor_is_documented_with_its_reason() -> None:
    """docs/install.md has one row per runtime dependency with the floor pyproject.toml sets."""
    text = (ROOT / "docs" / "install.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| ([A-Za-z0-9._-]+) \| ([0-9][0-9.]*) \| .+ \|$", text, re.M))
    assert rows == _floors()


def test_no_runtime_dependency_has_a_ceiling() -> None:
    """The upper-bound policy in docs/install.md: floors only, no '<' or '==' pins."""
    assert not [d for d in PYPROJECT["project"]["dependencies"] if re.search(r"<|==|~=", d)]


def test_project_urls_are_the_projects_address() -> None:
    """pyproject's URLs and vndgaf.project (used by SARIF helpUri, the schema) agree."""
    from vndgaf.project import DOCS, HOMEPAGE

    urls = PYPROJECT["project"]["urls"]
    assert set(urls) == {"Homepage", "Documentation", "Source", "Issues", "Changelog"}
    assert urls["Homepage"] == urls["Source"] == HOMEPAGE
    assert all(
        url.startswith(HOMEPAGE + "/") for k, url in urls.items() if k not in {"Homepage", "Source"}
    )
    assert DOCS.startswith(HOMEPAGE + "/blob/main/")


def test_package_metadata_is_complete() -> None:
    """Classifiers, keywords and a named author (no invented contact); Python versions agree."""
    project = PYPROJECT["project"]
    assert project["authors"] == [{"name": "vndgaf developers"}]
    assert project["keywords"] and "Vietnam" in project["keywords"]
    classifiers = project["classifiers"]
    assert "Natural Language :: Vietnamese" in classifiers and "Typing :: Typed" in classifiers
    assert project["requires-python"] == ">=3.11"
    assert "Programming Language :: Python :: 3.11" in classifiers
    assert (ROOT / "src" / "vndgaf" / "py.typed").is_file()


def _package_page() -> str:
    """README.md as the package index shows it: the build hook's substitutions applied."""
    hook = PYPROJECT["tool"]["hatch"]["metadata"]["hooks"]["fancy-pypi-readme"]
    assert [f["path"] for f in hook["fragments"]] == ["README.md"]
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for sub in hook["substitutions"]:
        text = re.sub(sub["pattern"], sub["replacement"], text)
    return text


def test_package_page_links_are_absolute_and_point_at_real_files() -> None:
    """On the package page every link is absolute; each came from a relative link in README.md
    to a file that exists, and points at that file on the main branch."""
    from vndgaf.project import HOMEPAGE

    link = re.compile(r"\]\(([^)\s]+)\)")
    readme = link.findall((ROOT / "README.md").read_text(encoding="utf-8"))
    relative = [t for t in readme if not re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", t)]
    assert relative, "README.md links to the docs"
    for target in relative:
        assert (ROOT / target.split("#")[0]).exists(), target
    page = link.findall(_package_page())
    assert all(t.startswith("https://") for t in page)
    assert [t for t in page if t not in readme] == [f"{HOMEPAGE}/blob/main/{t}" for t in relative]


def test_readme_says_how_to_install_and_what_diagrams_need() -> None:
    """A pip install section and the system packages for diagrams (Graphviz, a Vietnamese font)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "pip install vndgaf" in readme
    assert "apt-get install graphviz fonts-dejavu-core" in readme
    assert "Vietnamese glyphs" in readme
