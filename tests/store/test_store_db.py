"""Store writes: idempotent, atomic, resumable; failures recorded and cleared."""

from __future__ import annotations

import dataclasses

import duckdb
import pytest

from diplograph.errors import InputError
from diplograph.model import Failure
from diplograph.store import Store, StoreError, db, source_key


def test_fixture_offsets_point_into_the_text(store_documents, seed_text):
    seed = store_documents[0]
    assert seed.text == seed_text
    for doc in store_documents:
        spans = [*doc.actors, *doc.quotes]
        for event in doc.events:
            spans += [s for s in (event.source, event.target, event.trigger, event.evidence) if s]
        for quote in doc.quotes:
            spans += [s for s in (quote.cue, quote.speaker) if s]
        for span in spans:
            assert doc.text[span.start:span.end] == span.text


def test_add_twice_stores_once(tmp_path, store_documents):
    seed = store_documents[0]
    with Store(tmp_path / "d.duckdb") as store:
        assert store.add(seed) is True
        counts = store.counts()
        assert store.add(seed) is False
        assert store.counts() == counts
    assert counts["documents"] == 1
    assert counts["events"] == len(seed.events) == 10
    assert counts["quotes"] == 4
    assert counts["actors"] == len(seed.actors)


def _as_added(doc):
    """A document read back, without what the store adds to it (its story and related articles)."""
    return dataclasses.replace(doc, story=None, related=None)


def test_get_returns_the_document_as_added(filled_store, store_documents):
    for doc in store_documents:
        got = filled_store.get(doc.doc_id)
        assert _as_added(got) == doc
        assert got.story is not None and got.related is not None
    assert filled_store.get("no-such-doc") is None
    assert filled_store.doc_ids() == [d.doc_id for d in store_documents]


def test_reopened_store_keeps_everything(tmp_path, store_documents):
    path = tmp_path / "d.duckdb"
    with Store(path) as store:
        for doc in store_documents:
            store.add(doc)
        counts = store.counts()
    with Store.open(path, read_only=True) as store:
        assert store.counts() == counts
        assert _as_added(store.get(store_documents[1].doc_id)) == store_documents[1]
        with pytest.raises(StoreError, match="read-only"):
            store.add(store_documents[0])


def test_resume_skips_inputs_already_stored(tmp_path, store_documents):
    seed = store_documents[0]
    key = source_key(seed.source, seed.text)
    with Store(tmp_path / "d.duckdb") as store:
        assert not store.source_done(key)
        store.add(seed)
        store.mark_source(key, seed.doc_id)
        assert store.source_done(key)
        # the same input with changed content is a new input
        assert not store.source_done(source_key(seed.source, seed.text + " Updated."))


def test_failure_recorded_then_cleared_by_success(tmp_path, store_documents):
    seed = store_documents[0]
    key = source_key(seed.source, b"<html>...</html>")
    with Store(tmp_path / "d.duckdb") as store:
        store.add_failure(Failure(seed.source, "fetch timed out after 20 s"))
        store.add_failure(Failure(seed.source, "no article text found"), key=key)
        assert store.failures() == [Failure(seed.source, "no article text found")]  # latest only
        assert not store.source_done(key)  # failed inputs are retried
        assert store.source_done(key, include_failed=True)

        store.add(seed, key=key)
        assert store.failures() == []
        assert store.source_done(key)
        assert store.counts()["failures"] == 0

        store.mark_source(key, None)  # a later failure of the same content keeps the success
        assert store.source_done(key)


def test_mark_source_success_clears_failure_of_that_input(tmp_path):
    with Store(tmp_path / "d.duckdb") as store:
        store.add_failure(Failure("feeds/rt.xml:3", "HTTP 503"))
        store.add_failure(Failure("feeds/rt.xml:4", "HTTP 503"))
        store.mark_source(source_key("feeds/rt.xml:3", "ok"), "abc")
        assert [f.input for f in store.failures()] == ["feeds/rt.xml:4"]


def test_interrupted_add_writes_nothing(tmp_path, store_documents, monkeypatch):
    seed = store_documents[0]

    insert = db._insert_rows

    def broken(cur, table, rows):
        if table == "quotes":  # after document, actors and events
            raise duckdb.IOException("IO Error: Could not write file: No space left on device")
        insert(cur, table, rows)

    monkeypatch.setattr(db, "_insert_rows", broken)
    with Store(tmp_path / "d.duckdb") as store:
        with pytest.raises(StoreError, match=r"d\.duckdb: cannot write to the store: the disk is full"):
            store.add(seed, key="x")
        assert store.get(seed.doc_id) is None
        assert store.counts() == dict.fromkeys(
            ("documents", "actors", "events", "quotes", "failures", "sources"), 0
        )
        monkeypatch.undo()
        assert store.add(seed) is True  # nothing half-written blocks a retry
        assert store.counts()["quotes"] == 4


def test_duplicate_event_ids_fail_whole(tmp_path, store_documents):
    seed = store_documents[0]
    seed.events.append(dataclasses.replace(seed.events[0]))
    with Store(tmp_path / "d.duckdb") as store:
        with pytest.raises(duckdb.ConstraintException):
            store.add(seed)
        assert store.counts()["documents"] == 0


def test_bad_dates_are_named(tmp_path, store_documents):
    seed = store_documents[0]
    seed.published = "21/09/2022"
    with Store(tmp_path / "d.duckdb") as store, pytest.raises(InputError, match="published"):
        store.add(seed)


def test_month_and_year_dates_are_stored_as_their_first_day(filled_store):
    with filled_store.cursor() as cur:
        rows = cur.execute(
            "SELECT event_id, date, date_precision FROM events WHERE event_id IN ('e4', 'e10') "
            "AND doc_id = (SELECT doc_id FROM documents WHERE outlet = 'CNN en Español') ORDER BY event_id"
        ).fetchall()
    assert [(e, d.isoformat(), p) for e, d, p in rows] == [
        ("e10", "2022-08-01", "month"),
        ("e4", "2022-01-01", "year"),
    ]


def test_opening_what_is_not_a_store_is_an_input_error(tmp_path):
    missing = tmp_path / "missing.duckdb"
    with pytest.raises(InputError, match="no store here"):
        Store(missing, read_only=True)
    junk = tmp_path / "junk.duckdb"
    junk.write_text("not a database")
    with pytest.raises(StoreError, match="the store is damaged or not a DuckDB file"):
        Store(junk)
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).execute("CREATE TABLE t (x INT)").close()
    with pytest.raises(InputError, match="not a diplograph store"):
        Store(other)
