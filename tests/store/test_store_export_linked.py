"""Exports of linked events: the same story from several outlets is one GDELT row with its counts,
the Mentions table lists every report of it with offsets into the right text, Phoenix's one-a-day
filter collapses what it should, and a minimum of sources keeps the events reported widely."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from diplograph.errors import InputError
from diplograph.model import Document
from diplograph.store import Store, export_events
from diplograph.store.gdelt import EVENT_COLUMNS, MENTION_COLUMNS, global_event_id

DOCUMENTS = Path(__file__).parents[1] / "fixtures" / "store" / "documents.json"
SEED, KYIV, SWAP = json.loads(DOCUMENTS.read_text("utf-8"))


def _copy(record: dict[str, Any], doc_id: str, outlet: str, url: str | None) -> dict[str, Any]:
    """The same report as another outlet (or the same one at another URL) ran it."""
    r = json.loads(json.dumps(record))
    r["doc_id"], r["outlet"], r["url"] = doc_id, outlet, url
    return r


def _from_paragraph(record: dict[str, Any], cut: int, doc_id: str, outlet: str, url: str) -> dict[str, Any]:
    """A shortened copy, as a site that runs a story from a later paragraph: the title, then the text
    from ``cut`` on; every span after ``cut`` moves with it, what stood before is gone."""
    r = json.loads(json.dumps(record))
    title_end = len(r["title"]) + 2
    delta = cut - title_end
    r["text"] = r["text"][:title_end] + r["text"][cut:]
    r["doc_id"], r["outlet"], r["url"] = doc_id, outlet, url
    kept = [0] + [i for i, (start, _) in enumerate(r["sentences"]) if start >= cut]
    index = {old: new for new, old in enumerate(kept)}
    r["sentences"] = [r["sentences"][0]] + [[s - delta, e - delta] for s, e in r["sentences"][1:] if s >= cut]

    def after(item: dict[str, Any]) -> bool:
        return all(v >= cut for k, v in _offsets(item))

    def move(item: Any) -> Any:
        if isinstance(item, dict):
            return {k: (v - delta if k in ("start", "end") and isinstance(v, int)
                        else index[v] if k == "sentence" else move(v)) for k, v in item.items()}
        if isinstance(item, list):
            return [move(v) for v in item]
        return item

    r["actors"] = [move(a) for a in r["actors"] if after(a)]
    r["quotes"] = [move(q) for q in r["quotes"] if after(q)]
    quotes = {q["id"] for q in r["quotes"]}
    r["events"] = [move(e) for e in r["events"] if after(e)]
    for event in r["events"]:
        event["quote"] = event["quote"] if event["quote"] in quotes else None
    return r


def _offsets(item: Any, key: str = "") -> list[tuple[str, int]]:
    if isinstance(item, dict):
        return [o for k, v in item.items() for o in _offsets(v, k)] + (
            [(key, item["start"])] if isinstance(item.get("start"), int) else [])
    if isinstance(item, list):
        return [o for v in item for o in _offsets(v, key)]
    return []


def _store(path: Path, records: list[dict[str, Any]]) -> Store:
    store = Store(path)
    for record in records:
        store.add(Document.from_record(record))
    return store


@pytest.fixture(scope="module")
def reports() -> list[dict[str, Any]]:
    """The three stored reports; the prisoner swap again from a second outlet (no URL); the Kyiv
    strikes again from the same wire at a second URL; and the seed story as a site ran it from its
    third paragraph ("Upon receiving the new Colombian ambassador, ..." is there the lead)."""
    upon = SEED["text"].index("Upon receiving the new Colombian ambassador")
    return [
        SEED, KYIV, SWAP,
        _copy(SWAP, "zz-swap-other-wire", "Other Wire", None),
        _copy(KYIV, "zz-kyiv-mirror", KYIV["outlet"], "https://mirror.example.org/kyiv-strikes"),
        _from_paragraph(SEED, upon, "zz-seed-short", "Yahoo Noticias", "https://www.yahoo.example/putin"),
    ]


@pytest.fixture(scope="module")
def linked_store(reports, tmp_path_factory):
    with _store(tmp_path_factory.mktemp("linked") / "s.duckdb", reports) as store:
        yield store


def read_tsv(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """Read a GDELT-form export as GDELT's files are read: tab-separated, no header, no quoting."""
    lines = path.read_text("utf-8").splitlines()
    assert all(len(line.split("\t")) == len(columns) for line in lines)
    return [dict(zip(columns, line.split("\t"), strict=True)) for line in lines]


def test_the_shortened_copy_keeps_its_spans_on_its_words(reports):
    short = reports[-1]
    assert short["text"].split("\n\n")[1].startswith("Upon receiving the new Colombian ambassador")
    for event in short["events"]:
        for side in ("source", "target", "trigger"):
            span = event[side]
            if span:
                assert short["text"][span["start"]:span["end"]] == span["text"]
    assert len(short["events"]) == len(SEED["events"]) - 1  # Putin's praise (paragraph one) is gone


def test_gdelt_gives_one_row_per_event_with_the_counts_of_its_reports(linked_store, tmp_path):
    out = tmp_path / "events.tsv"
    assert export_events(linked_store, "gdelt", out) == 16  # the three reports' events, each once
    rows = {r["GLOBALEVENTID"]: r for r in read_tsv(out, EVENT_COLUMNS)}
    assert len(rows) == 16

    def counts(doc: dict[str, Any], event_id: str) -> tuple[str, ...]:
        row = rows[str(global_event_id(doc["doc_id"], event_id))]
        return row["NumMentions"], row["NumSources"], row["NumArticles"]

    assert counts(SWAP, "e1") == ("2", "2", "2")  # two outlets
    assert counts(KYIV, "e1") == ("2", "1", "2")  # one wire at two URLs: one source, two articles
    assert counts(SEED, "e1") == ("1", "1", "1")  # not in the shortened copy
    assert counts(SEED, "e2") == ("2", "2", "2")
    swap = rows[str(global_event_id(SWAP["doc_id"], "e1"))]
    assert swap["SOURCEURL"] == SWAP["url"] and swap["EventCode"] == "0841"


def test_is_root_event_when_any_report_has_it_in_its_lead(linked_store, reports, tmp_path):
    out = tmp_path / "events.tsv"
    export_events(linked_store, "gdelt", out)
    rows = {r["GLOBALEVENTID"]: r for r in read_tsv(out, EVENT_COLUMNS)}
    # the ambassador's credentials: third paragraph of the CNN story, lead of the shortened copy
    assert rows[str(global_event_id(SEED["doc_id"], "e2"))]["IsRootEvent"] == "1"
    assert rows[str(global_event_id(SEED["doc_id"], "e5"))]["IsRootEvent"] == "0"  # Petro at the UN
    with Store(":memory:") as alone:
        alone.add(Document.from_record(SEED))
        export_events(alone, "gdelt", out)
    rows = {r["GLOBALEVENTID"]: r for r in read_tsv(out, EVENT_COLUMNS)}
    assert rows[str(global_event_id(SEED["doc_id"], "e2"))]["IsRootEvent"] == "0"


def test_dateadded_is_the_first_time_a_report_entered_the_store(reports, tmp_path):
    with _store(tmp_path / "s.duckdb", reports) as store:
        with store._transaction() as cur:
            cur.execute("UPDATE documents SET added = TIMESTAMP '2022-11-25 09:30:00' WHERE doc_id = ?",
                        [reports[3]["doc_id"]])
            cur.execute("UPDATE documents SET added = TIMESTAMP '2022-11-26 12:00:00' WHERE doc_id = ?",
                        [SWAP["doc_id"]])
        out = tmp_path / "events.tsv"
        export_events(store, "gdelt", out, code="0841")
        mentions = tmp_path / "mentions.tsv"
        export_events(store, "gdelt-mentions", mentions, code="0841")
    rows = read_tsv(out, EVENT_COLUMNS)
    assert {r["DATEADDED"] for r in rows} == {"20221125093000"}  # the second outlet's copy came first
    assert {r["SOURCEURL"] for r in rows} == {SWAP["url"]}  # the earliest report with a URL
    listed = read_tsv(mentions, MENTION_COLUMNS)
    assert {r["EventTimeDate"] for r in listed} == {"20221125093000"}
    assert sorted(r["MentionTimeDate"] for r in listed) == ["20221125093000"] * 2 + ["20221126120000"] * 2


def test_the_mentions_table_lists_every_report_with_offsets_into_its_own_text(linked_store, reports, tmp_path):
    events, mentions = tmp_path / "events.tsv", tmp_path / "mentions.tsv"
    export_events(linked_store, "gdelt", events)
    n = export_events(linked_store, "gdelt-mentions", mentions)
    rows = read_tsv(mentions, MENTION_COLUMNS)
    event_rows = read_tsv(events, EVENT_COLUMNS)
    assert n == len(rows) == sum(int(r["NumMentions"]) for r in event_rows)
    ids = {r["GLOBALEVENTID"] for r in event_rows}
    assert {r["GLOBALEVENTID"] for r in rows} == ids

    texts = {r["url"] or f"{r['outlet']}, \"{r['title']}\", {r['published']}": r for r in reports}
    ambassador = [r for r in rows if r["GLOBALEVENTID"] == str(global_event_id(SEED["doc_id"], "e2"))]
    assert sorted(r["MentionSourceName"] for r in ambassador) == ["cnnespanol.cnn.com", "yahoo.example"]
    for row in ambassador:
        record = texts[row["MentionIdentifier"]]
        text = record["text"]
        assert text[int(row["Actor1CharOffset"]):].startswith("Putin")
        assert text[int(row["Actor2CharOffset"]):].startswith("Héctor Isidro Arenas Neira")
        assert text[int(row["ActionCharOffset"]):].startswith("receiving")
        start, end = record["sentences"][int(row["SentenceID"]) - 1]  # GDELT counts sentences from 1
        assert text[start:end].startswith("Upon receiving the new Colombian ambassador")
        assert (row["MentionType"], row["InRawText"], row["Confidence"]) == ("1", "1", "80")
        assert row["MentionDocLen"] == str(len(text))
        assert row["MentionDocTone"] == row["MentionDocTranslationInfo"] == row["Extras"] == ""
    assert {r["SentenceID"] for r in ambassador} == {"4", "2"}  # fourth in CNN's text, second in the copy

    # an article without a URL: a citation, GDELT's CITATIONONLY
    other = [r for r in rows if r["MentionSourceName"] == "Other Wire"]
    assert len(other) == 3 and {r["MentionType"] for r in other} == {"2"}
    assert other[0]["MentionIdentifier"] == 'Other Wire, "Russia and Ukraine swap prisoners of war", 2022-11-24'


def test_an_event_stated_twice_in_one_article_has_two_mention_rows(tmp_path):
    kyiv = json.loads(json.dumps(KYIV))
    strikes = kyiv["events"][0]  # "Russian forces fired dozens of missiles at Kyiv"
    hit = kyiv["text"].index("hit")
    strikes["mentions"].insert(0, {"sentence": 0, "start": 0, "end": len(kyiv["title"]),
                                   "trigger": {"text": "hit", "start": hit, "end": hit + 3}})
    with Store(tmp_path / "s.duckdb") as store:
        store.add(Document.from_record(kyiv))
        events, mentions = tmp_path / "events.tsv", tmp_path / "mentions.tsv"
        export_events(store, "gdelt", events, code="195")
        export_events(store, "gdelt-mentions", mentions, code="195")
    (event,) = read_tsv(events, EVENT_COLUMNS)
    headline, lead = read_tsv(mentions, MENTION_COLUMNS)
    assert event["NumMentions"] == "2"
    assert (headline["SentenceID"], headline["ActionCharOffset"]) == ("1", str(hit))
    # the headline names neither side where the coder found them ("Russian forces", "Kyiv" below)
    assert (headline["Actor1CharOffset"], headline["Actor2CharOffset"], headline["InRawText"]) == ("-1", "-1", "0")
    assert (lead["SentenceID"], lead["InRawText"]) == ("2", "1")
    assert kyiv["text"][int(lead["Actor1CharOffset"]):].startswith("Russian forces")


def test_min_sources_keeps_the_events_reported_by_that_many_outlets(linked_store, tmp_path):
    out = tmp_path / "e.tsv"
    assert export_events(linked_store, "gdelt", out, min_sources=2) == 3 + 9  # the swap; the seed story bar e1
    assert {r["NumSources"] for r in read_tsv(out, EVENT_COLUMNS)} == {"2"}
    assert export_events(linked_store, "gdelt", out, min_sources=3) == 0
    assert out.read_text("utf-8") == ""
    mentions = tmp_path / "m.tsv"
    assert export_events(linked_store, "gdelt-mentions", mentions, min_sources=2, code="0841") == 4
    per_mention = tmp_path / "m.csv"
    assert export_events(linked_store, "csv", per_mention, min_sources=2, code="08", per_mention=True) == 4
    with per_mention.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["doc_id"] for r in rows} == {SWAP["doc_id"], "zz-swap-other-wire"}
    assert len({r["link_id"] for r in rows}) == 2  # the two directions of the exchange
    for bad in (0, -1, True, "2"):
        with pytest.raises(InputError, match="not a number of sources"):
            export_events(linked_store, "gdelt", out, min_sources=bad)


def test_csv_jsonl_and_parquet_give_linked_events_unless_asked_per_mention(linked_store, tmp_path):
    out = tmp_path / "e.jsonl"
    assert export_events(linked_store, "jsonl", out) == 16
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    swap = next(r for r in rows if r["link_id"] == global_event_id(SWAP["doc_id"], "e1"))
    assert (swap["num_mentions"], swap["num_sources"], swap["num_articles"]) == (2, 2, 2)
    assert export_events(linked_store, "jsonl", out, per_mention=True) == 16 + 3 + 3 + 9
    per_mention = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert "num_sources" not in per_mention[0] and {r["link_id"] for r in per_mention} == {r["link_id"] for r in rows}
    parquet = tmp_path / "e.parquet"
    assert export_events(linked_store, "parquet", parquet) == 16
    table = pq.read_table(parquet)
    assert len(set(table.column("link_id").to_pylist())) == 16 and "num_articles" in table.column_names


def test_one_a_day_keeps_one_row_per_date_dyad_and_code(reports, tmp_path):
    # a third outlet places Peskov's remark in Kyiv: a place the others contradict, so its report of
    # it stays an event of its own, with the key (day, RUSGOV, UKRGOV, 036) of the event two outlets
    # reported; one-a-day keeps that one, though its own earliest report sorts later
    placed = _copy(SWAP, "aa-swap-third-wire", "Third Wire", "https://third.example/swap")
    placed["events"][2]["location"] = {"name": "Kyiv", "country": "UKR", "lat": 50.45, "lon": 30.52,
                                       "text": None, "start": None, "end": None}
    with _store(tmp_path / "s.duckdb", [*reports, placed]) as store:
        out = tmp_path / "e.csv"
        assert export_events(store, "csv", out, code="036") == 2
        assert export_events(store, "csv", out, code="036", one_a_day=True) == 1
        with out.open(encoding="utf-8", newline="") as handle:
            (kept,) = list(csv.DictReader(handle))
        assert (kept["doc_id"], kept["num_sources"]) == (SWAP["doc_id"], "2")
        gdelt = tmp_path / "e.tsv"
        assert export_events(store, "gdelt", gdelt, code="036", one_a_day=True) == 1
        # per mention: the first in the export's order (date, document id, ...) is kept
        assert export_events(store, "csv", out, code="036", one_a_day=True, per_mention=True) == 1
        with out.open(encoding="utf-8", newline="") as handle:
            (first,) = list(csv.DictReader(handle))
        assert first["doc_id"] == "aa-swap-third-wire"
        # every linked event of the store on another key stays: the seed story's two "called on"
        # (Ukraine, Russia) differ by target
        assert export_events(store, "gdelt", gdelt, one_a_day=True) == 16
        assert export_events(store, "gdelt", gdelt, one_a_day=True, per_mention=True) == 16
        again = tmp_path / "again.tsv"
        export_events(store, "gdelt", again, one_a_day=True, per_mention=True)
        assert again.read_bytes() == gdelt.read_bytes()


def test_options_that_do_not_apply_are_refused_before_any_file(linked_store, tmp_path):
    out = tmp_path / "m.tsv"
    with pytest.raises(InputError, match=r"one_a_day .*not to gdelt-mentions"):
        export_events(linked_store, "gdelt-mentions", out, one_a_day=True)
    with pytest.raises(InputError, match=r"per_mention .*not to gdelt-mentions"):
        export_events(linked_store, "gdelt-mentions", out, per_mention=True)
    assert list(tmp_path.iterdir()) == []


def test_a_store_written_before_linking_names_the_remedy(reports, tmp_path):
    with _store(tmp_path / "s.duckdb", reports[:1]) as store, store._transaction() as cur:
        cur.execute("DROP VIEW linked_events")
        cur.execute("DROP TABLE event_links")
    with Store(tmp_path / "s.duckdb", read_only=True) as old, \
            pytest.raises(InputError, match="written before events were linked"):
        export_events(old, "csv", tmp_path / "e.csv", per_mention=True)
    assert not (tmp_path / "e.csv").exists()
