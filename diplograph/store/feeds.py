"""The watcher's state (``diplograph watch``): each feed polled and each item it has seen, in the store.

``feeds`` holds, per feed URL, the validators its last complete poll answered (ETag, Last-Modified;
sent back as If-None-Match / If-Modified-Since), when it was last polled and with what status, how
many items it has shown, and until when its server asked to be left alone (Retry-After).

``feed_items`` holds, per feed and item (its guid / Atom id, else its link), the item's link and
title, when it was first seen, and its state: ``seen`` (not stored yet), ``done`` (stored: its
``doc_id``) or ``failed`` (its last ``problem``, after ``attempts`` tries). An item becomes done in
the transaction that stores its document, or failed in the one that records its failure
(``Store.put`` / ``Store.add_failure`` with ``feed_item``), so a process killed at any moment has
either stored an item and marked it, or done neither: after a restart an item seen but not done is
fetched again, a done one never.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

__all__ = [
    "FEED_TABLES",
    "FeedState",
    "ItemRef",
    "PendingItem",
    "feed_state",
    "item_done",
    "item_failed",
    "pending_items",
    "record_poll",
    "save_validators",
    "see_items",
]

FEED_TABLES = (
    """
    CREATE TABLE IF NOT EXISTS feeds (
        url VARCHAR PRIMARY KEY,
        etag VARCHAR,                 -- saved only once every item of the answer is done or failed
        last_modified VARCHAR,
        last_polled TIMESTAMP,        -- UTC
        last_status VARCHAR,          -- "200", "304", "429", or the problem of a poll that failed
        items_seen INTEGER NOT NULL DEFAULT 0,
        not_before TIMESTAMP          -- UTC: the server's Retry-After; no poll before it
    )""",
    """
    CREATE TABLE IF NOT EXISTS feed_items (
        feed VARCHAR NOT NULL,
        item_id VARCHAR NOT NULL,     -- the item's guid (RSS) or id (Atom), else its link
        number INTEGER NOT NULL,      -- 1, 2, ... per feed: the order items were first seen in (feed order)
        link VARCHAR,
        title VARCHAR,
        first_seen TIMESTAMP NOT NULL,
        state VARCHAR NOT NULL,       -- seen, done or failed
        attempts INTEGER NOT NULL DEFAULT 0,
        problem VARCHAR,
        doc_id VARCHAR,
        updated TIMESTAMP NOT NULL,
        PRIMARY KEY (feed, item_id)
    )""",
)


@dataclass(frozen=True)
class ItemRef:
    """One item of one feed."""

    feed: str
    item_id: str


@dataclass(frozen=True)
class PendingItem:
    """An item seen but not stored: never tried, or failed fewer times than the watcher allows."""

    ref: ItemRef
    link: str | None
    title: str | None
    attempts: int


@dataclass(frozen=True)
class FeedState:
    url: str
    etag: str | None
    last_modified: str | None
    last_polled: dt.datetime | None
    last_status: str | None
    items_seen: int
    not_before: dt.datetime | None


def feed_state(cur: duckdb.DuckDBPyConnection, url: str) -> FeedState | None:
    row = cur.execute("SELECT url, etag, last_modified, last_polled, last_status, items_seen, not_before"
                      " FROM feeds WHERE url = ?", [url]).fetchone()
    return FeedState(*row) if row else None


def record_poll(cur: duckdb.DuckDBPyConnection, url: str, status: str, now: dt.datetime, *,
                not_before: dt.datetime | None = None) -> None:
    """A poll of ``url`` answered ``status`` (its validators are saved apart, by :func:`save_validators`)."""
    cur.execute(
        "INSERT INTO feeds (url, last_polled, last_status, not_before) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (url) DO UPDATE SET last_polled = excluded.last_polled,"
        " last_status = excluded.last_status, not_before = excluded.not_before",
        [url, now, status, not_before],
    )


def save_validators(cur: duckdb.DuckDBPyConnection, url: str, etag: str | None, last_modified: str | None) -> None:
    """The ETag and Last-Modified of an answer whose every item is done or recorded as failed."""
    cur.execute("UPDATE feeds SET etag = ?, last_modified = ? WHERE url = ?", [etag, last_modified, url])


def see_items(cur: duckdb.DuckDBPyConnection, feed: str, items: list[tuple[str, str | None, str | None]],
              now: dt.datetime) -> set[str]:
    """Record the items (item_id, link, title) of a poll of ``feed``; the ids not seen before."""
    known = {item_id for (item_id,) in cur.execute("SELECT item_id FROM feed_items WHERE feed = ?", [feed]).fetchall()}
    new: dict[str, tuple[str | None, str | None]] = {}
    for item_id, link, title in items:
        if item_id not in known and item_id not in new:
            new[item_id] = (link, title)
    for number, (item_id, (link, title)) in enumerate(new.items(), len(known) + 1):
        cur.execute("INSERT INTO feed_items VALUES (?, ?, ?, ?, ?, ?, 'seen', 0, NULL, NULL, ?)",
                    [feed, item_id, number, link, title, now, now])
    cur.execute("UPDATE feeds SET items_seen = (SELECT count(*) FROM feed_items WHERE feed = ?) WHERE url = ?",
                [feed, feed])
    return set(new)


def pending_items(cur: duckdb.DuckDBPyConnection, feed: str, max_attempts: int) -> list[PendingItem]:
    """The items of ``feed`` not done that may be tried again (fewer than ``max_attempts`` failures),
    in the order they were first seen (within one poll, the feed's)."""
    rows = cur.execute(
        "SELECT item_id, link, title, attempts FROM feed_items WHERE feed = ? AND state <> 'done'"
        " AND attempts < ? ORDER BY number", [feed, max_attempts]).fetchall()
    return [PendingItem(ItemRef(feed, item_id), link, title, attempts) for item_id, link, title, attempts in rows]


def item_done(cur: duckdb.DuckDBPyConnection, ref: ItemRef, doc_id: str | None, now: dt.datetime) -> None:
    """Mark the item stored, in the transaction that stores its document."""
    cur.execute("UPDATE feed_items SET state = 'done', doc_id = ?, problem = NULL, updated = ?"
                " WHERE feed = ? AND item_id = ?", [doc_id, now, ref.feed, ref.item_id])


def item_failed(cur: duckdb.DuckDBPyConnection, ref: ItemRef, problem: str, now: dt.datetime) -> None:
    """Count a failed try of the item, in the transaction that records its failure (a done item stays done)."""
    cur.execute("UPDATE feed_items SET state = 'failed', attempts = attempts + 1, problem = ?, updated = ?"
                " WHERE feed = ? AND item_id = ? AND state <> 'done'", [problem, now, ref.feed, ref.item_id])
