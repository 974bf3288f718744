"""Verb patterns: joint exercises, forces joined, officials and sanctions reinstated, people
taken in, troops offered, verbal attacks, with the PETRARCH-2 phrasings they correct."""

from __future__ import annotations

import pytest
from event_triples import triples, word_forms

from diplograph.events.verbs import load_verb_dictionary


@pytest.mark.parametrize(("verb", "before", "after", "cameo"), [
    ("hold", "", "joint naval drills", "062"),
    ("perform", "", "a joint war games in october", "062"),
    ("begin", "", "joint military exercises off", "062"),
    ("join", "", "forces with the u.s. to defeat", "060"),  # PETRARCH's "join * with" is 046
    ("reinstate", "", "somare as prime minister", "080"),
    ("reinstate", "", "sanctions on", "163"),
    ("accept", "", "more than 1,500 people now living", "075"),
    ("resettle", "", "25,000 syrian refugees", "075"),
    ("offer", "", "its troops to", "0332"),  # an intent to give military aid, not the aid
    ("receive", "", "an observer mission from", "0862"),  # observers let in, not a visit hosted
])
def test_phrase_gets_its_cameo_code(verb, before, after, cameo):
    assert load_verb_dictionary().match(verb, word_forms(before), word_forms(after)).cameo == cameo


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia and China held joint naval drills in the Sea of Japan on Monday.", ("RUS", "COOPERATE", "CHN")),
    ("India and France began joint military exercises off the coast of Goa.", ("FRA", "COOPERATE", "IND")),
    ("The armies of Brazil and Argentina performed a joint war games in October to create bi-national "
     "units for peace missions in South America.", ("BRA", "COOPERATE", "ARG")),
    ("Kenyan police joined forces with Ugandan troops to hunt the militants.", ("KEN", "COOPERATE", "UGA")),
    ("The United States reinstated sanctions on Iran on Monday.", ("USA", "COERCE", "IRN")),
    ("Governor-General Michael Ogio reinstated Michael Somare as prime minister of Papua New Guinea on Monday.",
     ("PNG", "CONCEDE", "PNG")),
    ("Syria has again offered its troops to Lebanon's new President Elias Hrawi.", ("SYR", "AGREE", "LBN")),
    ("Former prime minister Paul Keating has launched an extraordinary attack on Australia's spy chiefs, "
     "calling them nutters.", ("AUS", "ACCUSE", "AUS")),
])
def test_sentence_is_coded(run, text, expected):
    found = triples(run(text))
    assert expected in found, found


def test_war_games_launched_alone_are_no_cooperation():
    """CAMEO codes one side's exercises as a show of force (150); only joint ones cooperate (062)."""
    match = load_verb_dictionary().match("launch", [], word_forms("war games near iran waters"))
    assert match is None or match.cameo != "062"


def test_verbal_attack_launched_is_no_assault(run):
    doc = run("Former prime minister Paul Keating has launched an extraordinary attack on Australia's spy chiefs.")
    assert "ASSAULT" not in {e.plover for e in doc._.events}
    assert load_verb_dictionary().noun_code("extraordinary attack") == "111"


def test_joint_drills_are_no_attack(run):
    doc = run("The armies of Brazil and Argentina performed joint war games in October.")
    assert "ASSAULT" not in {e.plover for e in doc._.events}


def test_observer_mission_received_lets_observers_in(run):
    doc = run("Kyrgyz Prime Minister Nikolai Tanaev received an observer mission from the OSCE on Monday.")
    assert ("KGZGOV", "0862", "IGOEUROSC") in {(e.source.code, e.cameo, e.target.code)
                                             for e in doc._.events if e.source and e.target}


def test_preparing_an_offensive_is_a_military_posture(run):
    doc = run("Macedonia is preparing a major offensive against ethnic Albanian guerrillas.")
    assert ("MKD", "MOBILIZE", "ALB") in triples(doc)
