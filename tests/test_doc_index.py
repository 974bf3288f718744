"""Per-document indexes answer as spaCy and a scan would, so that the stages stay linear in the
size of a document; and no sentence runs on without end."""

from __future__ import annotations

import random

from diplograph.annotate import MAX_UNBROKEN_TOKENS, make_doc
from diplograph.doc_index import Intervals, doc_text, line_breaks, span_ents, strings_of


def test_sentence_entities_are_spacys(nlp, seed_text):
    doc = nlp(make_doc(nlp, seed_text))
    for sentence in doc.sents:
        ours = [(e.start, e.end, e.label_, e.kb_id_) for e in span_ents(sentence)]
        assert ours == [(e.start, e.end, e.label_, e.kb_id_) for e in sentence.ents]
    assert doc_text(doc) == doc.text


def test_token_strings_are_the_tokens(nlp, seed_text):
    doc = nlp(make_doc(nlp, seed_text))
    assert strings_of(doc, "ORTH") == [t.text for t in doc]
    assert strings_of(doc, "POS") == [t.pos_ for t in doc]


def test_line_breaks_between_tokens_are_those_of_their_text(nlp):
    """The text from one token's start to another's end has a line break exactly when the counts
    say so (headline, dateline, blank lines, a break after a space, doubled spaces)."""
    text = ("Talks stall in Geneva\n\nGENEVA (Reuters) - Talks  stalled. \nThe minister said:\n"
            "\n\n“We will not sign.”\n")
    doc = make_doc(nlp, text)
    before, through = line_breaks(doc)
    for a in range(len(doc)):
        for b in range(a, len(doc)):
            assert (through[b] > before[a]) == ("\n" in doc[a : b + 1].text), (a, b)


def test_intervals_overlap_as_a_scan_finds():
    rnd = random.Random(9)
    ranges = [(s, s + rnd.randint(1, 30)) for s in (rnd.randint(0, 500) for _ in range(60))]
    intervals = Intervals(ranges)
    for _ in range(500):
        start = rnd.randint(-10, 520)
        end = start + rnd.randint(0, 40)
        assert intervals.overlaps(start, end) == any(s < end and start < e for s, e in ranges)


def test_a_line_without_punctuation_is_cut_into_bounded_sentences(nlp):
    words = ["the", "minister", "said", "government", "troops", "attacked", "the", "city", "and", "the",
             "president", "met"]
    text = " ".join(words[n % len(words)] for n in range(2 * MAX_UNBROKEN_TOKENS + 50))
    doc = nlp(make_doc(nlp, text))
    assert max(len(s) for s in doc.sents) <= MAX_UNBROKEN_TOKENS


def test_a_long_sentence_of_news_is_not_cut(nlp):
    # a long sentence of the PLV set, ended by its full stop: one sentence, as the parser reads it
    sentence = ("A Lebanese lawyer, Kareem Majbour, filed a complaint with the U.N. Human Rights Council "
                "Sunday against the Lebanese state, security forces and Hassan for the excessive force "
                "used against protesters since the start of the demonstrations.")
    doc = nlp(make_doc(nlp, sentence))
    assert len(list(doc.sents)) == 1


def test_a_run_without_spaces_is_tokenised_in_pieces_of_the_same_text(nlp, monkeypatch):
    from diplograph.annotate import MAX_RUN

    runs: list[int] = []
    tokenise = nlp.make_doc
    monkeypatch.setattr(nlp, "make_doc", lambda text: runs.append(max(map(len, text.split()))) or tokenise(text))
    text = "The president said " + "(" * (2 * MAX_RUN) + "peace" + ")" * (2 * MAX_RUN) + " today."
    doc = make_doc(nlp, text)
    assert max(runs) <= MAX_RUN  # spaCy's tokenizer is quadratic in the length of a run
    assert doc.text == text and len(doc) > 4 * MAX_RUN  # every bracket a token, as spaCy splits them
    monkeypatch.undo()
    short = "Normal text, with (brackets) and a link http://example.com/a/b?c=d."
    assert [t.text for t in make_doc(nlp, short)] == [t.text for t in nlp.make_doc(short)]
