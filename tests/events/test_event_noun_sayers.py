"""An event noun of saying names its sayer "from X"; what moves "from" a place names no sayer."""

from __future__ import annotations

from event_triples import triples


def test_appeal_from_someone_is_theirs(run):
    found = triples(run("The decision followed an appeal from the United Nations to Israel."))
    assert ("IGO", "REQUEST", "ISR") in found, found


def test_withdrawal_from_a_country_is_not_by_it(run):
    found = triples(run("The withdrawal of US troops from Syria began on Monday."))
    assert not any(source == "SYR" for source, _, _ in found), found


def test_call_on_someone_is_an_appeal_to_them(run):
    found = triples(run("The EU's call on Israel to halt settlement construction went unanswered."))
    assert ("IGO", "REQUEST", "ISR") in found, found
