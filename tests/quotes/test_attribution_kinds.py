"""Attributions beyond speech on real news sentences (US election coverage of 2016, as in PolNeAR):
beliefs, documents' findings and polls are quotes too, each saying what it attributes."""

from __future__ import annotations

import pytest

from diplograph.model import Document, Quote


def _only(quotes, words):
    hits = [q for q in quotes if words in q.text]
    assert len(hits) == 1, f"one quote should contain {words!r}: {[q.text for q in quotes]}"
    return hits[0]


@pytest.mark.parametrize(
    ("sentence", "words", "attribution", "source"),
    [
        (("Mr. Obama believes his efforts to slow global warming will be the most consequential legacy "
          "of his presidency."), "his efforts to slow global warming", "belief", "Mr. Obama"),
        ("But environmentalists worry that Mr. Clarke is breathing new life into a polluting industry.",
         "Mr. Clarke is breathing new life", "belief", "environmentalists"),
        (("A Government Accountability Office report released last year found that the agency could "
          "not be sure that money used for the visas was not coming from the drug trade."),
         "the agency could not be sure", "document", "report"),
        (("Hillary Clinton and Donald Trump are virtually tied heading into their first debate, "
          "according to a new Washington Post-ABC News national poll."),
         "virtually tied heading into their first debate", "poll", "poll"),
        ("Republican nominee Donald Trump has called for the complete repeal of Obamacare.",
         "the complete repeal of Obamacare", "speech", "Donald Trump"),
        ("Sen. Tim Kaine said the campaign would release its plan next week.",
         "the campaign would release its plan", "speech", "Tim Kaine"),
    ],
)
def test_each_attribution_says_what_it_attributes(run, sentence, words, attribution, source):
    quote = _only(run(sentence)._.quotes, words)
    assert quote.attribution == attribution
    assert quote.speaker is not None and source in quote.speaker.text


def test_poll_named_with_its_outlet_is_the_source_not_a_via(run):
    doc = run("Mrs. Clinton now holds a gaping advantage among black voters, according to a New York "
              "Times/CBS News poll released last week.")
    quote = _only(doc._.quotes, "gaping advantage")
    assert quote.attribution == "poll" and quote.via == []


def test_belief_inside_reported_words_is_not_a_second_quote(run):
    doc = run("Mr. Rubio said he finally believes Obama was born in the United States.")
    assert [(q.attribution, q.text) for q in doc._.quotes] == [
        ("speech", "he finally believes Obama was born in the United States")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Obama’s veto is expected to come before the deadline at midnight Friday.",  # no one expects
        "Expect Western countries to use their official speeches to criticize Moscow.",  # imperative
    ],
)
def test_no_belief_without_a_holder(run, sentence):
    assert run(sentence)._.quotes == []


def test_a_belief_denied_is_still_attributed_but_unsaid_words_are_not(run):
    doc = run("Clinton did not want to remain in the hospital. "
              "Attorney General Eric Schneiderman did not say whether the foundation broke any laws.")
    assert [(q.attribution, q.speaker.text, q.text) for q in doc._.quotes] == [
        ("belief", "Clinton", "to remain in the hospital")
    ]


def test_quoted_words_still_take_the_speech_verb(run):
    doc = run("“We will win this state,” Trump said, adding that he expects a large turnout.")
    direct = _only(doc._.quotes, "We will win this state")
    assert (direct.kind, direct.attribution, direct.cue.text) == ("direct", "speech", "said")


def test_attribution_is_in_the_record_and_old_records_are_speech():
    quote = Quote("q1", "indirect", "x y", 0, 3, None, None, attribution="belief")
    record = Document("d", "x y z", quotes=[quote]).to_record()
    assert record["quotes"][0]["attribution"] == "belief"
    del record["quotes"][0]["attribution"]  # a record written before the field existed
    assert Document.from_record(record).quotes[0].attribution == "speech"


@pytest.mark.parametrize(
    ("headline", "words", "attribution"),
    [
        ("Poll: Wealthy Voters Abandon Republican Party for Hillary Clinton",
         "Wealthy Voters Abandon Republican Party", "poll"),
        ("Rush Limbaugh: Hillary Asking Moderator To Fact Check Trump Reeks of Fear",
         "Hillary Asking Moderator", "speech"),
    ],
)
def test_a_line_opened_by_a_source_and_a_colon_is_its_attribution(run, headline, words, attribution):
    doc = run(headline + "\n\nThe race tightened this week.")
    quote = _only(doc._.quotes, words)
    assert (quote.attribution, quote.cue.text) == (attribution, ":")
    assert headline.startswith(quote.speaker.text)


def test_a_label_that_names_no_source_is_no_attribution(run):
    doc = run("Update: The story has been corrected to show the date of the debate.")
    assert doc._.quotes == []


def test_a_cited_remark_is_attributed_and_a_cited_outlet_is_a_via(run):
    doc = run("Clinton cited derogatory comments Trump had made about Machado after she gained weight. "
              "Putin said Russia would respond, citing RT.")
    cited = _only(doc._.quotes, "derogatory comments")
    assert (cited.attribution, cited.speaker.text, cited.cue.text) == ("speech", "Clinton", "cited")
    assert _only(doc._.quotes, "Russia would respond").via == ["RT"]


@pytest.mark.parametrize(
    ("sentence", "words", "attribution", "source"),
    [
        (("Politifact examined Donald Trump’s claim that there have been thousands of shootings in "
          "Chicago this year alone."), "there have been thousands of shootings", "speech", "Donald Trump"),
        (("Trump denied a New York Times report that Donald Trump had a net loss of more than $915 "
          "million in 1995."), "had a net loss", "document", "New York Times"),
    ],
)
def test_a_noun_with_a_that_clause_attributes_it_to_its_holder(run, sentence, words, attribution, source):
    quote = _only(run(sentence)._.quotes, words)
    assert quote.attribution == attribution and source in quote.speaker.text


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ("In the previous Washington Post/ABC News national poll, conducted in early September, Clinton led "
         "Trump by 5 percentage points among likely voters.",
         "Clinton led Trump by 5 percentage points among likely voters"),
        ("Despite media pronouncements that Clinton was the winner of Monday night’s debate, she did not "
         "receive a bump in one of the first post-debate polls to emerge.", "she did not receive a bump"),
    ],
)
def test_what_a_clause_reports_in_a_poll_is_the_polls(run, sentence, content):
    quote = _only(run(sentence)._.quotes, content)
    assert (quote.text, quote.attribution, quote.cue.text.lower()) == (content, "poll", "in")


def test_in_a_place_is_no_source(run):
    assert run("In the Middle West, Trump rose 1 percentage point since Monday’s debate.")._.quotes == []
