"""How hard each fuzz test works: a few seconds by default, about ten minutes in total under
``HYPOTHESIS_PROFILE=fuzz`` (``make fuzz``).

The fuzz counts were calibrated on a two-core machine so that the eight fuzz tests together take
roughly ten minutes; each test's share is proportional to what one example costs.
"""

import os

from hypothesis import HealthCheck, settings

FUZZ = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"


def budget(fast: int, fuzz: int) -> settings:
    """Settings with ``fast`` examples normally and ``fuzz`` examples in the long run."""
    return settings(
        max_examples=fuzz if FUZZ else fast,
        deadline=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.filter_too_much,
        ],
    )
