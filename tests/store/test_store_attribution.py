"""Quotes keep what they attribute (speech, belief, document, poll) in the store, can be filtered by
it, and stores written before the column existed stay readable."""

from __future__ import annotations

import dataclasses

import duckdb
import pytest

from diplograph.errors import InputError
from diplograph.store import Store, query_quotes


@pytest.fixture()
def belief_store(tmp_path, store_documents):
    """The seed article with its third quote marked as a belief."""
    seed = store_documents[0]
    seed.quotes[2] = dataclasses.replace(seed.quotes[2], attribution="belief")
    path = tmp_path / "d.duckdb"
    with Store(path) as store:
        store.add(seed)
    return path, seed


def test_quotes_filtered_by_attribution(belief_store):
    path, seed = belief_store
    with Store(path, read_only=True) as store:
        beliefs = query_quotes(store, attribution="belief")
        speech = query_quotes(store, attribution="speech")
        assert [q["quote_id"] for q in beliefs] == [seed.quotes[2].id]
        assert len(speech) == len(seed.quotes) - 1 and all(q["attribution"] == "speech" for q in speech)
        assert store.get(seed.doc_id).quotes[2].attribution == "belief"


def test_unknown_attribution_is_an_input_error(belief_store):
    with Store(belief_store[0], read_only=True) as store, pytest.raises(InputError, match="attribution"):
        query_quotes(store, attribution="rumour")


def test_store_written_before_the_column_is_read_as_speech(belief_store):
    path, _seed = belief_store
    con = duckdb.connect(str(path))
    con.execute("ALTER TABLE quotes DROP COLUMN attribution")  # the layout before attributions
    con.close()
    with Store(path, read_only=True) as store:  # read-only: left as it is, read as speech
        assert not store.has_column("quotes", "attribution")
        assert {q["attribution"] for q in query_quotes(store)} == {"speech"}
        assert query_quotes(store, attribution="belief") == []
    with Store(path) as store:  # writable: the column is added, old rows are speech
        assert store.has_column("quotes", "attribution")
        assert {q["attribution"] for q in query_quotes(store)} == {"speech"}
