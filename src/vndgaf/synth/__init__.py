"""Synthetic full-country architectures for demos, tests and benchmarks.

``synthesize(scale="national", flows=100_000, seed=0, defects=5)`` builds a valid submission
(plain data in format 1) from the real administrative units of the catalogue and injects a known
list of defects, so that a test can assert that ``check`` finds exactly them. The same seed always
gives the same document.
"""

import json
import random
from typing import Any

import attrs

from vndgaf.reference import catalogue
from vndgaf.synth.build import AS_OF, build, structural_flow_count
from vndgaf.synth.defects import DEFECT_KINDS, Defect, inject
from vndgaf.synth.scale import Scale, parse_scale

__all__ = [
    "AS_OF",
    "DEFECT_KINDS",
    "Defect",
    "Scale",
    "Synthesis",
    "defect_count",
    "minimum_flows",
    "parse_scale",
    "synthesize",
]


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
    """A count stays a count; a fraction in [0, 1) is that share of ``flows`` (rounded)."""
    if isinstance(defects, bool) or defects < 0:
        raise ValueError(f"defects must be a count or a fraction in [0, 1), not {defects!r}")
    if isinstance(defects, float) and defects < 1:
        return round(defects * flows)
    if isinstance(defects, float) and not defects.is_integer():
        raise ValueError(f"defects must be a whole count or a fraction below 1, not {defects}")
    return int(defects)


def minimum_flows(scale: str | Scale = "national") -> int:
    """The number of flows the clean structure of ``scale`` needs by itself."""
    chosen = parse_scale(scale) if isinstance(scale, str) else scale
    return structural_flow_count(catalogue(), chosen)


def synthesize(
    *,
    scale: str | Scale = "national",
    flows: int = 100_000,
    seed: int = 0,
    defects: int | float = 0,
) -> Synthesis:
    """A synthetic architecture of ``scale`` with ``flows`` clean flows and injected defects.

    ``defects`` is a count, or a fraction of ``flows``. Defects that need a flow (bypasses,
    duplicated platforms) add it on top of ``flows``. Raises ValueError for an unknown scale or
    too few flows for the structure (see :func:`minimum_flows`).
    """
    chosen = parse_scale(scale) if isinstance(scale, str) else scale
    rng = random.Random(seed)
    draft = build(catalogue(), chosen, flows, rng)
    injected = inject(draft, defect_count(defects, flows), rng)
    label = "toàn quốc" if chosen.province is None else f"tỉnh mã {chosen.province}"
    document = draft.document(f"Kiến trúc số tổng hợp {label} (dữ liệu tổng hợp, seed {seed})")
    return Synthesis(document=document, defects=injected, scale=chosen, seed=seed)
