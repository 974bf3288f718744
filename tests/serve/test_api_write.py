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
