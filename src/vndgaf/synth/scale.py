"""What a synthesis covers: the whole country or one province, times a size factor.

``national`` and ``province:CODE`` name the real administrative units used; a suffix ``*K``
(``national*10``) multiplies the systems built per commune and department, so benchmarks can
grow the model without inventing administrative units.
"""

import re

import attrs

__all__ = ["MAX_FACTOR", "Scale", "parse_scale"]

MAX_FACTOR = 20
"""The largest size factor (``national*20``: twenty times the systems per unit)."""

_SCALE = re.compile(r"^(?:(national)|province:([0-9]{2}))(?:\*([0-9]{1,3}))?$")


@attrs.frozen
class Scale:
    """The provinces covered (``None``: all 34) and the size factor (systems per unit)."""

    province: str | None = None
    factor: int = 1

    def __str__(self) -> str:
        base = "national" if self.province is None else f"province:{self.province}"
        return base if self.factor == 1 else f"{base}*{self.factor}"


def parse_scale(text: str) -> Scale:
    """``national``, ``province:08``, ``national*3`` … -> :class:`Scale`; ValueError otherwise."""
    match = _SCALE.match(text.strip().lower())
    if match is None:
        raise ValueError(
            f"unknown scale {text!r}: expected 'national' or 'province:CODE', "
            "optionally followed by '*FACTOR' (e.g. national*10)"
        )
    factor = int(match.group(3) or 1)
    if not 1 <= factor <= MAX_FACTOR:
        raise ValueError(f"the scale factor must be from 1 to {MAX_FACTOR}, not {factor}")
    return Scale(province=match.group(2), factor=factor)
