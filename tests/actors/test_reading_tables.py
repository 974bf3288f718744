"""The actor stage's per-document token tables (``Reading``) say what spaCy's Tokens say: the
passes test these lists instead of making a Token of every word, so the lists must agree with the
Tokens word for word, sentence for sentence, or the actors found would change."""

from __future__ import annotations

from diplograph.actors._reading import Reading
from diplograph.annotate import make_doc
from diplograph.doc_index import doc_text
from diplograph.events._parts import DocumentContext

# wire copy with a dateline, a headline line break, quotes, accents and doubled spaces
TEXT = ("Talks stall in Geneva\n\nGENEVA (Reuters) - Iran's foreign minister, Mohammad Javad Zarif, said "
        "on Tuesday that  talks with the United States had “stalled.” The Security Council’s members "
        "did not reply.\nSão Paulo’s governor met Chinese leader Xi Jinping and the Heads of State. ")


def test_the_token_tables_are_the_tokens_attributes(nlp, seed_text):
    for text in (TEXT, seed_text):
        doc = nlp(make_doc(nlp, text))
        reading = Reading(doc, None, "2022-09-21")  # type: ignore[arg-type]  (no lookups made)
        assert reading.texts == [t.text for t in doc]
        assert reading.lowers == [t.lower_ for t in doc]
        assert reading.pos == [t.pos_ for t in doc]
        assert reading.ent_types == [t.ent_type_ for t in doc]
        assert reading.is_title == [t.is_title for t in doc]
        assert reading.is_alpha == [t.is_alpha for t in doc]
        assert reading.idx == [t.idx for t in doc]
        assert [(s.start, s.end) for s in reading.sents] == [(s.start, s.end) for s in doc.sents]
        assert reading.text == doc.text == text
        assert DocumentContext.of(doc, [], []).pos == [t.pos_ for t in doc]


def test_the_joined_text_keeps_every_space(nlp):
    for text in ("", "  leading and trailing  ", "Paris\n\n\nBerlin  —  Kyiv"):
        doc = make_doc(nlp, text)
        assert doc_text(doc) == doc.text == text
