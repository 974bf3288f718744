"""Actors read from the whole article: the country it is set in, people named in full, aliases
two entries share.

Passages are written for these tests in the style of news copy; each test states one rule.
"""

from __future__ import annotations

import pytest

US_STORY = (
    "WASHINGTON (AP) -- Sen. Maria Okafor said on Tuesday that the Department of Homeland "
    "Security had misled Congress about the contract.\n"
    "Okafor, a Democrat from Ohio, asked the DHS inspector general to review it.\n"
    "Police detained two protesters outside the hearing, and prosecutors charged them with "
    "trespassing.\n"
    "Mr. Brannigan, a contractor, declined to comment.")


def one(doc, text):
    found = [a for a in doc._.actors if a.text == text]
    assert found, f"no actor {text!r} in {[a.text for a in doc._.actors]}"
    return found[0]


# --- the setting -------------------------------------------------------------------------------

def test_dateline_sets_the_article(run):
    assert run(US_STORY)._.setting == "USA"


@pytest.mark.parametrize("text, country", [
    ("Police", "USA"), ("prosecutors", "USA"), ("Sen. Maria Okafor", "USA"),
    ("Mr. Brannigan", "USA"), ("the Department of Homeland Security", "USA"),
])
def test_domestic_actors_take_the_setting(run, text, country):
    # unnamed police and prosecutors, a senator and a man the dictionary does not know
    assert one(run(US_STORY), text).country == country


def test_police_in_a_story_from_berlin_are_germans(run):
    doc = run("BERLIN (AP) -- A doctor was stabbed to death during a lecture at a Berlin clinic "
              "on Tuesday evening.\n"
              "Police arrested a 57-year-old man at the scene.\n"
              "The motive for the attack was not clear, a spokesman for the clinic said.")
    assert one(doc, "Police").code == "DEUCOP"


def test_setting_without_dateline_is_the_country_named_most(run):
    doc = run("Indonesian President Joko Widodo opened a new toll road in Java on Monday.\n"
              "Widodo said the road would cut travel times to Jakarta by half.\n"
              "Indonesia's public works minister said more roads would follow.\n"
              "Critics said the project forced thousands of farmers off their land.\n"
              "Police dispersed a small protest near the toll gate.")
    assert doc._.setting == "IDN"
    assert one(doc, "Police").country == "IDN"


def test_a_sentence_or_two_is_set_nowhere(run):
    doc = run("Police arrested twelve protesters in the capital on Sunday.")
    assert doc._.setting is None
    assert one(doc, "Police").country is None


def test_hostages_are_not_of_the_country_holding_them(run):
    doc = run("KABUL, Afghanistan (AP) -- The Taliban freed two hostages on Tuesday in exchange "
              "for three of its commanders.\n"
              "Afghan President Ashraf Ghani said the swap would help peace talks.\n"
              "The hostages were flown out of Afghanistan by helicopter.")
    assert one(doc, "two hostages").country is None


# --- people named in full ----------------------------------------------------------------------

def test_full_name_wins_over_a_dictionary_namesake(run):
    # Scott Morrison (Australia's prime minister in 2019) is in the dictionary; Tim Morrison is not
    doc = run("Tim Morrison, a former National Security Council official, testified on Tuesday.\n"
              "Morrison told lawmakers he had not been concerned by the call.\n"
              "Morrison said he reported it to the council's lawyers.", published="2019-11-19")
    for mention in [a for a in doc._.actors if a.text == "Morrison"]:
        assert mention.name == "Tim Morrison"
        assert mention.country != "AUS"


def test_honorific_and_surname_take_the_person_named_before(run):
    doc = run("President Trump spoke to reporters at the White House on Friday.\n"
              "He said the inquiry was a hoax.\n"
              "Mr. Trump then left for Florida.", published="2019-11-19")
    assert one(doc, "Mr. Trump").code == "USAGOV"


def test_name_with_no_title_borrows_no_neighbours_country(run):
    # the sentence before names Ukraine only; the official named after it is not Ukraine's
    doc = run("The aid to Ukraine was frozen for two months.\n"
              "Jonas Whitfield, a former budget official, testified about the delay.",
              published="2019-11-19")
    assert one(doc, "Jonas Whitfield, a former budget official").country != "UKR"


# --- names shared by two entries ---------------------------------------------------------------

def test_shared_alias_takes_the_entry_of_a_state_the_article_names(run):
    # "People's Liberation Army" is also an old name of a Turkish armed group in PETRARCH-2
    doc = run("Beijing has warned protesters in Hong Kong that its patience is running out.\n"
              "Soldiers of the People's Liberation Army cleared barricades near their barracks "
              "on Saturday.\n"
              "China's government called it a voluntary clean-up.")
    assert one(doc, "People's Liberation Army").code == "CHNMIL"


@pytest.mark.parametrize("text", [
    "Residents of the Napa Valley sued the state over the fires.",
    "Valley officials rejected the plan on Monday.",
])
def test_a_the_place_name_needs_its_article(run, text):
    # Anguilla's capital is "The Valley": another valley, or a bare "Valley", is not it
    doc = run(text)
    assert not [a for a in doc._.actors if a.code and a.code.startswith("AIA")]


def test_abbreviated_title_is_no_acronym(run):
    doc = run("Sec. Pompeo met the foreign minister in Hanoi on Monday.", published="2019-11-19")
    assert not [a for a in doc._.actors if a.text == "Sec."]


def test_unknown_name_glossed_in_brackets_is_the_known_one(run):
    doc = run('"The helicopter was shot down while trying to attack Mujahideen (Taliban) positions '
              'in Logar," a spokesman said.', published="2019-11-20")
    assert one(doc, "Mujahideen").code == "AFGREB"


def test_a_law_is_no_actor(run):
    # the NER takes a law's name for an organisation
    doc = run("The Hong Kong Human Rights and Democracy Act, under consideration by the US Senate, "
              "would impose sanctions on officials.")
    assert not [a for a in doc._.actors if a.text.endswith("Act")]


def test_ambassador_to_a_state_is_not_of_it(run):
    # (the name as a news page spelt it)
    doc = run("China's ambassador to Britain Liu Xiaming said the protesters were criminals.",
              published="2019-11-19")
    assert one(doc, "China's ambassador to Britain Liu Xiaming").country == "CHN"


def test_a_name_joined_by_and_is_no_part_of_the_next_title(run):
    doc = run("A trade deal is expected to be signed by Trump and Chinese leader Xi Jinping next "
              "month.", published="2019-11-19")
    assert one(doc, "Chinese leader Xi Jinping").code == "CHNGOV"
    assert one(doc, "Trump").country == "USA"


def test_possessive_of_the_state_names_the_state_before(run):
    doc = run("Israel welcomed the decision on Tuesday.\n"
              "The Jewish state's premier said it righted a historical wrong.")
    assert one(doc, "The Jewish state's premier").code == "ISRGOV"


def test_a_repeated_name_does_not_set_the_article(run):
    # "Black Friday" is also a Turkish group's name in PETRARCH-2; a deals page is not Turkish
    doc = run("Save $31 on a Switch Lite this Black Friday.\n"
              "Black Friday prices on laptops start at $199.\n"
              "Best Buy and Target open early on Black Friday.\n"
              "More Black Friday deals go live on Thursday evening.")
    assert doc._.setting != "TUR"
