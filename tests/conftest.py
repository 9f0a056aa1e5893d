"""Hypothesis profiles: ``fast`` by default, ``fuzz`` (about ten minutes for tests/fuzz) on demand.

Select with the environment variable ``HYPOTHESIS_PROFILE`` (``make fuzz`` sets ``fuzz``). Tests
that pin their own ``max_examples`` keep it; the fuzz tests scale theirs with the profile (see
tests/fuzz/fuzz_budget.py).
"""

import os

from hypothesis import HealthCheck, settings

# Like Hypothesis' own default, minus the per-example deadline: CI machines are slow and shared,
# and a deadline failure there says nothing about vndgaf.
settings.register_profile("fast", deadline=None)
# The long run: many examples, no deadline, no health check that would stop a slow generator.
settings.register_profile(
    "fuzz",
    deadline=None,
    max_examples=5_000,
    suppress_health_check=list(HealthCheck),
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fast"))
