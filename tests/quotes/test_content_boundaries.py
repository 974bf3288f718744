"""Where a quote's content starts and ends, on real news sentences (US election coverage of 2016,
as in PolNeAR): what the parser coordinated with the cue verb is content, the writer's own aside at
the end is not, and a show's title in quotation marks is nobody's words."""

from __future__ import annotations

import pytest


def _only(quotes, words):
    hits = [q for q in quotes if words in q.text]
    assert len(hits) == 1, f"one quote should contain {words!r}: {[q.text for q in quotes]}"
    return hits[0]


@pytest.mark.parametrize(
    ("sentence", "first", "last"),
    [
        ("She wants to triple the size of the AmeriCorps program, grow the Peace Corps and create a new "
         "national service reserve program.", "to triple the size", "national service reserve program"),
        ("Donald Trump has mentioned refinancing student loans and forcing universities to spend more from "
         "their endowments to help students.", "refinancing student loans", "to help students"),
        ("Many Democrats said they had misgivings about Mrs. Clinton, but could not bear to insult Mr. Obama.",
         "they had misgivings", "could not bear to insult Mr. Obama"),
    ],
)
def test_what_the_parser_coordinated_with_the_cue_is_content(run, sentence, first, last):
    quote = _only(run(sentence)._.quotes, first)
    assert quote.text.startswith(first) and quote.text.endswith(last)


def test_a_cue_coordinated_with_the_cue_reports_its_own_content(run):
    quotes = run("He claimed she had lied and added that the emails were deleted.")._.quotes
    assert "added" not in _only(quotes, "she had lied").text


def test_an_object_act_includes_what_it_calls_its_object(run):
    quote = _only(run("Clinton attacked her opponent as a fraud and a scam artist.")._.quotes, "her opponent")
    assert quote.text == "her opponent as a fraud and a scam artist"


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ("Brown said he expects Clinton to fully recover from her bout with pneumonia, which forced her to "
         "leave a Sept. 11 memorial event early.", "he expects Clinton to fully recover from her bout with pneumonia"),
        ("He attacked other candidates on stage for accepting his personal donations, which he said were "
         "accompanied by leverage and return favors.",
         "other candidates on stage for accepting his personal donations"),
    ],
)
def test_the_writers_aside_at_the_end_is_no_content(run, sentence, content):
    assert any(q.text == content for q in run(sentence)._.quotes), [q.text for q in run(sentence)._.quotes]


def test_an_aside_inside_quotation_marks_is_the_speakers(run):
    text = ("The Russian president affirmed that his government will continue to support the efforts in "
            "Colombia, “for the sake of maintaining peace, guaranteeing regional security and stability,” "
            "he said.")
    assert any(q.text.endswith("guaranteeing regional security and stability") for q in run(text)._.quotes)


def test_a_relative_clause_that_goes_on_is_kept(run):
    text = ("Clinton vowed to form a joint federal task force, which would include the military, to crack "
            "down on hackers.")
    assert any(q.text.endswith("to crack down on hackers") for q in run(text)._.quotes)


def test_according_to_an_outlet_alone_makes_it_the_source(run):
    quote = _only(run("According to Politico, both of these areas are highly populated with black voters.")
                  ._.quotes, "black voters")
    assert (quote.text, quote.speaker.text, quote.via) == (
        "both of these areas are highly populated with black voters", "Politico", [])


@pytest.mark.parametrize(
    "sentence",
    [
        ("On this weekend’s broadcast of “Fox News Sunday,” Republican vice-presidential nominee Gov. Mike "
         "Pence said his running mate would release his tax returns."),
        ('In an interview on CBS\'s "Face the Nation," House Speaker Paul D. Ryan said the recent spate of '
         "police shootings demands that all Americans come together."),
    ],
)
def test_a_quoted_show_title_is_nobodys_words(run, sentence):
    quotes = run(sentence)._.quotes
    assert quotes and not any("Fox News" in q.text or "Face the" in q.text for q in quotes)


@pytest.mark.parametrize(
    ("sentence", "content", "speaker"),
    [
        ("Republican nominee Donald Trump, in particular, has sharply criticized long-standing free-trade "
         "deals such as the North American Free Trade Agreement and called for steep new tariffs on goods "
         "from China and Mexico.", "steep new tariffs on goods from China and Mexico", "Donald Trump"),
        ("As Clinton talked about bringing communities together, Trump highlighted his message that what "
         "the country needs first and foremost is a dose of law and order.", "bringing communities together",
         "Clinton"),
    ],
)
def test_a_cue_beside_another_cue_is_not_inside_it(run, sentence, content, speaker):
    quote = _only(run(sentence)._.quotes, content)
    assert quote.text == content and quote.speaker.text.endswith(speaker)


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ("While he acknowledged funding was a major reason he felt demoralized serving under Obama, Ham also "
         "noted several “intangibles” left him further disillusioned.",
         "several “intangibles” left him further disillusioned"),
        ("Writing for a Los Angeles Times panel that all agreed Pence won the debate, Mark Z. Barabak noted "
         "that the way Pence carried himself was critical to his success.",
         "the way Pence carried himself was critical to his success"),
    ],
)
def test_the_clause_after_the_cue_wins_over_one_in_front(run, sentence, content):
    assert any(q.text == content for q in run(sentence)._.quotes), [q.text for q in run(sentence)._.quotes]


def test_a_reported_clause_parsed_as_an_adverbial_is_content(run):
    quote = _only(run("Trump said after the convention he would not accept Cruz's endorsement if it were "
                      "offered.")._.quotes, "he would not accept")
    assert quote.text.endswith("he would not accept Cruz's endorsement if it were offered")


def test_an_adverbial_clause_of_a_speech_verb_is_not_content(run):
    quotes = run("The senator said goodbye as the crowd chanted his name.")._.quotes
    assert quotes == []
