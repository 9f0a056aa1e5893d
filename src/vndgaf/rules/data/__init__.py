"""The data rules: data sharing, once-only and data quality."""

from vndgaf.diagnostics import Family, Text
from vndgaf.rules.base import Rule, family
from vndgaf.rules.data import (
    authoritative_db_not_shared,
    full_online_asks_citizen,
    master_entity_without_key,
    master_not_synced_to_aggregate,
    missing_quality_profile,
    once_only_violation,
    quality_attribute_failing,
    required_data_unreachable,
    state_secret_on_shared_network,
    unsigned_document_exchange,
)

FAMILY = Family("DAT", Text("Data sharing and quality", "Chia sẻ và chất lượng dữ liệu"))

RULES: tuple[Rule, ...] = family(
    FAMILY,
    once_only_violation.RULE,
    required_data_unreachable.RULE,
    full_online_asks_citizen.RULE,
    authoritative_db_not_shared.RULE,
    missing_quality_profile.RULE,
    state_secret_on_shared_network.RULE,
    master_not_synced_to_aggregate.RULE,
    master_entity_without_key.RULE,
    unsigned_document_exchange.RULE,
    quality_attribute_failing.RULE,
)
