"""A news site on 127.0.0.1 for the watch tests: an RSS feed of teasers, an Atom feed of whole articles,
the article pages, and what every request asked for.

The feeds change when a test changes ``rss`` or ``atom`` (the slugs they list, newest first). The RSS
feed answers 304 to an If-None-Match naming its current ETag, the Atom feed to an If-Modified-Since
naming its Last-Modified. A page can be made dead (404) or held (its answer waits until released).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import html
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler

import loopback

# Short articles written for these tests in the style of wire copy (no real reports).
ARTICLES = {
    "ecuador-peru-border": (
        "Ecuador and Peru agree to reopen border crossings", "2026-11-30T14:10:00+00:00",
        "LIMA (NWS) — Peru's foreign minister met his Ecuadorian counterpart in Lima on Monday, and the two "
        "governments agreed to reopen three border crossings that have been closed since July, the ministry "
        "said in a statement. The crossings were shut after clashes between smugglers and police near the "
        "town of Huaquillas. Ecuador will send additional customs officers to the border, and Peru promised "
        "to share information on criminal groups that move goods across it, the statement said."),
    "germany-pakistan-aid": (
        "Germany pledges flood aid to Pakistan", "2026-11-30T16:45:00+00:00",
        "ISLAMABAD (NWS) — Germany pledged 50 million euros in aid to Pakistan on Monday to rebuild roads and "
        "schools destroyed by the floods that swept the south of the country in September. The German "
        "development minister announced the aid during a visit to Islamabad, where she met Prime Minister "
        "Shehbaz Sharif. Pakistan's government has asked donors for more than 8 billion dollars to repair "
        "the damage, which the World Bank estimates at twice that amount."),
    "japan-china-protest": (
        "Japan protests Chinese coast guard patrol", "2026-12-01T02:30:00+00:00",
        "TOKYO (NWS) — Japan lodged a protest with China on Tuesday after two Chinese coast guard ships "
        "entered Japanese territorial waters around the Senkaku Islands, the foreign ministry said. A senior "
        "Japanese diplomat called the Chinese embassy in Tokyo to demand that the ships leave the area at "
        "once. China, which claims the islands and calls them Diaoyu, said its ships were patrolling its own "
        "waters and rejected the protest."),
    "france-mali-ambassador": (
        "France recalls its ambassador from Mali", "2026-12-01T09:05:00+00:00",
        "PARIS (NWS) — France recalled its ambassador to Mali on Tuesday after the military government in "
        "Bamako expelled two French journalists, the foreign ministry in Paris said. The ministry condemned "
        "the expulsions and said the ambassador would return for consultations. Mali's government accused "
        "the journalists of working without accreditation. Relations between the two countries have "
        "worsened since French troops left Mali last year."),
    "kenya-ethiopia-power": (
        "Kenya and Ethiopia sign electricity trade deal", "2026-12-01T12:20:00+00:00",
        "NAIROBI (NWS) — Kenya and Ethiopia signed an agreement on Tuesday under which Ethiopia will sell "
        "electricity from its hydropower dams to Kenya for the next 25 years, officials said. President "
        "William Ruto and Prime Minister Abiy Ahmed witnessed the signing in Nairobi. Kenya's energy "
        "minister said the deal would lower power prices for households, and Ethiopia said the sales would "
        "bring in foreign currency it badly needs."),
    "poland-belarus-border": (
        "Poland accuses Belarus of pushing migrants to its border", "2026-12-02T07:40:00+00:00",
        "WARSAW (NWS) — Poland accused Belarus on Wednesday of pushing hundreds of migrants towards the "
        "border between the two countries, and said it would send 2,000 more soldiers to guard it. Poland's "
        "interior minister said Belarusian officers had cut through the fence in several places overnight. "
        "Belarus denied the accusation and said Poland was mistreating the migrants."),
}


@dataclass
class Request:
    at: float
    path: str
    headers: dict[str, str]


@dataclass
class NewsSite:
    """What the site serves now, and every request it was sent."""

    rss: list[str] = field(default_factory=list)
    atom: list[str] = field(default_factory=list)
    dead: set[str] = field(default_factory=set)
    held: str | None = None  # a path whose answer waits for ``release``
    retry_after: str | None = None  # set: every feed answers 429 with this Retry-After
    requests: list[Request] = field(default_factory=list)
    arrived: threading.Event = field(default_factory=threading.Event)  # the held path was asked for
    release: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def asked(self, path: str) -> list[Request]:
        with self.lock:
            return [r for r in self.requests if r.path == path]

    def rss_etag(self) -> str:
        return '"' + hashlib.sha1(" ".join(self.rss).encode()).hexdigest()[:16] + '"'

    def atom_modified(self) -> str:
        return f"Tue, 01 Dec 2026 {len(self.atom):02d}:00:00 GMT"

    def handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(loopback.QuietHandler):
            def do_GET(self) -> None:
                with site.lock:
                    site.requests.append(Request(time.monotonic(), self.path, dict(self.headers.items())))
                if site.retry_after is not None and self.path.endswith(".xml"):
                    self.send_response(429)
                    self.send_header("Retry-After", site.retry_after)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                elif self.path == "/rss.xml":
                    self._feed(site.rss_etag(), None, rss(site.rss, self._base()), "application/rss+xml")
                elif self.path == "/atom.xml":
                    self._feed(None, site.atom_modified(), atom(site.atom, self._base()), "application/atom+xml")
                elif self.path == "/front.html":
                    self._send(200, "text/html", b"<html><head><title>Front page</title></head><body>"
                                                 b"<p>Today's news</p></body></html>")
                elif self.path.startswith("/news/") and self.path.endswith(".html"):
                    slug = self.path[len("/news/"):-len(".html")]
                    if self.path == site.held:
                        site.arrived.set()
                        site.release.wait(60)
                    if slug in site.dead or slug not in ARTICLES:
                        self._send(404, "text/html", b"<html><body>Not found</body></html>")
                    else:
                        self._send(200, "text/html; charset=utf-8", page(slug).encode("utf-8"))
                else:
                    self._send(404, "text/plain", b"not found")

            def _base(self) -> str:
                return f"http://127.0.0.1:{self.server.server_address[1]}"

            def _feed(self, etag: str | None, modified: str | None, body: str, kind: str) -> None:
                if (etag and self.headers.get("If-None-Match") == etag) or (
                        modified and self.headers.get("If-Modified-Since") == modified):
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(200)
                if etag:
                    self.send_header("ETag", etag)
                if modified:
                    self.send_header("Last-Modified", modified)
                data = body.encode("utf-8")
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _send(self, status: int, kind: str, data: bytes) -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", kind)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):  # the watcher was killed waiting for it
                    pass

        return Handler


def rss(slugs: list[str], base: str) -> str:
    """An RSS 2.0 feed of teasers (the first sentence): a watcher must fetch each item's page."""
    items = "".join(
        f"<item><title>{html.escape(ARTICLES[s][0])}</title><link>{base}/news/{s}.html</link>"
        f'<guid isPermaLink="false">nws-{s}</guid><pubDate>{_rfc822(ARTICLES[s][1])}</pubDate>'
        f"<description>{html.escape(ARTICLES[s][2].split('. ')[0])}.</description></item>"
        for s in slugs)
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>News Wire Service</title>'
            f"<link>{base}/</link><description>World news</description>{items}</channel></rss>")


def atom(slugs: list[str], base: str) -> str:
    """An Atom feed carrying each article whole (no page to fetch)."""
    entries = "".join(
        f"<entry><title>{html.escape(ARTICLES[s][0])}</title><link href=\"{base}/news/{s}.html\"/>"
        f"<id>urn:nws:{s}</id><updated>{ARTICLES[s][1]}</updated>"
        f'<content type="html">{html.escape(paragraphs(ARTICLES[s][2]))}</content></entry>'
        for s in slugs)
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>News Wire Service</title><id>urn:nws:feed</id><updated>2026-12-01T12:00:00Z</updated>"
            f"{entries}</feed>")


def page(slug: str) -> str:
    title, date, text = ARTICLES[slug]
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
            f"<meta property='article:published_time' content='{date}'></head><body><nav>Home | World</nav>"
            f"<article><h1>{html.escape(title)}</h1>{paragraphs(text)}</article>"
            "<footer>News Wire Service</footer></body></html>")


def paragraphs(text: str) -> str:
    """The article as HTML paragraphs of two sentences each, as news pages set them."""
    sentences = [part if part.endswith(".") else part + "." for part in text.split(". ")]
    return "".join(f"<p>{html.escape(' '.join(sentences[i:i + 2]))}</p>" for i in range(0, len(sentences), 2))


def _rfc822(iso: str) -> str:
    return email.utils.format_datetime(dt.datetime.fromisoformat(iso))


@contextmanager
def serving(site: NewsSite) -> Iterator[str]:
    """``site`` served on loopback (an ephemeral port) while the block runs; yields its base URL.
    A page held back (``site.release``) is let go before the server stops."""
    with loopback.serving(site.handler()) as base:
        try:
            yield base
        finally:
            site.release.set()
