"""A break-off or rejection is aimed at the party whose acts it cites ("citing Taliban violence")."""

from __future__ import annotations

from event_triples import triples


def test_talks_scuttled_citing_a_partys_violence_are_halted_with_that_party(run):
    found = triples(run("They were on the verge of a deal when President Trump scuttled the talks in September, "
                        "citing Taliban violence."))
    assert ("USA", "SANCTION", "AFG") in found, found


def test_aid_suspended_to_a_named_recipient_is_not_aimed_at_the_cited_party(run):
    found = triples(run("The United States suspended aid to the region, citing Russian aggression."))
    assert ("USA", "SANCTION", "RUS") not in found, found
