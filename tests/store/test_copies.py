"""Copies of one article: syndicated, lightly edited and re-ingested versions of the seed article."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from dataclasses import replace

import duckdb
import pytest

from diplograph.clean import prepare
from diplograph.cli import main
from diplograph.errors import InputError
from diplograph.model import Document, Source, doc_id_for
from diplograph.settings import load_settings
from diplograph.store import Store
from diplograph.store.copies import THRESHOLD, signature, similarity, words
from diplograph.store.query import query_linked_events

CNN = "https://cnnespanol.cnn.com/2022/09/21/putin-colombia-socio-prometedor-rusia-america-latina-trax"
MIRROR = "https://www.latinnews.example/2022/09/22/putin-colombia-partner"


def drop_sentence(text: str) -> str:
    """The article without the last sentence of its first paragraph of several sentences."""
    paragraphs = text.split("\n\n")
    at = next(i for i, p in enumerate(paragraphs) if len(p.split(". ")) > 1)
    paragraphs[at] = ". ".join(paragraphs[at].split(". ")[:-1]) + "."
    return "\n\n".join(paragraphs)


def light_edit(text: str) -> str:
    """Two paragraphs swapped and a sentence dropped, as a re-publisher's light edit does."""
    paragraphs = drop_sentence(text).split("\n\n")
    paragraphs[2], paragraphs[3] = paragraphs[3], paragraphs[2]
    return "\n\n".join(paragraphs)


def _articles(store: Store) -> int:
    """How many articles (publications) the store records, over all its documents."""
    return sum(len(store.articles(doc_id)) for doc_id in store.doc_ids())


def page(text: str, url: str | None, outlet: str | None, published: str, name: str) -> Document:
    source = Source(name=name, content=text, kind="text", url=url, outlet=outlet, published=published)
    return prepare(source, load_settings())


@pytest.fixture()
def versions(seed_text, store_documents) -> dict[str, Document]:
    """The seed as itself, syndicated (other outlet and URL, same text, a day later), lightly
    edited (a day later again), and a different article from the same war (Kyiv strikes)."""
    return {
        "seed": page(seed_text, CNN, "CNN en Español", "2022-09-21", "seed.txt"),
        "syndicated": page(seed_text, MIRROR, "Latin News", "2022-09-22", "syndicated.txt"),
        "edited": page(light_edit(seed_text), "https://mirror.example/putin", "Mirror", "2022-09-23", "edited.txt"),
        "other": store_documents[1],
    }


def test_the_light_edit_changes_the_text(seed_text):
    copy = light_edit(seed_text)
    assert copy != seed_text and len(words(copy)) < len(words(seed_text))
    assert similarity(signature(seed_text), signature(copy)) >= THRESHOLD


def test_different_articles_are_far_below_the_threshold(seed_text, store_documents):
    texts = [seed_text, *(d.text for d in store_documents[1:])]
    for a, b in itertools.combinations(texts, 2):
        assert similarity(signature(a), signature(b)) < THRESHOLD / 2


def test_words_ignore_case_punctuation_and_spacing():
    assert words("Putin’s  statement,\n“Colombia”!") == words("putins statement colombia")


def test_a_syndicated_copy_is_an_article_and_an_edited_copy_a_document_pointing_to_the_first(tmp_path, versions):
    seed = versions["seed"].doc_id
    assert versions["syndicated"].doc_id == seed == doc_id_for(versions["seed"].text)  # the output contract
    with Store(tmp_path / "d.duckdb") as store:
        assert [store.put(doc) for doc in versions.values()] == ["document", "article", "document", "document"]
        assert store.counts()["documents"] == 3 and _articles(store) == 4
        assert [(a["outlet"], a["url"]) for a in store.articles(seed)] == [("CNN en Español", CNN),
                                                                            ("Latin News", MIRROR)]
        for name in ("seed", "syndicated", "edited"):
            assert store.original_of(versions[name].doc_id) == seed
        assert store.original_of(versions["other"].doc_id) == versions["other"].doc_id
        assert store.copies_of(versions["edited"].doc_id) == [seed, versions["edited"].doc_id]
        assert store.copies_of(versions["other"].doc_id) == [versions["other"].doc_id]
        assert store.original_of("no-such-doc") is None and store.copies_of("no-such-doc") == []
        assert store.articles("no-such-doc") == []
        assert store.originals() == {d.doc_id: store.original_of(d.doc_id) for d in versions.values()}


@pytest.mark.parametrize("order", list(itertools.permutations(["seed", "syndicated", "edited", "other"]))[::5])
def test_the_original_does_not_depend_on_ingestion_order(tmp_path, versions, order):
    with Store(tmp_path / "d.duckdb") as store:
        for name in order:
            store.add(versions[name])
        originals = {name: store.original_of(doc.doc_id) for name, doc in versions.items()}
    seed = versions["seed"].doc_id
    assert originals == {"seed": seed, "syndicated": seed, "edited": seed, "other": versions["other"].doc_id}


def test_an_earlier_copy_arriving_later_becomes_the_original(tmp_path, versions):
    with Store(tmp_path / "d.duckdb") as store:
        store.add(versions["edited"])
        store.add(versions["syndicated"])  # the seed's text, published on the 22nd: before the edit
        assert store.original_of(versions["edited"].doc_id) == versions["syndicated"].doc_id
        store.add(versions["seed"])
        assert {store.original_of(d.doc_id) for n, d in versions.items() if n != "other"} == {versions["seed"].doc_id}


def test_an_earlier_article_of_a_stored_text_makes_it_the_original(tmp_path, seed_text, versions):
    """The edit is published first as far as the store knows, until the seed's text turns up dated earlier."""
    late = page(seed_text, MIRROR, "Latin News", "2022-09-25", "late.txt")
    with Store(tmp_path / "d.duckdb") as store:
        store.add(late)
        store.add(versions["edited"])
        assert store.original_of(late.doc_id) == versions["edited"].doc_id
        assert store.put(versions["seed"]) == "article"
        assert store.original_of(versions["edited"].doc_id) == late.doc_id == versions["seed"].doc_id


def test_the_same_page_ingested_twice_is_one_document_and_one_article(tmp_path, seed_text):
    first = page(seed_text, CNN, "CNN en Español", "2022-09-21", "seed.txt")
    again = page(seed_text, CNN, "CNN en Español", "2022-09-21", "seed-again.txt")
    assert again.doc_id == first.doc_id
    with Store(tmp_path / "d.duckdb") as store:
        assert store.add(first) is True
        assert store.add(again) is False
        assert store.counts()["documents"] == 1 and _articles(store) == 1
        assert store.copies_of(first.doc_id) == [first.doc_id]


def test_the_same_text_elsewhere_is_another_article_of_one_document(tmp_path, seed_text):
    here = page(seed_text, CNN, "CNN en Español", "2022-09-21", "a.txt")
    there = page(seed_text, MIRROR, "CNN en Español", "2022-09-21", "b.txt")
    nowhere = replace(here, url=None, outlet=None, source="c.txt")
    same_page = page(seed_text, CNN.replace("https://", "http://www.") + "#comments", None, "2022-09-21", "d.txt")
    same_outlet = page(seed_text, None, " cnn en  español", "2022-09-21", "e.txt")  # no URL: nothing new
    outlet_only = page(seed_text, None, "Yahoo Noticias", "2022-09-21", "f.txt")
    pages = (here, there, nowhere, same_page, same_outlet, outlet_only, outlet_only)
    assert len({d.doc_id for d in pages}) == 1
    with Store(tmp_path / "d.duckdb") as store:
        assert [store.put(d) for d in pages] == [
            "document", "article", "nothing", "nothing", "nothing", "article", "nothing"]
        assert store.counts()["documents"] == 1 and _articles(store) == 3


def test_a_page_with_neither_url_nor_outlet_is_an_article_of_its_own(tmp_path, seed_text):
    nowhere = replace(page(seed_text, None, None, "2022-09-21", "c.txt"), outlet=None)
    with Store(tmp_path / "d.duckdb") as store:
        assert store.put(nowhere) == "document"
        assert store.articles(nowhere.doc_id) == [{"url": None, "outlet": None, "published": dt.date(2022, 9, 21),
                                                   "source": "c.txt"}]


def test_an_id_stored_with_other_text_is_still_refused(tmp_path, seed_text, versions):
    other = replace(versions["edited"], doc_id=versions["seed"].doc_id)
    with Store(tmp_path / "d.duckdb") as store:
        store.add(versions["seed"])
        with pytest.raises(InputError, match="already stored with other text"):
            store.put(other)
        assert _articles(store) == 1


def test_copies_survive_reopening_the_store(tmp_path, versions):
    path = tmp_path / "d.duckdb"
    with Store(path) as store:
        store.add(versions["edited"])
    with Store(path) as store:
        store.add(versions["seed"])
        store.add(versions["syndicated"])
    with Store(path, read_only=True) as store:
        assert store.original_of(versions["edited"].doc_id) == versions["seed"].doc_id
        assert len(store.articles(versions["seed"].doc_id)) == 2


def _drop_copies_tables(path) -> None:
    """Make the store look like one written before copies were recognised."""
    con = duckdb.connect(str(path))
    con.execute("DROP TABLE doc_bands")
    con.execute("DROP TABLE doc_copies")
    con.execute("DELETE FROM meta WHERE key = 'copies'")
    con.close()


def test_a_store_written_before_copies_gets_them_when_opened_for_writing(tmp_path, versions):
    path = tmp_path / "d.duckdb"
    with Store(path) as store:
        for name in ("edited", "seed", "other"):
            store.add(versions[name])
    _drop_copies_tables(path)
    with Store(path, read_only=True) as store:  # read-only: each document is its own original
        stored = [d.doc_id for n, d in versions.items() if n != "syndicated"]
        assert store.originals() == {doc_id: doc_id for doc_id in stored}
        assert store.original_of(versions["edited"].doc_id) == versions["edited"].doc_id
        assert store.copies_of(versions["seed"].doc_id) == [versions["seed"].doc_id]
    with Store(path) as store:
        assert store.original_of(versions["edited"].doc_id) == versions["seed"].doc_id
        assert store.put(versions["syndicated"]) == "article"
        assert store.copies_of(versions["other"].doc_id) == [versions["other"].doc_id]
        assert len(store.copies_of(versions["syndicated"].doc_id)) == 2


def test_copies_made_with_other_settings_are_remade(tmp_path, versions):
    path = tmp_path / "d.duckdb"
    with Store(path) as store:
        for name in ("seed", "edited"):
            store.add(versions[name])
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = 'minhash legacy, 64 values of 3-word shingles' WHERE key = 'copies'")
    con.execute("UPDATE doc_copies SET copy_of = doc_id, signature = ''::BLOB")
    con.close()
    with Store(path) as store:
        assert store.original_of(versions["edited"].doc_id) == versions["seed"].doc_id


def test_ingest_stores_the_copies_and_a_second_feed_of_the_same_pages_adds_nothing(tmp_path, seed_text, capsys):
    """Through the command line: one wire story under two outlets and lightly edited under a third is
    two documents (one text coded once, one edit) of three articles; the same pages again (another
    file, same lines) are re-ingests."""
    lines = [
        {"text": seed_text, "url": CNN, "outlet": "CNN en Español", "published": "2022-09-21"},
        {"text": seed_text, "url": MIRROR, "outlet": "Latin News", "published": "2022-09-22"},
        {"text": light_edit(seed_text), "url": "https://mirror.example/putin", "outlet": "Mirror",
         "published": "2022-09-22"},
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(line) + "\n" for line in lines), "utf-8")
    again = tmp_path / "feed-again.jsonl"
    again.write_bytes(feed.read_bytes())
    path = tmp_path / "d.duckdb"
    assert main(["ingest", str(feed), "--db", str(path)]) == 0
    assert ": 2 stored, 1 syndicated (a stored text under another URL or outlet), 0 already stored" in \
        capsys.readouterr().err
    assert main(["ingest", str(again), "--db", str(path)]) == 0
    assert ": 0 stored, 3 already stored (same text)" in capsys.readouterr().err
    with Store(path, read_only=True) as store:
        assert (store.counts()["documents"], _articles(store)) == (2, 3)
        doc_ids = store.doc_ids()
        assert {store.original_of(d) for d in doc_ids} == {store.copies_of(doc_ids[0])[0]}
        original = store.get(store.copies_of(doc_ids[0])[0])
        assert original is not None and original.url == CNN
        assert [a["source"] for a in store.articles(original.doc_id)] == [f"{feed}:1", f"{feed}:2"]
        events = query_linked_events(store)
    # the linked events of one ingestion, each reported by three articles of three outlets but the one
    # the edit dropped ("The US government has provided more than $10 billion in aid to the country")
    assert len(events) == len(original.events) > 10
    counts = sorted((e["num_articles"], e["num_sources"]) for e in events)
    assert counts == [(2, 2)] + [(3, 3)] * (len(events) - 1)
