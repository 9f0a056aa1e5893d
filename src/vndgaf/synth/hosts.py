"""What an injected defect is, and the hosts defects are injected into.

A defect kind changes the clean draft so that ``vndgaf check`` reports one finding, whose code
and subject it records as a :class:`Defect`. Hosts (systems, services, databases, flows …) are
handed out in random order and each at most once, so that no two defects touch one element and
each finding stands alone.
"""

import random
from collections.abc import Callable, Iterator, Sequence

import attrs

from vndgaf.synth.draft import Doc, Draft, ProvinceIds

__all__ = ["Defect", "Hosts", "Kind"]


@attrs.frozen(order=True)
class Defect:
    """One injected defect: the rule that must report it, on which element, and what it is."""

    code: str
    subject: str
    kind: str
    what: str

    def as_dict(self) -> dict[str, str]:
        """Plain data for the ``.defects.json`` file."""
        return {"code": self.code, "subject": self.subject, "kind": self.kind, "what": self.what}


class Hosts:
    """Fresh, randomly ordered hosts of each sort; a host is used by one defect only."""

    def __init__(self, draft: Draft, rng: random.Random) -> None:
        self.rng = rng
        self.draft = draft
        self.used: set[str] = set()
        self.serial = 0
        self._services = {s["id"]: s for s in draft.services}
        self._databases = {d["id"]: d for d in draft.databases}
        self._flows = {f["id"]: f for f in draft.flows}
        self._by_code = {p.code: p for p in draft.provinces}
        self._by_commune = {c: p for p in draft.provinces for c in p.communes}

    def order(self, items: Sequence[str], aspect: str = "") -> Iterator[str]:
        """The unused ``items`` in random order, each marked used as it is handed out.

        An ``aspect`` ("quality", "authority" …) lets kinds that change independent parts of
        one element share it: an item is used once per aspect.
        """
        pool = list(items)
        self.rng.shuffle(pool)
        for item in pool:
            key = f"{aspect}:{item}" if aspect else item
            if key not in self.used:
                self.used.add(key)
                yield item

    def next_number(self) -> int:
        """A number no other new element of the injection has (for new ids)."""
        self.serial += 1
        return self.serial

    def provinces(self, kind: str) -> Iterator[ProvinceIds]:
        """Each province once for one kind, in random order (kinds do not compete for it)."""
        for code in self.order([p.code for p in self.draft.provinces], kind):
            yield self._by_code[code]

    def province(self) -> ProvinceIds:
        """A province drawn at random (new elements may share one)."""
        return self.rng.choice(self.draft.provinces)

    def province_of(self, element_id: str) -> ProvinceIds:
        """The province of a synthetic element (``t<code>-…`` or ``x<commune>-…``)."""
        head = element_id.split("-", 1)[0]
        if head.startswith("t") and head[1:] in self._by_code:
            return self._by_code[head[1:]]
        return self._by_commune[f"{head}-ubnd"]

    def service(self, ident: str) -> Doc:
        return self._services[ident]

    def database(self, ident: str) -> Doc:
        return self._databases[ident]

    def flow(self, ident: str) -> Doc:
        return self._flows[ident]

    def flows_where(self, keep: Callable[[Doc], bool]) -> list[str]:
        """Ids of the clean draft's flows that ``keep`` accepts."""
        return sorted(ident for ident, doc in self._flows.items() if keep(doc))

    def online_services(self) -> list[str]:
        """Ids of the services offered online (every synthetic service is)."""
        return sorted(i for i, s in self._services.items() if s["online_level"] != "offline")


#: A defect kind: its name and the generator that injects defects of that kind one at a time.
Kind = tuple[str, Callable[[Draft, Hosts], Iterator[Defect]]]
