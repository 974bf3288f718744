"""RSS and Atom feeds: each item becomes a Source, from its full content or from its link.

Many feeds carry the whole article (content:encoded, Atom <content>); others only a teaser, and the
article must be fetched from the item's link. One item failing (a dead link) leaves the rest.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import feedparser
from lxml import html as lxml_html

from ..clean import publication_date
from ..errors import InputError
from ..model import Failure, Source
from ..settings import Settings
from ._fetch import Fetched, fetch, url_problem

__all__ = ["feed_entries", "feed_sources", "item_source", "looks_like_feed"]

# How an item's link is fetched: ``fetch`` itself, or a caller's polite wrapper of it (``watch``).
LinkFetcher = Callable[[str, Settings], Fetched]

# An item's own content counts as the full article from this many characters of text; shorter
# content is a teaser (one or two sentences, 100-300 characters) and the link is fetched instead.
FULL_CONTENT_CHARS = 400

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Character references to what XML forbids (NUL, a lone surrogate "&#xD800;", past U+10FFFF):
# feedparser's lenient parser makes them characters with chr() and raises on the last two.
_CHAR_REF = re.compile(rb"&#([xX][0-9a-fA-F]{1,8}|[0-9]{1,10});")
# The prolog a feed may open with: XML declaration, comments, stylesheet, and a DOCTYPE, whose
# internal subset ("<!DOCTYPE rss [ <!ENTITY ...> ]>") holds ">" of its own. Its entities are never
# expanded: feedparser strips the DOCTYPE and keeps only entities that name one character.
_FEED_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?"
    rb"(?:(?:<!--.*?-->|<\?xml-stylesheet[^>]*>|<!DOCTYPE[^>\[]*(?:\[.*?\]\s*)?>)\s*)*"
    rb"<(?:rss|feed|rdf:RDF)\b",
    re.S,
)


def looks_like_feed(head: bytes) -> bool:
    """True when the document element is <rss>, <feed> (Atom) or <rdf:RDF> (RSS 1.0)."""
    return bool(_FEED_START.match(head[:4096]))


def feed_sources(name: str, content: bytes, settings: Settings, *,
                 base_url: str | None = None) -> Iterator[Source | Failure]:
    """One Source per feed item (or a Failure for an item that cannot be read), in feed order.

    ``base_url``, the address a fetched feed came from, resolves items' relative links
    ("<link>/2022/09/21/colombia.html</link>"); a feed read from a file has none to resolve them against.
    """
    entries = feed_entries(name, content, base_url=base_url)
    if isinstance(entries, Failure):
        yield entries
        return
    if not entries:
        yield Failure(name, "a feed with no items")
        return
    for number, entry in enumerate(entries, 1):
        yield item_source(name, number, entry, settings)


def feed_entries(name: str, content: bytes, *, base_url: str | None = None) -> list[Mapping[str, Any]] | Failure:
    """The feed's items as feedparser reads them (none for a well-formed feed with no items), or a
    Failure for bytes that are no readable feed."""
    headers = {"content-location": base_url} if base_url else {}
    try:
        parsed = feedparser.parse(_CHAR_REF.sub(_xml_char_ref, content), response_headers=headers)
    except Exception as exc:  # noqa: BLE001 - feedparser's own bugs on hostile bytes fail this feed, not the batch
        return Failure(name, f"a feed that cannot be read ({exc.__class__.__name__}: {exc})")
    if not parsed.entries and parsed.get("bozo"):
        return Failure(name, f"a feed with no items ({parsed.bozo_exception})")
    return list(parsed.entries)


def _xml_char_ref(match: re.Match[bytes]) -> bytes:
    """A character reference as written, or "&#xFFFD;" for one naming no XML character."""
    ref = match.group(1)
    code = int(ref[1:], 16) if ref[:1] in (b"x", b"X") else int(ref)
    allowed = (code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD
               or 0x10000 <= code <= 0x10FFFF)
    return match.group() if allowed else b"&#xFFFD;"


def item_source(feed: str, number: int, entry: Mapping[str, Any], settings: Settings, *,
                fetch_link: LinkFetcher = fetch) -> Source | Failure:
    """Item ``number`` of ``feed`` as a Source: its full content, else its link's page (fetched by
    ``fetch_link``); a Failure naming the item when neither can be had."""
    link = entry.get("link") or None
    name = link or f"{feed}#item{number}"
    # a link that is no fetchable URL (malformed, relative, another scheme) names the item but is not
    # its url; an item that must be fetched from it fails with fetch's line naming the problem
    url = link if link is not None and url_problem(link) is None else None
    try:
        published = _item_date(name, entry)
    except InputError as exc:  # a date feedparser reads but out of the range diplograph codes from
        return Failure(exc.input, exc.problem)
    meta = {"url": url, "title": entry.get("title") or None, "published": published}
    body, kind = _full_content(entry)
    if body is not None:
        return Source(name=name, content=body, kind=kind, **meta)
    if link is None:
        return Failure(name, "feed item has neither full content nor a link")
    try:
        fetched = fetch_link(link, settings)
    except InputError as exc:
        return Failure(exc.input, exc.problem)
    meta["url"] = fetched.url
    return Source(name=name, content=fetched.body(), **meta)


def _full_content(entry: Mapping[str, Any]) -> tuple[str | None, str]:
    """The item's longest content and its kind, if long enough to be the whole article."""
    contents = [c for c in entry.get("content") or [] if c.get("value")]
    if not contents:
        return None, "html"
    best = max(contents, key=lambda c: len(c["value"]))
    is_html = "html" in (best.get("type") or "text/html")
    text = _fragment_text(best["value"]) if is_html else best["value"]
    if len(text.strip()) < FULL_CONTENT_CHARS:
        return None, "html"
    return best["value"], "html" if is_html else "text"


def _fragment_text(fragment: str) -> str:
    """The text of an HTML fragment, to measure it; characters XML cannot hold (NUL and other
    controls, U+FFFE, lone surrogates), which lxml refuses with a ValueError, are left out."""
    return lxml_html.fragment_fromstring(_NOT_XML.sub("", fragment), create_parent="div").text_content()


def _item_date(name: str, entry: Mapping[str, Any]) -> str | None:
    """The item's date as written (its own day, not shifted to UTC), else feedparser's UTC reading;
    InputError when that reading is out of the range of publication dates diplograph codes from."""
    for key in ("published", "updated"):
        written = entry.get(key)
        if not written:
            continue
        try:
            return publication_date(name, written)
        except InputError:
            parsed = entry.get(f"{key}_parsed")
            if parsed:  # strftime writes year 999 as "999": the range check names it instead
                return publication_date(name, f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}")
    return None
