"""Verb patterns: agreements concluded, intents to yield, compensation, freedoms eased, words
PETRARCH-2 codes as acts that state none, and PETRARCH phrasings diplograph corrects."""

from __future__ import annotations

import pytest
from event_triples import triples, word_forms

from diplograph.events.verbs import load_verb_dictionary


@pytest.mark.parametrize(("verb", "before", "after", "cameo"), [
    ("agree", "", "to lift sanctions", "035"),  # PETRARCH's "agree * to sanctions" is 163
    ("agree", "", "a trade agreement", "057"),
    ("agree", "", "to deal", "057"),
    ("agree", "", "to negotiate agreement", "036"),
    ("commit", "", "to reforms", "030"),
    ("pay", "", "compensation to", "0842"),  # PETRARCH's "pay" is 061
    ("enhance", "", "political freedoms", "0811"),
    ("call", "", "out the deal for", "111"),
    ("call", "", "out troops", "154"),
    ("call", "", "off visit", "161"),  # PETRARCH's "call * off visit" is 042
    ("call", "", "off talks", "164"),
    ("return", "", "weapons from", "0842"),
    ("mobilize", "", "pressure groups", "053"),  # rallying support, no show of force
    ("launch", "", "a new military offensive in war", "190"),  # PETRARCH's "launch * in" is 062
    ("resume", "", "terrorist activities in", "180"),
    ("arrive", "", "in amman on visit", "042"),
    ("meet", "", "with wells at hotel", "040"),  # PETRARCH's "meet * with at" is 036
    ("release", "", "a joint statement", "010"),
    ("order", "", "an investigation against", "090"),
    ("speed", "", "up the withdrawal of", "0874"),
    ("retake", "", "a strategic village", "190"),
    ("overcome", "", "government forces", "190"),
])
def test_phrase_gets_its_cameo_code(verb, before, after, cameo):
    assert load_verb_dictionary().match(verb, word_forms(before), word_forms(after)).cameo == cameo


@pytest.mark.parametrize(("verb", "before", "after"), [
    ("expect", "are", "to"),  # "are expected to": the writer's forecast
    ("break", "", "isolation"),  # PETRARCH's "break" is 190
    ("continue", "riots", "with"),  # PETRARCH's "&military * continue" is 190
    ("flee", "refugees", "violence"),  # PETRARCH's "&refugee * flee" is 075
    ("fight", "", "the ebola epidemic"),  # PETRARCH's "fight" is 190
    ("struggle", "", "to reach"),
    ("overcome", "", "difficulties"),
    ("affect", "", "by flooding"),  # PETRARCH's "affect" is 050
    ("face", "", "food insecurity"),  # PETRARCH's "face" is 040
    ("release", "", "a report on"),  # PETRARCH's "release" is 0841
])
def test_words_that_state_no_event(verb, before, after):
    assert load_verb_dictionary().match(verb, word_forms(before), word_forms(after)) is None


def test_showing_something_is_no_demonstration():
    verbs = load_verb_dictionary()
    assert verbs.match("demonstrate", [], [{"the"}, {"commitment", "@dobj"}]) is None
    assert verbs.match("demonstrate", [], word_forms("outside the embassy")).cameo == "141"


def test_verbal_attack_nouns_are_criticism():
    verbs = load_verb_dictionary()
    assert verbs.noun_code("scathing attack") == "111"
    assert verbs.noun_code("attack") == "190"


@pytest.mark.parametrize(("text", "expected"), [
    ("Britain and the European Union have agreed a landmark free trade agreement.",
     ("GBR", "SUPPORT", None)),
    ("Washington has agreed to lift sanctions against Cuba, the State Department said.",
     ("USA", "AGREE", "CUB")),
    ("Uganda has paid compensation to British nationals expelled in the 1970s.",
     ("UGA", "RETREAT", "GBR")),
    ("Saudi Arabia has mobilized pressure groups in Washington to support the Palestinians.",
     ("SAU", "SUPPORT", "PSE")),
    ("The United States speeded up the withdrawal of its forces from Panama on Wednesday.",
     ("USA", "RETREAT", "PAN")),
    ("Israel threatened to launch an offensive against Hamas in Gaza.",
     ("ISR", "THREATEN", "PSE")),
])
def test_sentence_is_coded(run, text, expected):
    found = triples(run(text))
    if expected[2] is None:  # the target's country is not the point here
        assert any(t[:2] == expected[:2] for t in found), found
    else:
        assert expected in found, found


@pytest.mark.parametrize(("text", "plover"), [
    ("Palestinian riots against Israeli military policies are still continuing.", "ASSAULT"),
    ("Saudi Arabia has mobilized pressure groups in Washington to support the Palestinians.", "MOBILIZE"),
    ("EU countries have made resources available to fight the Ebola epidemic in West Africa.", "ASSAULT"),
    ("Aid groups struggled to reach people in the flooded north of the country.", "ASSAULT"),
])
def test_no_event_of_the_wrong_kind(run, text, plover):
    assert plover not in {e.plover for e in run(text)._.events}


def test_threat_to_launch_an_offensive_is_a_threat_of_force(run):
    doc = run("Iran threatened on Tuesday to launch a new military offensive unless Baghdad accepted its terms.")
    assert "1384" in {e.cameo for e in doc._.events}
