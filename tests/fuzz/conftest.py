"""Fuzz fixtures: one loaded Pipeline for every property, settings that never wait on a network,
and the hypothesis budget that keeps the whole fuzz set under a minute (``fuzz/run.py`` runs longer)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings

# Small example counts and generous deadlines: CI proves the properties hold on a sample; the long
# search is fuzz/run.py's. A deadline is a hang detector here, not a benchmark.
settings.register_profile(
    "fuzz",
    max_examples=25,
    deadline=5000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
FUZZ = settings.get_profile("fuzz")


@pytest.fixture(scope="session")
def fuzz_settings():
    """The shipped settings, one process, a one-second timeout."""
    from diplograph.settings import load_settings

    return load_settings().with_overrides(workers=1, timeout=1.0)


@pytest.fixture(scope="session")
def pipeline(nlp, fuzz_settings):
    """One Pipeline sharing the session's loaded spaCy, for every property that annotates."""
    from diplograph.pipeline import Pipeline

    return Pipeline(fuzz_settings, nlp=nlp)
