"""Second-round coder behaviours on news-style sentences: parties inside non-actor phrases, joint
refusals, concessions without a named target, bound pronouns, the @dobj pattern word, and the
dictionary conventions (support, aid, peacekeeping, returns, sanctions calls, pressure)."""

from __future__ import annotations

import pytest
from event_triples import triples

from diplograph.events._roles import same_actor
from diplograph.model import ActorRef


def _events(doc):
    """(source country, PLOVER type, CAMEO code, target country or None) of each event."""
    return {(e.source.country, e.plover, e.cameo, e.target.country if e.target else None) for e in doc._.events}


def _pairs(doc):
    return triples(doc, by="country")


@pytest.mark.parametrize(("text", "expected"), [
    # the party a non-actor object is about: the agent ("by", "from") first
    ("Japan rejected a request by the Chinese government to extradite the activists.", ("JPN", "REJECT", "CHN")),
    ("Nepal accepted the demands of the Indian government.", ("NPL", "CONCEDE", "IND")),
    # "called for sanctions against X": the CAMEO manual codes it as disapproval of X
    ("The German foreign minister called for sanctions against Iran.", ("DEU", "ACCUSE", "IRN")),
    # a participle's agent inside the object: "a proposal put forward by Egypt"
    ("Israel rejected a ceasefire proposal put forward by Egypt.", ("ISR", "REJECT", "EGY")),
])
def test_party_inside_a_non_actor_object(run, text, expected):
    assert expected in _pairs(run(text))


def test_conjoined_subjects_failing_to_agree_reject_each_other(run):
    pairs = _pairs(run("India and China failed to reach an agreement on the border."))
    assert {("IND", "REJECT", "CHN"), ("CHN", "REJECT", "IND")} <= pairs


def test_troops_sent_to_a_country_take_it_as_target(run):
    assert ("FRA", "MOBILIZE", "MLI") in _pairs(run("France sent 500 troops to Mali on Monday."))


def test_peacekeepers_sent_are_aid(run):
    assert ("KEN", "AID", "SOM") in _pairs(run("Kenya sent peacekeepers to Somalia in 2011."))


def test_pledged_support_is_support_not_intent(run):
    pairs = _pairs(run("The Czech prime minister pledged his country's full support for Ukraine."))
    assert ("CZE", "SUPPORT", "UKR") in pairs


def test_role_noun_is_not_the_subject_of_its_own_clause(run):
    doc = run("Jordan has long been a close ally of Washington. "
              "The US government has provided 1 billion dollars in aid to the country since 2010.")
    assert ("USA", "AID", "JOR") in _pairs(doc)
    assert not any(s == t == "USA" for s, _, t in _pairs(doc))


@pytest.mark.parametrize(("text", "code"), [
    ("Egypt lifted the state of emergency on Tuesday.", "0814"),
    ("The teachers' union called off the strike on Friday.", "082"),
])
def test_concession_to_the_public_needs_no_target(run, text, code):
    events = _events(run(text))
    assert any(c == code and t is None for _, _, c, t in events), events


def test_refused_concession_is_a_rejection(run):
    events = _events(run("Nigerian doctors said they will not end the strike."))
    assert any(p == "REJECT" and c.startswith("12") for _, p, c, _ in events), events


def test_transitive_strike_is_an_attack_intransitive_a_labour_strike(run):
    assert any(p == "ASSAULT" for _, p, _, _ in _events(run("Israeli jets struck Hamas positions in Gaza overnight.")))
    assert {p for _, p, _, _ in _events(run("Dock workers struck on Monday for higher pay."))} == {"PROTEST"}


def test_returning_something_is_a_return_of_property(run):
    assert ("GBR", "RETREAT", "0842", "IRQ") in _events(run("Britain returned the stolen artefacts to Iraq on Monday."))
    assert not _events(run("The negotiators returned to Geneva on Monday."))


def test_pressuring_someone_to_act_is_a_request(run):
    assert ("USA", "REQUEST", "PAK") in _pairs(run("Washington is pressuring Pakistan to release the prisoners."))


def test_lending_money_is_economic_aid(run):
    assert ("JPN", "AID", "071", "IDN") in _events(run("Japan lent 2 billion dollars to Indonesia last year."))


def test_two_people_of_one_country_are_two_actors():
    ford = ActorRef("Gerald Ford", 0, 11, "USA", "GOV", "USAGOV", "Gerald Ford", "a1")
    nixon = ActorRef("Richard Nixon", 21, 34, "USA", "GOV", "USAGOV", "Richard Nixon", "a2")
    again = ActorRef("Ford", 50, 54, "USA", "GOV", "USAGOV", "Gerald Ford", "a3")
    assert not same_actor(ford, nixon)
    assert same_actor(ford, again)


def test_expressed_event_nouns_share_possessor_and_object(run):
    doc = run("The Arab League expressed its rejection and condemnation of the Israeli government's decision.")
    found = {(e.source.text, e.plover, e.target.country if e.target else None) for e in doc._.events}
    assert {("The Arab League", "REJECT", "ISR"), ("The Arab League", "ACCUSE", "ISR")} <= found


def test_demand_noun_targets_the_subject_of_its_clause(run):
    doc = run("The United Nations repeated its demand that Iran release the detained journalists.")
    assert any(p == "REQUEST" and t == "IRN" for _, p, t in _pairs(doc))
    assert not any(e.trigger.text == "release" for e in doc._.events)  # the content, not an event


def test_demanded_act_is_no_event_of_its_own(run):
    doc = run("Turkey demanded that Sweden extradite the suspects to Ankara.")
    assert ("TUR", "REQUEST", "SWE") in _pairs(doc)
    assert not any(e.trigger.text == "extradite" for e in doc._.events)


def test_reported_act_after_a_warning_stays_an_event(run):
    doc = run("Egypt said Israel could attack Gaza again.")
    assert any(e.trigger.text == "attack" and e.mode == "hypothetical" for e in doc._.events)


def test_aid_given_to_help_someone_targets_them(run):
    doc = run("The United States provided 2 million dollars in emergency aid to help Haiti.")
    assert ("USA", "AID", "HTI") in _pairs(doc)
    assert not any(e.trigger.text == "help" for e in doc._.events)


def test_going_on_strike_is_a_labour_strike(run):
    events = _events(run("Teachers from Denver Public Schools went on strike for better pay."))
    assert any(p == "PROTEST" and c == "143" for _, p, c, _ in events), events
    events = _events(run("Palestinian prisoners went on hunger strike on Monday."))
    assert any(c == "142" for _, _, c, _ in events), events


def test_meeting_held_with_someone_is_consultation(run):
    assert ("IND", "CONSULT", "CHN") in _pairs(run("Modi held a meeting with Chinese President Xi Jinping."))


def test_announced_suspension_of_aid_is_a_sanction_on_its_recipient(run):
    assert ("CAN", "SANCTION", "MMR") in _pairs(run("Canada announced a suspension of military aid to Myanmar."))


def test_threat_to_cut_ties_is_a_threat_of_sanction(run):
    assert ("TUR", "THREATEN", "1313", "ISR") in _events(run("Turkey threatened to sever diplomatic ties with Israel."))


def test_ordering_a_paper_shut_is_coercion(run):
    doc = run("The government ordered the newspaper Al-Ahram to suspend publication.")
    assert any(e.plover == "COERCE" and e.trigger.text == "ordered" for e in doc._.events)
    assert not any(e.trigger.text == "suspend" for e in doc._.events)


@pytest.mark.parametrize(("text", "plover", "code"), [
    ("Burmese troops captured a rebel stronghold near Thailand.", "ASSAULT", "190"),
    ("Iran sent weapons to Yemen's Houthi rebels.", "AID", "072"),
    ("Israeli soldiers beat up Palestinian detainees in Hebron.", "ASSAULT", "182"),
])
def test_dictionary_conventions(run, text, plover, code):
    assert any(p == plover and c == code for _, p, c, _ in _events(run(text)))


def test_future_talks_are_an_intent_to_meet(run):
    doc = run("Obama will hold talks with President Uhuru Kenyatta in Nairobi.")
    assert any(e.cameo == "036" and e.plover == "AGREE" and e.mode == "future" for e in doc._.events)


def test_returned_property_is_no_target_its_recipient_is(run):
    doc = run("France returned 26 Beninese artworks to the government of Benin on Tuesday.")
    assert [(e.cameo, e.target.text) for e in doc._.events] == [("0842", "the government of Benin")]
