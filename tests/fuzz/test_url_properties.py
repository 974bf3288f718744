"""URLs: is_url answers any text; a fetch of a loopback, private or malformed URL is refused before
connecting (the test fails if a socket connects or a DNS name is looked up)."""

from __future__ import annotations

from fuzz_properties import FUZZ, check_fetch_refused, check_is_url
from fuzz_strategies import refused_urls, url_texts
from hypothesis import example, given, settings


@settings(FUZZ, max_examples=100, report_multiple_bugs=False)
@example(text="http://[::1/x")
@given(text=url_texts)
def test_is_url_answers_any_text(text):
    check_is_url(text)


@settings(FUZZ, max_examples=50, report_multiple_bugs=False)
@example(url="http://127.0.0.1/caf\u00e9")
@given(url=refused_urls())
def test_refused_url_gives_one_line_naming_it(url, fuzz_settings):
    check_fetch_refused(url, fuzz_settings)
