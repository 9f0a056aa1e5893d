"""What to tell the author of a submission who refers to a unit by a pre-1/7/2025 code or name.

``unit: vn:province/49`` is not in the catalogue, but it is not a typo either: it is Quảng Nam
before the 2025 arrangement, now part of Thành phố Đà Nẵng (``vn:province/48``). A nearest-id
guess ("did you mean vn:province/96?") would send the author to Cà Mau. :func:`legacy_reference`
answers with the successor(s), or with the candidates when a name is ambiguous; the loader turns
the answer into one finding.
"""

import datetime as dt

import attrs

from vndgaf.diagnostics import Text
from vndgaf.model import AdministrativeUnit
from vndgaf.reference.resolve import Resolution, ResolutionStatus, resolve_unit

__all__ = ["LegacyReference", "legacy_reference"]

_UNIT_ID_PREFIXES = ("vn:province/", "vn:commune/", "vn:district/")
_MAX_LISTED = 6


@attrs.frozen
class LegacyReference:
    """A unit reference that names a unit by an old code or by a name rather than an id.

    ``legacy`` is True when it denotes a unit of the list before 1/7/2025 (or one that ended
    earlier); False when it is the name of a current unit written where an id belongs.
    ``successors`` are the catalogue ids to use instead (one, or the candidates)."""

    ref: str
    legacy: bool
    message: Text
    successors: tuple[str, ...]
    resolution: Resolution


def _ids(units: tuple[AdministrativeUnit, ...]) -> tuple[str, ...]:
    return tuple(unit.id for unit in units)


def _listed(units: tuple[AdministrativeUnit, ...]) -> str:
    shown = ", ".join(f"{u.name} ({u.id})" for u in units[:_MAX_LISTED])
    more = len(units) - _MAX_LISTED
    return shown + (f" and {more} more" if more > 0 else "")


def _listed_vi(units: tuple[AdministrativeUnit, ...]) -> str:
    shown = ", ".join(f"{u.name} ({u.id})" for u in units[:_MAX_LISTED])
    more = len(units) - _MAX_LISTED
    return shown + (f" và {more} đơn vị khác" if more > 0 else "")


def _old_unit(result: Resolution) -> tuple[str, str]:
    """How to name the old unit, in English and Vietnamese."""
    matched = result.matched
    if matched is None:
        return "", ""
    if not matched.code and matched.valid_to is not None:
        end = matched.valid_to.isoformat()
        return f"{matched.name} (ended on {end})", f"{matched.name} (kết thúc từ {end})"
    return (
        f"the former {matched.name} (unit list before 1/7/2025)",
        f"{matched.name} cũ (danh mục trước 1/7/2025)",
    )


def _legacy_message(ref: str, result: Resolution) -> Text | None:
    old_en, old_vi = _old_unit(result)
    units = result.units
    status = result.status
    if status is ResolutionStatus.AMBIGUOUS:
        ids = tuple(c.query for c in result.candidates[:_MAX_LISTED])
        more = len(result.candidates) - len(ids)
        tail_en = f" and {more} more" if more > 0 else ""
        tail_vi = f" và {more} đơn vị khác" if more > 0 else ""
        asked = "; ".join(ids)
        return Text(
            f"'{ref}' names several administrative units ({asked}{tail_en}); refer to the "
            "one meant by its vn: id (`vndgaf units resolve` tells each one's successor)",
            f"'{ref}' là tên của nhiều đơn vị hành chính ({asked}{tail_vi}); hãy tham chiếu "
            "đơn vị cần dùng bằng mã vn: (`vndgaf units resolve` cho biết đơn vị kế thừa)",
        )
    if not units:
        return None
    if len(units) == 1:
        unit = units[0]
        # Gia Lai (64) went into a new Gia Lai (52): "part of Tỉnh Gia Lai" alone reads as a loop.
        same = result.matched is not None and result.matched.name == unit.name
        new_en, new_vi = (f"the new {unit.name}", f"{unit.name} mới") if same else (unit.name,) * 2
        return Text(
            f"'{ref}' is {old_en}; since 1/7/2025 it is part of {new_en}: use {unit.id}",
            f"'{ref}' là {old_vi}; từ 1/7/2025 thuộc {new_vi}: dùng {unit.id}",
        )
    if status is ResolutionStatus.LEVEL_ABOLISHED:
        return Text(
            f"'{ref}' is {old_en}; the district level was abolished on 1/7/2025 and its "
            f"communes are now part of {_listed(units)}: refer to the province or commune meant",
            f"'{ref}' là {old_vi}; cấp huyện đã kết thúc từ 1/7/2025, các xã của nó nay thuộc "
            f"{_listed_vi(units)}: hãy tham chiếu tỉnh hoặc xã cần dùng",
        )
    return Text(
        f"'{ref}' is {old_en}; on 1/7/2025 it was divided among {_listed(units)}: use the one "
        "that applies",
        f"'{ref}' là {old_vi}; từ 1/7/2025 được chia cho {_listed_vi(units)}: dùng đơn vị phù hợp",
    )


def _reads_as_a_name(ref: str) -> bool:
    """True for what a person writes for a unit rather than an id: words ("Quảng Nam", "Ha
    Giang"), diacritics, a ", PROVINCE" part, or a bare official code ("49")."""
    return not ref.isascii() or any(ch.isspace() or ch == "," for ch in ref) or ref.isdigit()


def legacy_reference(ref: str, *, as_of: dt.date | None = None) -> LegacyReference | None:
    """Explain a unit reference that the catalogue does not hold, if it is an old code
    (``vn:province/49``, ``vn:commune/00553``, ``vn:district/001``, or a bare ``49``) or reads as
    the name of an old or current unit ("Quảng Nam", "Đà Nẵng", "Ha Giang"); None otherwise (a
    local id like ``xa-tan-trao``: then "not defined", with its "did you mean", is the answer).

    >>> legacy_reference("vn:province/49").successors
    ('vn:province/48',)
    """
    is_id = ref.startswith(_UNIT_ID_PREFIXES)
    if ref.startswith("vn:") and not is_id:
        return None
    if not is_id and not _reads_as_a_name(ref):
        return None  # a local id ("xa-tan-trao"): its typo is better served by a "did you mean"
    result = resolve_unit(ref, as_of=as_of)
    if result.status is ResolutionStatus.UNKNOWN:
        return None
    matched = result.matched
    if result.status is ResolutionStatus.AMBIGUOUS:
        message = _legacy_message(ref, result)
        successors = tuple(c.unit.id or "" for c in result.candidates if c.unit.current)
        legacy = all(not c.unit.current for c in result.candidates)
    elif matched is not None and matched.current:
        if is_id:
            return None  # a current unit's own id: not a legacy reference
        unit = result.units[0]
        message = Text(
            f"'{ref}' is the name of {unit.name}, not an id: use {unit.id}",
            f"'{ref}' là tên của {unit.name}, không phải mã định danh: dùng {unit.id}",
        )
        successors, legacy = (unit.id,), False
    else:
        message = _legacy_message(ref, result)
        successors, legacy = _ids(result.units), True
    if message is None:
        return None
    return LegacyReference(
        ref=ref, legacy=legacy, message=message, successors=successors, resolution=result
    )
