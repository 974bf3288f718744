"""The state of armed groups, parties, minorities and attacks; role nouns that are plain nouns.

Sentences are written for these tests in the style of wire copy; each test states one rule.
"""

from __future__ import annotations


def codes(doc):
    return {a.text: a.code for a in doc._.actors}


# --- armed groups and parties: their own state, not a region ------------------------------------

def test_armed_groups_take_the_state_they_fight_in(run):
    doc = run("The Revolutionary United Front said it would free the hostages, while UNITA "
              "accused the Angolan army of shelling its positions.", published="2000-05-10")
    found = codes(doc)
    assert any(c == "SLEREB" for t, c in found.items() if "Revolutionary United Front" in t)
    assert found["UNITA"] == "AGOREB"


def test_party_and_rebel_acronyms_have_a_country(run):
    doc = run("Sudan's opposition Umma Party called for a boycott, and in Burundi the FDD "
              "attacked an army post.", published="2001-03-02")
    found = codes(doc)
    assert any(c == "SDNOPP" for t, c in found.items() if "Umma Party" in t)
    assert found["the FDD"] == "BDIREB"


# --- titled people the dictionary does not know take the state around them ----------------------

def test_opposition_leader_takes_the_dateline_country(run):
    doc = run("BUJUMBURA, Burundi (AP) -- Opposition leader Jean Minani said the talks had failed.")
    assert codes(doc)["Opposition leader Jean Minani"] == "BDIOPP"


def test_titled_unknown_person_takes_the_state_named_before(run):
    doc = run("Rebels in the Ivory Coast on Wednesday dismissed an appeal from President Laurent "
              "Gbago to lay down their arms.", published="2002-11-06")
    assert codes(doc)["President Laurent Gbago"] == "CIVGOV"


# --- peoples of a region, ethnic minorities ---------------------------------------------------------

def test_regional_people_are_their_state(run):
    doc = run("The Catalan government approved the plan, and Chechen rebels attacked a convoy.")
    found = codes(doc)
    assert found["The Catalan government"] == "ESPGOV"
    assert found["Chechen rebels"] == "RUSREB"


def test_ethnic_minority_is_of_the_state_it_lives_in(run):
    doc = run("Up to 100 ethnic Albanians demonstrated on Tuesday in Serbia, the police said.",
              published="2001-03-20")
    assert codes(doc)["Albanians"] == "SRB"


def test_ethnic_minority_without_a_state_named_has_none(run):
    doc = run("Ethnic Albanians have sworn to fight until they control the villages.",
              published="2001-03-20")
    assert codes(doc)["Albanians"] is None


def test_croat_forces_are_croatian(run):
    doc = run("Serbian police opened an investigation into crimes committed by Croat forces.",
              published="1999-05-02")
    assert codes(doc)["Croat forces"] == "HRVMIL"


# --- a country named before a noun the tagger reads as an adjective ---------------------------------

def test_country_tagged_as_adjective_still_names_the_state(run):
    doc = run("Nepal government deployed troops in large parts of the country.")
    assert codes(doc)["Nepal government"] == "NPLGOV"


# --- attacks made by a state's forces ------------------------------------------------------------

def test_national_strike_is_the_states_forces_after_a_dateline(run):
    doc = run("PESHAWAR, Pakistan (AP) -- A U.S. drone strike killed four militants in North "
              "Waziristan on Sunday.")
    assert codes(doc)["A U.S. drone strike"] == "USAMIL"


# --- role nouns used as plain nouns ------------------------------------------------------------------

def test_intelligence_as_information_is_no_actor(run):
    doc = run("Israel shared intelligence with Jordan about the plot, but Pakistani intelligence "
              "arrested the suspect.")
    found = codes(doc)
    assert "intelligence" not in found
    assert found["Pakistani intelligence"] == "PAKSPY"


def test_join_forces_and_cabinet_meeting_are_no_actors(run):
    doc = run("The two countries agreed to join forces against drug trafficking, the Nigerian "
              "government said after a cabinet meeting on Tuesday.")
    found = codes(doc)
    assert "forces" not in found
    assert not [t for t in found if "meeting" in t]
    assert found["the Nigerian government"] == "NGAGOV"


def test_former_soviet_republic_is_its_own_state(run):
    doc = run("Kyrgyzstan closed its border with Tajikistan after clashes on Thursday.")
    found = codes(doc)
    assert found["Kyrgyzstan"] == "KGZ"
    assert found["Tajikistan"] == "TJK"


def test_clock_time_is_not_a_prime_minister(run):
    doc = run("Iraqi officials said the curfew in Basra would begin at 4pm on Friday.")
    assert list(codes(doc)) == ["Iraqi officials"]
