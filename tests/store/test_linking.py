"""Mentions linked to events across articles: copies of one report make one event with three
sources, a re-ingested page adds nothing, other stories stay apart, the order of ingestion does not
change the events, and the CLI lists them with their mentions."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest

from diplograph.cli import main
from diplograph.errors import InputError
from diplograph.model import Document
from diplograph.store import Store
from diplograph.store.linking import LinkRow, block_key, codes_compatible, compatible, date_interval, groups, link_all
from diplograph.store.query import query_linked_events

FIXTURES = Path(__file__).parents[1] / "fixtures"
SEED = FIXTURES / "seed_article.txt"
PUBLISHED = "2022-09-21"


def _edited(text: str) -> str:
    """The seed article lightly edited, as a mirror site does: two paragraphs swapped, a sentence dropped."""
    paragraphs = text.split("\n\n")
    ally = next(i for i, p in enumerate(paragraphs) if p.startswith("Colombia has been an important ally"))
    paragraphs[ally], paragraphs[ally - 1] = paragraphs[ally - 1], paragraphs[ally]
    dropped = "Expect Western countries to use their official speeches to criticize Moscow. "
    edited = "\n\n".join(paragraphs).replace(dropped, "")
    assert edited != text and dropped not in edited
    return edited


CNN = "https://cnnespanol.cnn.com/2022/09/21/putin-colombia"
YAHOO = "https://es.news.yahoo.com/putin-colombia-socio-prometedor"


@pytest.fixture(scope="module")
def copies() -> list[Document]:
    """The seed article as itself, as a syndicated copy (another outlet and URL: the same text, hence
    the same doc_id, the sha1 of the text), and edited under a third outlet (another document)."""
    from diplograph.pipeline import Pipeline

    text = SEED.read_text("utf-8")
    pipeline = Pipeline()
    return [
        pipeline.extract(text, published=PUBLISHED, outlet="CNN en Español", url=CNN),
        pipeline.extract(text, published=PUBLISHED, outlet="Yahoo Noticias", url=YAHOO),
        pipeline.extract(_edited(text), published=PUBLISHED, outlet="La Nación",
                         url="https://www.nacion.example/mundo/putin-colombia"),
    ]


@pytest.fixture(scope="module")
def brief() -> Document:
    """An independent short report of Putin's praise: the seed's headline and the paragraph quoting
    him, as a radio station's website ran them (too little of the article to be a copy of it)."""
    from diplograph.pipeline import Pipeline

    paragraphs = SEED.read_text("utf-8").split("\n\n")
    quote = next(p for p in paragraphs if p.startswith("(CNN Spanish) — Russian President"))
    return Pipeline().extract(f"{paragraphs[0]}\n\n{quote}\n", published=PUBLISHED, outlet="Radio Caracol",
                              url="https://caracol.example/putin-colombia")


@pytest.fixture(scope="module")
def other_stories() -> list[Document]:
    """Two wire reports of other happenings (Kyiv missile strikes, a prisoner swap), recoded."""
    from diplograph.pipeline import Pipeline

    pipeline = Pipeline()
    records = json.loads((FIXTURES / "store" / "documents.json").read_text("utf-8"))[1:]
    return [pipeline.extract(r["text"], published=r["published"], outlet=r["outlet"], url=r["url"],
                             doc_id=r["doc_id"]) for r in records]


def _store(tmp_path: Path, docs: list[Document], name: str = "s.duckdb") -> Store:
    store = Store(tmp_path / name)
    for doc in docs:
        store.add(doc)
    return store


def _grouping(store: Store) -> set[frozenset[tuple[str, str]]]:
    with store.cursor() as cur:
        return set(groups(cur))


def _best_mention(store: Store) -> dict[int, float]:
    """Each linked event's most confident mention."""
    with store.cursor() as cur:
        return dict(cur.execute("SELECT l.link_id, max(e.confidence) FROM event_links l"
                                " JOIN events e USING (doc_id, event_id) GROUP BY l.link_id").fetchall())


def test_three_copies_of_one_report_give_its_events_once_with_three_articles_and_three_sources(copies, tmp_path):
    assert copies[0].doc_id == copies[1].doc_id != copies[2].doc_id
    with Store(tmp_path / "s.duckdb") as store:
        assert [store.put(doc) for doc in copies] == ["document", "article", "document"]
        events = query_linked_events(store)
        best = _best_mention(store)
        assert store.counts()["documents"] == 2  # the syndicated copy is not coded again
    assert len(copies[0].events) > 10
    assert len(events) == len(copies[0].events)
    assert {(e["num_articles"], e["num_sources"]) for e in events} == {(3, 3)}
    # GDELT's NumMentions: each article's mentions, the syndicated copy's too: three times one article's
    with _store(tmp_path, copies[:1], "one.duckdb") as one:
        once = sorted(3 * e["num_mentions"] for e in query_linked_events(one))
    assert sorted(e["num_mentions"] for e in events) == once
    # three copies of one report are one report: no more confident than its best mention
    assert all(e["linked_confidence"] == pytest.approx(best[e["link_id"]]) for e in events)


def test_copies_given_ids_of_their_own_count_as_articles_but_not_as_independent_reports(copies, tmp_path):
    own_ids = [replace(doc, doc_id=name) for doc, name in zip(copies, ("cnn", "yahoo", "nacion"), strict=True)]
    with _store(tmp_path, own_ids) as store:
        events = query_linked_events(store)
        best = _best_mention(store)
    assert len(events) == len(copies[0].events)
    assert {(e["num_articles"], e["num_sources"]) for e in events} == {(3, 3)}
    assert all(e["linked_confidence"] == pytest.approx(best[e["link_id"]]) for e in events)


def test_confidence_grows_with_an_independent_report_not_with_a_copy(copies, brief, tmp_path):
    with _store(tmp_path, [copies[0], brief]) as store:
        praise = [e for e in query_linked_events(store, code="051", dyad="RUS>COL") if e["num_articles"] > 1]
        with store.cursor() as cur:
            mentions = cur.execute("SELECT e.confidence FROM event_links l JOIN events e USING (doc_id, event_id)"
                                   " WHERE l.link_id = ?", [praise[0]["link_id"]]).fetchall()
        assert store.original_of(brief.doc_id) == brief.doc_id  # not a copy of the article
    assert len(praise) == 1 and (praise[0]["num_articles"], praise[0]["num_sources"]) == (2, 2)
    assert len(mentions) == 2
    a, b = (c for (c,) in mentions)
    assert praise[0]["linked_confidence"] == pytest.approx(1 - (1 - a) * (1 - b))
    assert praise[0]["linked_confidence"] > max(a, b)


def test_the_same_page_ingested_twice_is_one_article(copies, tmp_path):
    with _store(tmp_path, [copies[0], copies[0]]) as store:
        events = query_linked_events(store)
    assert {(e["num_articles"], e["num_sources"]) for e in events} == {(1, 1)}


def test_two_copies_from_one_outlet_are_two_articles_but_one_source(copies, tmp_path):
    again = replace(copies[1], outlet=copies[0].outlet, doc_id="cnn-mirror")  # a caller's id: another document
    with _store(tmp_path, [copies[0], again]) as store:
        events = query_linked_events(store)
    assert {(e["num_articles"], e["num_sources"]) for e in events} == {(2, 1)}


def test_different_stories_stay_apart(copies, other_stories, tmp_path):
    with _store(tmp_path, [copies[0], *other_stories]) as store:
        grouping = _grouping(store)
    assert all(len({doc_id for doc_id, _ in group}) == 1 for group in grouping)
    assert len(grouping) == sum(len(d.events) for d in [copies[0], *other_stories])


def test_the_order_of_ingestion_does_not_change_the_events_nor_their_ids(copies, other_stories, tmp_path):
    docs = [*copies, *other_stories]
    with _store(tmp_path, docs, "forward.duckdb") as forward, \
            _store(tmp_path, docs[::-1], "backward.duckdb") as backward:
        assert _grouping(forward) == _grouping(backward)
        ids = [sorted(e["link_id"] for e in query_linked_events(s)) for s in (forward, backward)]
        assert ids[0] == ids[1]
        # and the same counts: the syndicated copy is an article of whichever page came first
        counted = [sorted((e["link_id"], e["num_mentions"], e["num_sources"], e["num_articles"], e["first_seen"],
                           round(e["linked_confidence"], 12)) for e in query_linked_events(s))
                   for s in (forward, backward)]
        assert counted[0] == counted[1]
        incremental = _grouping(forward)
        with forward._transaction() as cur:  # linking from scratch gives what linking one by one gave
            link_all(cur)
        assert _grouping(forward) == incremental


def test_a_store_written_before_linking_is_linked_when_opened_for_writing(copies, tmp_path):
    with _store(tmp_path, copies) as store, store._transaction() as cur:
        cur.execute("DROP VIEW linked_events")
        cur.execute("DROP TABLE event_links")
    with Store(tmp_path / "s.duckdb", read_only=True) as old, \
            pytest.raises(InputError, match="written before events were linked"):
        query_linked_events(old)
    with Store(tmp_path / "s.duckdb") as store:
        assert {e["num_articles"] for e in query_linked_events(store)} == {3}


# -- the rules, on a mention of the seed article ---------------------------------------------------


@pytest.fixture(scope="module")
def mention(copies) -> LinkRow:
    """Putin's praise of Colombia (051, RUSGOV -> COL, Tuesday 2022-09-20), as linking sees it."""
    with Store(":memory:") as store:
        store.add(copies[0])
        with store.cursor() as cur:
            row = cur.execute("SELECT * EXCLUDE (link_id) FROM event_links WHERE cameo = '051'"
                              " AND block LIKE '%|RUSGOV|COL'").fetchone()
    assert row is not None
    return LinkRow(*row)


def test_dates_link_within_each_others_precision(mention):
    day = mention.lo
    assert compatible(mention, replace(mention, lo=day, hi=day))
    assert not compatible(mention, replace(mention, lo=day + dt.timedelta(days=1), hi=day + dt.timedelta(days=1)))
    month = date_interval(day, "month")
    assert compatible(mention, replace(mention, lo=month[0], hi=month[1], tol=month[2]))
    # a report dated only by its publication the next day is the same Tuesday; two days later is not
    for days, linked in ((1, True), (2, False)):
        published = date_interval(day + dt.timedelta(days=days), "published")
        assert compatible(mention, replace(mention, lo=published[0], hi=published[1], tol=published[2])) is linked
    assert not compatible(mention, replace(mention, lo=None, hi=None))


def test_places_modes_and_codes_must_agree(mention):
    assert compatible(mention, replace(mention, place="RUS"))
    assert not compatible(replace(mention, place="COL"), replace(mention, place="RUS"))
    assert not compatible(mention, replace(mention, block=mention.block.replace("asserted", "negated")))
    assert compatible(mention, replace(mention, cameo="05"))
    assert codes_compatible("040", "043")  # a meeting reported as "met" and as "held talks"
    assert codes_compatible("19", "193") and not codes_compatible("193", "194")  # fighting: distinct acts
    assert not codes_compatible("051", "043")


# -- the CLI -----------------------------------------------------------------------------------------


def test_cli_lists_linked_events_with_counts_mentions_and_a_minimum_of_sources(copies, other_stories, tmp_path,
                                                                              capsys):
    db = tmp_path / "s.duckdb"
    _store(tmp_path, [*copies, *other_stories]).close()
    assert main(["events", "--db", str(db), "--format", "jsonl", "--min-sources", "3", "--show-mentions",
                 "--dyad", "RUS-COL"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows and all(r["num_sources"] == 3 and len(r["mentions"]) == 3 for r in rows)
    assert {m["outlet"] for m in rows[0]["mentions"]} == {"CNN en Español", "Yahoo Noticias", "La Nación"}
    assert main(["events", "--db", str(db), "--format", "jsonl", "--min-sources", "2"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == len(copies[0].events)
    assert main(["events", "--db", str(db), "--show-mentions", "--code", "051", "--dyad", "RUS>COL"]) == 0
    out = capsys.readouterr().out
    assert "    - La Nación | https://www.nacion.example/" in out
    assert "Colombia is a “promising partner of Russia" in out
    assert f"    - Yahoo Noticias | {YAHOO} | " in out  # the syndicated copy: its own outlet and URL
    with pytest.raises(SystemExit) as bad:
        main(["events", "--db", str(db), "--min-sources", "0"])
    assert bad.value.code == 2
    assert "not a number of sources" in capsys.readouterr().err


def test_without_an_outlet_the_source_is_the_url_host_else_the_document(copies, tmp_path):
    same_host = [replace(copies[0], outlet=None, url="https://www.cnnespanol.cnn.com/a", doc_id="a"),
                 replace(copies[1], outlet=None, url="http://cnnespanol.cnn.com/b?x=1", doc_id="b")]
    nowhere = [replace(copies[0], outlet=None, url=None, doc_id="c"),
               replace(copies[1], outlet=None, url=None, doc_id="d")]
    with _store(tmp_path, same_host, "host.duckdb") as by_host, _store(tmp_path, nowhere, "none.duckdb") as bare:
        assert {(e["num_articles"], e["num_sources"]) for e in query_linked_events(by_host)} == {(2, 1)}
        assert {(e["num_articles"], e["num_sources"]) for e in query_linked_events(bare)} == {(2, 2)}


def _syndicated(record: dict, outlet: str, days: int) -> Document:
    """A stored wire report as another outlet ran it, ``days`` later (its day-dated events too)."""
    r = json.loads(json.dumps(record))
    r["doc_id"], r["outlet"], r["url"] = f"{record['doc_id'][:8]}-{outlet}-{days}", outlet, None

    def shift(value: str | None) -> str | None:
        if not value or len(value) != 10:
            return value
        return (dt.date.fromisoformat(value) + dt.timedelta(days=days)).isoformat()

    r["published"] = shift(r["published"])
    for event in r["events"]:
        event["date"] = shift(event["date"])
    return Document.from_record(r)


@pytest.mark.parametrize("seed", range(4))
def test_any_order_of_many_reports_gives_the_same_events_as_linking_them_all_at_once(seed, tmp_path):
    import random

    records = json.loads((FIXTURES / "store" / "documents.json").read_text("utf-8"))
    # the same reports from three outlets, and again a day and two days later: what links and what does
    # not turns on the publication-date tolerance
    docs = [_syndicated(r, outlet, days) for r in records for outlet in ("A", "B", "C") for days in (0, 1, 2)]
    random.Random(seed).shuffle(docs)
    with _store(tmp_path, docs) as store:
        incremental = _grouping(store)
        ids = sorted(e["link_id"] for e in query_linked_events(store))
        with store._transaction() as cur:
            link_all(cur)
        assert _grouping(store) == incremental
        assert sorted(e["link_id"] for e in query_linked_events(store)) == ids
    with _store(tmp_path, sorted(docs, key=lambda d: d.doc_id), "sorted.duckdb") as ordered:
        assert _grouping(ordered) == incremental
    assert 1 < len(incremental) < sum(len(d.events) for d in docs)


def test_a_bare_country_acting_on_itself_links_only_within_its_article():
    # "American Airlines offered to fly the cat to Portland" and a football captain's plea, both USA -> USA
    assert block_key("a", "03", "asserted", "USA", "USA") != block_key("b", "03", "asserted", "USA", "USA")
    # the United States as a country facing its government links; someone placed only in the country does not
    state = (False, True)
    assert block_key("a", "03", "asserted", "USAGOV", "USA", states=state) == \
        block_key("b", "03", "asserted", "USAGOV", "USA", states=state)
    assert block_key("a", "03", "asserted", "USAGOV", "USA") != block_key("b", "03", "asserted", "USAGOV", "USA")
    assert block_key("a", "04", "asserted", "RUSGOV", "COL") == block_key("b", "04", "asserted", "RUSGOV", "COL")


# -- scale: what a lookup reads, and the incremental result on a bigger store ----------------------------


def _many_reports(outlets: int, days: int) -> list[Document]:
    records = json.loads((FIXTURES / "store" / "documents.json").read_text("utf-8"))
    return [_syndicated(r, f"Outlet {o}", d) for r in records for o in range(outlets) for d in range(days)]


def test_a_bigger_store_linked_one_document_at_a_time_in_any_order_equals_linking_it_at_once(tmp_path):
    import random

    # 3 reports x 6 outlets x 12 days: day-dated events shift day by day (and link across a day only when
    # dated by publication), while the month-dated, year-dated and undated ones pile up in their blocks
    docs = _many_reports(6, 12)
    random.Random(7).shuffle(docs)
    with _store(tmp_path, docs, "shuffled.duckdb") as store, _store(tmp_path, docs[::-1], "reversed.duckdb") as back:
        incremental = _grouping(store)
        ids = sorted(e["link_id"] for e in query_linked_events(store))
        assert _grouping(back) == incremental
        assert sorted(e["link_id"] for e in query_linked_events(back)) == ids
        with store._transaction() as cur:
            count = link_all(cur)
        assert _grouping(store) == incremental and count == len(incremental)
        assert sorted(e["link_id"] for e in query_linked_events(store)) == ids
        # ingesting more after linking from scratch goes on from the same state as before
        later = [_syndicated(r, "Outlet late", 3) for r in json.loads((FIXTURES / "store" / "documents.json")
                                                                        .read_text("utf-8"))]
        for doc in later:
            store.add(doc)
            back.add(doc)
        assert _grouping(store) == _grouping(back)
    sizes = sorted(len(g) for g in incremental)
    assert sizes[-1] >= 6 * 12 and sizes[0] == 6  # the piled-up blocks make one event each; a day, six reports


def test_reports_of_one_event_with_one_signature_are_one_lookup_row_however_many(tmp_path):
    # Russia's August 2022 sanctions on the US (112, dated by its month) reported by 40 outlets: linking
    # the 41st reads the block's months once, not 40 mentions
    docs = _many_reports(40, 1)[:40]
    with _store(tmp_path, docs) as store, store.cursor() as cur:
        rows = cur.execute("SELECT lookup, link_id FROM event_link_keys WHERE cameo = '112'"
                           " AND lookup LIKE '%|RUSGOV|USA#%'").fetchall()
        (mentions,) = cur.execute("SELECT count(*) FROM event_links WHERE cameo = '112'"
                                  " AND block LIKE '%|RUSGOV|USA'").fetchone() or (0,)
    assert mentions == 40
    assert sorted(lookup.rsplit("#", 1)[1] for lookup, _ in rows) == ["2022-07", "2022-08", "2022-09"]
    assert len({link for _, link in rows}) == 1


def test_a_document_rolled_back_leaves_no_trace_in_the_links_of_the_next(monkeypatch, tmp_path):
    import diplograph.store.db as db

    records = json.loads((FIXTURES / "store" / "documents.json").read_text("utf-8"))
    first, second = _syndicated(records[1], "A", 0), _syndicated(records[1], "B", 0)  # one wire report, twice

    def fail(*args: object) -> None:
        raise OSError("the disk went away")

    with Store(tmp_path / "s.duckdb") as store:
        with monkeypatch.context() as patched:
            patched.setattr(db, "_upsert_sources", fail)
            with pytest.raises(OSError):
                store.add(first, key="a#" + "0" * 40)  # linked, then rolled back
        store.add(second)
        events = query_linked_events(store)
    # the second report's events stand alone, under ids of its own mentions (not the rolled-back ones)
    assert {(e["num_articles"], e["doc_id"]) for e in events} == {(1, second.doc_id)}
    assert len(events) == len(second.events)


def test_a_store_linked_before_the_lookup_table_gets_it_when_opened_for_writing(tmp_path):
    records = json.loads((FIXTURES / "store" / "documents.json").read_text("utf-8"))
    with _store(tmp_path, [_syndicated(r, "A", 0) for r in records]) as store, store._transaction() as cur:
        cur.execute("DROP TABLE event_link_keys")  # as the first linking version wrote it
    with Store(tmp_path / "s.duckdb") as store:
        for r in records:
            store.add(_syndicated(r, "B", 0))
        events = query_linked_events(store)
    assert {(e["num_articles"], e["num_sources"]) for e in events} == {(2, 2)}


@pytest.mark.parametrize("seed", range(3))
def test_linked_events_are_the_components_of_all_compatible_pairs(seed, tmp_path):
    import random

    rng = random.Random(seed)
    records = json.loads((FIXTURES / "store" / "documents.json").read_text("utf-8"))
    docs = []
    for n in range(40):  # reports dated by day, publication, month or year, or undated, across a month's end
        r = json.loads(json.dumps(rng.choice(records)))
        r["doc_id"], r["outlet"], r["url"] = f"{r['doc_id'][:8]}-{n}", f"Outlet {n % 7}", None
        day = dt.date(2022, 9, 24) + dt.timedelta(days=rng.randrange(14))
        r["published"] = day.isoformat()
        for event in r["events"]:
            precision = rng.choice(["day", "day", "published", "published", "published", "month", "year", None])
            event["date_precision"] = precision
            event["date"] = None if precision is None else (day - dt.timedelta(days=rng.randrange(3))).isoformat()
        docs.append(Document.from_record(r))
    with _store(tmp_path, docs) as store, store.cursor() as cur:
        incremental = _grouping(store)
        rows = [LinkRow(*row) for row in cur.execute("SELECT * EXCLUDE (link_id) FROM event_links").fetchall()]
    parent = {(r.doc_id, r.event_id): (r.doc_id, r.event_id) for r in rows}

    def find(x: tuple[str, str]) -> tuple[str, str]:
        while parent[x] != x:
            x = parent[x]
        return x

    for i, a in enumerate(rows):  # every pair, no blocking
        for b in rows[:i]:
            if compatible(a, b):
                parent[find((a.doc_id, a.event_id))] = find((b.doc_id, b.event_id))
    components: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for key in parent:
        components.setdefault(find(key), set()).add(key)
    assert incremental == {frozenset(c) for c in components.values()}
    assert len(incremental) < len(rows)
    with Store(tmp_path / "s.duckdb") as store:
        with store._transaction() as cur:
            link_all(cur)
        assert _grouping(store) == incremental


def test_the_lookup_signature_holds_every_field_of_a_mention_but_who_and_which_block():
    # event_link_keys keeps one row per linked event and signature: a field that ``compatible`` compares
    # and the signature lacks would make two different mentions one row
    from dataclasses import astuple, fields

    from diplograph.store.linking import _signature

    day = dt.date(2022, 9, 20)
    row = LinkRow("doc", "e1", 7, "05|asserted|RUSGOV|COL", "051", day, day, 0, "COL")
    identity = {"doc_id", "event_id", "gid", "block"}
    assert _signature(row) == tuple(v for f, v in zip(fields(LinkRow), astuple(row), strict=True)
                                    if f.name not in identity)
