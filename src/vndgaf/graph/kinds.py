"""Node and edge kinds of the architecture graph."""

from enum import StrEnum

__all__ = ["VIA_KEY", "EdgeKind", "NodeKind"]

#: Key of the one VIA edge between two hops. Flow edges are keyed by flow id, and an id cannot
#: start with "#" (``ID_PATTERN``), so the two never collide.
VIA_KEY = "#via"


class NodeKind(StrEnum):
    """What a node is. Flows are edges, not nodes."""

    UNIT = "unit"
    AGENCY = "agency"
    SYSTEM = "system"
    PLATFORM = "platform"
    DATABASE = "database"
    ENTITY = "entity"
    SERVICE = "service"
    INVESTMENT = "investment"


class EdgeKind(StrEnum):
    """What an edge means. Every edge has a ``kind`` attribute holding one of these."""

    OWNS = "owns"  # agency -> system/platform/database/investment/service
    OPERATES = "operates"  # agency -> system
    PART_OF = "part-of"  # agency -> parent agency; unit -> parent unit
    LOCATED_IN = "located-in"  # agency -> administrative unit
    TENANT_OF = "tenant-of"  # agency -> platform it uses
    FLOW = "flow"  # source -> target (key: flow id), one edge per flow
    VIA = "via"  # a hop of flow routes (key "#via"; ArchGraph.hop_flows names its flows)
    HANDLES = "handles"  # system -> service
    REQUIRES = "requires"  # service -> entity
    AUTHORITATIVE_FOR = "authoritative-for"  # database -> entity
    COPIES = "copies"  # database -> entity
    SUCCESSOR_OF = "successor-of"  # agency -> merged agency
    INSTANCE_OF = "instance-of"  # platform -> catalogue template
    REUSES = "reuses"  # investment -> platform
    CONNECTS = "connects"  # catalogue link: national database <-> NDXP/NDOP (NĐ 194 Art. 20)


#: Element kinds that are systems in the broad sense (may be flow ends).
SYSTEM_KINDS = frozenset({NodeKind.SYSTEM, NodeKind.PLATFORM, NodeKind.DATABASE})
