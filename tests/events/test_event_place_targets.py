"""Deployments and violent acts aimed at a place the actors stage keeps as a location: with no
actor named on the target side, the place's country is the target ("air strikes on rebel
positions in Idlib" is an attack on Syria)."""

from __future__ import annotations

import pytest
from event_triples import triples


def _pairs(doc):
    return triples(doc, by="country")


@pytest.mark.parametrize(("text", "expected"), [
    ("Russian warplanes carried out air strikes on rebel positions in Idlib on Sunday.", ("RUS", "ASSAULT", "SYR")),
    ("Israeli jets bombed a weapons depot in Lebanon on Tuesday.", ("ISR", "ASSAULT", "LBN")),
    ("American troops remained on high alert in Kuwait on Monday.", ("USA", "MOBILIZE", "KWT")),
    ("Japan has provided 20 million dollars for humanitarian assistance in Yemen.", ("JPN", "AID", "YEM")),
    ("The European Union suspended aid deliveries in Mali after the coup.", ("IGO", "SANCTION", "MLI")),
])
def test_place_of_a_material_act_is_its_target(run, text, expected):
    assert expected in _pairs(run(text))


def test_a_place_does_not_act_back(run):
    # a ceasefire declared in a country is aimed at it; the country declares nothing in return
    pairs = _pairs(run("Kurdish rebels declared a unilateral ceasefire in Turkey on Friday."))
    assert ("TUR", "RETREAT", "TUR") in pairs
    assert not any(source == "TUR" and target is None for source, _, target in pairs)
    assert len([p for p in pairs if p[1] == "RETREAT"]) == 1


def test_place_of_a_verbal_act_is_no_target(run):
    # a statement made in a capital is not aimed at the host country
    pairs = _pairs(run("The Iranian foreign minister condemned the sanctions at a news conference in Geneva."))
    assert not any(target == "CHE" for _, _, target in pairs)


def test_visit_at_home_has_no_host(run):
    """A place in the visitor's own country hosts nobody: the visit stands without a target."""
    doc = run("In October, Rep. David McKinley, R-W.Va., visited the U.S.-Mexico border near McAllen, Texas, "
              "and argued that the United States needs stronger border security.")
    visits = [e for e in doc._.events if e.trigger.text == "visited"]
    assert visits and all(e.target is None for e in visits), visits


def test_visit_abroad_keeps_its_host(run):
    found = triples(run("Putin visited Berlin on Monday."))
    assert ("RUS", "CONSULT", "DEU") in found, found
