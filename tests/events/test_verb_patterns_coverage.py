"""diplograph's own verb patterns and event nouns for acts PETRARCH-2 missed or coded wrongly (CAMEO codes)."""

from __future__ import annotations

import pytest
from event_triples import triples, word_forms

from diplograph.events.verbs import load_verb_dictionary


@pytest.mark.parametrize(("verb", "after", "cameo"), [
    ("veto", "the resolution", "129"),  # a veto, not PETRARCH's ban (172)
    ("surrender", "", "0874"),
    ("demobilize", "the fighters", "0873"),
    ("hold", "civilians as human shields", "184"),
    ("use", "civilians as shields", "184"),
    ("declare", "a state of emergency", "1724"),
    ("extend", "the curfew", "1723"),
    ("shorten", "the nightly curfew", "0813"),
    ("reject", "french mediation", "126"),
    ("reject", "an invitation", "125"),
    ("renege", "on his commitment", "120"),
    ("upgrade", "their diplomatic ties", "050"),
    ("tighten", "the naval blockade", "191"),
    ("end", "mediation efforts", "165"),
    ("withdraw", "its peacekeepers", "1661"),
    ("organize", "a general strike", "143"),
    ("block", "streets", "144"),
    ("outlaw", "the party", "1722"),
    ("disperse", "thousands of protesters", "175"),
    ("back", "down", "080"),
    ("train", "iraqi pilots", "062"),
    ("award", "the freedom order", "051"),
    ("oppose", "the plan", "120"),
    ("accuse", "the minister of corruption", "1121"),
    ("condemn", "the terrorist attack", "111"),  # not PETRARCH's empathetic comment (018)
    ("mobilize", "army reservists", "154"),
    ("remain", "on alert", "152"),
    ("ban", "opposition candidates", "1722"),
    ("suspend", "publication of the newspaper", "1721"),
    ("fire", "rockets at the town", "194"),
])
def test_news_phrasing_gets_its_cameo_code(verb, after, cameo):
    assert load_verb_dictionary().match(verb, [], word_forms(after)).cameo == cameo


@pytest.mark.parametrize(("verb", "after"), [
    ("accord", "to officials"),  # "according to officials" reports, it is no act
    ("die", "in custody"),  # a death is no attack by the dead
    ("decide", "to"),  # "decided to lift sanctions": the lifting is the event
    ("take", "several steps"),
    ("hold", "riot shields"),  # shields held are no human shields
])
def test_words_that_state_no_event(verb, after):
    assert load_verb_dictionary().match(verb, [], word_forms(after)) is None


def test_bombing_and_cleansing_nouns():
    verbs = load_verb_dictionary()
    assert verbs.noun_code("suicide bombing") == "1831"
    assert verbs.noun_code("roadside bombing") == "1833"
    assert verbs.noun_code("ethnic cleansing") == "203"


@pytest.mark.parametrize(("text", "expected"), [
    ("The United States vetoed a Security Council resolution on Gaza on Wednesday.",
     ("USA", "REJECT", None)),
    ("Israel has strengthened its forces in Lebanon after rockets were fired across the border.",
     ("ISR", "MOBILIZE", "LBN")),
    ("Hamas militants are holding Palestinian civilians as human shields in Gaza, the Israeli army said.",
     ("PSE", "ASSAULT", "PSE")),
    ("Czechia and Albania have upgraded their diplomatic ties to ambassadorial level.",
     ("CZE", "SUPPORT", "ALB")),
    ("Afghan President Ashraf Ghani announced a three-day ceasefire with the Taliban.",
     ("AFG", "RETREAT", "AFG")),
    ("Japan decided to lift economic sanctions imposed on India and Pakistan.",
     ("JPN", "RETREAT", "IND")),
    ("Nigeria announced that it will withdraw its peacekeepers from Chad.",
     ("NGA", "THREATEN", "TCD")),
    ("Protesters blocked roads in Lagos on Monday.",
     ("NGA", "PROTEST", "NGA")),
    ("Police have arrested a dozen journalists during a demonstration in Algiers.",
     ("DZA", "COERCE", "DZA")),
    ("Britain mobilized army reservists for a possible war against Iraq on Tuesday.",
     ("GBR", "MOBILIZE", "IRQ")),
    ("U.S. border patrol agents sexually abused illegal Mexican immigrants.",
     ("USA", "ASSAULT", "MEX")),
])
def test_sentence_is_coded(run, text, expected):
    found = triples(run(text))
    if expected[2] is None:  # the target's country is not the point here
        assert any(t[:2] == expected[:2] for t in found), found
    else:
        assert expected in found, found


def test_arrest_at_a_protest_is_no_protest_by_the_arrested(run):
    found = triples(run("Police have arrested a dozen journalists during a demonstration in Algiers."))
    assert ("DZA", "PROTEST", "DZA") not in found


@pytest.mark.parametrize(("text", "cameo"), [
    ("Russian aircraft including helicopter gunships killed 46 Afghan civilians in an attack on a village.", "195"),
    ("President Yoweri Museveni has banned Ugandan opposition candidates from the upcoming elections.", "1722"),
    ("Israeli troops remained on alert in the occupied West Bank today.", "152"),
])
def test_sentence_gets_the_specific_code(run, text, cameo):
    assert cameo in {e.cameo for e in run(text)._.events}
