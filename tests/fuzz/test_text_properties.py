"""Plain text through the whole path (clean.prepare, then every stage): a record with valid offsets, or one line."""

from __future__ import annotations

from fuzz_properties import FUZZ, check_pipeline_source
from fuzz_strategies import NEWS_SENTENCES, any_text, news_text, surrogate_text
from hypothesis import given
from hypothesis import strategies as st

from diplograph.clean.text import clean_text
from diplograph.model import Source


@FUZZ
@given(text=st.one_of(news_text(), any_text))
def test_text_source_gives_a_record_or_one_line(pipeline, text):
    check_pipeline_source(pipeline, Source(name="article.txt", content=text, kind="text"))


@FUZZ
@given(data=st.one_of(news_text(), any_text).map(lambda t: t.encode("utf-8")),
       bom=st.sampled_from((b"", b"\xef\xbb\xbf")))
def test_text_bytes_give_a_record_or_one_line(pipeline, data, bom):
    check_pipeline_source(pipeline, Source(name="article.txt", content=bom + data, kind="text"))


@FUZZ
@given(text=st.one_of(news_text(), any_text), title=st.one_of(st.none(), any_text))
def test_clean_text_returns_text_that_is_in_its_input_order(text, title):
    cleaned = clean_text(text, title=title)
    assert isinstance(cleaned.text, str)
    for value in (cleaned.title, cleaned.author, cleaned.outlet):
        assert value is None or isinstance(value, str)


@FUZZ
@given(before=st.sampled_from(NEWS_SENTENCES), bad=surrogate_text, after=st.sampled_from(NEWS_SENTENCES))
def test_text_with_a_lone_surrogate_gives_a_record_or_one_line(pipeline, before, bad, after):
    check_pipeline_source(pipeline, Source(name="article.txt", content=f"{before} {bad} {after}", kind="text"))


def test_text_over_the_parser_limit_gives_a_record_or_one_line(pipeline):
    sentence = NEWS_SENTENCES[2] + " "
    text = sentence * (1_050_000 // len(sentence) + 1)
    check_pipeline_source(pipeline, Source(name="huge.txt", content=text, kind="text"))
