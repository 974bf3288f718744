"""Actors a sentence names only by a pronoun, a pair or a side: "we" in a quote, "It" opening a
sentence, "both men", "their governments", "all sides", and a surname the tagger took for a word.

Passages are written for these tests in the style of news copy; each test states one rule.
"""

from __future__ import annotations


def at(doc, text, after=""):
    """The actors at the first occurrence of ``text`` (at or after ``after``)."""
    start = doc.text.index(text, doc.text.index(after) if after else 0)
    return [a for a in doc._.actors if a.start == start and a.end == start + len(text)]


def countries(doc, text, after=""):
    return sorted(a.country for a in at(doc, text, after) if a.country)


# --- first persons inside a direct quote --------------------------------------------------------

GRISHAM = ("“We thank the Afghan government for its actions, in the spirit of our partnership "
           "that enabled the freeing of the hostages,” White House Press Secretary Stephanie "
           "Grisham said on Tuesday.")


def test_we_in_a_quote_is_the_speakers_side(run):
    doc = run(GRISHAM, "2019-11-19")
    assert countries(doc, "We") == ["USA"]
    assert countries(doc, "our") == ["USA"]


def test_we_in_a_quote_gives_the_event_its_source(run):
    doc = run(GRISHAM, "2019-11-19")
    assert any(e.source.country == "USA" and e.target is not None and e.target.country == "AFG"
               for e in doc._.events)


def test_quote_speaker_still_points_at_its_actor_after_renumbering(run):
    doc = run(GRISHAM, "2019-11-19")
    ids = {a.id: a for a in doc._.actors}
    speaker = doc._.quotes[0].speaker
    assert speaker is not None and ids[speaker.actor].name == "Stephanie Grisham"
    assert len(ids) == len(doc._.actors)  # ids stay unique


def test_we_outside_any_quote_stays_unresolved(run):
    doc = run("We thank the Afghan government for its actions, a spokesman for the "
              "International Committee of the Red Cross wrote.", "2019-11-19")
    assert at(doc, "We") == []


def test_they_set_against_us_in_a_quote_is_not_the_speakers_side(run):
    doc = run("The Palestinian leadership rejected the plan on Tuesday. \"They wanted us on our "
              "knees and they used every trick to put pressure on us,\" Palestinian negotiator "
              "Saeb Erekat said.", "2019-11-19")
    assert countries(doc, "us") == ["PSE"]
    assert countries(doc, "They") == []


# --- subject pronouns across sentences ----------------------------------------------------------

def test_subject_it_takes_the_previous_subject_not_the_last_state_named(run):
    doc = run("China has repeatedly warned the United States against interfering in Hong Kong. "
              "It will angrily dismiss any criticism, as it has that from Britain.", "2019-11-19")
    assert countries(doc, "It") == ["CHN"]


# --- conjoined names ----------------------------------------------------------------------------

def test_surname_conjoined_with_a_person_is_a_person(run):
    doc = run("Trump and Chinese leader Xi Jinping have been expected to sign a partial trade "
              "deal for about a month, but those negotiations hit another snag last week.",
              "2019-12-03")
    assert countries(doc, "Trump") == ["USA"]
    assert countries(doc, "Chinese leader Xi Jinping") == ["CHN"]


def test_unknown_word_conjoined_with_a_person_is_no_person(run):
    doc = run("Tariffs and Chinese leader Xi Jinping were the subject of the talks.", "2019-12-03")
    assert at(doc, "Tariffs") == []


# --- pairs of people and their states -----------------------------------------------------------

HOSTAGES = ("Two hostages — an American and an Australian — who had been held by the Taliban in "
            "Afghanistan since 2016 were released Tuesday in a prisoner swap. Both men claimed at "
            "the time that they were being treated well and asked their governments to help in "
            "their release.")


def test_nationalities_in_apposition_give_the_group_their_states(run):
    assert countries(run(HOSTAGES, "2019-11-19"), "Two hostages") == ["AUS", "USA"]


def test_both_men_and_their_governments_are_of_the_two_states(run):
    doc = run(HOSTAGES, "2019-11-19")
    assert countries(doc, "Both men") == ["AUS", "USA"]
    assert countries(doc, "their governments") == ["AUS", "USA"]


# --- all sides ----------------------------------------------------------------------------------

HONG_KONG = (
    "HONG KONG (AP) -- Police fired tear gas at protesters outside Hong Kong Polytechnic "
    "University on Monday.\n"
    "Hong Kong leader Carrie Lam said the police would not back down.\n"
    "Beijing has accused foreign governments of meddling in the city.\n"
    "The UK has urged an “end to the violence and for all sides to engage in meaningful "
    "political dialogue”.")


def test_all_sides_are_the_parties_of_the_setting(run):
    doc = run(HONG_KONG, "2019-11-18")
    assert doc._.setting is not None
    assert countries(doc, "all sides") == [doc._.setting]


def test_both_sides_take_no_setting(run):
    doc = run(HONG_KONG.replace("all sides", "both sides"), "2019-11-18")
    assert at(doc, "both sides") == []


# --- possessive pronouns of a group -------------------------------------------------------------

def test_its_commanders_are_the_groups_own(run):
    doc = run("The Taliban said its commanders had been ordered to stop attacks on Afghan forces.",
              "2019-11-19")
    assert [a.code for a in at(doc, "its commanders")] == ["AFGREB"]


def test_a_states_troops_keep_the_states_military_code(run):
    doc = run("China said its troops would hold exercises near the border.", "2019-11-19")
    assert [a.code for a in at(doc, "its troops")] == ["CHNMIL"]
