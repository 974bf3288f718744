"""Articles: each publication of a stored text, the pages a syndicated wire story appears on."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import duckdb

from diplograph.store import Store, export_events
from diplograph.store.articles import article_key
from diplograph.store.gdelt import EVENT_COLUMNS, MENTION_COLUMNS
from diplograph.store.query import query_linked_events

CNN = "https://cnnespanol.cnn.com/2022/09/21/putin-colombia-socio-prometedor-rusia-america-latina-trax"
YAHOO = "https://es.news.yahoo.com/putin-colombia-socio-prometedor"


def test_one_page_under_two_spellings_of_its_url_is_one_article():
    assert article_key(CNN, "CNN en Español") == article_key(
        CNN.replace("https://cnnespanol", "http://www.CNNespanol") + "/#comments", None)
    assert article_key(CNN, None) != article_key(YAHOO, None)
    assert article_key(CNN.upper(), None) != article_key(CNN, None)  # a URL's path is case-sensitive
    assert article_key(None, " CNN en  Español ") == article_key(None, "cnn en español") == "outlet:cnn en español"
    assert article_key(None, None) == article_key("  ", "") == ""


def _before_articles(path) -> None:
    """Make the store look like one written before articles were recorded (main before issue 10 item 2)."""
    con = duckdb.connect(str(path))
    con.execute("DROP VIEW linked_events")
    con.execute("DROP TABLE articles")
    con.execute("CREATE VIEW linked_events AS SELECT 1 AS stale")  # the view of that time, not reading articles
    con.close()


def test_a_store_written_before_articles_gets_one_per_document_when_opened_for_writing(tmp_path, store_documents):
    seed = store_documents[0]
    path = tmp_path / "d.duckdb"
    with Store(path) as store:
        for doc in store_documents:
            store.add(doc)
    _before_articles(path)
    with Store(path, read_only=True) as old:  # read-only: each document's own publication
        assert old.articles(seed.doc_id) == [{"url": seed.url, "outlet": seed.outlet,
                                              "published": dt.date.fromisoformat(seed.published),
                                              "source": seed.source}]
    with Store(path) as store:
        assert [len(store.articles(doc.doc_id)) for doc in store_documents] == [1, 1, 1]
        assert {(e["num_articles"], e["num_sources"]) for e in query_linked_events(store)} == {(1, 1)}
        assert store.put(replace(seed, url=YAHOO, outlet="Yahoo Noticias", source="yahoo.txt")) == "article"
        events = [e for e in query_linked_events(store) if e["doc_id"] == seed.doc_id]
        assert {(e["num_articles"], e["num_sources"]) for e in events} == {(2, 2)}


def test_show_mentions_lists_every_article_of_a_document(tmp_path, store_documents):
    seed = store_documents[0]
    with Store(tmp_path / "d.duckdb") as store:
        store.add(seed)
        store.put(replace(seed, url=YAHOO, outlet="Yahoo Noticias", source="yahoo.txt"))
        events = query_linked_events(store, show_mentions=True)
    assert events and all(e["num_mentions"] == 2 * e["n_mentions"] for e in events)
    for event in events:
        assert [(m["outlet"], m["url"]) for m in event["mentions"]] == [(seed.outlet, seed.url),
                                                                         ("Yahoo Noticias", YAHOO)]
        assert {m["source"] for m in event["mentions"]} == {seed.source, "yahoo.txt"}


def test_the_mentions_table_lists_a_syndicated_copy_under_its_own_source_and_url(tmp_path, store_documents):
    seed = store_documents[0]
    with Store(tmp_path / "d.duckdb") as store:
        store.add(seed)
        store.put(replace(seed, url=YAHOO, outlet="Yahoo Noticias", source="yahoo.txt"))
        events, mentions = tmp_path / "events.tsv", tmp_path / "mentions.tsv"
        export_events(store, "gdelt", events)
        n = export_events(store, "gdelt-mentions", mentions)
    event_rows = _tsv(events, EVENT_COLUMNS)
    rows = _tsv(mentions, MENTION_COLUMNS)
    assert {r["NumArticles"] for r in event_rows} == {"2"}
    assert n == len(rows) == sum(int(r["NumMentions"]) for r in event_rows)
    assert {(r["MentionSourceName"], r["MentionIdentifier"]) for r in rows} == {
        ("cnnespanol.cnn.com", seed.url), ("es.news.yahoo.com", YAHOO)}


def _tsv(path, columns) -> list[dict[str, str]]:
    return [dict(zip(columns, line.split("\t"), strict=True)) for line in path.read_text("utf-8").splitlines()]
