"""Stored documents for the store tests: the seed article and two wire reports, coded by hand.

``tests/fixtures/store/documents.json`` holds their records; every offset in it points into the
text (checked by ``test_fixture_offsets_point_into_the_text``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diplograph.model import Document
from diplograph.store import Store

DOCUMENTS = Path(__file__).parents[1] / "fixtures" / "store" / "documents.json"


def load_documents() -> list[Document]:
    return [Document.from_record(r) for r in json.loads(DOCUMENTS.read_text("utf-8"))]


@pytest.fixture()
def store_documents() -> list[Document]:
    """Fresh Documents (tests may change them): seed article, Kyiv strikes, prisoner swap."""
    return load_documents()


@pytest.fixture(scope="session")
def filled_store(tmp_path_factory):
    """One store holding the three documents, shared by the tests that only read it."""
    with Store(tmp_path_factory.mktemp("store") / "diplograph.duckdb") as store:
        for doc in load_documents():
            store.add(doc)
        yield store
