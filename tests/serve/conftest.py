"""A real store for the API tests: the store test documents (the seed article and two wire
reports, coded by hand; tests/fixtures/store/documents.json), served by the app through TestClient."""

from __future__ import annotations

import json
import shutil
import warnings
from pathlib import Path

import pytest

from diplograph.model import Document
from diplograph.store import Store

DOCUMENTS = Path(__file__).parents[1] / "fixtures" / "store" / "documents.json"
TOKEN = "test-token-5f1c"


def _client(app):
    with warnings.catch_warnings():  # starlette's note that httpx will be replaced
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    return TestClient(app)


@pytest.fixture(scope="session")
def token() -> str:
    """The token the shared client's app was started with."""
    return TOKEN


@pytest.fixture(scope="session")
def store_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "diplograph.duckdb"
    with Store(path) as store:
        for record in json.loads(DOCUMENTS.read_text("utf-8")):
            store.add(Document.from_record(record))
    return path


@pytest.fixture(scope="session")
def client(store_path):
    """A client of the app over the shared store (tests through it only read)."""
    from diplograph.serve import create_app

    with _client(create_app(store_path, token=TOKEN)) as c:
        yield c


@pytest.fixture()
def own_store(store_path, tmp_path) -> Path:
    """A copy of the store a test may write to."""
    path = tmp_path / "own.duckdb"
    shutil.copy(store_path, path)
    return path


@pytest.fixture()
def make_client():
    """``make_client(path, token=...)``: a client of an app over another store, closed after the test."""
    from diplograph.serve import create_app

    made = []

    def make(path: Path, **options):
        c = _client(create_app(path, **options))
        c.__enter__()
        made.append(c)
        return c

    yield make
    for c in made:
        c.__exit__(None, None, None)
