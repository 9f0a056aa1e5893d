"""Where vndgaf lives on the web, in one place: its repository, its documentation, its schema.

Everything that links back to the project (SARIF ``helpUri`` and ``informationUri``, the schema's
``$id``, the package metadata checked against it by the tests, the README as a package index
shows it) takes its address from here. Documentation links point at the ``main`` branch, where a
rule's page stays while the rule exists; rule codes are never reused.
"""

__all__ = ["DOCS", "HOMEPAGE", "RAW", "rule_doc_url"]

#: The public repository.
HOMEPAGE = "https://github.com/vndgaf/vndgaf"
#: The documentation folder as the repository host shows it.
DOCS = f"{HOMEPAGE}/blob/main/docs"
#: Files of the main branch as they are (what an editor or a validator fetches).
RAW = "https://raw.githubusercontent.com/vndgaf/vndgaf/main"


def rule_doc_url(code: str) -> str:
    """The page that documents rule ``code`` (``docs/rules/CODE.md``).

    >>> rule_doc_url("IOP001")
    'https://github.com/vndgaf/vndgaf/blob/main/docs/rules/IOP001.md'
    """
    return f"{DOCS}/rules/{code}.md"
