"""The reviews as a gold file: each reviewed document's text once, then one line per reviewed mention
with the coder's values, the verdict and the corrections; the latest review of a mention counts."""

from __future__ import annotations

import json

import pytest

from diplograph.cli import main
from diplograph.store import Store
from diplograph.store.review_gold import export_reviews

SEED_ID = "ba7ef1a52c7eff0481ea90f05d782679e6031cc6"
SWAP_ID = "c77eb50167fa20ed53ddd44d6708f6c93225318d"


def _link_of(store: Store, doc_id: str, event_id: str) -> int:
    with store.cursor() as cur:
        (link_id,) = cur.execute("SELECT link_id FROM event_links WHERE doc_id = ? AND event_id = ?",
                                 [doc_id, event_id]).fetchone()
    return int(link_id)


@pytest.fixture()
def reviewed(tmp_path, store_documents):
    """The fixture documents with reviews: the swap confirmed, then a seed event rejected and corrected."""
    path = tmp_path / "reviewed.duckdb"
    with Store(path) as store:
        for doc in store_documents:
            store.add(doc)
        store.add_review(_link_of(store, SWAP_ID, "e1"), "confirm", reviewer="ana")
        accused = _link_of(store, SEED_ID, "e10")  # "Putin accused the United States of fueling conflicts"
        store.add_review(accused, "reject", reviewer="ana")
        store.add_review(accused, "correct", reviewer="ben", date="2022-08-15", comment="the speech of 15 August")
    return path


def test_the_gold_file_has_each_document_once_then_the_latest_review_of_each_mention(reviewed, tmp_path,
                                                                                    store_documents):
    out = tmp_path / "gold.jsonl"
    with Store(reviewed, read_only=True) as store:
        assert export_reviews(store, out) == 2
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [(line["kind"], line["doc_id"]) for line in lines] == [
        ("document", SWAP_ID), ("review", SWAP_ID), ("document", SEED_ID), ("review", SEED_ID)]
    seed = next(d for d in store_documents if d.doc_id == SEED_ID)
    assert lines[2]["text"] == seed.text and lines[2]["published"] == "2022-09-21"
    swap, accused = lines[1], lines[3]
    assert swap["verdict"] == "confirm" and swap["corrected"] == {} and swap["reviews"] == 1
    assert swap["coder"]["cameo"] == "0841" and swap["coder"]["trigger"] == "exchanged"
    # the later correction replaced the rejection of the same mention
    assert accused["event_id"] == "e10" and accused["verdict"] == "correct" and accused["reviews"] == 2
    assert accused["reviewer"] == "ben" and accused["comment"] == "the speech of 15 August"
    assert accused["corrected"] == {"date": "2022-08-15"}
    assert accused["coder"] == {"source": "RUSGOV", "target": "USA", "cameo": "112", "mode": "asserted",
                                "date": "2022-08", "trigger": "accused",
                                "trigger_start": accused["coder"]["trigger_start"],
                                "trigger_end": accused["coder"]["trigger_end"]}
    text = lines[2]["text"]
    assert text[accused["coder"]["trigger_start"]:accused["coder"]["trigger_end"]] == "accused"
    assert accused["sentence"] == text[accused["sentence_start"]:accused["sentence_end"]]
    assert "accused the United States" in accused["sentence"]


def test_cli_exports_reviews_and_refuses_the_event_filters(reviewed, tmp_path, capsys):
    out = tmp_path / "gold.jsonl"
    assert main(["export", "--db", str(reviewed), "--format", "reviews", "--out", str(out)]) == 0
    assert "2 reviewed mentions written (reviews)" in capsys.readouterr().err
    assert len(out.read_text("utf-8").splitlines()) == 4
    assert main(["export", "--db", str(reviewed), "--format", "reviews", "--out", str(out), "--one-a-day"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.endswith("--one-a-day: does not apply to --format reviews (every reviewed mention is exported)")
    assert "\n" not in err


def test_a_store_without_reviews_exports_an_empty_gold_file(tmp_path, store_documents):
    with Store(tmp_path / "plain.duckdb") as store:
        store.add(store_documents[0])
        assert export_reviews(store, tmp_path / "gold.jsonl") == 0
    assert (tmp_path / "gold.jsonl").read_text("utf-8") == ""
