"""Hand-made predictions for the evaluation tests: events placed on a sentence by their words."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.model import ActorRef, Document, Event, Span

EVAL_FIXTURES = Path(__file__).parents[1] / "fixtures" / "evaluate"


def _ref(text: str, words: str | None, country: str | None, code: str | None, sector: str | None = None):
    if words is None:
        return None
    start = text.index(words)
    return ActorRef(words, start, start + len(words), country, sector, code)


def make_event(text: str, source: str | None, target: str | None, plover: str | None, *,
               cameo: str = "010", quad: int | None = None, source_country: str | None = None,
               target_country: str | None = None, source_code: str | None = None,
               target_code: str | None = None, sector: str | None = None, mode: str = "asserted") -> Event:
    """An Event on ``text`` whose source and target are the first occurrences of those words."""
    return Event(
        id="e", sentence=0,
        source=_ref(text, source, source_country, source_code or source_country, sector),
        target=_ref(text, target, target_country, target_code or target_country),
        trigger=Span("", 0, 0), cameo=cameo, root=cameo[:2], plover=plover,
        quad_class=quad, goldstein=None, mode=mode,
    )


class FakePipeline:
    """Stands in for Pipeline.annotate_texts: returns the events given per text, in input order."""

    def __init__(self, events_by_text: dict[str, list[Event]]) -> None:
        self.events_by_text = events_by_text
        self.calls: list[tuple[list[str], str | None]] = []

    def annotate_texts(self, texts, published=None):
        texts = list(texts)
        self.calls.append((texts, published))
        for text in texts:
            yield Document(doc_id=text[:10], text=text, published=published,
                           events=list(self.events_by_text.get(text, [])))


@pytest.fixture
def eval_fixtures() -> Path:
    return EVAL_FIXTURES


@pytest.fixture
def event():
    """``event(text, source_words, target_words, plover, ...)`` -> a hand-made Event."""
    return make_event


@pytest.fixture
def fake_pipeline():
    """``fake_pipeline({text: [events]})`` -> an object with Pipeline.annotate_texts."""
    return FakePipeline
