"""Protesters who turn to violence riot (CAMEO 145); others who respond with violence do not protest."""

from __future__ import annotations

from event_triples import triples


def test_protesters_responding_with_violence_riot(run):
    found = triples(run("Though many remain peaceful, a radical minority of Hong Kong protesters have "
                        "responded with unacceptable violence."))
    assert ("HKG", "PROTEST", None) in found, found


def test_police_responding_with_violence_is_no_protest(run):
    found = triples(run("The Hong Kong police responded with violence."))
    assert not any(plover == "PROTEST" for _, plover, _ in found), found
