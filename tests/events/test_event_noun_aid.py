"""Economic aid named by a noun: a lifeline or a bailout received from someone."""

from __future__ import annotations

from event_triples import triples


def test_bailout_received_is_aid_from_the_giver(run):
    found = triples(run("Greece received a bailout from the European Union in 2010."))
    assert ("IGO", "AID", "GRC") in found, found


def test_lifeline_received_is_aid_to_the_receiver(run):
    doc = run("After receiving a lifeline from investor SoftBank worth up to $8 billion, WeWork is now "
              "engaging in major cost-cutting measures.")
    coded = {(e.source.name, e.cameo, e.target.text) for e in doc._.events if e.source and e.target}
    assert ("SoftBank", "071", "WeWork") in coded, coded
