"""What a relative clause says an actor did is that actor's act, also where the parser reads the
clause as a complement, and also inside the author's question (which asks about something else)."""

from __future__ import annotations

from event_triples import triples

QUESTION = ("And why would these career experts be outraged by the Trump administration that at last "
            "fulfilled their wildest agendas: ending the reset, upping sanctions against Russians, "
            "pulling out of the warped missile agreement with Russia, and arming Ukraine?")


def test_act_listed_in_a_relative_clause_inside_a_question_is_the_described_actors(run):
    found = triples(run(QUESTION))
    assert ("USA", "AID", "UKR") in found, found


def test_raising_ones_own_defence_spending_is_no_aid(run):
    found = triples(run("The Trump administration has been increasing American and NATO defense expenditures."))
    assert not any(plover == "AID" for _, plover, _ in found), found


def test_participle_describing_a_seized_object_names_whose_it_is(run):
    found = triples(run("Israel seized control of the territories, seen as pivotal parts of any future Palestinian "
                        "state, in the 1967 Six-Day War."))
    assert ("ISR", "COERCE", "PSE") in found, found
