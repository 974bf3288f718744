"""Conditional GETs and error statuses: what ``diplograph watch`` asks of the fetcher.

A 304 is an answer only to a request that made the GET conditional (If-None-Match or
If-Modified-Since); every answer carries its validators; an error status keeps its Retry-After.
"""

from __future__ import annotations

import pytest
from loopback import QuietHandler, serving

from diplograph.errors import InputError
from diplograph.ingest._fetch import HTTPStatusError, fetch
from diplograph.settings import load_settings

ETAG = '"wnt-world-41"'
MODIFIED = "Wed, 21 Sep 2022 13:15:00 GMT"
FEED = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>World</title><link>https://wnt.example/</link>'
        b"<description>World news</description></channel></rss>")


class Handler(QuietHandler):
    def do_GET(self) -> None:
        if self.path == "/busy.xml":
            self.send_response(429)
            self.send_header("Retry-After", "120")
        elif self.path == "/always-304.xml" or self.headers.get("If-None-Match") == ETAG:
            self.send_response(304)
            self.send_header("ETag", ETAG)
        else:
            self.send_response(200)
            self.send_header("ETag", ETAG)
            self.send_header("Last-Modified", MODIFIED)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(FEED)))
            self.end_headers()
            self.wfile.write(FEED)
            return
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture(scope="module")
def server():
    with serving(Handler) as base:
        yield base


@pytest.fixture(scope="module")
def local():
    return load_settings().with_overrides(allow_private=True, timeout=2.0)


def test_an_answer_carries_its_validators_and_a_matching_etag_gets_a_304_without_a_body(server, local):
    first = fetch(f"{server}/world.xml", local)
    assert (first.status, first.etag, first.last_modified, first.content) == (200, ETAG, MODIFIED, FEED)
    again = fetch(f"{server}/world.xml", local, headers={"If-None-Match": first.etag})
    assert (again.status, again.etag, again.content) == (304, ETAG, b"")


def test_a_304_to_a_request_that_was_not_conditional_is_an_error(server, local):
    with pytest.raises(InputError, match="HTTP error 304"):
        fetch(f"{server}/always-304.xml", local)


def test_an_error_status_keeps_its_retry_after(server, local):
    with pytest.raises(HTTPStatusError) as raised:
        fetch(f"{server}/busy.xml", local)
    assert (raised.value.status, raised.value.retry_after) == (429, "120")
    assert raised.value.problem == "HTTP error 429 Too Many Requests"
