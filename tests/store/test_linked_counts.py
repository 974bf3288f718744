"""The linked events' counts kept in ``linked_event_counts`` equal the aggregation over every mention
(linked_counts.AGGREGATE, what the ``linked_events`` view computed on each read before), whatever the
order documents arrive in, with syndicated and edited copies, merges and relinks."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import pytest

from diplograph.model import Document
from diplograph.settings import load_settings
from diplograph.store import Store, linked_counts
from diplograph.store.linked_counts import COUNT_ALL
from diplograph.store.linking import link_all
from diplograph.store.query import query_linked_events

RECORDS = json.loads((Path(__file__).parents[1] / "fixtures" / "store" / "documents.json").read_text("utf-8"))


def _report(record: dict, name: str, *, outlet: str | None, url: str | None = None, published: str | None = None,
            edit: bool = False) -> Document:
    """A stored wire report under another id (or the same text, for a syndicated copy), outlet and URL;
    ``published``: another day, the events dated by day shifted with it; ``edit``: lightly edited, as a
    mirror site does (a few words changed), so another document."""
    r = json.loads(json.dumps(record))
    if name:
        r["doc_id"] = f"{record['doc_id'][:8]}-{name}"
    r["outlet"], r["url"] = outlet, url
    if published:  # published later: its events dated by day as many days later
        days = dt.date.fromisoformat(published) - dt.date.fromisoformat(record["published"])
        r["published"] = published
        for event in r["events"]:
            if event["date"] and len(event["date"]) == 10:
                event["date"] = (dt.date.fromisoformat(event["date"]) + days).isoformat()
    if edit:  # words changed, offsets kept
        r["text"] = r["text"].replace(" the ", " its ", 6)
        assert len(r["text"]) == len(record["text"]) and r["text"] != record["text"]
    return Document.from_record(r)


def _docs() -> list[Document]:
    wire = RECORDS[0]  # the long report: its edited copy is recognised as a copy
    docs = [_report(wire, "", outlet="Reuters", url="https://www.reuters.com/a"),
            _report(wire, "", outlet=None, url="https://www.yahoo.com/news/a"),      # syndicated: one more article
            _report(wire, "", outlet="Reuters", url="https://www.reuters.com/a"),    # the same page again
            _report(wire, "mirror", outlet="Mirror", url="https://mirror.example/a", edit=True),
            _report(wire, "late", outlet="Late Post", published="2022-09-25")]
    for record in RECORDS[1:]:
        docs += [_report(record, f"{outlet}-{day}", outlet=outlet or None, published=f"2022-09-{20 + day}")
                 for outlet in ("A", "B", "") for day in (0, 1, 2)]  # a day apart: merges when one bridges
    return docs


def _kept(store: Store) -> list[tuple]:
    with store.cursor() as cur:
        rows = cur.execute("SELECT * FROM linked_event_counts ORDER BY link_id").fetchall()
    return [(*row[:-1], round(row[-1], 12)) for row in rows]


def _aggregated(store: Store) -> list[tuple]:
    with store.cursor() as cur:
        rows = cur.execute(COUNT_ALL + " ORDER BY link_id").fetchall()
    return [(*row[:-1], round(row[-1], 12)) for row in rows]


@pytest.mark.parametrize("seed", range(4))
def test_counts_kept_document_by_document_equal_the_aggregation_over_all_mentions(seed, tmp_path):
    docs = _docs()
    if seed:
        random.Random(seed).shuffle(docs)
    with Store(tmp_path / "s.duckdb") as store:
        for doc in docs:
            store.put(doc)
        with store.cursor() as cur:
            (copied,) = cur.execute("SELECT count(*) FROM doc_copies WHERE copy_of <> doc_id").fetchone()
            (linked,) = cur.execute("SELECT count(DISTINCT link_id) FROM event_links").fetchone()
            (mentions,) = cur.execute("SELECT count(*) FROM event_links").fetchone()
        assert copied >= 1 and linked < mentions  # an edited copy recognised, and mentions merged
        kept = _kept(store)
        assert kept == _aggregated(store)
        assert len(kept) == linked  # no row left of an event merged away
        assert max(row[3] for row in kept) >= 3  # an event counted over several articles
        with store._transaction() as cur:
            link_all(cur)
        assert _kept(store) == kept


def test_events_of_many_mentions_counted_from_the_tables_count_the_same(tmp_path, monkeypatch):
    """Past MAX_LOOKUP mentions a refresh lets AGGREGATE count them over the tables instead of
    counting the looked-up rows: the same counts."""
    docs = _docs()
    with Store(tmp_path / "rows.duckdb") as by_rows:
        for doc in docs:
            by_rows.put(doc)
        expected = _kept(by_rows)
    monkeypatch.setattr(linked_counts, "MAX_LOOKUP", 0)
    with Store(tmp_path / "tables.duckdb") as by_tables:
        for doc in docs:
            by_tables.put(doc)
        assert _kept(by_tables) == _aggregated(by_tables) == expected


def test_the_order_of_ingestion_gives_the_same_counts(tmp_path):
    docs = _docs()
    with Store(tmp_path / "a.duckdb") as forward, Store(tmp_path / "b.duckdb") as backward:
        for doc in docs:
            forward.put(doc)
        for doc in docs[::-1]:
            backward.put(doc)
        assert _kept(forward) == _kept(backward)


def test_relinking_by_other_rules_counts_again(tmp_path):
    docs = _docs()
    with Store(tmp_path / "s.duckdb") as store:
        for doc in docs:
            store.put(doc)
        before = _kept(store)
    strict = load_settings().with_overrides(link_stated_tolerance_days=2)
    with Store(tmp_path / "s.duckdb", settings=strict) as store:
        assert _kept(store) == _aggregated(store) != before
        store.put(_report(RECORDS[1], "C-3", outlet="C", published="2022-09-23"))
        assert _kept(store) == _aggregated(store)


def test_a_store_written_before_the_counts_were_kept_counts_once_when_opened_for_writing(tmp_path):
    docs = _docs()
    with Store(tmp_path / "s.duckdb") as store:
        for doc in docs:
            store.put(doc)
        expected = _kept(store)
        listed = query_linked_events(store)
        with store._transaction() as cur:  # the layout before: the view aggregated on each read
            cur.execute("CREATE OR REPLACE VIEW linked_events AS SELECT r.*, c.* FROM (" + COUNT_ALL
                        + ") c JOIN event_rows r ON r.global_event_id = c.link_id")
            cur.execute("DROP TABLE linked_event_counts")
    with Store(tmp_path / "s.duckdb", read_only=True) as old:  # read as it is
        assert len(query_linked_events(old)) == len(listed)
    with Store(tmp_path / "s.duckdb") as store:
        assert _kept(store) == expected
        assert query_linked_events(store) == listed


def test_a_copy_joining_two_reports_recounts_their_events_though_it_links_none(tmp_path):
    """Two reports (the wire's first and last three fifths: too little in common to be copies) count as
    independent; a third text holding both makes them one copy group, so their shared event's
    confidence is one report's, even if the coder found no event in the third."""
    wire = json.loads(json.dumps(RECORDS[0]))
    text = wire["text"]
    head, tail, whole = (dict(wire, doc_id=f"wire-{n}", text=t, outlet=n, url=None)
                         for n, t in (("head", text[:len(text) * 3 // 5]), ("tail", text[len(text) * 2 // 5:]),
                                      ("whole", text)))
    whole["events"], whole["quotes"] = [], []
    with Store(tmp_path / "s.duckdb") as store:
        store.put(Document.from_record(head))
        store.put(Document.from_record(tail))
        apart = _kept(store)
        store.put(Document.from_record(whole))
        with store.cursor() as cur:
            (groups,) = cur.execute("SELECT count(DISTINCT copy_of) FROM doc_copies").fetchone()
        assert groups == 1
        joined = _kept(store)
        assert joined == _aggregated(store)
    assert [row[:-1] for row in joined] == [row[:-1] for row in apart]  # the same articles and sources
    assert sum(row[-1] for row in joined) < sum(row[-1] for row in apart)  # but one report, not two


def test_a_store_whose_counts_lack_their_lookup_indexes_gets_them_when_opened_for_writing(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        for doc in _docs()[:3]:
            store.put(doc)
        expected = _kept(store)
        with store._transaction() as cur:  # as the counts were first kept: refreshed by scans
            cur.execute("DROP INDEX event_links_doc")
            cur.execute("DROP INDEX articles_doc")
            assert not linked_counts.has_indexes(cur)
    with Store(path, read_only=True) as old, old.cursor() as cur:
        assert not linked_counts.has_indexes(cur)  # read as it is
    with Store(path) as store:
        with store.cursor() as cur:
            assert linked_counts.has_indexes(cur)
        assert _kept(store) == expected
