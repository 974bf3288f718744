"""Sanctions that hurt someone: the sanction is the act on those it hurts, the hurting no assault."""

from __future__ import annotations

from event_triples import triples


def test_tariffs_that_hurt_farmers_are_sanctions_on_them(run):
    found = triples(run("Retaliatory tariffs imposed by China have particularly hurt U.S. farmers."))
    assert ("CHN", "COERCE", "USA") in found, found
    assert not any(plover == "ASSAULT" for _, plover, _ in found), found


def test_farmers_hit_by_tariffs_are_their_target(run):
    doc = run("Moreover, some of that money has been spent on payments to farmers hit by retaliatory Chinese "
              "tariffs, to the tune of $28 billion over the past two years.")
    coded = {(e.source.country, e.cameo, e.target.text) for e in doc._.events if e.source and e.target}
    assert ("CHN", "163", "farmers") in coded, coded
