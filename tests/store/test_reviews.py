"""Reviews of linked events: filed with who and when, listed per event and per document, checked
field by field (one line each), never changing the coder's rows, and kept on their mention when a
new report relinks the event."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest

from diplograph.errors import InputError, StoreError
from diplograph.model import Document
from diplograph.store import Store

SEED_ID = "ba7ef1a52c7eff0481ea90f05d782679e6031cc6"
KYIV_ID = "b46525fde7dd7a888c90dfa21161755cc2f641f0"


@pytest.fixture()
def store(tmp_path, store_documents):
    with Store(tmp_path / "reviews.duckdb") as store:
        for doc in store_documents:
            store.add(doc)
        yield store


def _link_of(store: Store, doc_id: str, event_id: str) -> int:
    with store.cursor() as cur:
        row = cur.execute("SELECT link_id FROM event_links WHERE doc_id = ? AND event_id = ?",
                          [doc_id, event_id]).fetchone()
    assert row is not None
    return int(row[0])


def _coded(store: Store) -> list[tuple]:
    with store.cursor() as cur:
        return cur.execute("SELECT * FROM events ORDER BY doc_id, event_id").fetchall()


def test_a_review_is_stored_with_its_event_its_mention_who_and_when_and_listed_in_order(store):
    praise = _link_of(store, SEED_ID, "e1")  # "Putin said Colombia is a promising partner"
    coded = _coded(store)
    first = store.add_review(praise, "confirm", reviewer="ana", comment="  Putin did praise Colombia ")
    second = store.add_review(praise, "correct", reviewer="ben", cameo="0513", mode="asserted")
    assert first["id"] == 1 and second["id"] == 2
    assert first["link_id"] == first["reviewed_link_id"] == praise
    assert (first["doc_id"], first["event_id"]) == (SEED_ID, "e1")
    assert first["verdict"] == "confirm" and first["reviewer"] == "ana"
    assert first["comment"] == "Putin did praise Colombia"
    assert first["cameo"] is None and first["source"] is None
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", first["created"])
    assert (second["cameo"], second["mode"], second["target"]) == ("0513", "asserted", None)
    assert store.reviews(praise) == [first, second] == store.reviews()
    assert store.reviews(doc_id=SEED_ID) == [first, second]
    assert store.reviews(doc_id=KYIV_ID) == [] == store.reviews(praise, doc_id=KYIV_ID)
    assert store.reviews(praise, doc_id=SEED_ID) == [first, second]
    assert store.reviews(_link_of(store, KYIV_ID, "e1")) == []
    assert _coded(store) == coded  # the coder's rows are untouched
    json.dumps(first)  # the review is plain JSON as the API sends it


@pytest.mark.parametrize(("verdict", "fields", "problem"), [
    ("approve", {}, "verdict 'approve': not a verdict (one of confirm, reject, correct)"),
    ("correct", {}, "verdict 'correct': names no correction"),
    ("reject", {"cameo": "042"}, "verdict 'reject': corrects nothing, but cameo was given"),
    ("correct", {"cameo": "999"}, "cameo '999': not a known CAMEO event code"),
    ("correct", {"cameo": "42"}, "cameo '42': not a known CAMEO event code"),
    ("correct", {"mode": "maybe"}, "mode 'maybe': not an event mode (one of asserted, negated"),
    ("correct", {"date": "2022-13-01"}, "date '2022-13-01': not a date (YYYY-MM-DD, YYYY-MM or YYYY)"),
    ("correct", {"date": "20 Sept 2022"}, "date '20 Sept 2022': not a date"),
    ("correct", {"source": "rus"}, "source 'rus': not an actor code (3 to 12 capital letters"),
    ("correct", {"target": "<script>"}, "target '<script>': not an actor code"),
    ("confirm", {"reviewer": " "}, "reviewer: who reviews must be named"),
    ("confirm", {"comment": "x" * 2001}, "comment: 2001 characters; a comment has at most 2000"),
])
def test_a_bad_review_is_refused_with_one_line_naming_the_field_and_nothing_is_stored(store, verdict, fields,
                                                                                       problem):
    praise = _link_of(store, SEED_ID, "e1")
    given = {"reviewer": "ana", **fields}
    with pytest.raises(InputError) as refused:
        store.add_review(praise, verdict, **given)
    message = str(refused.value)
    assert "\n" not in message and message.startswith(problem)
    assert store.reviews() == []


def test_a_review_of_an_event_the_store_does_not_hold_is_refused(store):
    with pytest.raises(InputError, match=r"^event 12345: no such event in this store$"):
        store.add_review(12345, "confirm", reviewer="ana")
    mention_not_earliest = _link_of(store, SEED_ID, "e1") + 1  # a gid that is no linked event's id
    with pytest.raises(InputError, match="no such event"):
        store.add_review(mention_not_earliest, "reject", reviewer="ana")
    with pytest.raises(InputError, match="not an event id"):
        store.add_review("1", "confirm", reviewer="ana")  # type: ignore[arg-type]


def test_a_review_stays_with_its_mention_when_a_new_report_relinks_the_event(store, store_documents):
    strikes = _link_of(store, KYIV_ID, "e1")  # "Russia fired missiles at Kyiv"
    review = store.add_review(strikes, "correct", reviewer="ana", target="UKRGOV")
    # another wire's report of the strikes, stored under an id that comes first: its mention is now
    # the linked event's earliest, so the event's link_id changes
    kyiv = next(d for d in store_documents if d.doc_id == KYIV_ID)
    wire: Document = replace(kyiv, doc_id="0-other-wire", text=kyiv.text + "More follows.\n", outlet="Other Wire",
                             url="https://wire.example/kyiv")
    store.add(wire)
    relinked = _link_of(store, KYIV_ID, "e1")
    assert relinked == _link_of(store, "0-other-wire", "e1") != strikes
    (found,) = store.reviews(relinked)
    assert found["id"] == review["id"] and found["link_id"] == relinked
    assert found["reviewed_link_id"] == strikes and (found["doc_id"], found["event_id"]) == (KYIV_ID, "e1")
    assert store.reviews(strikes) == []
    assert store.reviews(doc_id="0-other-wire") == [found]
    # and the event can be reviewed under its new id
    assert store.add_review(relinked, "confirm", reviewer="ben")["doc_id"] == "0-other-wire"


def test_a_store_written_before_reviews_gets_the_table_when_opened_for_writing(tmp_path, store_documents):
    path = tmp_path / "old.duckdb"
    with Store(path) as store:
        store.add(store_documents[0])
        with store._transaction() as cur:
            cur.execute("DROP TABLE reviews")
    with Store(path, read_only=True) as old:
        assert old.reviews() == []
        with pytest.raises(StoreError, match="read-only"):
            old.add_review(_link_of(old, SEED_ID, "e1"), "confirm", reviewer="ana")
    with Store(path) as store:
        review = store.add_review(_link_of(store, SEED_ID, "e1"), "reject", reviewer="ana")
        assert store.reviews() == [review]
