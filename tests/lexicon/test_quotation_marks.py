"""Quotation marks: straight, curly and doubled-apostrophe marks, and quotes over paragraphs."""

from __future__ import annotations

from diplograph.lexicon.parse import quoted_spans


def _texts(text):
    return [text[s:e] for s, e in quoted_spans(text)]


def test_curly_and_straight_marks():
    text = 'Putin said that “we share the recent words,” and Lavrov said "no." Its “allies” agreed.'
    assert _texts(text) == ["we share the recent words", "no.", "allies"]


def test_doubled_apostrophes_of_wire_text():
    text = "''This museum tells the truth,'' Mr. Bush declared. ''Even today, the journey goes on.''"
    assert _texts(text) == ["This museum tells the truth", "Even today, the journey goes on."]


def test_quote_reopened_in_next_paragraph_is_one_span():
    text = "He said: “We will fight.\n\n“We will never surrender,” he added."
    assert _texts(text) == ["We will fight.\n\n“We will never surrender"]


def test_unclosed_quote_ends_with_its_paragraph():
    text = "He said: “We will fight on the beaches\n\nThe debate went on."
    assert _texts(text) == ["We will fight on the beaches"]


def test_a_clause_a_cue_interrupts_gives_each_quoted_piece(run):
    text = ('"If you have even a portion of those billion people displaced," he said, "you now have the sorts '
            'of refugee crises and potential conflicts that we haven\'t seen in our lifetimes."')
    quotes = run(text)._.quotes
    assert [(q.kind, q.cue.text) for q in quotes] == [("direct", "said"), ("direct", "said")]
    assert quotes[1].text.startswith("you now have the sorts of refugee crises")
