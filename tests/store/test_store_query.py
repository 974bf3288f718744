"""Queries over the seed article and two wire reports: events, quotes, a dyad's series."""

from __future__ import annotations

import pytest

from diplograph.errors import InputError
from diplograph.store import dyad_series, query_events, query_quotes


def triples(rows):
    return [(r["source_code"], r["cameo"], r["target_code"]) for r in rows]


def test_source_matches_code_prefix_or_country(filled_store):
    rows = query_events(filled_store, source="rusgov")
    assert {r["source_code"] for r in rows} == {"RUSGOV"}
    assert ("RUSGOV", "051", "COL") in triples(rows)
    assert len(query_events(filled_store, source="RUS")) == len(rows) + 2  # + RUSMIL twice


def test_target_filter(filled_store):
    rows = query_events(filled_store, target="COL")
    assert triples(rows) == [
        ("USAGOV", "057", "COL"),  # "This year ... will designate": dated 2022
        ("RUSGOV", "051", "COL"),
        ("RUSGOV", "043", "COLDIP"),  # receiving the Colombian ambassador
        ("USAGOV", "071", "COL"),  # undated: the article's day
    ]
    assert query_events(filled_store, target="IGOUNO")[0]["target_name"] == "United Nations General Assembly"


def test_unordered_and_directed_dyads(filled_store):
    either = query_events(filled_store, dyad="RUS-UKR")
    assert len(either) == 6
    assert len(query_events(filled_store, dyad=("UKR", "RUS"))) == 6
    directed = query_events(filled_store, dyad="UKR>RUS")
    assert triples(directed) == [("UKRGOV", "112", "RUS"), ("UKRGOV", "0841", "RUSGOV")]
    assert query_events(filled_store, dyad="COL-RUS", code="02")[0]["trigger_text"] == "called on"


def test_code_is_a_cameo_prefix_and_root_exact(filled_store):
    assert {r["cameo"] for r in query_events(filled_store, code="19")} == {"190", "195"}
    assert triples(query_events(filled_store, code="0841")) == [
        ("RUSGOV", "0841", "UKRGOV"),
        ("UKRGOV", "0841", "RUSGOV"),
    ]
    assert {r["cameo"] for r in query_events(filled_store, root=2)} == {"020", "023"}
    assert {r["quad_class"] for r in query_events(filled_store, quad_class=4)} == {4}


def test_dates_are_inclusive_and_take_month_or_year(filled_store):
    august = query_events(filled_store, since="2022-08", until="2022-08")
    assert triples(august) == [("RUSGOV", "112", "USA")]
    assert august[0]["date"] == "2022-08-01" and august[0]["date_precision"] == "month"
    day = query_events(filled_store, since="2022-10-10", until="2022-10-10")
    assert len(day) == 3 and {r["day"] for r in day} == {"2022-10-10"}
    undated = query_events(filled_store, code="071")[0]
    assert undated["date"] is None and undated["day"] == undated["published"] == "2022-09-21"
    assert len(query_events(filled_store, since="2022")) == 16


def test_mode_and_limit(filled_store):
    assert triples(query_events(filled_store, mode="negated")) == [("RUSGOV", "036", "UKRGOV")]
    future = query_events(filled_store, mode="future")
    assert {r["trigger_text"] for r in future} == {"will designate", "will speak"}
    assert future[1]["target_code"] is None  # Lavrov "will speak": no target
    assert len(query_events(filled_store, limit=2)) == 2


def test_rows_carry_article_and_evidence(filled_store):
    (row,) = query_events(filled_store, source="RUSGOV", code="051")
    assert row["url"].startswith("https://cnnespanol.cnn.com/")
    assert row["outlet"] == "CNN en Español"
    assert row["quote_id"] == "q1"
    assert row["location_name"] == "Moscow"
    assert "Vladimir Putin said that Colombia" in row["evidence_text"]


@pytest.mark.parametrize(
    ("filters", "problem"),
    [
        ({"mode": "maybe"}, "mode"),
        ({"code": "05x"}, "CAMEO"),
        ({"root": 21}, "root"),
        ({"since": "Sept 2022"}, "ISO date"),
        ({"dyad": "RUS-UKR-BLR"}, "dyad"),
        ({"source": "R%"}, "actor"),
    ],
)
def test_bad_filters_are_input_errors(filled_store, filters, problem):
    with pytest.raises(InputError, match=problem):
        query_events(filled_store, **filters)


def test_quotes_by_speaker_name_or_code(filled_store):
    putin = query_quotes(filled_store, speaker="putin")
    assert [q["quote_id"] for q in putin] == ["q1", "q2", "q3"]
    assert putin[0]["via"] == ["RT", "Efe"]
    assert putin[0]["text"] == "promising partner of Russia in Latin America"
    assert putin[0]["date"] == "2022-09-21" and putin[0]["title"].startswith("Putin says")
    assert [q["speaker"] for q in query_quotes(filled_store, speaker="UKR")] == ["Volodymyr Zelenskyy"]
    petro = query_quotes(filled_store, speaker="COLGOV")
    assert [q["text"] for q in petro] == ["the war on drugs has failed."]


def test_quotes_about_an_actor(filled_store):
    # the events q1 and q2 support target Colombia (COL, COLDIP); Petro's own q4 is not about COL
    assert [q["quote_id"] for q in query_quotes(filled_store, about="COL")] == ["q1", "q2"]
    # "promising partner of Russia": named in the words; the speaker's side does not count
    assert [q["quote_id"] for q in query_quotes(filled_store, about="RUS")] == ["q1"]
    # named inside the quoted words
    assert [q["quote_id"] for q in query_quotes(filled_store, about="VEN")] == ["q3"]
    assert [q["text"] for q in query_quotes(filled_store, about="UKR")] == [
        "Ukraine cannot be intimidated,"
    ]
    assert query_quotes(filled_store, about="UKR", since="2022-11") == []


def test_dyad_series_by_month(filled_store):
    series = dyad_series(filled_store, "RUS", "UKR")
    assert [r["period"] for r in series] == ["2022-09-01", "2022-10-01", "2022-11-01"]
    sept, octo, nov = series
    assert sept["events"] == 1 and sept["material_conflict"] == 1
    assert octo == {
        "period": "2022-10-01", "events": 2, "verbal_cooperation": 0, "material_cooperation": 0,
        "verbal_conflict": 1, "material_conflict": 1, "goldstein_sum": -12.0, "goldstein_mean": -6.0,
    }
    assert (nov["material_cooperation"], nov["verbal_cooperation"], nov["goldstein_sum"]) == (2, 1, 18.0)


def test_dyad_series_fills_gaps_and_can_be_directed(filled_store):
    weekly = dyad_series(filled_store, "RUS", "UKR", freq="week", since="2022-10")
    assert weekly[0]["period"] == "2022-10-10"  # a Monday
    assert len(weekly) == 7 and sum(r["events"] for r in weekly) == 5
    assert weekly[1]["events"] == 0 and weekly[1]["goldstein_mean"] is None
    directed = dyad_series(filled_store, "UKR", "RUS", freq="year", directed=True)
    assert directed == [{
        "period": "2022-01-01", "events": 2, "verbal_cooperation": 0, "material_cooperation": 1,
        "verbal_conflict": 1, "material_conflict": 0, "goldstein_sum": 5.0, "goldstein_mean": 2.5,
    }]
    assert dyad_series(filled_store, "VEN", "UKR") == []
    with pytest.raises(InputError, match="frequency"):
        dyad_series(filled_store, "RUS", "UKR", freq="fortnight")
