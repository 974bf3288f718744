"""Articles: each publication of a stored document (its URL, outlet and date), one row per page.

A document is a text: its ``doc_id`` is the sha1 of the cleaned text, or the id its caller gave
(the output contract, ``shared/spec/output.md``). The same text may be published more than once: a wire story
syndicated under other outlets and URLs, a page mirrored. Each publication is an *article*, a row of
``articles`` keyed by the document and :func:`article_key` (its URL, else its outlet):

- a new text stores the document, its coding and its first article;
- the same text under another URL or outlet (a syndicated copy) adds an article to the stored
  document: nothing is coded or stored twice;
- the same page again (same URL, same text) adds nothing; nor does the same text without a URL
  from an outlet it already has an article of, nor with neither URL nor outlet once it is stored:
  those name no other publication;
- the same id with OTHER text stays refused (``Store.add``; issue 9).

Lightly edited copies are other texts, hence other documents; ``copies.py`` recognises them and
links them to their original. The linked events count both (``linking.LINKED_EVENT_VIEW``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

import duckdb

__all__ = ["ARTICLE_TABLE", "article_key", "fill", "is_new", "record_article"]

ARTICLE_TABLE = """
    CREATE TABLE IF NOT EXISTS articles (
        doc_id VARCHAR NOT NULL,
        article_key VARCHAR NOT NULL,  -- the page: its URL without scheme, "www." and fragment; else
                                       -- "outlet:" and the outlet; else "" (nothing known of it)
        url VARCHAR,
        outlet VARCHAR,
        published DATE,
        source VARCHAR,                -- the input it came from (file, file:line)
        added TIMESTAMP NOT NULL,
        PRIMARY KEY (doc_id, article_key)
    )"""

_OUTLET = "outlet:"
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://(?:[^@/]*@)?(?:www\.)?", re.IGNORECASE)


def article_key(url: str | None, outlet: str | None) -> str:
    """Which page an article is: its URL as a reader would tell two apart (no scheme, no "www.", no
    fragment, no trailing slash; host lower-cased), else its outlet, else "" (unknown).

    "https://www.Example.com/a/#top" and "http://example.com/a" are one page.
    """
    if url and url.strip():
        bare = _SCHEME.sub("", url.strip()).split("#", 1)[0].rstrip("/")
        host, slash, path = bare.partition("/")
        return host.lower() + slash + path
    if outlet and outlet.strip():
        return _OUTLET + " ".join(outlet.split()).lower()
    return ""


def record_article(cur: duckdb.DuckDBPyConnection, doc_id: str, *, url: str | None, outlet: str | None,
                   published: dt.date | None, source: str | None, added: dt.datetime) -> bool:
    """Record one publication of a stored document, inside the caller's transaction; False when it
    adds nothing (:func:`is_new`)."""
    key = article_key(url, outlet)
    known = cur.execute("SELECT article_key, outlet FROM articles WHERE doc_id = ?", [doc_id]).fetchall()
    if not is_new(key, known):
        return False
    cur.execute("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?)",
                [doc_id, key, url, outlet, published, source, added])
    return True


def is_new(key: str, known: Sequence[tuple[str, str | None]]) -> bool:
    """Whether a page of article key ``key`` is another article of a document whose articles are
    ``known`` (their article_key and outlet): not when it is the same page again, or a page that names
    neither URL nor outlet while the document has an article already, or a page without URL of an
    outlet the document has an article of."""
    if not key:
        return not known
    if key.startswith(_OUTLET):  # no URL: a page of that outlet already known is this one
        return not any(key in (other, article_key(None, other_outlet)) for other, other_outlet in known)
    return not any(key == other for other, _ in known)


def fill(cur: duckdb.DuckDBPyConnection) -> None:
    """Give a store written before articles were recorded one article per document (its own)."""
    cur.execute(ARTICLE_TABLE)
    for doc_id, url, outlet, published, source, added in cur.execute(
            "SELECT doc_id, url, outlet, published, source, added FROM documents ORDER BY added, doc_id").fetchall():
        record_article(cur, doc_id, url=url, outlet=outlet, published=published, source=source, added=added)
