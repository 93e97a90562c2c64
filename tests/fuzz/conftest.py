"""Hypothesis profiles for the fuzz suite: "ci" (the default, bounded and derandomized,
part of `make test`) and "fuzz" (`make fuzz`: many more examples, new ones each run)."""

import os

from hypothesis import HealthCheck, settings

QUIET = [
    HealthCheck.too_slow,
    HealthCheck.data_too_large,
    HealthCheck.function_scoped_fixture,
    HealthCheck.large_base_example,
    HealthCheck.filter_too_much,
]
settings.register_profile(
    "ci", max_examples=1000, deadline=None, derandomize=True, database=None,
    suppress_health_check=QUIET, print_blob=True,
)  # fmt: skip
settings.register_profile(
    "fuzz", max_examples=20_000, deadline=None, derandomize=False, database=None,
    suppress_health_check=QUIET, print_blob=True,
)  # fmt: skip
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def examples(share: float = 1.0) -> int:
    """This test's number of examples: a share of the profile's."""
    return max(1, int(settings().max_examples * share))
