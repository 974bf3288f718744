"""A state named as the maker of an act ("a U.S. request", "an Indian proposal") is an actor.

The sentences are wire copy (the PLOVER ground-truth set, CC BY-SA 4.0, Open Event Data Alliance);
each test states one rule.
"""

from __future__ import annotations

import pytest


def country_mentions(doc):
    return {(a.text, a.code, a.kind) for a in doc._.actors}


@pytest.mark.parametrize("text, mention, code", [
    ("Yemen has rejected a U.S. request to interrogate detainees held after the escape of 23 "
     "al-Qaida prisoners, a security official said Tuesday.", "U.S.", "USA"),
    ("Bangladesh has once again outright rejected an Indian proposal for signing Free Trade "
     "Agreement (FTA) with her.", "Indian", "IND"),
    ("Ivory Coast rebels on Friday again rejected a Senegalese peace plan, and said they also "
     "opposed the deployment of a regional peacekeeping force.", "Senegalese", "SEN"),
    ("Serbia on Thursday flatly rejected an Australian ultimatum to handover a guard involved in a "
     "shooting in front of the Yugoslav consulate in Sydney.", "Australian", "AUS"),
    ("Israel is opposed to French mediation in peace negotiations with Syria, an aide said "
     "Wednesday.", "French", "FRA"),
    ("Israeli Prime Minister Ehud Barak has agreed to US mediation in the final status talks with "
     "the Palestinians, a senior Israeli official said.", "US", "USA"),
    ("Palestinian leader Yasser Arafat Wednesday rejected a US offer to host a summit in "
     "mid-July.", "US", "USA"),
    ("Prisoners rioted at a jail in East Timor's capital Dili on Monday joining thousands of "
     "demonstrators in demanding a referendum on independence from Indonesian rule.",
     "Indonesian", "IDN"),
])
def test_the_maker_of_an_act_is_the_state_acting(run, text, mention, code):
    doc = run(text, published="2000-01-01")
    assert (mention, code, "country") in country_mentions(doc)


def test_a_rejected_request_is_coded_against_the_state_that_made_it(run):
    doc = run("Yemen has rejected a U.S. request to interrogate detainees held after the escape of "
              "23 al-Qaida prisoners, a security official said Tuesday.", published="2000-01-01")
    assert ("YEM", "REJECT", "USA") in {
        (e.source and e.source.country, e.plover, e.target and e.target.country)
        for e in doc._.events}


@pytest.mark.parametrize("text, word", [
    ("The US economy grew at an annual rate of 2.1 percent in the third quarter, the Commerce "
     "Department said.", "US"),
    ("Israel has strengthened its forces in Lebanon following the discovery of Russian-made "
     "Katyusha rockets in the area last week, military sources said today.", "Russian"),
])
def test_a_state_named_on_a_thing_is_no_actor(run, text, word):
    doc = run(text, published="2000-01-01")
    assert not [a for a in doc._.actors if a.text.startswith(word)]


def test_several_states_on_one_act_are_each_an_actor(run):
    doc = run("The talks stalled after Moscow dismissed the American and British plans for a "
              "ceasefire.", published="2000-01-01")
    found = country_mentions(doc)
    assert {("American", "USA", "country"), ("British", "GBR", "country")} <= found
    assert not [a for a in doc._.actors if a.text.endswith("plans")]  # not a people


def test_the_state_an_act_comes_from_is_its_maker_not_a_place(run):
    doc = run("The court refused to accept a request from Russia, which warned against relying on "
              "the conclusions of British investigators.")
    assert ("Russia", "RUS", "country") in country_mentions(doc)
    doc = run("Thousands of refugees fled from Syria to Turkey on Sunday.")
    assert not [a for a in doc._.actors if a.text == "Syria"]
