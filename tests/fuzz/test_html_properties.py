"""HTML pages, broken every way: the article reader never raises, and the whole path gives a record or one line."""

from __future__ import annotations

from fuzz_properties import FUZZ, check_html_article, check_pipeline_source
from fuzz_strategies import html_documents
from hypothesis import given
from hypothesis import strategies as st

from diplograph.model import Source


@FUZZ
@given(page=html_documents().filter(lambda p: isinstance(p, str)))
def test_article_reader_gives_an_article_or_none(page):
    check_html_article(page)


@FUZZ
@given(page=html_documents(), kind=st.sampled_from(("html", None)))
def test_html_source_gives_a_record_or_one_line(pipeline, page, kind):
    check_pipeline_source(pipeline, Source(name="page.html", content=page, kind=kind, url=None))
