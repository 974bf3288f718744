"""The read endpoints over a real store: shapes of the contract, filters, paging, and numbers that
lead to the events behind them (a dyad point's count is the total of /api/events for its period)."""

from __future__ import annotations

import datetime as dt
import itertools

EVENT_FIELDS = {"link_id", "date", "day", "source_code", "source_name", "target_code", "cameo", "root", "quad_class",
                "goldstein", "mode", "location_name", "num_mentions", "num_sources", "num_articles", "first_seen",
                "last_seen", "linked_confidence", "doc_id", "event_id"}


def _all_events(client, **params):
    return client.get("/api/events", params={"limit": 500, **params}).json()


def test_events_lists_linked_events_with_ids_as_strings(client):
    page = client.get("/api/events").json()
    assert page["total"] == len(page["items"]) > 0
    for event in page["items"]:
        assert set(event) >= EVENT_FIELDS
        assert isinstance(event["link_id"], str) and event["link_id"].lstrip("-").isdigit()


def test_events_are_paged_and_the_pages_make_the_whole_list(client):
    whole = _all_events(client)["items"]
    first = client.get("/api/events", params={"limit": 5, "offset": 0}).json()
    second = client.get("/api/events", params={"limit": 5, "offset": 5}).json()
    assert first["total"] == second["total"] == len(whole)
    assert [e["link_id"] for e in first["items"] + second["items"]] == [e["link_id"] for e in whole[:10]]
    assert client.get("/api/events", params={"offset": 10_000}).json()["items"] == []


def test_events_filters_keep_only_matching_events(client):
    russia_ukraine = _all_events(client, dyad="RUS-UKR")["items"]
    assert russia_ukraine
    for e in russia_ukraine:
        assert {e["source_country"], e["target_country"]} == {"RUS", "UKR"}
    for e in _all_events(client, source="RUS")["items"]:
        assert e["source_country"] == "RUS" or e["source_code"].startswith("RUS")
    for e in _all_events(client, actor="COL")["items"]:
        assert "COL" in (e["source_country"], e["target_country"])
    for quad in (1, 2, 3, 4):
        assert all(e["quad_class"] == quad for e in _all_events(client, quad=quad)["items"])
    for e in _all_events(client, root="19")["items"]:
        assert e["root"] == "19"
    for e in _all_events(client, since="2022-11", until="2022-11")["items"]:
        assert e["day"].startswith("2022-11")
    assert all(e["num_sources"] >= 2 for e in _all_events(client, min_sources=2)["items"])
    total = _all_events(client)["total"]
    by_quad = sum(_all_events(client, quad=q)["total"] for q in (1, 2, 3, 4))
    assert by_quad <= total


def test_one_event_has_its_mentions_with_offsets_into_their_documents(client):
    event = _all_events(client)["items"][0]
    found = client.get(f"/api/events/{event['link_id']}").json()
    assert found["link_id"] == event["link_id"] and found["reviews"] == []
    assert found["mentions"]
    for m in found["mentions"]:
        text = client.get(f"/api/documents/{m['doc_id']}").json()["text"]
        assert text[m["evidence_start"]:m["evidence_end"]] == m["sentence"]
        assert m["evidence_start"] <= m["trigger_start"] < m["trigger_end"] <= m["evidence_end"]
    assert client.get("/api/events/12345").status_code == 404


def test_documents_list_and_record_with_link_ids_and_related(client):
    page = client.get("/api/documents").json()
    assert page["total"] == 3 and {"doc_id", "title", "outlet", "url", "published", "events"} <= set(page["items"][0])
    swap = client.get("/api/documents", params={"q": "prisoners"}).json()
    assert swap["total"] == 1 and "prisoners" in swap["items"][0]["title"]
    doc_id = swap["items"][0]["doc_id"]
    record = client.get(f"/api/documents/{doc_id}").json()
    assert record["doc_id"] == doc_id and record["text"] and "story" in record and "related" in record
    events = _all_events(client)["items"]
    for event in record["events"]:
        assert event["link_id"] in {e["link_id"] for e in events}
    assert client.get(f"/api/documents/{doc_id}/related").status_code == 200
    assert client.get("/api/documents/nope").status_code == 404
    assert client.get("/api/documents/nope/related").status_code == 404


def test_quotes_and_actors(client):
    putin = client.get("/api/quotes", params={"speaker": "Putin"}).json()
    assert putin["total"] >= 1 and all("Putin" in q["speaker"] for q in putin["items"])
    doc_id = putin["items"][0]["doc_id"]
    assert all(q["doc_id"] == doc_id for q in client.get("/api/quotes", params={"doc_id": doc_id}).json()["items"])
    russians = client.get("/api/actors", params={"country": "RUS"}).json()
    assert russians["total"] >= 1 and all(a["country"] == "RUS" for a in russians["items"])
    assert {"name", "code", "country", "sector", "documents", "events"} <= set(russians["items"][0])
    assert client.get("/api/actors", params={"q": "ukraine"}).json()["total"] >= 1


def test_dyad_series_counts_are_the_events_of_each_period(client):
    answer = client.get("/api/dyad", params={"a": "RUS", "b": "UKR", "interval": "month"}).json()
    assert (answer["a"], answer["b"], answer["interval"]) == ("RUS", "UKR", "month")
    series = answer["series"]
    assert sum(p["events"] for p in series) == _all_events(client, dyad="RUS-UKR")["total"] > 0
    for point in series:
        start = dt.date.fromisoformat(point["period"])
        assert start.day == 1
        assert sum(point["quad"].values()) == point["events"]
        end = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        behind = _all_events(client, dyad="RUS-UKR", since=start.isoformat(), until=end.isoformat())["items"]
        assert len(behind) == point["events"]
        assert round(sum(e["goldstein"] or 0 for e in behind), 6) == round(point["goldstein_sum"], 6)
    weeks = client.get("/api/dyad", params={"a": "RUS", "b": "UKR", "interval": "week"}).json()["series"]
    assert sum(p["events"] for p in weeks) == sum(p["events"] for p in series)


def test_relations_graph_and_places(client):
    rel = client.get("/api/relations", params={"country": "RUS"}).json()
    assert rel["country"] == "RUS"
    assert "UKR" in {p["partner"] for p in rel["conflictual"]}
    assert all(p["partner"] != "RUS" for p in rel["cooperative"] + rel["conflictual"])
    graph = client.get("/api/graph").json()
    edge = next(e for e in graph["edges"] if {e["a"], e["b"]} == {"RUS", "UKR"})
    assert edge["events"] == sum(edge["quad"].values())
    assert {n["id"] for n in graph["nodes"]} >= {"RUS", "UKR"}
    assert client.get("/api/graph", params={"min_events": 10_000}).json() == {"nodes": [], "edges": []}
    places = client.get("/api/places").json()
    assert places and all({"name", "country", "lat", "lon", "events"} <= set(p) for p in places)


def test_the_page_is_served_at_the_root_as_html(client):
    answer = client.get("/")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/html")
    assert client.get("/openapi.json").json()["paths"]["/api/events"]


def test_a_place_of_the_map_leads_to_exactly_its_events(client):
    places = client.get("/api/places").json()
    moscow = next(p for p in places if p["name"] == "Moscow")
    assert (moscow["country"], moscow["country_iso2"]) == ("RUS", "RU")
    there = _all_events(client, place="Moscow", place_country="RUS")
    assert there["total"] == moscow["events"] > 0
    assert all((e["location_name"], e["location_country"]) == ("Moscow", "RUS") for e in there["items"])
    in_russia = _all_events(client, place_country="rus")["total"]
    assert in_russia == sum(p["events"] for p in places if p["country"] == "RUS")
    assert _all_events(client, place="Moscow", place_country="UKR")["total"] == 0
    assert client.get("/api/events", params={"place_country": "R1"}).status_code == 400
    assert client.get("/api/events", params={"place": " "}).status_code == 400


def test_the_map_outlines_are_served_by_the_app(client):
    answer = client.get("/vendor/worldmap.svg")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("image/svg+xml")
    assert '<g class="ru country' in answer.text and '<g class="co country' in answer.text


def test_dyad_periods_without_events_are_present_with_zero_counts_and_no_mean(client):
    weeks = client.get("/api/dyad", params={"a": "RUS", "b": "UKR", "interval": "week"}).json()["series"]
    starts = [dt.date.fromisoformat(p["period"]) for p in weeks]
    # every week from the first to the last with events is there, one after another
    assert all((b - a).days == 7 for a, b in itertools.pairwise(starts))
    empty = [p for p in weeks if p["events"] == 0]
    assert empty, "the fixture's RUS-UKR events are weeks apart"
    for p in empty:  # no events: counts 0, the sum 0, and no mean (a mean of 0 would read as "neutral")
        assert set(p["quad"].values()) == {0} and p["goldstein_sum"] == 0 and p["goldstein_mean"] is None
    assert all(p["goldstein_mean"] is not None for p in weeks if p["events"])
