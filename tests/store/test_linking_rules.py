"""The linking rules on real reports: two outlets' reports of one happening make one event, an
unrelated story stays apart, and the rules are settings a store records and relinks by.

``tests/fixtures/store/same_happening.json`` holds short excerpts (a few sentences each, as the
pages give them) of five news pages of November 2019 in the html dev pages: the Guardian's and
Express's reports of the Hong Kong Polytechnic University siege, the New York Post's and Al
Jazeera's of the Taliban's prisoner-for-hostages swap, and the Houston Chronicle's (AP) report of
Esper accusing China, another story of the same days and of one of the same countries.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diplograph.model import Document
from diplograph.settings import Settings, load_settings
from diplograph.store import Store
from diplograph.store.linking import block_key, groups, is_state, named_key, sovereign_key

EXCERPTS = Path(__file__).parents[1] / "fixtures" / "store" / "same_happening.json"


@pytest.fixture(scope="module")
def reports() -> dict[str, Document]:
    """The five excerpts, coded, by doc_id."""
    from diplograph.pipeline import Pipeline

    pipeline = Pipeline()
    return {r["doc_id"]: pipeline.extract(r["text"], published=r["published"], outlet=r["outlet"], url=r["url"],
                                          title=r["title"], doc_id=r["doc_id"])
            for r in json.loads(EXCERPTS.read_text("utf-8"))}


def _groups(tmp_path: Path, docs: list[Document], settings: Settings | None = None,
            name: str = "s.duckdb") -> list[frozenset[tuple[str, str]]]:
    with Store(tmp_path / name, settings=settings) as store:
        for doc in docs:
            store.add(doc)
        with store.cursor() as cur:
            return list(groups(cur))


def _event(doc: Document, cameo: str) -> tuple[str, str]:
    (event,) = [e for e in doc.events if e.cameo == cameo and e.mode == "asserted"]
    return doc.doc_id, event.id


def _merged(grouping: list[frozenset[tuple[str, str]]]) -> list[frozenset[tuple[str, str]]]:
    """The linked events whose mentions come from more than one document."""
    return [g for g in grouping if len({doc_id for doc_id, _ in g}) > 1]


def test_two_outlets_reports_of_one_siege_are_one_event_and_an_unrelated_story_stays_apart(reports, tmp_path):
    # "Hong Kong Polytechnic University was besieged by police" (the Guardian, HKGCOP -> 191 -> HKGEDU)
    # and "Hong Kong police have laid siege to a university" (Express, whose story is set in China:
    # HKGCOP -> 191 -> CHNEDU): one siege
    guardian, express, esper = reports["guardian-polyu"], reports["express-polyu"], reports["chron-esper"]
    siege = {_event(guardian, "191"), _event(express, "191")}
    assert _merged(_groups(tmp_path, [guardian, express, esper])) == [siege]


def test_two_outlets_reports_of_one_prisoner_swap_are_one_event(reports, tmp_path):
    # "the Afghan government freed three Taliban prisoners" (New York Post) and "the Taliban swapped
    # two Western hostages for three of its commanders held by the Afghan government" (Al Jazeera)
    nypost, aljazeera = reports["nypost-swap"], reports["aljazeera-swap"]
    (freed,) = [e.id for e in aljazeera.events if e.cameo == "0841" and e.source and e.source.code == "AFGGOV"]
    swap = {_event(nypost, "0841"), (aljazeera.doc_id, freed)}
    grouping = _groups(tmp_path, [nypost, aljazeera, reports["chron-esper"]])
    assert _merged(grouping) == [swap]
    assert len(grouping) == sum(len(d.events) for d in (nypost, aljazeera, reports["chron-esper"])) - 1


def test_with_territories_apart_the_two_siege_reports_stay_two_events(reports, tmp_path):
    settings = load_settings().with_overrides(link_territories_as_sovereigns=False)
    assert _merged(_groups(tmp_path, [reports["guardian-polyu"], reports["express-polyu"]], settings)) == []


def test_a_store_records_its_linking_settings_and_is_relinked_when_opened_with_others(reports, tmp_path):
    docs = [reports["guardian-polyu"], reports["express-polyu"]]
    apart = load_settings().with_overrides(link_territories_as_sovereigns=False)
    assert len(_merged(_groups(tmp_path, docs, apart))) == 0
    with Store(tmp_path / "s.duckdb") as store, store.cursor() as cur:  # the shipped settings: relinked
        assert len(_merged(list(groups(cur)))) == 1
        (made_with,) = cur.execute("SELECT value FROM meta WHERE key = 'linking'").fetchone()
    assert "territories as their sovereign" in made_with
    with Store(tmp_path / "s.duckdb", read_only=True) as store, store.cursor() as cur:  # read-only: as stored
        assert len(_merged(list(groups(cur)))) == 1
    with Store(tmp_path / "s.duckdb", settings=apart) as store, store.cursor() as cur:
        assert len(_merged(list(groups(cur)))) == 0
        (made_with,) = cur.execute("SELECT value FROM meta WHERE key = 'linking'").fetchone()
    assert "territories apart" in made_with


def test_the_cli_links_with_the_settings_file_it_is_given(tmp_path, capsys):
    from diplograph.cli import main

    records = json.loads(EXCERPTS.read_text("utf-8"))[:2]
    feed = tmp_path / "siege.jsonl"
    feed.write_text("".join(json.dumps({"id": r["doc_id"], **{k: r[k] for k in ("text", "published", "outlet", "url")}},
                                       ensure_ascii=False) + "\n" for r in records), "utf-8")
    config = tmp_path / "apart.toml"
    config.write_text("link_territories_as_sovereigns = false\n")
    db = tmp_path / "s.duckdb"
    assert main(["ingest", str(feed), "--db", str(db), "--config", str(config), "--quiet"]) == 0
    assert main(["events", "--db", str(db), "--format", "jsonl", "--code", "191"]) == 0
    assert [json.loads(line)["num_sources"] for line in capsys.readouterr().out.splitlines()] == [1, 1]
    assert main(["ingest", str(feed), "--db", str(db), "--quiet"]) == 0  # the shipped settings: relinked
    assert main(["events", "--db", str(db), "--format", "jsonl", "--code", "191"]) == 0
    assert [json.loads(line)["num_sources"] for line in capsys.readouterr().out.splitlines()] == [2]


# -- the rules, on the keys of real mentions ---------------------------------------------------------


def test_a_territory_counts_as_its_sovereign_state():
    assert sovereign_key("HKGEDU") == "CHNEDU" and sovereign_key("HKG") == "CHN"
    assert sovereign_key("CHNEDU") == "CHNEDU" and sovereign_key("~hong kong") == "~hong kong"


def test_a_side_known_only_by_its_country_links_across_articles_only_as_the_state_or_facing_another_country():
    def apart(source: str, target: str, states: tuple[bool, bool] = (False, False)) -> bool:
        return block_key("a", "19", "asserted", source, target, states=states) != \
            block_key("b", "19", "asserted", source, target, states=states)

    # "Charlotte struggles to return to normal after shooting" and Trump's "We have fought the battle":
    # both USA -> 190, someone placed only by the country
    assert apart("USA", "") and apart("USA", "USACVL") and apart("GOV", "") and apart("USA", "~stadia")
    # "Russia has put the credibility ... at risk": the country itself
    assert not apart("RUS", "", states=(True, False))
    assert not apart("USA", "CHN") and not apart("USAGOV", "UKR") and not apart("RUSGOV", "COLGOV")
    assert is_state("RUS", "Russia") and is_state("USA", "United States")
    assert not is_state("USA", "Donald Trump") and not is_state("USA", None) and not is_state("USAGOV", "United States")


# Campaign reports in the words outlets use: the candidates are both coded USA (people the actor
# dictionary does not list), so only their names tell "Trump accuses Clinton" from the reverse.
CAMPAIGN = {
    "trump-a": "Donald Trump accused Hillary Clinton of lying about her emails at a rally in Ohio on Monday, "
               "September 26.",
    "trump-b": "At Monday's rally in Ohio, Republican nominee Donald Trump accused Hillary Clinton of lying about "
               "her emails.",
    "clinton": "Hillary Clinton accused Donald Trump of lying about his taxes at a rally in Ohio on Monday, "
               "September 26.",
}


@pytest.fixture(scope="module")
def campaign() -> list[Document]:
    from diplograph.pipeline import Pipeline

    pipeline = Pipeline()
    return [pipeline.extract(text, published="2016-09-27", outlet=doc_id, doc_id=doc_id)
            for doc_id, text in CAMPAIGN.items()]


def test_named_actors_coded_only_by_country_link_by_name_across_articles(campaign, tmp_path):
    sides = {(e.source.code, e.target.code) for d in campaign for e in d.events if e.source and e.target}
    assert sides == {("USA", "USA")}
    merged = _merged(_groups(tmp_path, campaign))
    assert [sorted(doc for doc, _ in g) for g in merged] == [["trump-a", "trump-b"]]  # Clinton's reply stays apart
    # known by their country alone, the sides are bare: no mention links across articles
    by_country = load_settings().with_overrides(link_named_actors=False)
    assert _merged(_groups(tmp_path, campaign, by_country, name="country.duckdb")) == []


def test_named_key_keeps_codes_sectors_and_countries_themselves():
    assert named_key("USA", "Donald Trump", False) == "USA~donald trump"
    assert named_key("RUS", "Russia", True) == "RUS"  # the country itself
    assert named_key("USAGOV", "Joe Biden", False) == "USAGOV"  # a code with a sector says enough
    assert named_key("USA", None, False) == "USA"
