"""The legal dates rules compare the check date with, each once, with the instrument behind it.

Rules compare :class:`datetime.date` values, never text, and write a date in a message with
:func:`day_month_year`, so the date in the message is the date compared.
"""

import datetime as dt

__all__ = [
    "FRAMEWORK_4_ISSUED",
    "MANDATORY_SHARING_VIA_NDOP_DUE",
    "SINGLE_WINDOW",
    "TWO_TIER_GOVERNMENT",
    "day_month_year",
]

#: Local government has two tiers, province and commune; the district level ended (NQ
#: 203/2025/QH15; Luật Tổ chức chính quyền địa phương 72/2025/QH15, in force 1/7/2025).
TWO_TIER_GOVERNMENT = dt.date(2025, 7, 1)

#: The National Public Service Portal is the single digital one-stop window and the provincial
#: portal interfaces close (Kế hoạch 02-KH/BCĐTW; CV 623/TTg-KSTT of 30/5/2025).
SINGLE_WINDOW = dt.date(2025, 7, 1)

#: Architecture framework 4.0 issued, replacing 3.0 (QĐ 292/QĐ-BKHCN of 25/3/2025).
FRAMEWORK_4_ISSUED = dt.date(2025, 3, 25)

#: Last day for routing all mandatory data sharing through NDOP (NĐ 278/2025/NĐ-CP): a check
#: date after it makes a mandatory flow off NDOP an error.
MANDATORY_SHARING_VIA_NDOP_DUE = dt.date(2026, 12, 31)


def day_month_year(date: dt.date) -> str:
    """A date as Vietnamese legal texts write it, without leading zeros.

    >>> day_month_year(TWO_TIER_GOVERNMENT)
    '1/7/2025'
    """
    return f"{date.day}/{date.month}/{date.year}"
