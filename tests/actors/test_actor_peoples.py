"""Peoples, followers and clergy as actors: "Iraqi Kurds", "supporters of X", "Archbishop Y".

Sentences are written for these tests in the style of wire copy; each test states one rule.
"""

from __future__ import annotations


def one(doc, text):
    found = [a for a in doc._.actors if a.text == text]
    assert found, f"no actor {text!r} in {[a.text for a in doc._.actors]}"
    return found[0]


def test_people_with_a_state_adjective_is_of_that_state(run):
    doc = run("Thousands of Iraqi Kurds marched through Arbil on Saturday to demand a referendum.")
    kurds = one(doc, "Iraqi Kurds")
    assert (kurds.country, kurds.kind) == ("IRQ", "group")


def test_people_named_alone_is_an_actor_of_no_state(run):
    doc = run("Kurds clashed with Turkish police in Istanbul on Sunday, witnesses said.")
    kurds = one(doc, "Kurds")
    assert (kurds.country, kurds.code, kurds.kind) == (None, None, "group")


def test_regional_people_is_no_actor(run):
    doc = run("Nigeria ordered thousands of West Africans out of the country on Monday.")
    assert not [a for a in doc._.actors if "Africans" in a.text]


def test_supporters_take_the_country_of_their_leader(run):
    doc = run("Hundreds of supporters of President Hugo Chavez marched in Caracas on Friday.",
              published="2005-06-01")
    crowd = one(doc, "supporters of President Hugo Chavez")
    # the followers are of his country, not of his office
    assert (crowd.country, crowd.code, crowd.kind) == ("VEN", "VEN", "group")
    assert one(doc, "President Hugo Chavez").code == "VENGOV"


def test_religious_title_inside_a_name_gives_the_religious_sector(run):
    doc = run("Archbishop Desmond Tutu urged world leaders on Sunday to cut ties with the junta.")
    tutu = one(doc, "Archbishop Desmond Tutu")
    # the title inside the name the NER took whole; the dictionary knows his country
    assert (tutu.name, tutu.sector, tutu.country) == ("Desmond Tutu", "REL", "ZAF")


def test_cleric_takes_the_country_of_the_sentence(run):
    doc = run("In South Africa, Archbishop Desmond Tutu criticised the government on Monday.")
    assert one(doc, "Archbishop Desmond Tutu").code == "ZAFREL"


def test_possessor_apposition_gives_a_person_the_country(run):
    doc = run("Qatar's emir, Sheikh Hamad bin Khalifa al-Thani, met Egyptian President Hosni "
              "Mubarak in Cairo on Monday.", published="2005-06-01")
    emir = next(a for a in doc._.actors if "Sheikh Hamad" in a.text)
    assert emir.country == "QAT"


def test_stance_prefix_makes_no_national_actor(run):
    doc = run("Pro-Russian separatists attacked Ukrainian troops near Donetsk after two "
              "post-Soviet wars had left the region in ruins.")
    separatists = one(doc, "Pro-Russian separatists")
    assert separatists.country is None  # for Russia, not of it
    assert not [a for a in doc._.actors if a.text == "Soviet"]
    assert one(doc, "Ukrainian troops").code == "UKRMIL"


def test_capital_in_apposition_to_a_location_is_a_place(run):
    doc = run("Opposition leaders in Kenya's capital, Nairobi, said on Monday they would "
              "boycott the vote.")
    assert not [a for a in doc._.actors if a.text == "Nairobi"]
    assert "Nairobi" in {p.text for p in doc._.places}
