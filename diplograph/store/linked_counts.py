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

from collections.abc import Iterable

import duckdb

__all__ = ["AGGREGATE", "COUNTS_TABLE", "HOST", "rebuild", "refresh", "touched"]

COUNTS_TABLE = """
    CREATE TABLE IF NOT EXISTS linked_event_counts (
        link_id BIGINT PRIMARY KEY,
        num_mentions INTEGER, num_sources INTEGER, num_articles INTEGER,
        first_seen DATE, last_seen DATE,
        linked_confidence DOUBLE
    )"""

# A URL's host without "www.": the source of a document that names no outlet.
HOST = r"^[a-z][a-z0-9+.-]*://(?:[^@/]*@)?(?:www\.)?([^/:?#]+)"

# The counts of the linked events whose ``event_links`` rows pass ``{where}`` (a condition on ``l``),
# in the columns of ``linked_event_counts``.
AGGREGATE = """
    WITH m AS (
        SELECT l.link_id, e.doc_id, e.n_mentions, e.confidence,
               coalesce(c.copy_of, e.doc_id) AS original,
               e.doc_id || chr(10) || a.article_key AS article,
               coalesce(nullif(lower(trim(a.outlet)), ''),
                        nullif(regexp_extract(lower(a.url), '""" + HOST + """', 1), ''),
                        'doc:' || e.doc_id) AS source_key,
               coalesce(a.published, CAST(a.added AS DATE)) AS seen
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


def rebuild(cur: duckdb.DuckDBPyConnection) -> None:
    """Count every linked event again (inside the caller's transaction)."""
    cur.execute(COUNTS_TABLE)
    cur.execute("DELETE FROM linked_event_counts")
    cur.execute("INSERT INTO linked_event_counts " + AGGREGATE.format(where="true"))


def touched(cur: duckdb.DuckDBPyConnection, doc_id: str) -> set[int]:
    """The linked events whose counts a write of ``doc_id`` (a new document, or another article of
    it) may change: those of its mentions and of its copy group's (a copy joining a group changes
    which texts count as independent reports, for every document of the group)."""
    found = cur.execute(
        "SELECT DISTINCT link_id FROM event_links WHERE doc_id = ? OR doc_id IN (SELECT doc_id FROM doc_copies"
        " WHERE copy_of = (SELECT copy_of FROM doc_copies WHERE doc_id = ?))", [doc_id, doc_id]).fetchall()
    return {link_id for (link_id,) in found}


def refresh(cur: duckdb.DuckDBPyConnection, link_ids: Iterable[int], gone: Iterable[int] = ()) -> None:
    """Count the linked events ``link_ids`` again and drop the rows of ``gone`` (events merged away)."""
    ids = sorted(set(link_ids) | set(gone))
    if not ids:
        return
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        cur.execute(f"DELETE FROM linked_event_counts WHERE link_id IN ({', '.join('?' * len(chunk))})", chunk)
    keep = sorted(set(link_ids))
    for start in range(0, len(keep), 500):
        chunk = keep[start:start + 500]
        where = f"l.link_id IN ({', '.join('?' * len(chunk))})"
        cur.execute("INSERT INTO linked_event_counts " + AGGREGATE.format(where=where), chunk)
