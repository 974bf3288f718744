"""The fast dependency parser gives every token the head, label and sentence start that the model's
own parser gives, alone and in batches, on real news text."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from spacy.attrs import DEP, HEAD, SENT_START
from spacy.tokens import Doc

from diplograph._parser import FastDependencyParser, can_replace
from diplograph.annotate import make_doc

FIXTURES = Path(__file__).parent / "fixtures"
DEMO = Path(__file__).resolve().parents[1] / "diplograph" / "data" / "demo_article.txt"

# Paragraphs opening with a quotation in the two-apostrophe style of the New York Times archive:
# the parser ends a sentence after the opening quotes, from the paragraph before (a Break when the
# next paragraph's first token is the first on its buffer).
QUOTES = ("Mr. Kamin said the plan would cost more than expected.\n\n"
          "''This isn't a serious proposal,'' he said.\n\n"
          "''The message is clear,'' said a spokesman for the campaign.\n\n"
          "''I cannot accept it,'' the minister said.")
# An embedded tweet's signature line: words put back on the buffer and given a second head.
TWEET = ("The senator responded on Twitter.\n\n"
         "— Robert Maguire (@RobertMaguire_) January 5, 2020\n\n"
         "The White House did not respond.")
LIVE = ("The latest on the election (all times EDT):\n\n7 p.m.\n\n"
        "Donald Trump will speak at a rally in Ohio.\n\n2:45 p.m.\n\n"
        "Connecticut officials said turnout was high.")


def _texts() -> list[str]:
    lines = (FIXTURES / "ingest" / "resume_corpus.jsonl").read_text("utf-8").splitlines()
    return [DEMO.read_text("utf-8"), QUOTES, TWEET, LIVE] + [json.loads(line)["text"] for line in lines]


def _before_parser(nlp, texts: list[str]) -> list[Doc]:
    """The texts through the components before the parser (the paragraph starts among them)."""
    names = nlp.pipe_names
    later = names[names.index("parser"):]
    return list(nlp.pipe([make_doc(nlp, text) for text in texts], disable=later))


def _parse(doc: Doc) -> np.ndarray:
    return doc.to_array([HEAD, DEP, SENT_START])


def test_the_pipeline_uses_the_fast_parser(nlp) -> None:
    fast = nlp.get_pipe("parser")
    assert isinstance(fast, FastDependencyParser)
    assert not can_replace(nlp.get_pipe("ner"))
    assert not can_replace(None)


@pytest.mark.parametrize("batch_size", [1, 8, 256])
def test_batches_parse_as_the_model_does(nlp, batch_size: int) -> None:
    fast = nlp.get_pipe("parser")
    docs = _before_parser(nlp, _texts())
    expected = [doc.copy() for doc in docs]
    got = [doc.copy() for doc in docs]
    list(fast.parser.pipe(expected, batch_size=batch_size))
    list(fast.pipe(got, batch_size=batch_size))
    for want, have in zip(expected, got, strict=True):
        assert np.array_equal(_parse(have), _parse(want)), have.text[:60]
        assert [t.dep_ for t in have] == [t.dep_ for t in want]


def test_one_document_parses_as_the_model_does(nlp) -> None:
    fast = nlp.get_pipe("parser")
    for doc in _before_parser(nlp, [QUOTES, TWEET]):
        want = fast.parser(doc.copy())
        assert np.array_equal(_parse(fast(doc)), _parse(want))


def test_a_sentence_end_reaching_into_the_next_paragraph_is_kept(nlp) -> None:
    fast = nlp.get_pipe("parser")
    doc = fast(_before_parser(nlp, [QUOTES])[0])
    quotes = [t for t in doc if t.text == "''" and t.i and "\n" in doc[t.i - 1].text]
    assert quotes
    # the first paragraph's opening quotes are a sentence of their own, as in the model's parse
    assert quotes[0].is_sent_start and doc[quotes[0].i + 1].is_sent_start
    want = fast.parser(_before_parser(nlp, [QUOTES])[0])
    assert [s.text for s in doc.sents] == [s.text for s in want.sents]


def test_a_document_with_a_parse_set_beforehand_goes_to_the_model(nlp) -> None:
    fast = nlp.get_pipe("parser")
    words = ["Kenya", "condemned", "Somalia", "."]
    doc = Doc(nlp.vocab, words=words, heads=[1, 1, 1, 1], deps=["nsubj", "ROOT", "dobj", "punct"])
    want = fast.parser(doc.copy())
    assert np.array_equal(_parse(fast(doc)), _parse(want))
