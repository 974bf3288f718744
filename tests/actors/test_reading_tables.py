"""The actor stage's per-document token tables (``Reading``) say what spaCy's Tokens say: the
passes test these lists instead of making a Token of every word, so the lists must agree with the
Tokens word for word, sentence for sentence, or the actors found would change."""

from __future__ import annotations

from diplograph.actors._reading import Reading
from diplograph.annotate import make_doc
from diplograph.doc_index import doc_text
from diplograph.events._parts import DocumentContext
from diplograph.lexicon.dictionary import load_dictionary, match_key

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
        assert DocumentContext.of(doc, [], []).lemmas == [t.lemma_.lower() for t in doc]


def test_the_joined_text_keeps_every_space(nlp):
    for text in ("", "  leading and trailing  ", "Paris\n\n\nBerlin  —  Kyiv"):
        doc = make_doc(nlp, text)
        assert doc_text(doc) == doc.text == text


def test_a_phrase_key_is_match_keys_or_no_name(nlp, seed_text):
    """``Reading.name_key`` joins plain words itself and skips phrases whose last word ends no
    name: over every phrase of up to twelve words, its key is ``match_key``'s, and a skipped
    phrase is no name of the dictionary ("U.S.", "People's", "São Paulo’s", line breaks and
    doubled spaces included)."""
    dictionary = load_dictionary()
    for text in (TEXT, seed_text):
        doc = nlp(make_doc(nlp, text))
        reading = Reading(doc, dictionary, "2022-09-21")
        skipped = joined = 0
        for i in range(len(doc)):
            for j in range(i + 1, min(len(doc), i + 12) + 1):
                expected = match_key(doc[i:j].text)
                key = reading.name_key(i, j)
                if key is None:
                    skipped += 1
                    assert expected not in dictionary.index, doc[i:j].text
                else:
                    joined += 1
                    assert key == expected, doc[i:j].text
        assert skipped and joined
