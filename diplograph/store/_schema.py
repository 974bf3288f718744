"""The store's tables: the document record flattened so that SQL can count and filter it.

``documents.record`` keeps the whole record (without its text, which has its own column), so a
stored document comes back exactly as it went in; the other tables are views of that record made
for queries. Every row of actors, events and quotes belongs to one document (``doc_id``).
"""

from __future__ import annotations

from .articles import ARTICLE_TABLE
from .copies import TABLES as COPY_TABLES

__all__ = ["ADDED_COLUMNS", "EVENT_VIEW", "INDEXES", "SCHEMA_VERSION", "TABLES"]

SCHEMA_VERSION = 1

# Columns added to a table after its version-1 layout, with the DDL that adds them to an older file
# (at the end of the table, where ``TABLES`` has them too). Stores written before a column existed
# get it when next opened for writing; read-only, the queries use its default instead.
ADDED_COLUMNS = {
    # What a quote attributes; the finder found only speech before it had the column.
    ("quotes", "attribution"): "ALTER TABLE quotes ADD COLUMN attribution VARCHAR DEFAULT 'speech'",
}

TABLES = (
    """
    CREATE TABLE IF NOT EXISTS meta (
        key VARCHAR PRIMARY KEY,
        value VARCHAR NOT NULL
    )""",
    """
    CREATE TABLE IF NOT EXISTS documents (
        doc_id VARCHAR PRIMARY KEY,
        source VARCHAR,
        url VARCHAR,
        title VARCHAR,
        outlet VARCHAR,
        published DATE,
        language VARCHAR,
        text VARCHAR NOT NULL,
        author VARCHAR,
        added TIMESTAMP NOT NULL,
        record JSON NOT NULL
    )""",
    """
    CREATE TABLE IF NOT EXISTS actors (
        doc_id VARCHAR NOT NULL,
        actor_id VARCHAR NOT NULL,
        sentence INTEGER,
        text VARCHAR NOT NULL,
        start_char INTEGER NOT NULL,
        end_char INTEGER NOT NULL,
        name VARCHAR,
        country VARCHAR,
        sector VARCHAR,
        code VARCHAR,
        kind VARCHAR,
        PRIMARY KEY (doc_id, actor_id)
    )""",
    """
    CREATE TABLE IF NOT EXISTS events (
        doc_id VARCHAR NOT NULL,
        event_id VARCHAR NOT NULL,
        global_event_id BIGINT NOT NULL,
        sentence INTEGER,
        date DATE,
        date_precision VARCHAR,
        source_text VARCHAR, source_start INTEGER, source_end INTEGER,
        source_code VARCHAR, source_country VARCHAR, source_sector VARCHAR, source_name VARCHAR,
        target_text VARCHAR, target_start INTEGER, target_end INTEGER,
        target_code VARCHAR, target_country VARCHAR, target_sector VARCHAR, target_name VARCHAR,
        trigger_text VARCHAR NOT NULL, trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
        cameo VARCHAR NOT NULL,
        root VARCHAR NOT NULL,
        plover VARCHAR,
        quad_class TINYINT,
        goldstein DOUBLE,
        mode VARCHAR NOT NULL,
        location_name VARCHAR, location_country VARCHAR, location_lat DOUBLE, location_lon DOUBLE,
        quote_id VARCHAR,
        confidence DOUBLE,
        n_mentions INTEGER NOT NULL,
        evidence_text VARCHAR, evidence_start INTEGER, evidence_end INTEGER,
        PRIMARY KEY (doc_id, event_id)
    )""",
    """
    CREATE TABLE IF NOT EXISTS quotes (
        doc_id VARCHAR NOT NULL,
        quote_id VARCHAR NOT NULL,
        sentence INTEGER,
        kind VARCHAR NOT NULL,
        text VARCHAR NOT NULL,
        start_char INTEGER NOT NULL,
        end_char INTEGER NOT NULL,
        cue_text VARCHAR, cue_start INTEGER, cue_end INTEGER,
        speaker_text VARCHAR, speaker_start INTEGER, speaker_end INTEGER,
        speaker_name VARCHAR, speaker_code VARCHAR, speaker_country VARCHAR,
        via VARCHAR[] NOT NULL,
        attribution VARCHAR NOT NULL DEFAULT 'speech',
        PRIMARY KEY (doc_id, quote_id)
    )""",
    """
    CREATE TABLE IF NOT EXISTS failures (
        input VARCHAR PRIMARY KEY,
        problem VARCHAR NOT NULL,
        "at" TIMESTAMP NOT NULL
    )""",
    """
    CREATE TABLE IF NOT EXISTS sources (
        key VARCHAR PRIMARY KEY,
        input VARCHAR NOT NULL,
        doc_id VARCHAR,
        "at" TIMESTAMP NOT NULL
    )""",
    ARTICLE_TABLE,  # each publication of a document (store/articles.py); filled by articles.fill in older stores
    *COPY_TABLES,  # copies of one article (store/copies.py); remade by copies.refresh in older stores
)

# A document's actors, read back when it is placed in the stories (stories.add_documents): the
# (doc_id, actor_id) key serves no lookup by doc_id alone, so without it that read scanned every actor.
# Created with the tables, and by ``Store`` in a store written before it when opened for writing.
INDEXES = ("CREATE INDEX IF NOT EXISTS actors_doc ON actors (doc_id)",)

# One row per event with what a reader of the event needs from its article. ``day`` is the date
# used to filter and aggregate: the event's own date, or the article's date when the event has none.
# An event the text does not date carries the article's date with ``date_precision`` "published",
# so the two cases remain distinguishable; ``date`` is NULL only when the article had no date either.
EVENT_VIEW = """
    CREATE OR REPLACE VIEW event_rows AS
    SELECT e.doc_id, e.event_id, e.global_event_id,
           coalesce(e.date, d.published) AS day,
           e.date, e.date_precision, d.published,
           e.source_code, e.source_country, e.source_sector, e.source_name, e.source_text,
           e.source_start, e.source_end,
           e.target_code, e.target_country, e.target_sector, e.target_name, e.target_text,
           e.target_start, e.target_end,
           e.trigger_text, e.trigger_start, e.trigger_end,
           e.cameo, e.root, e.plover, e.quad_class, e.goldstein, e.mode,
           e.location_name, e.location_country, e.location_lat, e.location_lon,
           e.quote_id, e.confidence, e.n_mentions, e.sentence,
           e.evidence_text, e.evidence_start, e.evidence_end,
           d.url, d.title, d.outlet, d.added
    FROM events e JOIN documents d USING (doc_id)
"""
