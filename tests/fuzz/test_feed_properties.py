"""RSS and Atom feeds: each item a Source or a Failure (a teaser's link refused before any connection)."""

from __future__ import annotations

from fuzz_properties import FUZZ, check_feed
from fuzz_strategies import NEWS_SENTENCES, feed_documents
from hypothesis import example, given, settings


@settings(FUZZ, report_multiple_bugs=False)
@example(content=b"<rss><channel><item><content:encoded>" + NEWS_SENTENCES[1].encode() * 6
         + b"\x01</content:encoded></item></channel></rss>")  # control character in the content
@given(content=feed_documents())
def test_feed_items_give_sources_or_one_line(content, fuzz_settings):
    check_feed(content, fuzz_settings)
