"""A store written document by document (``Store.put``: copies, links, stories and counts kept up to date
through indexed lookups) holds what the from-scratch paths make of the same documents (``copies.refresh``,
``link_all``, ``stories.rebuild``), whatever the order the documents came in; and a store written before
the writer's lookups were indexed gets the indexes when opened for writing, read-only it is read as it is.
A store written a batch at a time (``Store.put_many``, as ``ingest`` stores: one transaction a batch, the
stories placed once a batch) holds what one written document by document holds, and a batch with a
document the store refuses is stored not at all.

The documents are the store fixture's real reports (tests/fixtures/store/documents.json: Putin on
Colombia, the Kyiv strikes, the prisoner swap) under several outlets and days, with syndicated and
lightly edited copies, so copy groups are merged and re-pointed, events merged across articles and
stories grouped and regrouped as documents arrive.
"""

from __future__ import annotations

import datetime as dt
import json
import pickle
import random
from pathlib import Path

import pytest

from diplograph.errors import InputError
from diplograph.model import Document
from diplograph.store import Store, copies, stories
from diplograph.store.db import WRITER_INDEXES
from diplograph.store.linking import link_all
from diplograph.store.prepared import prepare_results

RECORDS = json.loads((Path(__file__).parents[1] / "fixtures" / "store" / "documents.json").read_text("utf-8"))


def _report(record: dict, name: str, *, outlet: str, days: int = 0, edit: bool = False) -> Document:
    """The report under another id and outlet, published ``days`` later with its day-dated events
    shifted as much; ``edit``: a few words changed (offsets kept), another document that is a copy."""
    r = json.loads(json.dumps(record))
    r["doc_id"] = f"{record['doc_id'][:8]}-{name}"
    r["outlet"], r["url"] = outlet, f"https://{outlet.lower()}.example/{name}"
    r["published"] = (dt.date.fromisoformat(record["published"]) + dt.timedelta(days=days)).isoformat()
    for event in r["events"]:
        if event["date"] and len(event["date"]) == 10:
            event["date"] = (dt.date.fromisoformat(event["date"]) + dt.timedelta(days=days)).isoformat()
    if edit:
        r["text"] = r["text"].replace(" the ", " its ", 4 + days)
        assert len(r["text"]) == len(record["text"]) and r["text"] != record["text"]
    return Document.from_record(r)


def _documents() -> list[Document]:
    seed, kyiv, swap = RECORDS
    docs = [_report(seed, f"seed-{outlet}-{days}", outlet=outlet, days=days, edit=edit)
            for outlet, edit in (("Reuters", False), ("Mirror", True)) for days in (0, 2, 4, 6, 9)]
    docs += [_report(record, f"{outlet}-{days}", outlet=outlet, days=days)
             for record in (kyiv, swap) for outlet in ("Wire", "Post") for days in (0, 2, 4, 7)]
    syndicated = _report(seed, "seed-Reuters-0", outlet="Yahoo")  # the same text elsewhere: another article
    return [*docs, syndicated]


def _state(store: Store) -> dict[str, list[tuple]]:
    queries = {
        "copies": "SELECT doc_id, copy_of, published FROM doc_copies",
        "bands": "SELECT band_key, doc_id FROM doc_bands",
        "links": "SELECT doc_id, event_id, link_id FROM event_links",
        "story_docs": "SELECT doc_id, day, story_id FROM story_docs",
        "story_keys": "SELECT * FROM story_keys",
        "story_links": "SELECT * FROM story_links",
        "counts": "SELECT * EXCLUDE (linked_confidence), round(linked_confidence, 12) FROM linked_event_counts",
    }
    with store.cursor() as cur:
        return {name: cur.execute(sql + " ORDER BY ALL").fetchall() for name, sql in queries.items()}


def _contents(store: Store) -> dict[str, list[tuple]]:
    """Every row the documents made, but the times they were stored at."""
    queries = {
        "documents": "SELECT * EXCLUDE (added) FROM documents",
        "actors": "SELECT * FROM actors",
        "events": "SELECT * FROM events",
        "quotes": "SELECT * FROM quotes",
        "articles": "SELECT * EXCLUDE (added) FROM articles",
        "sources": 'SELECT * EXCLUDE ("at") FROM sources',
        "failures": 'SELECT * EXCLUDE ("at") FROM failures',
    }
    with store.cursor() as cur:
        rows = {name: cur.execute(sql + " ORDER BY ALL").fetchall() for name, sql in queries.items()}
    return {**rows, **_state(store)}


def _from_scratch(store: Store) -> None:
    with store._transaction() as cur:
        copies.refresh(cur)
        link_all(cur, store.link_rules)  # and counts the linked events
        stories.rebuild(cur)


@pytest.mark.parametrize("seed", range(3))
def test_a_store_written_document_by_document_holds_what_the_from_scratch_paths_make(tmp_path, seed):
    docs = _documents()
    random.Random(seed).shuffle(docs)
    with Store(tmp_path / "s.duckdb") as store:
        for doc in docs:
            store.put(doc)
        kept = _state(store)
        _from_scratch(store)
        assert _state(store) == kept
    # what the documents make of each other, so that the comparison compares something
    assert len({copy_of for _, copy_of, _ in kept["copies"]}) < len(kept["copies"])  # copies found
    assert len({link for *_, link in kept["links"]}) < len(kept["links"])  # events merged across articles
    assert len({story for *_, story in kept["story_docs"]}) < len(kept["story_docs"])  # stories grouped
    assert kept["story_links"]


def _index_names(store: Store) -> set[str]:
    with store.cursor() as cur:
        return {name for (name,) in cur.execute("SELECT index_name FROM duckdb_indexes()").fetchall()}


def test_a_store_written_before_the_writers_indexes_gets_them_when_opened_for_writing(tmp_path):
    names = {ddl.split()[5] for ddl in WRITER_INDEXES}
    assert {"doc_copies_group", "story_docs_day", "story_keys_doc", "actors_doc"} <= names
    docs = _documents()
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        for doc in docs[:-4]:
            store.put(doc)
        assert names <= _index_names(store)
        with store._transaction() as cur:  # as a store was written before them
            for name in names:
                cur.execute(f"DROP INDEX {name}")
        before = _state(store)
    with Store(path, read_only=True) as old:  # read as it is
        assert not names & _index_names(old)
        assert _state(old) == before
        assert old.get(docs[0].doc_id) is not None
    with Store(path) as store:
        assert names <= _index_names(store)
        assert _state(store) == before
        for doc in docs[-4:]:
            store.put(doc)
        kept = _state(store)
    with Store(tmp_path / "whole.duckdb") as whole:  # the same documents into a store that always had them
        for doc in docs:
            whole.put(doc)
        assert _state(whole) == kept


def test_recomputing_the_links_among_some_documents_keeps_their_links_to_the_others(tmp_path):
    with Store(tmp_path / "s.duckdb") as store, store._transaction() as cur:
        rows = [("a", "b", 2.0, [1], ["name:putin"]), ("a", "x", 3.0, [], ["name:petro", "name:putin"]),
                ("b", "c", 2.5, [2, 3], []), ("c", "y", 2.0, [4, 5], []), ("x", "y", 2.0, [6, 7], [])]
        cur.execute("INSERT INTO story_links VALUES " + ", ".join(["(?, ?, ?, ?, ?)"] * len(rows)),
                    [v for row in rows for v in row])
        stories._delete_links_among(cur, ["a", "b", "c"])
        left = cur.execute("SELECT * FROM story_links ORDER BY ALL").fetchall()
    assert left == [("a", "x", 3.0, [], ["name:petro", "name:putin"]), ("c", "y", 2.0, [4, 5], []),
                    ("x", "y", 2.0, [6, 7], [])]


@pytest.mark.parametrize(("seed", "size"), [(0, 4), (1, 7), (2, 32)])
def test_a_store_written_a_batch_at_a_time_holds_what_one_written_document_by_document_holds(tmp_path, seed, size):
    docs = _documents()
    random.Random(seed).shuffle(docs)
    keys = [f"{doc.doc_id}.json#{i:040x}" for i, doc in enumerate(docs)]
    with Store(tmp_path / "one.duckdb") as one, Store(tmp_path / "many.duckdb") as many:
        added_one = [one.put(doc, key=key) for doc, key in zip(docs, keys, strict=True)]
        added_many = []
        for start in range(0, len(docs), size):
            added_many += many.put_many(docs[start:start + size], keys=keys[start:start + size])
        assert added_many == added_one
        assert "article" in added_many  # the syndicated copy: another article of a stored document
        assert _contents(many) == _contents(one)
        kept = _contents(many)
        _from_scratch(many)
        assert _contents(many) == kept


def test_a_batch_holding_a_document_the_store_refuses_is_stored_not_at_all(tmp_path):
    docs = _documents()[:5]
    other = Document.from_record({**docs[1].to_record(), "text": docs[1].text.replace(" the ", " its ", 1)})
    with Store(tmp_path / "s.duckdb") as store:
        store.put(docs[0])
        before = _contents(store)
        with pytest.raises(InputError, match="already stored with other text"):
            store.put_many([*docs[1:], other], keys=[f"k{i}#{i:040x}" for i in range(1, 5)] + [None])
        assert _contents(store) == before
        assert store.put_many(docs[1:]) == ["document"] * 4  # the batch without it goes in


def test_a_batch_prepared_where_it_was_coded_is_stored_as_one_the_store_prepares(tmp_path):
    # as a worker process sends them: each document with its record and signature, pickled and back
    docs = _documents()
    sent = pickle.loads(pickle.dumps(prepare_results(list(docs))))
    with Store(tmp_path / "here.duckdb") as here, Store(tmp_path / "sent.duckdb") as there:
        assert here.put_many(docs) == there.put_many([p.document for p in sent], prepared=sent)
        assert _contents(there) == _contents(here)
        with pytest.raises(ValueError, match="not the document it stands beside"):
            there.put_many(docs[:2], prepared=list(reversed(sent[:2])))
