"""Stories: two reports of one happening are related and grouped, a report of another stays apart,
whatever the order of ingestion; a re-ingest changes nothing; documents read back carry their story
and related articles; the CLI lists the stories.

The fixture holds excerpts of four real reports of 18-20 November 2019: the Taliban's swap of two
Western hostages for three of its commanders (New York Post; Al Jazeera, in a report on a helicopter
crash the next day) and the police siege of Hong Kong Polytechnic University (The Guardian; Express).
The two Hong Kong reports share no linked event (the coder reads their protesters as CHNCVL in one,
HKGCVL in the other): what relates them is the actors both make much of.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from diplograph.cli import main
from diplograph.model import Document
from diplograph.store import Store, stories
from diplograph.store.stories import _Doc, _Window, actor_keys, relate

FIXTURE = Path(__file__).parents[1] / "fixtures" / "store" / "stories.jsonl"
SWAP = ("nypost-taliban-swap", "aljazeera-helicopter-crash")
SIEGE = ("guardian-hong-kong", "express-hong-kong")


@pytest.fixture(scope="module")
def reports() -> list[Document]:
    from diplograph.pipeline import Pipeline

    pipeline = Pipeline()
    records = [json.loads(line) for line in FIXTURE.read_text("utf-8").splitlines()]
    return [pipeline.extract(r["text"], published=r["published"], outlet=r["outlet"], url=r["url"],
                             title=r["title"], doc_id=r["doc_id"]) for r in records]


def _store(path: Path, docs: list[Document]) -> Store:
    store = Store(path)
    for doc in docs:
        store.add(doc)
    return store


def _state(store: Store) -> tuple[list[tuple], list[tuple]]:
    with store.cursor() as cur:
        docs = cur.execute("SELECT doc_id, day, story_id FROM story_docs ORDER BY doc_id").fetchall()
        links = cur.execute("SELECT doc_a, doc_b, score, events, actors FROM story_links ORDER BY ALL").fetchall()
    return docs, links


def test_two_reports_of_one_happening_are_one_story_and_other_happenings_stay_apart(reports, tmp_path):
    with _store(tmp_path / "s.duckdb", reports) as store:
        story = {doc.doc_id: store.get(doc.doc_id).story for doc in reports}
        swap, siege = store.related(SWAP[0]), store.related(SIEGE[1])
        listed = store.stories()
    assert story[SWAP[0]] == story[SWAP[1]] == SWAP[0]  # named by its earliest report
    assert story[SIEGE[0]] == story[SIEGE[1]] == SIEGE[0]
    assert [r["doc_id"] for r in swap] == [SWAP[1]] and [r["doc_id"] for r in siege] == [SIEGE[0]]
    # why: the swap's reports share its linked event (Afghan government -> Taliban, release 0841) and
    # the Taliban; the siege's share its linked event (Hong Kong police besieging the university, 191,
    # linked with the territory counted as its state) and Beijing, the Chinese army and government
    assert swap[0]["events"] and swap[0]["actors"][0] == "Taliban"
    assert len(siege[0]["events"]) == 1 and siege[0]["actors"][0] == "Beijing"
    assert {"CHNGOV", "CHNMIL"} <= set(siege[0]["actors"])
    assert all(r["score"] >= stories.MIN_SCORE for r in swap + siege)
    assert [(s["story"], s["articles"]) for s in listed] == [(SIEGE[0], 2), (SWAP[0], 2)]


def test_the_order_of_ingestion_does_not_change_the_stories_nor_their_ids(reports, tmp_path):
    orders = [reports, reports[::-1], [reports[2], reports[0], reports[3], reports[1]]]
    states = []
    for i, docs in enumerate(orders):
        with _store(tmp_path / f"{i}.duckdb", docs) as store:
            states.append(_state(store))
            with store._transaction() as cur:  # from scratch: what adding them one by one gave
                stories.rebuild(cur)
            assert _state(store) == states[-1]
    assert states[0] == states[1] == states[2]


def test_a_reingest_changes_nothing(reports, tmp_path):
    with _store(tmp_path / "s.duckdb", reports) as store:
        before = _state(store)
        assert not any(store.add(doc) for doc in reports)
        assert _state(store) == before
    with Store(tmp_path / "s.duckdb") as reopened:  # reopening for writing keeps them (the same rule)
        assert _state(reopened) == before


def test_a_document_read_back_carries_its_story_and_related_articles_a_record_made_without_a_store_not(
        reports, tmp_path):
    assert "story" not in reports[0].to_record() and "related" not in reports[0].to_record()
    with _store(tmp_path / "s.duckdb", reports) as store:
        got = store.get(SWAP[1])
    record = got.to_record()
    assert record["story"] == SWAP[0]
    assert [r["doc_id"] for r in record["related"]] == [SWAP[0]]
    assert record["related"][0]["outlet"] == "New York Post"
    assert Document.from_record(json.loads(json.dumps(record))) == got
    assert dataclasses.replace(got, story=None, related=None) == reports[1]


def test_a_store_written_before_stories_gets_them_when_opened_for_writing(reports, tmp_path):
    path = tmp_path / "s.duckdb"
    with _store(path, reports) as store:
        before = _state(store)
        with store._transaction() as cur:
            for table in ("story_links", "story_keys", "story_docs"):
                cur.execute(f"DROP TABLE {table}")
            cur.execute("DELETE FROM meta WHERE key = 'stories_rule'")
    with Store(path, read_only=True) as old:
        assert old.get(SWAP[0]).story is None
    assert main(["stories", "--db", str(path)]) == 2  # read-only, nothing to list: one line, no traceback
    with Store(path) as store:
        assert _state(store) == before


# -- the rule, on actors of these reports -------------------------------------------------------------


def test_an_actor_is_one_an_article_makes_much_of_named_twice_or_in_its_title():
    actors = [("person", "Barack Obama", "USAGOV", "USA", "GOV"), ("person", "Obama", "USAGOV", "USA", "GOV"),
              ("group", "Taliban", "AFGREB", "AFG", "REB"),
              ("person", "American University of Kabul", "USAEDU", "USA", "EDU"),
              ("person", "American University of Kabul", "USAEDU", "USA", "EDU"),
              ("country", "United States", "USA", "USA", None), ("group", "United States", "USA", "USA", None),
              ("group", "the hostages", "CVL", None, "CVL"), ("group", "the hostages", "CVL", None, "CVL")]
    keys = actor_keys(actors, "Taliban say they freed US, Australian hostages for 3 terrorist figures")
    assert keys["name:obama"] == ("Barack Obama", 2)  # "Barack Obama" ... "Obama": one actor
    assert "name:taliban" in keys  # once in the text, but in the title
    assert "name:american university of kabul" in keys and "name:kabul" not in keys
    assert "name:united states" not in keys and keys["country:USA"][1] == 6  # a country's name is the country
    assert not any("hostages" in key for key in keys)  # a description, not a name
    assert "code:USAGOV" in keys and "code:CVL" not in keys  # a role with no country is nobody in particular


def test_an_actor_most_articles_of_those_days_make_much_of_relates_nothing():
    day = dt.date(2016, 9, 26)
    debate = {"name:trump": 5, "name:clinton": 4, "name:holt": 2}
    a, b = _Doc("a", day, dict(debate)), _Doc("b", day + dt.timedelta(days=1), dict(debate))
    campaign = {f"c{i}": _Doc(f"c{i}", day, {"name:trump": 3, "name:clinton": 2}) for i in range(4)}
    alone = _Window({"a": a, "b": b})
    crowded = _Window({"a": a, "b": b, **campaign})
    assert relate(a, b, [], alone) == (3.0, ["name:clinton", "name:holt", "name:trump"])
    assert relate(a, b, [], crowded) == (1.0, ["name:holt"])  # Trump and Clinton: in 6 of the 6 articles
    later = _Doc("b", day + dt.timedelta(days=stories.STORY_DAYS + 1), dict(debate))
    assert relate(a, later, [], alone) == (0.0, [])  # too far apart: only shared events count
    assert relate(a, later, [7, 8], alone)[0] == 2 * stories.EVENT_WEIGHT


# -- the CLI ------------------------------------------------------------------------------------------


def test_cli_lists_the_stories_with_their_articles(reports, tmp_path, capsys):
    db = tmp_path / "s.duckdb"
    _store(db, reports).close()
    assert main(["stories", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert out.count("story ") == 2 and "2 articles, 2019-11-18 to 2019-11-19" in out
    assert "outlets: Express.co.uk, The Guardian" in out and "actors: Beijing" in out
    assert "Taliban say they freed US, Australian hostages" in out
    assert main(["stories", "--db", str(db), "--format", "json", "--min-articles", "1"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["articles"] for r in rows] == [2, 2]  # no article stands alone here
    assert {d["doc_id"] for d in rows[1]["documents"]} == set(SWAP)
    assert main(["stories", "--db", str(db), "--min-articles", "3"]) == 0
    assert capsys.readouterr().out.strip() == "no stories of 3 or more articles"


@pytest.mark.parametrize(("argv", "problem"), [
    (["--min-articles", "0"], "not a number of articles"),
    (["--min-articles", "two"], "is not a whole number"),
    (["--format", "xml"], "unknown format 'xml'"),
])
def test_cli_refuses_bad_options_in_one_line(argv, problem, tmp_path, capsys):
    db = tmp_path / "s.duckdb"
    Store(db).close()
    try:
        code = main(["stories", "--db", str(db), *argv])
    except SystemExit as exc:
        code = exc.code
    assert code == 2
    err = capsys.readouterr().err.strip()
    assert problem in err and len(err.splitlines()) == 1


def test_cli_names_a_missing_store(tmp_path, capsys):
    assert main(["stories", "--db", str(tmp_path / "none.duckdb")]) == 2
    err = capsys.readouterr().err.strip()
    assert "none.duckdb" in err and "no such store" in err and len(err.splitlines()) == 1


# -- the html dev pages (../shared) --------------------------------------------------------------------

# Pages of ../shared/eval/html, 18-20 November 2019: two reports of the Taliban's prisoner swap (New
# York Post; Al Jazeera), two of the Hong Kong Polytechnic University siege (The Guardian; Express),
# and six other pages of those days, three of them about China or Beijing (Esper's accusation, plague
# in Beijing, the US-China trade war).
_SWAP_PAGES = ("a1fca19b884e0e946ad3fbe2a7f5031e5e3b23372702a76db302b6143c77cb31",
               "7916ecca969ffdd8f6fc32d171fbe0dd63db40fe4c1d2ade02b1dec5929a162f")
_SIEGE_PAGES = ("5fa3154ec031ab35411a457d78eb5aa92c0e803c5329bd05c001e6d64009e206",
                "624fcd903d56fc7055fa7097b330629450c095ad6937318deb027be7803bbf35")
_OTHER_PAGES = ("db6b0816c612296c7f1f001c6df874214fcca0da0fc86fb3aea9358c7f681754",
                "8b194530308204139d9c8f7d495a26b117c78756ac1802cfc3c0a8bfdf2c0d50",
                "d605bdef2cde7308a9f2fbd1484d4a9c3da0167177245d346da61e455f42208d",
                "833caf3bdba53dcf48de273cf646370eebe9ac565744b0d0e941e298e1b79730",
                "6ebac05f637ece8aa57c298a2a5e3a8047f546f855d0f29cc683cea60ce85c85",
                "e372e42c0a3df7b86e1c0bacf7bc14d042144a01e88833bc5a643d61b3547090")


def test_html_dev_pages_of_one_happening_group_and_pages_of_others_do_not(shared_dir, tmp_path, capsys):
    import gzip

    pages = []
    for name in (*_SWAP_PAGES, *_SIEGE_PAGES, *_OTHER_PAGES):
        page = tmp_path / f"{name}.html"
        page.write_bytes(gzip.decompress((shared_dir / "eval" / "html" / "html" / f"{name}.html.gz").read_bytes()))
        pages.append(str(page))
    db = tmp_path / "html.duckdb"
    assert main(["ingest", *pages, "--db", str(db), "--quiet"]) == 0
    capsys.readouterr()
    with Store(db, read_only=True) as store:
        grouped = [{Path(str(store.get(d["doc_id"]).source)).stem for d in story["documents"]}
                   for story in store.stories()]
    assert sorted(grouped, key=sorted) == sorted([set(_SWAP_PAGES), set(_SIEGE_PAGES)], key=sorted)
