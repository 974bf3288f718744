"""Fuzz fixtures: one loaded Pipeline for every property, and settings that never wait on a network."""

from __future__ import annotations

import pytest


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
