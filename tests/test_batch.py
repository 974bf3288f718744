"""Ingest into the store: idempotent, resumable after an interruption, failures recorded."""

import json

import pytest

from diplograph.batch import ingest
from diplograph.ingest import iter_sources
from diplograph.model import Failure, Source
from diplograph.pipeline import Pipeline
from diplograph.settings import load_settings
from diplograph.store import Store

ARTICLES = [
    "Iran and Iraq signed a trade agreement in Baghdad on Sunday, officials said.",
    "Israeli troops attacked Hamas positions in Gaza on Monday, the army said.",
    "The European Union imposed new sanctions on Belarus over the forced landing of a Ryanair jet.",
    "Chinese Foreign Minister Wang Yi met his Russian counterpart Sergei Lavrov in Beijing on Tuesday.",
]


def _sources(seed_text):
    items = [Source(f"wire-{i}.txt", text, published="2023-05-02") for i, text in enumerate(ARTICLES)]
    items.insert(2, Failure("missing.txt", "no such file or directory"))
    items.append(Source("seed.txt", seed_text, published="2022-09-21"))
    return items


@pytest.fixture
def pipeline(nlp):
    return Pipeline(nlp=nlp)


def test_ingest_twice_stores_once(tmp_path, pipeline, seed_text):
    with Store(tmp_path / "news.duckdb") as store:
        first = ingest(_sources(seed_text), store, pipeline)
        counts = store.counts()
        second = ingest(_sources(seed_text), store, pipeline)
        assert store.counts() == counts
    assert (first.stored, len(first.failures)) == (5, 1)
    assert (second.stored, second.skipped) == (0, 5)
    assert second.failures[0].input == "missing.txt"  # failures are retried, and recorded again


def test_interrupted_ingest_resumes_without_loss(tmp_path, pipeline, seed_text):
    def interrupted(items, after):
        for n, item in enumerate(items):
            if n == after:
                raise KeyboardInterrupt
            yield item

    one_at_a_time = Pipeline(load_settings().with_overrides(batch_size=1, workers=1), nlp=pipeline.nlp)
    db = tmp_path / "news.duckdb"
    with Store(db) as store, pytest.raises(KeyboardInterrupt):
        ingest(interrupted(_sources(seed_text), after=4), store, one_at_a_time)
    with Store(db) as store:
        assert len(store.doc_ids()) == 3  # wire-0, wire-1, wire-2 were done when it stopped
        resumed = ingest(_sources(seed_text), store, one_at_a_time)
        stored_ids = set(store.doc_ids())
    assert (resumed.skipped, resumed.stored) == (3, 2)  # the rest is finished, nothing redone
    assert len(stored_ids) == 5


def test_same_text_under_another_name_is_one_document(tmp_path, pipeline):
    with Store(tmp_path / "news.duckdb") as store:
        summary = ingest([Source("a.txt", ARTICLES[0]), Source("copy-of-a.txt", ARTICLES[0])], store, pipeline)
        assert (summary.stored, summary.duplicates) == (1, 1)
        assert len(store.doc_ids()) == 1


def _line(doc_id, text):
    return json.dumps({"id": doc_id, "text": text, "published": "2023-05-02"})


def test_same_id_with_other_text_in_one_file_is_refused_not_dropped(tmp_path, pipeline):
    dump = tmp_path / "docs.jsonl"
    dump.write_text("\n".join([_line("a1", ARTICLES[0]), _line("a1", ARTICLES[1])]) + "\n", "utf-8")
    settings = pipeline.settings
    with Store(tmp_path / "news.duckdb") as store:
        summary = ingest(iter_sources([str(dump)], settings), store, pipeline)
        assert (summary.stored, summary.duplicates) == (1, 0)
        assert [f.message() for f in summary.failures] == [
            f"{dump}:2: id 'a1' is already stored with other text (from {dump}:1); give this version its own id"
        ]
        assert [f.input for f in store.failures()] == [f"{dump}:2"]  # recorded in the store
        assert store.get("a1").text == ARTICLES[0]  # the first version is kept as it was
        again = ingest(iter_sources([str(dump)], settings), store, pipeline)
    assert (again.skipped, len(again.failures)) == (1, 1)  # not marked done: a re-run tries it again


def test_same_id_with_other_text_across_runs_is_refused(tmp_path, pipeline):
    with Store(tmp_path / "news.duckdb") as store:
        ingest([Source("monday.jsonl:1", ARTICLES[0], doc_id="a1")], store, pipeline)
        summary = ingest([Source("tuesday.jsonl:1", ARTICLES[1], doc_id="a1")], store, pipeline)
        assert summary.stored == 0 and len(store.doc_ids()) == 1
    assert summary.failures == [Failure("tuesday.jsonl:1", "id 'a1' is already stored with other text "
                                                           "(from monday.jsonl:1); give this version its own id")]


def test_same_id_with_same_text_is_a_reingest(tmp_path, pipeline):
    with Store(tmp_path / "news.duckdb") as store:
        summary = ingest([Source("a.jsonl:1", ARTICLES[0], doc_id="a1"),
                          Source("b.jsonl:7", ARTICLES[0], doc_id="a1")], store, pipeline)
        assert (summary.stored, summary.duplicates, summary.failures) == (1, 1, [])
        assert store.failures() == []


def _stored(path) -> dict[str, list[tuple]]:
    """Every row an ingest writes, but the times it wrote them at."""
    queries = {
        "documents": "SELECT * EXCLUDE (added) FROM documents", "actors": "SELECT * FROM actors",
        "events": "SELECT * FROM events", "quotes": "SELECT * FROM quotes",
        "articles": "SELECT * EXCLUDE (added) FROM articles", "sources": 'SELECT * EXCLUDE ("at") FROM sources',
        "failures": 'SELECT * EXCLUDE ("at") FROM failures', "copies": "SELECT * FROM doc_copies",
        "bands": "SELECT * FROM doc_bands", "links": "SELECT * FROM event_links",
        "link_keys": "SELECT * FROM event_link_keys", "counts": "SELECT * FROM linked_event_counts",
        "stories": "SELECT * FROM story_docs", "story_links": "SELECT * FROM story_links",
    }
    with Store(path, read_only=True) as store, store.cursor() as cur:
        return {name: cur.execute(sql + " ORDER BY ALL").fetchall() for name, sql in queries.items()}


@pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(),
                    reason="worker processes need fork")
def test_documents_prepared_by_the_workers_are_stored_as_the_store_prepares_them(tmp_path, pipeline, seed_text):
    # the workers send each document with its record and copies signature (store/prepared.py); a run
    # handing the store bare Documents (as a Dask cluster does) stores the same rows
    settings = load_settings().with_overrides(batch_size=2, workers=2)
    workers = Pipeline(settings, nlp=pipeline.nlp)
    with Store(tmp_path / "workers.duckdb") as store:
        summary = ingest(_sources(seed_text), store, workers)
    assert (summary.stored, len(summary.failures)) == (5, 1)
    with Store(tmp_path / "bare.duckdb") as store:
        ingest(_sources(seed_text), store, workers, run=lambda items: workers.run(items))
    assert _stored(tmp_path / "workers.duckdb") == _stored(tmp_path / "bare.duckdb")
