"""Cleaning: a raw Source (bytes or text, HTML or plain) -> a Document with clean text and metadata.

Everything that can make a document unreadable is caught here, with one line naming the input and
the problem (PDF, binary, undecodable bytes, no article, a bad date), so that a batch records the
Failure and goes on. An article in another language is no failure: it is cleaned like any other and
keeps its language code, and the annotate stage leaves it uncoded.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from ..errors import InputError
from ..model import Document, Source, doc_id_for
from ..settings import Settings
from ._dates import iso_date
from ._encoding import clean_characters, decode, refuse_binary
from .html import Article, extract_article, looks_like_html
from .language import detect_language
from .text import clean_text

__all__ = ["prepare", "publication_date"]


def prepare(source: Source, settings: Settings) -> Document:
    """The Document for one Source: cleaned text plus url, title, outlet, published, author, language."""
    name = source.name
    text = _text_of(source)
    kind = source.kind or ("html" if looks_like_html(text) else "text")
    if kind == "html":
        document = _from_html(source, text, settings)
    elif kind == "text":
        document = _from_text(source, text)
    else:
        raise InputError(name, f"unknown document kind {kind!r} (expected html or text)")
    document.language = detect_language(document.text).code
    return document


# Publication dates diplograph codes from: the first printed newspapers (1605) to a century ahead.
# Events are dated by counting from the publication date ("next week", "three years ago"), which
# must stay inside the calendar Python can count in; a CMS's "0001-01-01" is no publication date.
EARLIEST_PUBLISHED = "1600-01-01"
LATEST_PUBLISHED = "2099-12-31"


def publication_date(name: str, value: str | None) -> str | None:
    """``value`` as "YYYY-MM-DD"; InputError naming the input when it is no date, or out of range."""
    if value is None or not value.strip():
        return None
    shown = value if len(value) <= 60 else value[:57] + "..."
    try:
        day = iso_date(value)
    except (ValueError, OverflowError):
        raise InputError(name, f"publication date {shown!r} is not a date (expected e.g. 2022-09-21)") from None
    if not EARLIEST_PUBLISHED <= day <= LATEST_PUBLISHED:
        raise InputError(name, f"publication date {shown!r} is out of range (diplograph codes news published "
                               f"from {EARLIEST_PUBLISHED} to {LATEST_PUBLISHED})")
    return day


def _text_of(source: Source) -> str:
    """The Source's text, decoded if bytes, without stray control characters (NUL, ESC ...) or surrogates."""
    if isinstance(source.content, bytes):
        return clean_characters(decode(source.name, source.content))
    if not source.content.strip():
        raise InputError(source.name, "empty input")
    refuse_binary(source.name, source.content)
    return clean_characters(source.content)


def _from_html(source: Source, html: str, settings: Settings) -> Document:
    article = extract_article(html, source.url)
    found = len(article.text.strip()) if article else 0
    if article is None or found < settings.min_text_chars:
        raise InputError(source.name, _no_article(found, settings))
    # trafilatura writes one block per line; a blank line between them marks paragraphs as in text.
    body = "\n\n".join(line for line in article.text.split("\n") if line.strip())
    cleaned = clean_text(body, title=source.title, headlines=(article.title,) if article.title else ())
    if len(cleaned.text) < settings.min_text_chars:
        raise InputError(source.name, _no_article(len(cleaned.text), settings))
    return Document(
        doc_id=source.doc_id or doc_id_for(cleaned.text),
        text=cleaned.text,
        url=source.url or article.url,
        title=source.title or article.title or cleaned.title,
        outlet=source.outlet or _page_outlet(article, cleaned.outlet),
        published=publication_date(source.name, source.published or article.date),
        author=article.author or cleaned.author,
        source=source.name,
    )


def _from_text(source: Source, text: str) -> Document:
    cleaned = clean_text(text, title=source.title)
    if not cleaned.text:
        raise InputError(source.name, "no article text, only site furniture")
    return Document(
        doc_id=source.doc_id or doc_id_for(cleaned.text),
        text=cleaned.text,
        url=source.url,
        title=source.title or cleaned.title,
        outlet=source.outlet or cleaned.outlet,
        published=publication_date(source.name, source.published),
        author=cleaned.author,
        source=source.name,
    )


def _page_outlet(article: Article, dateline: str | None) -> str | None:
    """The page's site name, unless trafilatura only fell back to the host name and a dateline names one."""
    if article.outlet and article.url and article.outlet == _host(article.url) and dateline:
        return dateline
    return article.outlet or dateline


def _host(url: str) -> str | None:
    """The host name of a page's own URL, or None when the page wrote a broken one ("https://[wnt.example/")."""
    try:
        return urlsplit(url).hostname
    except ValueError:
        return None


def _no_article(found: int, settings: Settings) -> str:
    return (f"no article found in the HTML page ({found} characters of main text, "
            f"fewer than min_text_chars = {settings.min_text_chars})")
