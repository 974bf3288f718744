"""Ingest into the store: idempotent, resumable after an interruption, failures recorded."""

import pytest

from diplograph.batch import ingest
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
