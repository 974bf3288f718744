"""Domestic acts on news-style sentences: a group with no country ("protesters", "opposition
supporters") is of the place named or of the police acting on it, a protest with no one named against
is aimed at the place where it happens, the source's own troops or envoy are no target ("withdraw its
troops from Iraq"), and role nouns of one country ("the prime minister") stay a same-country target."""

from __future__ import annotations

import pytest
from event_triples import triples


def _pairs(doc):
    return triples(doc, by="code")


@pytest.mark.parametrize(("text", "expected"), [
    # the police act at home: the people they act on are of the police's country
    ("Police in Kenya arrested 20 opposition supporters on Monday.", ("KENCOP", "COERCE", "KENOPP")),
    ("Egyptian police arrested dozens of demonstrators on Sunday.", ("EGYCOP", "COERCE", "EGYCVL")),
    # the place the sentence names gives the group its country
    ("Thai police detained protesters in Bangkok.", ("THACOP", "COERCE", "THACVL")),
    ("Riot police fired tear gas at protesters in Nairobi.", ("KENCOP", "ASSAULT", "KENCVL")),  # 175
    # a protest with no one named against is aimed at the country where it happens
    ("Thousands of students protested in Jakarta on Friday.", ("IDNEDU", "PROTEST", "IDN")),
    ("Teachers went on strike in Nairobi on Monday.", ("KENEDU", "PROTEST", "KEN")),
    # a role noun of the source's own country is a target of its own, not a pronoun bound to the source
    ("Iceland's president refused a request from the prime minister on Tuesday.", ("ISLGOV", "REJECT", "ISLGOV")),
])
def test_domestic_parties(run, text, expected):
    assert expected in _pairs(run(text))


def test_group_of_a_foreign_country_keeps_it(run):
    doc = run("Israeli police arrested dozens of Palestinian protesters in Jerusalem on Friday.")
    assert ("ISRCOP", "COERCE", "PSECVL") in _pairs(doc)


def test_soldiers_abroad_do_not_lend_their_country(run):
    # armed forces act abroad: with no place named, a group they attack stays without a country
    doc = run("American soldiers killed three militants on Tuesday.")
    assert all(e.target is None or e.target.country != "USA" for e in doc._.events)


def test_group_pronoun_it_takes_the_group(run):
    # "it" may name an armed group, not only a state or organisation
    doc = run("The ELN has said it will release Odin Sanchez, a former Colombian Congressman.")
    assert any(e.source.code == "COLREB" and e.target is not None and e.target.name == "Odin Sanchez"
               for e in doc._.events)


@pytest.mark.parametrize(("text", "expected"), [
    # the source's own troops or envoy are what it moves; the target is where from
    ("Australia is willing to withdraw its troops from Iraq.", ("AUS", "AGREE", "IRQ")),
    ("Britain recalled its ambassador from Tehran on Monday.", ("GBR", "SANCTION", "IRN")),
])
def test_own_object_is_no_target(run, text, expected):
    assert expected in _pairs(run(text))
