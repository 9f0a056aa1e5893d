"""Enum values the model keeps only for legacy data: the district tier and its unit kinds.

The district level ended on 1/7/2025 (NQ 202/2025/QH15; Law 72/2025/QH15 on local government)
[S], and with it the district-level unit kinds and the commune-level town (``thi_tran``). The
values stay valid so that legacy inventories load and the structure rules flag them; the JSON
Schema marks them deprecated so that an editor says so while the architect types.
"""

from collections.abc import Mapping
from enum import Enum
from types import MappingProxyType

from vndgaf.model.enums import AgencyType, Level, UnitKind

__all__ = ["DEPRECATED_VALUES"]

_ENDED = (
    "The district level ended on 1/7/2025 (NQ 202/2025/QH15, Law 72/2025/QH15): kept only for "
    "legacy data; use the province or the commune.",
    "Cấp huyện đã kết thúc hoạt động từ ngày 1/7/2025 (NQ 202/2025/QH15, Luật 72/2025/QH15): "
    "chỉ giữ cho dữ liệu cũ; dùng cấp tỉnh hoặc cấp xã.",
)
_TOWN = (
    "Towns (thị trấn) ended on 1/7/2025 with the two-tier local government: kept only for "
    "legacy data; use xa, phuong or dac_khu.",
    "Thị trấn không còn từ ngày 1/7/2025 (chính quyền địa phương hai cấp): chỉ giữ cho dữ liệu "
    "cũ; dùng xa, phuong hoặc dac_khu.",
)

#: Deprecated enum members and why, as (English, Vietnamese).
DEPRECATED_VALUES: Mapping[Enum, tuple[str, str]] = MappingProxyType(
    {
        Level.DISTRICT: _ENDED,
        AgencyType.DISTRICT_PEOPLES_COMMITTEE: _ENDED,
        UnitKind.HUYEN: _ENDED,
        UnitKind.QUAN: _ENDED,
        UnitKind.THI_XA: _ENDED,
        UnitKind.THANH_PHO_THUOC_TINH: _ENDED,
        UnitKind.THI_TRAN: _TOWN,
    }
)
