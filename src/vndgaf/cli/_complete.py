"""Values the shell completes beyond file names: rule codes and diagram views.

click does the shell side (``_VNDGAF_COMPLETE=bash_source vndgaf``, docs/cli.md); these
functions say what a value can be. The catalogue is read only when a view is completed.
"""

from click import Context, Parameter
from click.shell_completion import CompletionItem

from vndgaf.engine import all_rule_infos

__all__ = ["complete_rule", "complete_rules", "complete_view"]

_VIEW_KINDS = ("overview", "province:", "agency:", "entity:", "impact:")


def _rule_words() -> list[tuple[str, str]]:
    """Every code, family prefix and rule name, with a short description."""
    infos = all_rule_infos()
    words = [(i.code, i.title.get("en")) for i in infos]
    words += [(i.name, i.code) for i in infos]
    families = sorted({i.code.rstrip("0123456789") for i in infos})
    words += [(f, "every rule of the family") for f in families]
    return words


def complete_rule(ctx: Context, param: Parameter, incomplete: str) -> list[CompletionItem]:
    """A rule code or name (``vndgaf rule IOP0<TAB>``)."""
    wanted = incomplete.upper()
    return [
        CompletionItem(word, help=about)
        for word, about in _rule_words()
        if word.upper().startswith(wanted)
    ]


def complete_rules(ctx: Context, param: Parameter, incomplete: str) -> list[CompletionItem]:
    """A comma-separated list of codes, prefixes or names: the last item is completed."""
    head, comma, last = incomplete.rpartition(",")
    prefix = head + comma
    return [
        CompletionItem(prefix + item.value, help=item.help)
        for item in complete_rule(ctx, param, last)
    ]


def complete_view(ctx: Context, param: Parameter, incomplete: str) -> list[CompletionItem]:
    """``overview``, ``province:CODE`` with the official codes, and the other view kinds."""
    if incomplete.startswith("province:"):
        from vndgaf.reference import catalogue

        return [
            CompletionItem(f"province:{p.code}", help=p.name)
            for p in catalogue().provinces
            if p.code and f"province:{p.code}".startswith(incomplete)
        ]
    if incomplete.startswith(("entity:", "impact:")):
        from vndgaf.reference import catalogue

        kind, _, _ = incomplete.partition(":")
        items = catalogue().entities if kind == "entity" else catalogue().platforms
        return [
            CompletionItem(f"{kind}:{item.id}", help=item.name)
            for item in items
            if f"{kind}:{item.id}".startswith(incomplete)
        ]
    return [CompletionItem(kind) for kind in _VIEW_KINDS if kind.startswith(incomplete)]
