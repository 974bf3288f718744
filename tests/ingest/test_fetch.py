"""URL inputs against a local http.server: fetching, the private-address guard, 404s, timeouts, caps.

Nothing here contacts a non-local address: refused addresses are refused before any connection.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from loopback import QuietHandler, answer, serving

from diplograph.clean import prepare
from diplograph.errors import InputError
from diplograph.ingest import _fetch, iter_sources
from diplograph.ingest._fetch import fetch
from diplograph.model import Failure, Source
from diplograph.settings import load_settings

FIXTURES = Path(__file__).parents[1] / "fixtures" / "ingest"
ARTICLE = (FIXTURES / "article.html").read_bytes()


def feed(base: str) -> bytes:
    return f"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Local</title><link>{base}/</link><description>d</description>
<item><title>Petro at the UN</title><link>{base}/article.html</link>
<pubDate>Tue, 20 Sep 2022 19:00:00 -0400</pubDate><description>Petro spoke.</description></item>
<item><title>Gone</title><link>{base}/missing</link><description>Gone.</description></item>
</channel></rss>""".encode()


# Feeds often write their items' links relative to the site ("<link>/2022/09/21/petro.html</link>").
RELATIVE_FEED = b"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Local</title><link>/</link><description>d</description>
<item><title>Petro at the UN</title><link>/article.html</link><description>Petro spoke.</description></item>
</channel></rss>"""

REDIRECTS: dict[str, str] = {}


class Handler(QuietHandler):
    def do_GET(self):
        base = f"http://127.0.0.1:{self.server.server_port}"
        routes = {
            "/article.html": ("text/html; charset=utf-8", ARTICLE),
            "/feed.rss": ("application/rss+xml", feed(base)),
            "/feeds/relative.rss": ("application/rss+xml", RELATIVE_FEED),
            "/big": ("text/plain", b"x" * 5000),
        }
        if self.path == "/slow":
            time.sleep(2)
        if self.path in REDIRECTS:
            self.send_response(302)
            self.send_header("Location", REDIRECTS[self.path])
            self.end_headers()
            return
        if self.path == "/to-article":
            self.send_response(301)
            self.send_header("Location", "/article.html")
            self.end_headers()
            return
        if self.path not in routes:
            self.send_error(404, "Not Found")
            return
        content_type, body = routes[self.path]
        answer(self, content_type, body)


@pytest.fixture(scope="module")
def server():
    with serving(Handler) as base:
        yield base


@pytest.fixture(scope="module")
def local():
    return load_settings().with_overrides(allow_private=True, timeout=1.0)


def only(inputs, settings):
    (item,) = list(iter_sources(inputs, settings))
    return item


def test_fetch_html_page(server, local):
    source = only([f"{server}/article.html"], local)
    assert isinstance(source, Source)
    assert (source.name, source.kind, source.url) == (f"{server}/article.html", "html", f"{server}/article.html")
    document = prepare(source, local)
    assert document.title == "Petro tells UN the war on drugs has failed"
    assert document.source == f"{server}/article.html"


def test_redirect_is_followed(server, local):
    source = only([f"{server}/to-article"], local)
    assert source.name == f"{server}/to-article" and source.url == f"{server}/article.html"


def test_not_found(server, local):
    assert only([f"{server}/nothing-here"], local) == Failure(f"{server}/nothing-here", "HTTP error 404 Not Found")


def test_timeout(server, local):
    started = time.monotonic()
    failure = only([f"{server}/slow"], local)
    assert failure == Failure(f"{server}/slow", "no complete answer within 1 s (the timeout setting)")
    assert time.monotonic() - started < 1.9


def test_size_cap(server, local):
    failure = only([f"{server}/big"], local.with_overrides(max_bytes=1000))
    assert failure == Failure(f"{server}/big", "5,000 bytes, over the max_bytes limit of 1,000 bytes")


@pytest.mark.parametrize(
    ("url", "what"),
    [("http://127.0.0.1:8080/admin", "loopback address 127.0.0.1"),
     ("http://10.1.2.3/internal", "private address 10.1.2.3"),
     ("http://169.254.169.254/latest/meta-data/", "link-local address 169.254.169.254"),
     ("http://[::1]:8080/", "loopback address ::1")],
)
def test_private_addresses_are_refused(url, what, local):
    strict = local.with_overrides(allow_private=False)
    failure = only([url], strict)
    assert failure.input == url
    assert failure.problem.startswith("refused: ") and what in failure.problem
    assert failure.problem.endswith("(allow_private is off)")


@pytest.mark.parametrize(
    ("location", "problem"),
    [("http://169.254.169.254/latest/meta-data/",
      "refused: 169.254.169.254 resolves to link-local address 169.254.169.254 (allow_private is off)"),
     ("http://[::ffff:10.0.0.1]/", "refused: ::ffff:10.0.0.1 resolves to private address"),
     ("http://0.0.0.0:9/admin", "refused: 0.0.0.0 resolves to private address 0.0.0.0 (allow_private is off)"),
     ("http://2130706434/", "refused: 2130706434 resolves to loopback address 127.0.0.2 (allow_private is off)")],
)
def test_redirect_to_a_private_address_is_refused(server, local, monkeypatch, location, problem):
    """The test server itself is loopback: let 127.0.0.1 through and check the redirect is re-checked."""
    checked = _fetch._address_problem
    monkeypatch.setattr(_fetch, "_address_problem", lambda ip: None if str(ip) == "127.0.0.1" else checked(ip))
    monkeypatch.setitem(REDIRECTS, "/to-private", location)
    with pytest.raises(InputError) as info:
        fetch(f"{server}/to-private", local.with_overrides(allow_private=False))
    assert info.value.problem.startswith(problem)


def test_feed_url_items_fetch_their_links(server, local):
    article, gone = list(iter_sources([f"{server}/feed.rss"], local))
    assert isinstance(article, Source)
    assert (article.name, article.title, article.published) == (
        f"{server}/article.html", "Petro at the UN", "2022-09-20"
    )
    assert prepare(article, local).text.startswith("NEW YORK (WNT) — Colombian President Gustavo Petro")
    assert gone == Failure(f"{server}/missing", "HTTP error 404 Not Found")


def test_feed_items_relative_links_are_read_against_the_feed_address(server, local):
    (article,) = iter_sources([f"{server}/feeds/relative.rss"], local)
    assert isinstance(article, Source)
    assert (article.name, article.url) == (f"{server}/article.html", f"{server}/article.html")
    assert prepare(article, local).text.startswith("NEW YORK (WNT) — Colombian President Gustavo Petro")


def test_unreachable_port(local):
    failure = only(["http://127.0.0.1:9/"], local)
    assert failure == Failure("http://127.0.0.1:9/", "connection refused")
