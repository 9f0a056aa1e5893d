"""Synthetic full-country architectures for demos, tests and benchmarks.

``synthesize(scale="national", flows=100_000, seed=0, defects=5)`` builds a valid submission
(plain data in format 1) from the real administrative units of the catalogue and injects a known
list of defects, so that a test can assert that ``check`` finds exactly them. The same seed always
gives the same document.
"""

import datetime as dt
import json
import random
from typing import Any

import attrs

from vndgaf.reference import catalogue
from vndgaf.synth.build import AS_OF, build, structural_flow_count
from vndgaf.synth.defects import DEFECT_KINDS, UNCOVERED, Defect, inject
from vndgaf.synth.scale import Scale, parse_scale

#: The catalogue the synthetic model is drawn from: the one of its own as-of date, so that the
#: model does not change with the day it is generated on.
_DATE = dt.date.fromisoformat(AS_OF)

__all__ = [
    "AS_OF",
    "DEFECT_KINDS",
    "MAX_DEFECTS",
    "MAX_FLOWS",
    "MAX_SEED",
    "UNCOVERED",
    "Defect",
    "Scale",
    "Synthesis",
    "defect_count",
    "minimum_flows",
    "parse_scale",
    "synthesize",
]


MAX_FLOWS = 2_000_000
"""Most clean flows one synthesis builds (the 10x benchmark needs 1,000,000)."""
MAX_DEFECTS = 100_000
"""Most defects one synthesis injects, as a count."""
MAX_SEED = 2**63 - 1
"""Seeds run from ``-MAX_SEED - 1`` to ``MAX_SEED`` (a signed 64-bit integer)."""


@attrs.frozen
class Synthesis:
    """A synthetic submission and the exact list of defects injected into it (sorted)."""

    document: dict[str, Any] = attrs.field(eq=False)
    defects: tuple[Defect, ...]
    scale: Scale
    seed: int

    def expected(self) -> frozenset[tuple[str, str]]:
        """The (rule code, subject) pairs ``check`` must report at error or warning level."""
        return frozenset((d.code, d.subject) for d in self.defects)

    def defects_json(self) -> str:
        """The defect list as the JSON written beside the output (stable bytes)."""
        payload = {
            "scale": str(self.scale),
            "seed": self.seed,
            "as_of": AS_OF,
            "defects": [d.as_dict() for d in self.defects],
        }
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def defect_count(defects: int | float, flows: int) -> int:
    """A count stays a count; a fraction in [0, 1) is that share of ``flows`` (rounded).

    >>> defect_count(25, 100_000), defect_count(0.001, 100_000)
    (25, 100)
    """
    if isinstance(defects, bool) or not 0 <= defects <= MAX_DEFECTS:
        raise ValueError(
            f"defects must be a count from 0 to {MAX_DEFECTS} or a fraction in [0, 1), "
            f"not {defects!r}"
        )
    if isinstance(defects, float) and defects < 1:
        return round(defects * flows)
    if isinstance(defects, float) and not defects.is_integer():
        raise ValueError(f"defects must be a whole count or a fraction below 1, not {defects}")
    return int(defects)


def minimum_flows(scale: str | Scale = "national") -> int:
    """The number of flows the clean structure of ``scale`` needs by itself."""
    chosen = parse_scale(scale) if isinstance(scale, str) else scale
    return structural_flow_count(catalogue(_DATE), chosen)


def synthesize(
    *,
    scale: str | Scale = "national",
    flows: int = 100_000,
    seed: int = 0,
    defects: int | float = 0,
) -> Synthesis:
    """A synthetic architecture of ``scale`` with ``flows`` clean flows and injected defects.

    ``defects`` is a count, or a fraction of ``flows``. Defects that need a flow (bypasses,
    duplicated platforms) add it on top of ``flows``. Raises ValueError for an unknown scale,
    too few flows for the structure (see :func:`minimum_flows`) or more than
    :data:`MAX_FLOWS`, a seed outside a signed 64-bit integer, or more than
    :data:`MAX_DEFECTS` defects.
    """
    if not 0 <= flows <= MAX_FLOWS:
        raise ValueError(f"flows must be from 0 to {MAX_FLOWS}, not {flows}")
    if not -MAX_SEED - 1 <= seed <= MAX_SEED:
        raise ValueError(f"the seed must be a signed 64-bit integer, not {seed}")
    chosen = parse_scale(scale) if isinstance(scale, str) else scale
    count = defect_count(defects, flows)
    rng = random.Random(seed)
    draft = build(catalogue(_DATE), chosen, flows, rng)
    injected = inject(draft, count, rng)
    label = "toàn quốc" if chosen.province is None else f"tỉnh mã {chosen.province}"
    document = draft.document(f"Kiến trúc số tổng hợp {label} (dữ liệu tổng hợp, seed {seed})")
    return Synthesis(document=document, defects=injected, scale=chosen, seed=seed)
