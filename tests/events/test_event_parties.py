"""Third-round coder behaviours on news-style sentences: two actors named in one phrase, targets
named only in a condition, issuers of documents, agents of attacks that are subjects, dateline
appositions, demands in "for X to" clauses, mediation and inquiry parties, topics that are not
parties, stray recipients of returns, blame appraisals, refused talks and what sending is for."""

from __future__ import annotations

import pytest
from event_triples import triples


def _pairs(doc):
    return triples(doc, by="country")


def test_one_phrase_naming_two_actors_gives_a_joint_event(run):
    # "Nigerian and British armed forces" is one span holding two actors: not one actor twice
    pairs = _pairs(run("Nigerian and British armed forces held joint exercises near Lagos on Tuesday."))
    assert {("NGA", "COOPERATE", "GBR"), ("GBR", "COOPERATE", "NGA")} <= pairs
    pairs = _pairs(run("Greek and Turkish negotiators met in Geneva on Monday."))
    assert {("GRC", "CONSULT", "TUR"), ("TUR", "CONSULT", "GRC")} <= pairs


@pytest.mark.parametrize(("text", "expected"), [
    ("President Obama said he will not lift the embargo until Cuba frees political prisoners.",
     ("USA", "REJECT", "CUB")),
    ("North Korea threatened to launch a missile strike unless Seoul halted the drills.",
     ("PRK", "THREATEN", "KOR")),
    # "they" takes the stateless actor named before it in the sentence ("Teachers")
    ("Teachers in Kenya said they will not end the strike until the Kenyan government raises their pay.",
     ("KEN", "REJECT", "KEN")),
])
def test_target_named_only_in_the_condition(run, text, expected):
    assert expected in _pairs(run(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("Amnesty International issued a report accusing the Nigerian army of torturing detainees.",
     (None, "ACCUSE", "NGA")),
    ("The Turkish parliament passed a resolution condemning the French government for the ban.",
     ("TUR", "ACCUSE", "FRA")),
])
def test_issuer_of_a_document_is_the_source_of_its_clause(run, text, expected):
    assert expected in _pairs(run(text))


def test_agent_of_an_attack_that_is_the_subject(run):
    doc = run("A rocket attack by Hezbollah militants killed three Israeli soldiers on Sunday.")
    assert ("LBN", "ASSAULT", "ISR") in _pairs(doc)


def test_subject_hung_on_the_dateline(run):
    doc = run("MOGADISHU, Somalia -- A U.S. military airstrike has killed three al-Shabab fighters, "
              "officials said Tuesday.")
    assert ("USA", "ASSAULT", "SOM") in _pairs(doc)


def test_hyphen_inside_a_word_is_no_dateline(run):
    doc = run("ICE returned five pre-Columbian artifacts to the government of Peru on June 2.")
    assert ("USA", "RETREAT", "PER") in _pairs(doc)


def test_reported_demand_and_for_clause(run):
    doc = run("The British foreign secretary reiterated that Iran must release the detained tanker crew.")
    assert ("GBR", "REQUEST", "IRN") in _pairs(doc)
    doc = run("Britain is pushing hard for the United States to support its climate plan.")
    assert ("GBR", "REQUEST", "USA") in _pairs(doc)


def test_mediation_parties(run):
    pairs = _pairs(run("The Qatari emir launched a mediation effort to end the dispute between Sudan and Ethiopia."))
    assert {("QAT", "CONSULT", "SDN"), ("QAT", "CONSULT", "ETH")} <= pairs
    pairs = _pairs(run("Norway undertook a mediation mission between Colombia and the rebels."))
    assert ("NOR", "CONSULT", "COL") in pairs


def test_inquiry_concerns_the_subject_of_the_claims(run):
    doc = run("Dutch police opened an investigation into claims that Belgian officials took bribes.")
    assert ("NLD", "ACCUSE", "BEL") in _pairs(doc)


def test_passive_light_verb_with_conjoined_agents(run):
    pairs = _pairs(run("The war games were staged by Indian and Japanese naval forces."))
    assert {("IND", "COOPERATE", "JPN"), ("JPN", "COOPERATE", "IND")} <= pairs


def test_topic_of_joint_cooperation_is_not_a_party(run):
    pairs = _pairs(run("Russia and China agreed to share information on Afghanistan."))
    assert {("RUS", "AGREE", "CHN"), ("CHN", "AGREE", "RUS")} <= pairs
    assert not any(t == "AFG" for _, _, t in pairs)


def test_recipient_hung_on_a_relative_clause_of_the_returned_object(run):
    doc = run("Italy returned 20 stolen statues that had been smuggled to Switzerland to the government of Greece.")
    assert ("ITA", "RETREAT", "GRC") in _pairs(doc)
    assert ("ITA", "RETREAT", "CHE") not in _pairs(doc)


def test_reported_blame(run):
    doc = run("The Kenyan government said Somali militants were responsible for the attack.")
    assert ("KEN", "ACCUSE", "SOM") in _pairs(doc)


def test_refused_talks_are_a_rejection(run):
    doc = run("Iran said it will not hold talks with the United States.")
    assert ("IRN", "REJECT", "USA") in _pairs(doc)
    assert ("IRN", "CONSULT", "USA") not in _pairs(doc)


def test_what_sending_is_for(run):
    doc = run("Japan will send a team of experts to Ukraine to investigate the explosion.")
    assert ("JPN", "ACCUSE", "UKR") in _pairs(doc)
    doc = run("Ghana sent 300 soldiers to Mali to serve as peacekeepers.")
    assert ("GHA", "AID", "MLI") in _pairs(doc)
    assert ("GHA", "MOBILIZE", "MLI") not in _pairs(doc)


def test_target_deep_inside_the_object_of_an_attack(run):
    doc = run("Rebel forces captured two towns south of the Libyan capital Tripoli on Monday.")
    assert any(p == "ASSAULT" and t == "LBY" for _, p, t in _pairs(doc))


def test_conjoined_subjects_fighting_each_other(run):
    pairs = _pairs(run("India and Pakistan exchanged fire across the Line of Control on Sunday."))
    assert {("IND", "ASSAULT", "PAK"), ("PAK", "ASSAULT", "IND")} <= pairs


def test_threat_aimed_at_the_subject_of_its_if_clause(run):
    doc = run("Russia threatened to cut off gas supplies if Ukraine refuses to pay its debts.")
    assert ("RUS", "THREATEN", "UKR") in _pairs(doc)


def test_commitment_to_act_is_the_act_of_who_reiterates_it(run):
    doc = run("The Kenyan army reiterated its commitment to support the Somali government in the fight "
              "against al-Shabab.")
    assert ("KEN", "SUPPORT", "SOM") in _pairs(doc)


def test_speaker_of_expressed_support_is_the_source(run):
    doc = run("Macron reiterated France's support for the Ukrainian government on Monday.")
    assert any(e.source.text == "Macron" and e.plover == "SUPPORT" for e in doc._.events)


def test_call_made_to_express_support_is_support(run):
    doc = run("The Turkish president called Ilham Aliyev on Sunday to express his support for Azerbaijan.")
    assert ("TUR", "SUPPORT", "AZE") in _pairs(doc)
    assert ("TUR", "CONSULT", "AZE") not in _pairs(doc)


def test_sending_resources_is_aid(run):
    doc = run("Germany will send more vaccines to Namibia next month.")
    assert any(s == "DEU" and p in ("AID", "AGREE") and t == "NAM" for s, p, t in _pairs(doc))


def test_protest_aimed_at_the_party_named_in_its_purpose(run):
    doc = run("Kenyan doctors began a hunger strike on Monday to demand the resignation of President "
              "Uhuru Kenyatta.")
    assert ("KEN", "PROTEST", "KEN") in _pairs(doc)


def test_object_of_a_small_clause_verdict_is_the_target(run):
    # "found X guilty" parses X as the subject of "guilty": X is the one accused
    doc = run("A court in Ankara found the journalist guilty of insulting the president.")
    assert any(e.plover == "ACCUSE" and e.source.code == "TURJUD" and e.target is not None
               and e.target.text == "the journalist" for e in doc._.events)
