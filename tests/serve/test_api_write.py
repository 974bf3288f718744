"""Writes with the token: a posted document is coded, stored and listed; a second post of it adds nothing."""

from __future__ import annotations

ARTICLE = ("Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi on Friday. "
           "Ukraine accused Russia of shelling the city of Kharkiv.")


def test_a_posted_document_is_coded_stored_and_listed(own_store, make_client, token):
    client = make_client(own_store, token=token)
    headers = {"Authorization": f"Bearer {token}"}
    before = client.get("/api/documents").json()["total"]
    body = {"text": ARTICLE, "title": "Putin meets Erdogan <script>alert(1)</script>", "outlet": "Test Wire",
            "url": "https://news.example.org/putin-erdogan", "published": "2023-08-04"}
    answer = client.post("/api/documents", json=body, headers=headers)
    assert answer.status_code == 201, answer.text
    posted = answer.json()
    assert posted["added"] == "document" and posted["events"] >= 1
    listed = client.get("/api/documents").json()
    assert listed["total"] == before + 1
    assert listed["items"][0]["doc_id"] == posted["doc_id"]  # newest first
    assert listed["items"][0]["title"] == body["title"]  # stored as given: the page escapes it
    record = client.get(f"/api/documents/{posted['doc_id']}").json()
    assert record["text"].startswith("Russian President") and len(record["events"]) == posted["events"]
    assert all(e["link_id"] for e in record["events"])
    again = client.post("/api/documents", json=body, headers=headers).json()
    assert again["doc_id"] == posted["doc_id"] and again["added"] == "nothing"


def test_a_review_is_filed_with_the_token_and_shown_on_its_event_and_document(own_store, make_client, token):
    client = make_client(own_store, token=token)
    headers = {"Authorization": f"Bearer {token}"}
    event = client.get("/api/events", params={"dyad": "RUS-UKR"}).json()["items"][0]
    body = {"verdict": "correct", "reviewer": "ana", "comment": "the target is <b>Kyiv</b>", "cameo": "190"}
    answer = client.post(f"/api/events/{event['link_id']}/reviews", json=body, headers=headers)
    assert answer.status_code == 201, answer.text
    review = answer.json()
    assert review["link_id"] == event["link_id"] and review["verdict"] == "correct" and review["cameo"] == "190"
    assert review["source"] is None and review["created"].endswith("Z")
    shown = client.get(f"/api/events/{event['link_id']}").json()["reviews"]
    assert [r["id"] for r in shown] == [review["id"]] and shown[0]["comment"] == body["comment"]
    record = client.get(f"/api/documents/{review['doc_id']}").json()
    assert review["id"] in [r["id"] for r in record["reviews"]]
    # the coder's event is unchanged
    assert client.get(f"/api/events/{event['link_id']}").json()["cameo"] == event["cameo"]


def test_a_bad_review_is_refused_in_one_line_and_nothing_is_written(own_store, make_client, token):
    client = make_client(own_store, token=token)
    headers = {"Authorization": f"Bearer {token}"}
    link_id = client.get("/api/events").json()["items"][0]["link_id"]
    for body in ({"verdict": "maybe", "reviewer": "ana"}, {"verdict": "confirm"},
                 {"verdict": "correct", "reviewer": "ana"}, {"verdict": "correct", "reviewer": "ana", "cameo": "99x"},
                 {"verdict": "correct", "reviewer": "ana", "date": "soon"}):
        answer = client.post(f"/api/events/{link_id}/reviews", json=body, headers=headers)
        assert 400 <= answer.status_code < 500 and "\n" not in answer.json()["detail"], (body, answer.text)
    unknown = client.post("/api/events/12345/reviews", json={"verdict": "confirm", "reviewer": "ana"},
                          headers=headers)
    assert unknown.status_code == 404 and unknown.json()["detail"] == "event 12345: no such event in this store"
    assert client.get(f"/api/events/{link_id}").json()["reviews"] == []
