"""Dates: temporal phrases resolve to an ISO day or to nothing; a publication date is a day or one line."""

from __future__ import annotations

from fuzz_properties import FUZZ, check_date_phrase, check_publication_date
from fuzz_strategies import date_phrases, publication_values, published_dates
from hypothesis import given, settings
from hypothesis import strategies as st


@settings(FUZZ, max_examples=100)
@given(phrase=st.one_of(st.none(), date_phrases()), published=published_dates,
       tense=st.sampled_from(("past", "present", "future")))
def test_date_phrase_resolves_to_a_day_or_nothing(phrase, published, tense):
    check_date_phrase(phrase, published, tense)


@settings(FUZZ, max_examples=60)
@given(value=publication_values())
def test_publication_date_is_a_day_or_one_line(value):
    check_publication_date(value)
