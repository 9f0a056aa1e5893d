"""The interoperability rules: routes through NDXP/NDOP and the integration platforms."""

from vndgaf.diagnostics import Family, Text
from vndgaf.rules.base import Rule, family
from vndgaf.rules.interop import (
    api_not_registered,
    commune_flow_skips_province,
    commune_system_unreachable,
    document_system_not_on_vdxp,
    flow_bypasses_integration_platform,
    idle_system,
    mandatory_sharing_not_via_ndop,
    missing_integration_platform,
    open_data_not_on_portal,
    procedure_system_not_on_npsp,
    provincial_portal_channel,
    service_not_on_npsp,
    single_point_of_failure,
)

FAMILY = Family("IOP", Text("Interoperability", "Kết nối, liên thông"))

RULES: tuple[Rule, ...] = family(
    FAMILY,
    flow_bypasses_integration_platform.RULE,
    missing_integration_platform.RULE,
    commune_system_unreachable.RULE,
    procedure_system_not_on_npsp.RULE,
    service_not_on_npsp.RULE,
    provincial_portal_channel.RULE,
    document_system_not_on_vdxp.RULE,
    idle_system.RULE,
    single_point_of_failure.RULE,
    mandatory_sharing_not_via_ndop.RULE,
    api_not_registered.RULE,
    open_data_not_on_portal.RULE,
    commune_flow_skips_province.RULE,
)
