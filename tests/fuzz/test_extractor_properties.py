"""The extractor end to end (Pipeline.extract, the API): news mixed with noise gives a record whose every
offset points at the words it quotes (the "checkable" promise), or an InputError naming the input."""

from __future__ import annotations

from fuzz_properties import FUZZ, check_extract
from fuzz_strategies import NEWS_SENTENCES, news_text, published_dates
from hypothesis import given, settings
from hypothesis import strategies as st

_ARTICLE = st.lists(st.sampled_from(NEWS_SENTENCES), min_size=3, max_size=12).map(" ".join)


@settings(FUZZ, max_examples=40)
@given(text=st.one_of(news_text(), _ARTICLE), published=published_dates, kind=st.sampled_from((None, "text")))
def test_extract_gives_checkable_offsets_or_one_line(pipeline, text, published, kind):
    check_extract(pipeline, text, published, kind)


@FUZZ
@given(sentences=st.lists(st.sampled_from(NEWS_SENTENCES), min_size=1, max_size=8),
       glue=st.sampled_from(("\u200b", "\u202e", "\u2028", "\r", "\x00", " \u0301", "\ufeff", "  \t ", "“", "(")),
       published=published_dates)
def test_news_joined_by_hostile_characters_keeps_offsets(pipeline, sentences, glue, published):
    check_extract(pipeline, glue.join(sentences), published, "text")
