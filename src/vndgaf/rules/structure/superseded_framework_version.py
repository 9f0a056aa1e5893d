"""STR006 — the submission declares a superseded version of the architecture framework."""

from collections.abc import Iterator

from vndgaf.diagnostics import Severity, Text, Violation
from vndgaf.model import Citation, FrameworkVersion
from vndgaf.reference.dates import FRAMEWORK_4_ISSUED, day_month_year
from vndgaf.rules.base import Context, LegalBasis, rule


@rule(
    code="STR006",
    name="superseded-framework-version",
    severity=Severity.ERROR,
    title=(
        "Superseded architecture framework version declared",
        "Khai báo phiên bản Khung kiến trúc đã bị thay thế",
    ),
    basis=LegalBasis(
        cites=(
            Citation("qd-292-2025-bkhcn"),
            Citation("qd-3090-2025-bkhcn"),
        ),
    ),
    fix=(
        'Declare framework_version: "4.0" (or national-2025) and update the architecture.',
        'Khai báo framework_version: "4.0" (hoặc national-2025) và cập nhật kiến trúc.',
    ),
)
def superseded_framework_version(ctx: Context) -> Iterator[Violation]:
    """What it checks: the ``framework_version`` of each submission. Versions 1.0 and 2.0 are
    always reported; 3.0 is reported for a check date on or after 25/3/2025, when 4.0 was
    issued.

    Why it matters: QĐ 292/QĐ-BKHCN issued framework 4.0 on 25/3/2025 and replaced 3.0
    (2568/QĐ-BTTTT, amended by 1729/QĐ-BTTTT); on 30/3/2025 the National Digital Transformation
    Agency asked ministries and provinces to build their architectures on 4.0.

    Example: ``framework_version: "3.0"`` with ``as_of: 2025-11-15``.

    Use instead: ``framework_version: "4.0"``.
    """
    issued = day_month_year(FRAMEWORK_4_ISSUED)
    for submission in ctx.submissions:
        version = submission.framework_version
        if version in (FrameworkVersion.V1_0, FrameworkVersion.V2_0) or (
            version is FrameworkVersion.V3_0 and ctx.as_of >= FRAMEWORK_4_ISSUED
        ):
            yield Violation(
                subject=submission.key,
                message=Text(
                    f"framework version {version.value} is superseded by 4.0 "
                    f"(QĐ 292/QĐ-BKHCN, {issued})",
                    f"phiên bản khung {version.value} đã được thay thế bởi 4.0 "
                    f"(QĐ 292/QĐ-BKHCN, {issued})",
                ),
                field="framework_version",
            )


RULE = superseded_framework_version
