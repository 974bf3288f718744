"""The counts of every linked event, kept in a table so that reading ``linked_events`` aggregates nothing.

``linked_event_counts`` has one row per linked event (``link_id``) with NumMentions, NumSources,
NumArticles, first/last seen and the linked confidence, as :data:`AGGREGATE` counts them over the
event's mentions (``event_links``), their documents' articles (``articles``) and copies
(``doc_copies``); what each count means is said at ``linking.LINKED_EVENT_VIEW``, which reads this
table. Aggregating every mention on every read took 0.2-0.3 s of CPU a query over 100,000 events
(bench/serve.py).

The table is kept right inside the transactions that change what it counts: ``Store.put`` refreshes
the linked events of the document's copy group (:func:`touched`) and deletes those its mentions
merged away (:func:`refresh`); :func:`rebuild` counts everything again after ``link_all``, after
copies or articles are recomputed, and once for a store written before this table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import duckdb

__all__ = ["AGGREGATE", "COUNTS_TABLE", "COUNT_ALL", "HOST", "INDEXES", "MAX_LOOKUP", "SEEN", "SOURCE_KEY", "create",
           "has_indexes", "rebuild", "refresh", "touched"]

COUNTS_TABLE = """
    CREATE TABLE IF NOT EXISTS linked_event_counts (
        link_id BIGINT PRIMARY KEY,
        num_mentions INTEGER, num_sources INTEGER, num_articles INTEGER,
        first_seen DATE, last_seen DATE,
        linked_confidence DOUBLE
    )"""

# A URL's host without "www.": the source of a document that names no outlet.
HOST = r"^[a-z][a-z0-9+.-]*://(?:[^@/]*@)?(?:www\.)?([^/:?#]+)"

# What an article of a mention counts as: its source (the outlet, else the URL's host, else the
# document itself) and the day it was seen (published, else added). Read by :data:`AGGREGATE` and by
# the lookups of :func:`refresh` alike (as columns of ``articles a``).
SOURCE_KEY = """coalesce(nullif(lower(trim(a.outlet)), ''),
                        nullif(regexp_extract(lower(a.url), '""" + HOST + """', 1), ''),
                        'doc:' || a.doc_id)"""
SEEN = "coalesce(a.published, CAST(a.added AS DATE))"

# The counts of the linked events whose ``event_links`` rows pass ``{where}`` (a condition on ``l``),
# in the columns of ``linked_event_counts``: what the counts mean. :func:`refresh` counts a few events
# the same way from rows it looks up by index (the tests hold the two equal).
AGGREGATE = """
    WITH m AS (
        SELECT l.link_id, e.doc_id, e.n_mentions, e.confidence,
               coalesce(c.copy_of, e.doc_id) AS original,
               e.doc_id || chr(10) || a.article_key AS article,
               """ + SOURCE_KEY + """ AS source_key,
               """ + SEEN + """ AS seen
        FROM event_links l JOIN events e USING (doc_id, event_id) JOIN articles a USING (doc_id)
             LEFT JOIN doc_copies c USING (doc_id)
        WHERE {where}
    ),
    per_original AS (
        SELECT link_id, max(coalesce(confidence, 0.0)) AS best FROM m GROUP BY link_id, original
    ),
    counts AS (
        SELECT link_id, sum(n_mentions)::INTEGER AS num_mentions,
               count(DISTINCT source_key)::INTEGER AS num_sources,
               count(DISTINCT article)::INTEGER AS num_articles,
               min(seen) AS first_seen, max(seen) AS last_seen
        FROM m GROUP BY link_id
    ),
    belief AS (
        SELECT link_id, 1 - product(1 - least(greatest(best, 0.0), 1.0)) AS linked_confidence
        FROM per_original GROUP BY link_id
    )
    SELECT c.link_id, c.num_mentions, c.num_sources, c.num_articles, c.first_seen, c.last_seen,
           b.linked_confidence
    FROM counts c JOIN belief b USING (link_id)"""

# Every linked event's counts.
COUNT_ALL = AGGREGATE.format(where="true")

# Beyond this many mentions (an event reported thousands of times) a refresh lets :data:`AGGREGATE`
# count them (hash joins over the tables) rather than looking up each mention's rows.
MAX_LOOKUP = 2000


# What :func:`touched` and :func:`refresh` look up by document, besides the events (``events_doc``,
# linking.py) and doc_copies (its key): without these each lookup scanned its table, a cost per stored
# document growing with the store (+27-48 ms a document at 100,000 events).
INDEXES = (
    "CREATE INDEX IF NOT EXISTS event_links_doc ON event_links (doc_id)",
    "CREATE INDEX IF NOT EXISTS articles_doc ON articles (doc_id)",
)


def create(cur: duckdb.DuckDBPyConnection) -> None:
    """The counts table and the indexes its refresh reads through (event_links and articles exist)."""
    cur.execute(COUNTS_TABLE)
    for ddl in INDEXES:
        cur.execute(ddl)


def has_indexes(cur: duckdb.DuckDBPyConnection) -> bool:
    """Whether the store has :data:`INDEXES` (a store written before them gets them when opened for writing)."""
    names = {name for (name,) in cur.execute("SELECT index_name FROM duckdb_indexes()").fetchall()}
    return {"event_links_doc", "articles_doc"} <= names


def rebuild(cur: duckdb.DuckDBPyConnection) -> None:
    """Count every linked event again (inside the caller's transaction)."""
    create(cur)
    cur.execute("DELETE FROM linked_event_counts")
    cur.execute("INSERT INTO linked_event_counts " + COUNT_ALL)


def touched(cur: duckdb.DuckDBPyConnection, doc_ids: Iterable[str]) -> set[int]:
    """The linked events whose counts a write of ``doc_ids`` (new documents, or other articles of
    them) may change: those of their mentions and of their copy groups' (a copy joining a group changes
    which texts count as independent reports, for every document of the group).

    Asked once after a batch's writes (``Store.put_many``), it holds what asking after each document's
    write would, but the events merged away meanwhile (whose counts go, ``refresh``'s ``gone``): copy
    groups and linked events only ever merge within a write, so every event of a group then is one of
    the group now, or was merged into one."""
    ids = sorted(set(doc_ids))
    group = set(ids)
    originals: set[str] = set()  # two indexed lookups, not a subquery DuckDB may plan as a scan
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        originals |= {copy_of for (copy_of,) in cur.execute(
            f"SELECT copy_of FROM doc_copies WHERE doc_id IN ({_marks(chunk)})", chunk).fetchall()}
    heads = sorted(originals)
    for start in range(0, len(heads), 500):
        chunk = heads[start:start + 500]
        group |= {member for (member,) in cur.execute(
            f"SELECT doc_id FROM doc_copies WHERE copy_of IN ({_marks(chunk)})", chunk).fetchall()}
    members = sorted(group)
    found: set[int] = set()
    for start in range(0, len(members), 500):
        chunk = members[start:start + 500]
        found |= {link_id for (link_id,) in cur.execute(
            f"SELECT DISTINCT link_id FROM event_links WHERE doc_id IN ({_marks(chunk)})", chunk).fetchall()}
    return found


def refresh(cur: duckdb.DuckDBPyConnection, link_ids: Iterable[int], gone: Iterable[int] = ()) -> None:
    """Count the linked events ``link_ids`` again and drop the rows of ``gone`` (events merged away).

    Their mentions are looked up first, then those mentions' documents alone (:func:`_count`): a
    refresh reads what it counts, whatever the size of the store, so its cost follows the mentions
    of the events it counts (past :data:`MAX_LOOKUP` of them, AGGREGATE's joins read the tables)."""
    ids = sorted(set(link_ids) | set(gone))
    if not ids:
        return
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        cur.execute(f"DELETE FROM linked_event_counts WHERE link_id IN ({_marks(chunk)})", chunk)
    keep = sorted(set(link_ids))
    for start in range(0, len(keep), 500):
        _count(cur, keep[start:start + 500])


def _count(cur: duckdb.DuckDBPyConnection, link_ids: list[int]) -> None:
    """Insert the counts of ``link_ids`` as :data:`AGGREGATE` counts them, from their mentions and
    those mentions' events, articles and copies, each looked up by an index (event_links_link,
    events_doc, articles_doc, doc_copies' key); planning AGGREGATE alone cost ~8 ms of CPU a document."""
    marks = _marks(link_ids)
    mentions = cur.execute(f"SELECT link_id, doc_id, event_id FROM event_links WHERE link_id IN ({marks})",
                           link_ids).fetchall()
    if len(mentions) > MAX_LOOKUP:
        cur.execute("INSERT INTO linked_event_counts " + AGGREGATE.format(where=f"l.link_id IN ({marks})"),
                    link_ids)
        return
    docs = sorted({doc_id for _, doc_id, _ in mentions})
    if not docs:
        return
    where = f"doc_id IN ({_marks(docs)})"
    events = {(doc_id, event_id): (n, confidence) for doc_id, event_id, n, confidence in cur.execute(
        f"SELECT doc_id, event_id, n_mentions, confidence FROM events WHERE {where}", docs).fetchall()}
    pages: dict[str, list[tuple[str, str, dt.date]]] = {}
    for doc_id, key, source, seen in cur.execute(
            f"SELECT a.doc_id, a.article_key, {SOURCE_KEY}, {SEEN} FROM articles a WHERE a.{where}", docs).fetchall():
        pages.setdefault(doc_id, []).append((doc_id + "\n" + key, source, seen))
    original = dict(cur.execute(f"SELECT doc_id, copy_of FROM doc_copies WHERE {where}", docs).fetchall())
    rows: dict[int, list[tuple[int, float, str, str, str, dt.date]]] = {}
    for link_id, doc_id, event_id in mentions:  # AGGREGATE's ``m``: one row per mention and article
        if (doc_id, event_id) in events:
            n, confidence = events[doc_id, event_id]
            rows.setdefault(link_id, []).extend(
                (n, 0.0 if confidence is None else confidence, original.get(doc_id, doc_id), article, source, seen)
                for article, source, seen in pages.get(doc_id, ()))
    counted = []
    for link_id, m in sorted(rows.items()):
        if not m:
            continue
        best: dict[str, float] = {}
        for _, confidence, group, _, _, _ in m:
            best[group] = max(best.get(group, confidence), confidence)
        doubt = 1.0
        for value in best.values():
            doubt *= 1 - min(max(value, 0.0), 1.0)
        seen_days = [row[5] for row in m]
        counted.append((link_id, sum(row[0] for row in m), len({row[4] for row in m}), len({row[3] for row in m}),
                        min(seen_days), max(seen_days), 1 - doubt))
    if counted:
        cur.execute("INSERT INTO linked_event_counts VALUES "
                    + ", ".join("(?, ?, ?, ?, ?, ?, ?)" for _ in counted), [v for row in counted for v in row])


def _marks(values: Iterable[object]) -> str:
    return ", ".join("?" for _ in values)
